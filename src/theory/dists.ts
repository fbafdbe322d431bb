/** Means and variability of the scenario's distributions, as the models need them. */
import type { Dist } from '../scenarios/types';

export interface Moments {
  mean: number;
  variance: number;
  /** Squared coefficient of variation, variance / mean^2 (NaN when the mean is 0). */
  scv: number;
  /** The draws are not independent (a `list` cycles through its values): the scv treats them as if they were. */
  cyclic: boolean;
}

const finish = (mean: number, variance: number, cyclic = false): Moments => ({
  mean,
  variance,
  scv: mean === 0 ? NaN : variance / (mean * mean),
  cyclic,
});

function ofValues(values: number[], cyclic: boolean): Moments {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  return finish(mean, variance, cyclic);
}

/** Exact moments of a draw (`item` has none of its own: returns null). */
export function moments(d: Dist): Moments | null {
  switch (d.dist) {
    case 'const':
      return finish(d.value, 0);
    case 'uniform':
      return finish((d.lo + d.hi) / 2, (d.hi - d.lo) ** 2 / 12);
    case 'randint': {
      const k = d.hi - d.lo + 1; // random.randint(lo, hi): k equally likely integers
      return finish((d.lo + d.hi) / 2, (k * k - 1) / 12);
    }
    case 'expo':
      return finish(d.mean, d.mean * d.mean);
    case 'choice':
      return ofValues(d.values, false);
    case 'list':
      return ofValues(d.values, true);
    case 'item':
      return null;
  }
}

/** Two distributions that draw the same way (so groups using them are interchangeable). */
export function sameDist(a: Dist, b: Dist): boolean {
  switch (a.dist) {
    case 'const':
      return b.dist === 'const' && a.value === b.value;
    case 'uniform':
    case 'randint':
      return b.dist === a.dist && a.lo === b.lo && a.hi === b.hi;
    case 'expo':
      return b.dist === 'expo' && a.mean === b.mean;
    case 'choice':
    case 'list':
      return b.dist === a.dist && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
    case 'item':
      return b.dist === 'item';
  }
}
