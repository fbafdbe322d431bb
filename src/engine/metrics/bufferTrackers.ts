/**
 * What Metrics knows of the items in the buffer: the put time and system entry time of each (Held), taken in the
 * queue's own order, FIFO (Queue), LIFO (LifoQueue) or by value (PriorityQueue), so that each get meets the put
 * time of the item it took. trackerFor picks the one for a queue kind. This is the one structure that grows with
 * the run, as big as the buffer itself.
 */
import type { QueueKind } from '../scenario';

/** Put times of the items in the buffer, taken in the queue's own order (FIFO, LIFO, or by value). */
export interface Held {
  put: number;
  /** When the item entered the system (its put_wait, or its put). */
  entry: number;
  real: boolean;
}

export interface BufferTracker {
  size: number;
  push(key: unknown, h: Held): void;
  /** The entry of the item with this value leaving now; any entry when `key` is undefined. */
  take(key: unknown): Held | undefined;
}

class FifoTracker implements BufferTracker {
  private buf: (Held | undefined)[] = new Array<Held | undefined>(16);
  private head = 0;
  size = 0;
  push(_key: unknown, h: Held): void {
    if (this.size === this.buf.length) {
      const b = new Array<Held | undefined>(this.buf.length * 2);
      for (let k = 0; k < this.size; k++) b[k] = this.buf[(this.head + k) % this.buf.length];
      this.buf = b;
      this.head = 0;
    }
    this.buf[(this.head + this.size) % this.buf.length] = h;
    this.size++;
  }
  take(): Held | undefined {
    if (this.size === 0) return undefined;
    const h = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.size--;
    return h;
  }
}

class LifoTracker implements BufferTracker {
  private readonly stack: Held[] = [];
  get size(): number {
    return this.stack.length;
  }
  push(_key: unknown, h: Held): void {
    this.stack.push(h);
  }
  take(): Held | undefined {
    return this.stack.pop();
  }
}

/** PriorityQueue: items leave by value; equal values are interchangeable, so they share a FIFO of put times. */
class ByValueTracker implements BufferTracker {
  private readonly byKey = new Map<string | number | null, FifoTracker>();
  size = 0;
  private static key(x: unknown): string | number | null {
    return typeof x === 'number' || x === null ? x : typeof x === 'string' ? `s${x}` : `j${JSON.stringify(x)}`;
  }
  push(key: unknown, h: Held): void {
    const k = ByValueTracker.key(key);
    let f = this.byKey.get(k);
    if (f === undefined) this.byKey.set(k, (f = new FifoTracker()));
    f.push(undefined, h);
    this.size++;
  }
  take(key: unknown): Held | undefined {
    let k: string | number | null;
    if (key === undefined) {
      const first = this.byKey.keys().next();
      if (first.done === true) return undefined;
      k = first.value;
    } else {
      k = ByValueTracker.key(key);
    }
    const f = this.byKey.get(k);
    if (f === undefined) return undefined;
    const h = f.take();
    if (f.size === 0) this.byKey.delete(k);
    this.size--;
    return h;
  }
}

export function trackerFor(kind: QueueKind): BufferTracker {
  return kind === 'LifoQueue' ? new LifoTracker() : kind === 'PriorityQueue' ? new ByValueTracker() : new FifoTracker();
}
