/** Numbers of the charts and the figures table, written for the page's language (Intl.NumberFormat). */
import type { Lang } from '../../store/labStore';

export type { Lang };

const LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE[lang], opts);
    cache.set(k, f);
  }
  return f;
}

/** Three significant digits below 100, whole numbers above: 0.0123, 2.5, 14.2, 1,234. */
export function num(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '-∞' : '—';
  if (x === 0) return nf(lang, 'int', { maximumFractionDigits: 0 }).format(0);
  if (Math.abs(x) >= 100) return nf(lang, 'int', { maximumFractionDigits: 0 }).format(Math.round(x));
  return nf(lang, 'sig3', { maximumSignificantDigits: 3 }).format(x);
}

/** A share as a percentage: 97%, 4.5% (one decimal below 10%). */
export function pct(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  const digits = Math.abs(x) < 0.1 && x !== 0 ? 1 : 0;
  return nf(lang, `pct${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(x);
}

/** Axis tick labels: as few digits as the step between ticks needs. */
export function tick(x: number, step: number, lang: Lang): string {
  const digits = step >= 1 || step <= 0 ? 0 : Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
  return nf(lang, `fix${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** A tick label as a percentage (the value is a share, 0..1). */
export function tickPct(x: number, lang: Lang): string {
  return nf(lang, 'pct0', { style: 'percent', maximumFractionDigits: 0 }).format(x);
}
