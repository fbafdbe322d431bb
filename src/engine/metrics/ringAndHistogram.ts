/**
 * The two fixed-size stores behind Metrics' memory bound: Ring, a ring buffer of the latest records (the time
 * series), and GrowingHistogram, a histogram with a fixed number of bins whose width doubles to take larger values
 * (the waits in the buffer and in a blocked put).
 */
import type { Histogram } from './metricsTypes';

/** A fixed-size ring of records. */
export class Ring<T> {
  private readonly buf: (T | undefined)[];
  private head = 0;
  size = 0;
  constructor(readonly capacity: number) {
    this.buf = new Array<T | undefined>(capacity);
  }
  push(x: T): void {
    this.buf[(this.head + this.size) % this.capacity] = x;
    if (this.size < this.capacity) this.size++;
    else this.head = (this.head + 1) % this.capacity;
  }
  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let k = 0; k < this.size; k++) out.push(this.buf[(this.head + k) % this.capacity] as T);
    return out;
  }
  last(): T | undefined {
    return this.size === 0 ? undefined : this.buf[(this.head + this.size - 1) % this.capacity];
  }
}

/** A histogram with a fixed number of bins whose width doubles (pairs merge) to take larger values. */
export class GrowingHistogram {
  private counts: Float64Array;
  private width: number;
  private zero = 0;
  private total = 0;
  private max = 0;
  constructor(
    readonly bins: number,
    width: number,
  ) {
    if (bins < 2 || bins % 2 !== 0) throw new RangeError('GrowingHistogram: an even number of bins >= 2');
    this.counts = new Float64Array(bins);
    this.width = width;
  }
  add(x: number): void {
    this.total++;
    if (x > this.max) this.max = x;
    if (!(x > 0)) {
      this.zero++;
      return;
    }
    while (x >= this.width * this.bins) this.grow();
    const k = Math.floor(x / this.width);
    this.counts[k] = (this.counts[k] as number) + 1;
  }
  private grow(): void {
    const c = new Float64Array(this.bins);
    for (let k = 0; k < this.bins; k++) c[k >> 1] = (c[k >> 1] as number) + (this.counts[k] as number);
    this.counts = c;
    this.width *= 2;
  }
  snapshot(): Histogram {
    return { width: this.width, counts: Array.from(this.counts), zero: this.zero, total: this.total, max: this.max };
  }
}
