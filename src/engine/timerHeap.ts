/** A binary min-heap of timer handles ordered by (when, seq): equal times fire in scheduling order. */
export interface Timed {
  when: number;
  seq: number;
}

const before = (a: Timed, b: Timed): boolean => a.when < b.when || (a.when === b.when && a.seq < b.seq);

export class TimerHeap<T extends Timed> {
  readonly items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(x: T): void {
    const h = this.items;
    h.push(x);
    let i = h.length - 1;
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
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    const n = h.length;
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
