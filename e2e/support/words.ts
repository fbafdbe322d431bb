/** The page's words in each language, for specs that read or click what the page says. */
import { en, type Dict } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';

export const DICTS = { en, zh } as const satisfies Record<string, Dict>;
export type Lang = keyof typeof DICTS;
/** What each language's browser says it prefers (the page follows it). */
export const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A control's accessible name in either language, as a pattern: `whole` for a name that is the word alone (a slider,
 * a button), a part of it otherwise (a labelled <select> is also named by its chosen option).
 */
export function named(key: 'speed' | 'pause' | 'preset' | 'language', whole: boolean): RegExp {
  const either = `${escape(en[key])}|${escape(zh[key])}`;
  return new RegExp(whole ? `^(${either})$` : either);
}
