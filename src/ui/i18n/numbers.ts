/**
 * Numbers and times for people, in the page's language (Intl.NumberFormat): counts, virtual times, rates. Python's
 * own values (items, the log) are not formatted here: they stay as Python writes them.
 */
import type { Lang } from '../../store/labStore';
import { pageLang } from './pageLang';

const LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, min: number, max: number, sig: number | null): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}:${sig}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(
      LOCALE[lang],
      sig === null ? { minimumFractionDigits: min, maximumFractionDigits: max } : { maximumSignificantDigits: sig },
    );
    cache.set(key, f);
  }
  return f;
}

const lang = (): Lang => pageLang();

/** A count: 1,234. */
export const formatInt = (n: number, l: Lang = lang()): string => formatter(l, 0, 0, null).format(n);

/** A number with exactly `digits` decimals: 3.50. */
export const formatFixed = (x: number, digits: number, l: Lang = lang()): string => formatter(l, digits, digits, null).format(x);

/** At most `digits` decimals, trailing zeros dropped: 14, 0.125. */
export const formatUpTo = (x: number, digits: number, l: Lang = lang()): string => formatter(l, 0, digits, null).format(x);

/** Three significant digits for slider values and rates (whole numbers from 100 on): 0.01, 2.5, 1,000. */
export function formatShort(x: number, l: Lang = lang()): string {
  if (x === 0) return formatInt(0, l);
  if (Math.abs(x) >= 100) return formatInt(Math.round(x), l);
  return formatter(l, 0, 0, 3).format(x);
}
