/**
 * Timed values (waits, blocked puts) summed per step of `dt` until a chart point that ends on a step boundary
 * takes the mean of those before it. The stream used to keep every value until then; at 1000x a point spans
 * 100 virtual seconds, and while the engine is behind the clock that is a minute or more of wall time and millions
 * of values (the worker's heap grew by about 17 bytes an event). Kept per step, the memory is bounded by the steps
 * between the last point taken and the newest value (a point's width and a little more), whatever the rate.
 */
import type { Point } from '../engine/metrics';

export class StepMeans {
  /** Step k holds the values with (k - 1) dt <= t < k dt, in increasing k; sums and counts alongside. */
  private readonly steps: number[] = [];
  private readonly sums: number[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly dt: number) {}

  /** Values in time order (and after those added before). */
  add(points: readonly Point[]): void {
    for (const p of points) {
      const k = this.stepOf(p.t);
      const last = this.steps.length - 1;
      // a value that would go behind the last step (times never go back) joins it
      if (last >= 0 && k <= this.steps[last]!) {
        this.sums[last]! += p.value;
        this.counts[last]!++;
      } else {
        this.steps.push(k);
        this.sums.push(p.value);
        this.counts.push(1);
      }
    }
  }

  /** The mean of the values at times before `end * dt`, which leave; NaN when there are none. */
  takeBefore(end: number): number {
    let i = 0;
    let sum = 0;
    let n = 0;
    while (i < this.steps.length && this.steps[i]! <= end) {
      sum += this.sums[i]!;
      n += this.counts[i]!;
      i++;
    }
    this.steps.splice(0, i);
    this.sums.splice(0, i);
    this.counts.splice(0, i);
    return n > 0 ? sum / n : NaN;
  }

  /** Steps held (tests: bounded however many values went in). */
  get size(): number {
    return this.steps.length;
  }

  /** The least k with t < k dt, exactly as a point ending at step k compares (t < k * dt). */
  private stepOf(t: number): number {
    let k = Math.floor(t / this.dt) + 1;
    while (t >= k * this.dt) k++;
    while (k > 0 && t < (k - 1) * this.dt) k--;
    return k;
  }
}
