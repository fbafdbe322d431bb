/** The figures in a few plain sentences: how busy the consumers are, what that does to the buffer, and the checks. */
import type { Figures } from '../../engine/metrics/metrics';
import type { Lang } from '../../store/labStore';
import type { TheoryResult } from '../../theory/types';
import type { MeasureWords } from './words';
import type { FigureRow } from './figureRows';
import { num, pct } from './format';

/** Items served before the figures are worth reading aloud. */
const MIN_ITEMS = 10;

export function reading(f: Figures | null, th: TheoryResult | null, rows: FigureRow[], m: MeasureWords, lang: Lang): string[] {
  const r = m.reading;
  // a handful of items says nothing yet
  if (f === null || f.rho.value === null || f.counts.done < MIN_ITEMS) return [];
  const out: string[] = [];
  const rho = f.rho.value;
  const blocked = f.pBlocked.value ?? 0;
  let first = r.busy(pct(rho, lang));
  if (f.bufferSize !== null && blocked >= 0.03) first += r.full(pct(blocked, lang));
  else if (th?.status === 'unstable' && f.bufferSize === null && rho >= 0.9) first += r.growing;
  else if (rho < 0.5 && f.pWait.value !== null) first += r.idle(pct(f.pWait.value, lang));
  else if (f.Wq.value !== null) first += r.waits(num(f.Wq.value, lang));
  else first += m.stop;
  out.push(first);
  const { L, lambdaW, relDiff } = f.little;
  if (L !== null && lambdaW !== null && relDiff !== null) {
    out.push(Math.abs(relDiff) <= 0.05 ? r.littleOk(num(L, lang), num(lambdaW, lang)) : r.littleOff(num(L, lang), num(lambdaW, lang)));
  }
  if (th?.status === 'none') out.push(r.noTheory);
  else {
    const compared = rows.filter((row) => row.key !== 'little' && row.agrees !== null);
    if (compared.length > 0) out.push(r.agree(compared.filter((row) => row.agrees === true).length, compared.length));
  }
  return out;
}
