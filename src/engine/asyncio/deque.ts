/**
 * A ring-buffer deque: O(1) push/shift at both ends, like Python's collections.deque. The capacity is a power of
 * two, so that a position wraps with a mask instead of a division.
 */
/** The size of a ring that holds `capacity`: a power of two, at least 16. */
export function ringSize(capacity: number): number {
  let c = 16;
  while (c < capacity) c *= 2;
  return c;
}

export class Deque<T> {
  private buf: (T | undefined)[];
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(capacity = 16) {
    const c = ringSize(capacity);
    this.buf = new Array<T | undefined>(c);
    this.mask = c - 1;
  }

  get length(): number {
    return this.size;
  }

  push(x: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = x;
    this.size++;
  }

  /** popleft */
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return x;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const i = (this.head + this.size - 1) & this.mask;
    const x = this.buf[i];
    this.buf[i] = undefined;
    this.size--;
    return x;
  }

  peek(i = 0): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.buf[(this.head + i) & this.mask];
  }

  /** Removes the first element identical to x; false when absent (Python raises ValueError). */
  remove(x: T): boolean {
    for (let i = 0; i < this.size; i++) {
      if (this.buf[(this.head + i) & this.mask] === x) {
        for (let j = i; j < this.size - 1; j++) {
          this.buf[(this.head + j) & this.mask] = this.buf[(this.head + j + 1) & this.mask];
        }
        this.buf[(this.head + this.size - 1) & this.mask] = undefined;
        this.size--;
        return true;
      }
    }
    return false;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.buf[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.buf.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & this.mask];
    this.buf = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
