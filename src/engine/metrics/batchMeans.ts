/**
 * The sums behind the figures and their confidence intervals: Acc, everything summed over a stretch of time (the
 * whole measured period, or one batch); RATIOS, each figure as a ratio of two of those sums; and estimate, a ratio
 * over the whole period with its 95% batch-means interval (the ratio estimator, with Student's t from t975).
 */
import type { Estimate } from './metricsTypes';

/** Everything summed over a stretch of time; figures are ratios of these. */
export class Acc {
  time = 0;
  areaQ = 0;
  areaService = 0;
  areaHeld = 0;
  areaConsumers = 0;
  areaProducers = 0;
  areaFull = 0;
  puts = 0;
  gets = 0;
  done = 0;
  errors = 0;
  waitSum = 0;
  waited = 0;
  sysSum = 0;
  svcSum = 0;
  blockSum = 0;
  blocked = 0;

  addInto(o: Acc): void {
    for (const k of ACC_KEYS) o[k] += this[k];
  }
}
type AccKey = Exclude<keyof Acc, 'addInto'>;
const ACC_KEYS: AccKey[] = Object.keys(new Acc()) as AccKey[];

/** A figure as a ratio of two sums (numerator, denominator). */
export type Ratio = (a: Acc) => [number, number];

export const RATIOS = {
  arrivalRate: (a) => [a.puts, a.time],
  throughput: (a) => [a.done, a.time],
  serviceTime: (a) => [a.svcSum, a.done],
  rho: (a) => [a.areaService, a.areaConsumers],
  Lq: (a) => [a.areaQ, a.time],
  Lservice: (a) => [a.areaService, a.time],
  Lheld: (a) => [a.areaHeld, a.time],
  L: (a) => [a.areaQ + a.areaService + a.areaHeld, a.time],
  Wq: (a) => [a.waitSum, a.gets],
  W: (a) => [a.sysSum, a.done],
  pWait: (a) => [a.waited, a.gets],
  pBlocked: (a) => [a.areaHeld, a.areaProducers],
  pFull: (a) => [a.areaFull, a.time],
  blockedTime: (a) => [a.blockSum, a.blocked],
} satisfies Record<string, Ratio>;

/** Student's t quantile t_{0.975, df}. */
export function t975(df: number): number {
  const table = [
    NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
    2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df < 1) return NaN;
  if (df <= 30) return table[Math.floor(df)] as number;
  // Cornish-Fisher expansion around the normal quantile: within 1e-4 above 30 degrees of freedom
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/** Figures that are shares of time or of items: their intervals stay within [0, 1]. */
const SHARES = new Set<Ratio>([RATIOS.rho, RATIOS.pWait, RATIOS.pBlocked, RATIOS.pFull]);

/**
 * A ratio with its batch-means interval (ratio estimator: s^2 = sum (Y_i - R X_i)^2 / (B - 1) / mean(X)^2), over the
 * totals `all` and the `complete` batches.
 */
export function estimate(
  r: Ratio,
  all: Acc,
  complete: readonly Acc[],
  ready: string | null,
  minCount: number,
): Estimate {
  const [num, den] = r(all);
  const value = den > 0 ? num / den : null;
  if (value === null) return { value, ci95: null, ciNote: 'nothing measured yet' };
  if (ready !== null) return { value, ci95: null, ciNote: ready };
  const B = complete.length;
  let sy = 0;
  let sx = 0;
  let empty = 0;
  const ys: number[] = [];
  const xs: number[] = [];
  for (const b of complete) {
    const [y, x] = r(b);
    ys.push(y);
    xs.push(x);
    sy += y;
    sx += x;
    if (x <= 0) empty++;
  }
  if (sx <= 0 || empty > B / 4 || sx < minCount) {
    return { value, ci95: null, ciNote: 'too few observations in the batches for an interval' };
  }
  const R = sy / sx;
  const xbar = sx / B;
  let ss = 0;
  for (let k = 0; k < B; k++) ss += ((ys[k] as number) - R * (xs[k] as number)) ** 2;
  const se = Math.sqrt(ss / (B - 1) / B) / xbar;
  const h = t975(B - 1) * se;
  return { value, ci95: [Math.max(0, value - h), SHARES.has(r) ? Math.min(1, value + h) : value + h] };
}
