/** A binary min-heap of timer handles ordered by (when, seq): equal times fire in scheduling order. */
export interface Timed {
  when: number;
  seq: number;
}

const before = (a: Timed, b: Timed): boolean => a.when < b.when || (a.when === b.when && a.seq < b.seq);

/**
 * The heap keeps its own length over an array that only grows: Array.prototype.pop shrinks the array's store and
 * the next push grows it again, through the builtins, once per timer (a sleep per item served).
 */
export class TimerHeap<T extends Timed> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private size = 0;

  get length(): number {
    return this.size;
  }

  peek(): T | undefined {
    return this.size > 0 ? this.items[0] : undefined;
  }

  push(x: T): void {
    if (this.size === this.items.length) this.items.length = this.size * 2;
    const h = this.items;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as T;
      if (!before(x, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = x;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const h = this.items;
    const top = h[0];
    const n = --this.size;
    const last = h[n] as T;
    h[n] = undefined;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r] as T, h[l] as T) ? r : l;
      if (!before(h[c] as T, last)) break;
      h[i] = h[c] as T;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
