import { Deque } from './deque';
import { TimerHeap } from './timerHeap';

/** CPython's clock_resolution on Linux: a timer is due when `when < now + CLOCK_RESOLUTION`. */
export const CLOCK_RESOLUTION = 1e-9;

/** A callback scheduled on the loop (asyncio.Handle / TimerHandle): `callback(arg)`, as Handle's `_args`. */
export class Handle {
  cancelled = false;
  constructor(
    readonly callback: (arg: never) => void,
    readonly arg: unknown,
    public when: number,
    public seq: number,
  ) {}

  run(): void {
    (this.callback as (arg: unknown) => void)(this.arg);
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * The ready queue and the timer heap of `BaseEventLoop`, on a virtual clock. `runOnce` (in simulation.ts) follows
 * `_run_once`: the callbacks ready when an iteration starts, then the timers due, run in that iteration; anything
 * they schedule runs in the next.
 */
export class EventLoop {
  now = 0;
  readonly ready = new Deque<Handle>(64);
  readonly timers = new TimerHeap<Handle>();
  private seq = 0;
  /** Loop iterations run so far. */
  iterations = 0;

  time(): number {
    return this.now;
  }

  /** `call_soon(callback, arg)`: passing the argument (not a closure over it) spares an allocation per call. */
  callSoon<A>(callback: (arg: A) => void, arg: A): Handle;
  callSoon(callback: () => void): Handle;
  callSoon(callback: (arg: never) => void, arg?: unknown): Handle {
    const h = new Handle(callback, arg, 0, 0);
    this.ready.push(h);
    return h;
  }

  callAt<A>(when: number, callback: (arg: A) => void, arg: A): Handle;
  callAt(when: number, callback: () => void): Handle;
  callAt(when: number, callback: (arg: never) => void, arg?: unknown): Handle {
    const h = new Handle(callback, arg, when, this.seq++);
    this.timers.push(h);
    return h;
  }

  callLater<A>(delay: number, callback: (arg: A) => void, arg: A): Handle;
  callLater(delay: number, callback: () => void): Handle;
  callLater(delay: number, callback: (arg: never) => void, arg?: unknown): Handle {
    return this.callAt(this.now + delay, callback as (arg: unknown) => void, arg);
  }

  /** Drops cancelled timers from the head of the heap (they never run). */
  dropCancelledTimers(): void {
    let head = this.timers.peek();
    while (head !== undefined && head.cancelled) {
      this.timers.pop();
      head = this.timers.peek();
    }
  }

  /** The moment the loop would next do something: now if callbacks are ready, the first timer, or Infinity. */
  nextDeadline(): number {
    if (this.ready.length > 0) return this.now;
    this.dropCancelledTimers();
    const head = this.timers.peek();
    return head === undefined ? Infinity : Math.max(this.now, head.when);
  }

  /** Handles left to run in the current iteration (`ntodo`). */
  batchLeft = 0;

  /** Step 4 of `_run_once`, once the clock stands at the deadline: move due timers to the ready queue. */
  beginBatch(): void {
    this.iterations++;
    const endTime = this.now + CLOCK_RESOLUTION;
    let head = this.timers.peek();
    while (head !== undefined && head.when < endTime) {
      this.ready.push(this.timers.pop() as Handle);
      head = this.timers.peek();
    }
    this.batchLeft = this.ready.length;
  }

  /** Step 5, one handle at a time: runs the next handle of the batch (skipping cancelled ones). */
  runOne(): void {
    this.batchLeft--;
    const h = this.ready.shift() as Handle;
    if (!h.cancelled) h.run();
  }
}
