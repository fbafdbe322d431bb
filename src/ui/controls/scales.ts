/** The stepped scales of the logarithmic sliders: a slider's value is an index into one of these lists. */
import { formatShort } from '../i18n/numbers';

export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

/** Wall-clock seconds per task slice in "one step per beat". */
export const BEATS = [0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3] as const;

/** Seconds for the interval and service sliders; 0 (interval only) is "no sleep". */
export const SECONDS = [
  0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30, 60,
] as const;

/** The index of the step nearest to `x` (on a log scale). */
export function nearestIndex(steps: readonly number[], x: number): number {
  let best = 0;
  let bestD = Infinity;
  steps.forEach((s, i) => {
    const d = s === 0 || x === 0 ? (s === x ? 0 : Infinity) : Math.abs(Math.log(s / x));
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** A number for people, in the page's language: 3, 0.5, 0.01, 12.5, 1,000. */
export const fmt = (x: number): string => formatShort(x);
