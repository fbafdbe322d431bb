/**
 * The loop's ready queue (`BaseEventLoop._ready`, a deque of handles) as a ring of (callback, argument) pairs.
 * CPython makes a Handle for every call_soon; most of them (a future's done callbacks, a task's next step) are
 * dropped by their caller at once and can never be cancelled, so here they are queued as bare pairs, and only a
 * call whose handle is kept (call_soon's return value, a timer) queues its Handle, run by `runHandle`.
 */
import { ringSize } from './deque';

export type Callback = (arg: never) => void;

export class ReadyQueue {
  private fns: (Callback | undefined)[];
  private args: unknown[];
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(capacity = 64) {
    const c = ringSize(capacity);
    this.fns = new Array<Callback | undefined>(c);
    this.args = new Array<unknown>(c);
    this.mask = c - 1;
  }

  get length(): number {
    return this.size;
  }

  push(fn: Callback, arg: unknown): void {
    if (this.size === this.fns.length) this.grow();
    const i = (this.head + this.size) & this.mask;
    this.fns[i] = fn;
    this.args[i] = arg;
    this.size++;
  }

  /** Takes the first pair off the queue and runs it: `handle._run()` of `popleft()`. */
  runFirst(): void {
    const i = this.head;
    const fn = this.fns[i] as (arg: unknown) => void;
    const arg = this.args[i];
    this.fns[i] = undefined;
    this.args[i] = undefined;
    this.head = (i + 1) & this.mask;
    this.size--;
    fn(arg);
  }

  private grow(): void {
    const n = this.fns.length * 2;
    const fns = new Array<Callback | undefined>(n);
    const args = new Array<unknown>(n);
    for (let k = 0; k < this.size; k++) {
      fns[k] = this.fns[(this.head + k) & this.mask];
      args[k] = this.args[(this.head + k) & this.mask];
    }
    this.fns = fns;
    this.args = args;
    this.mask = n - 1;
    this.head = 0;
  }
}
