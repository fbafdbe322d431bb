/**
 * The page's language: the address's `?lang=zh|en` (an embedding page can fix it), else the one chosen before
 * (localStorage), else the browser's (zh* gives Chinese), else English. A choice made with the picker is remembered.
 */
import type { Lab } from '../../store/createLab';
import type { Lang } from '../../store/labStore';
import { loadLang } from '../i18n';
import { followLang } from '../i18n/pageLang';

export const LANG_KEY = 'queue-lab.lang';

function stored(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'zh' ? v : null;
  } catch {
    return null; // storage refused (privacy settings, a sandboxed iframe)
  }
}

/** The browser's preferred language, as one of ours. */
export function browserLang(langs: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  for (const l of langs) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

const asked = (search: string): Lang | null => {
  const v = new URLSearchParams(search).get('lang');
  return v === 'en' || v === 'zh' ? v : null;
};

/**
 * Sets the starting language, fetches the words of each language chosen, and remembers later changes; call once
 * before the first render, which waits for the result (the starting language's words, or their fetch failed).
 */
export function initLanguage(lab: Lab, search: string = window.location.search): Promise<void> {
  lab.actions.setLang(asked(search) ?? stored() ?? browserLang());
  followLang(lab.store);
  document.documentElement.lang = lab.store.getState().lang === 'zh' ? 'zh-CN' : 'en';
  lab.store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    void loadLang(s.lang);
    try {
      window.localStorage.setItem(LANG_KEY, s.lang);
    } catch {
      // not remembered; the page still switches
    }
  });
  return loadLang(lab.store.getState().lang);
}
