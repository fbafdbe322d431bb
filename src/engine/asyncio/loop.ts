import { ReadyQueue, type Callback } from './readyQueue';
import { TimerHeap } from './timerHeap';

/** CPython's clock_resolution on Linux: a timer is due when `when < now + CLOCK_RESOLUTION`. */
export const CLOCK_RESOLUTION = 1e-9;

/**
 * What the timer heap holds (`TimerHandle`): a moment, the order it was scheduled in (equal moments fire in that
 * order), whether it was cancelled (`_cancelled`: it never runs), and what it does when it runs.
 */
export interface Timer {
  when: number;
  seq: number;
  off: boolean;
  fire(): void;
}

/** A callback scheduled on the loop whose handle its caller keeps (asyncio.Handle / TimerHandle). */
export class Handle implements Timer {
  /** Cancelled (`_cancelled`): it never runs. */
  off = false;
  constructor(
    readonly callback: (arg: never) => void,
    readonly arg: unknown,
    public when: number,
    public seq: number,
  ) {}

  fire(): void {
    (this.callback as (arg: unknown) => void)(this.arg);
  }

  cancel(): void {
    this.off = true;
  }
}

/** `handle._run()` unless it was cancelled since it was queued (`_run_once` checks at run time). */
function runHandle(h: Timer): void {
  if (!h.off) h.fire();
}

/**
 * The ready queue and the timer heap of `BaseEventLoop`, on a virtual clock. `Sim.runOnce` (run/sim.ts) follows
 * `_run_once`: the callbacks ready when an iteration starts, then the timers due, run in that iteration; anything
 * they schedule runs in the next.
 */
export class EventLoop {
  now = 0;
  readonly ready = new ReadyQueue(64);
  readonly timers = new TimerHeap<Timer>();
  private seq = 0;
  /** Loop iterations run so far. */
  iterations = 0;

  time(): number {
    return this.now;
  }

  /** `call_soon(callback, arg)`, keeping the handle (it can be cancelled). */
  callSoon<A>(callback: (arg: A) => void, arg: A): Handle;
  callSoon(callback: () => void): Handle;
  callSoon(callback: (arg: never) => void, arg?: unknown): Handle {
    const h = new Handle(callback, arg, 0, 0);
    this.ready.push(runHandle as Callback, h);
    return h;
  }

  /**
   * `call_soon(callback, arg)` whose handle nobody keeps (a future's done callbacks, a task's next step): the same
   * place in the ready queue, without a Handle.
   */
  soon<A>(callback: (arg: A) => void, arg: A): void {
    this.ready.push(callback as Callback, arg);
  }

  callAt<A>(when: number, callback: (arg: A) => void, arg: A): Handle;
  callAt(when: number, callback: () => void): Handle;
  callAt(when: number, callback: (arg: never) => void, arg?: unknown): Handle {
    const h = new Handle(callback, arg, when, 0);
    this.addTimer(h);
    return h;
  }

  callLater<A>(delay: number, callback: (arg: A) => void, arg: A): Handle;
  callLater(delay: number, callback: () => void): Handle;
  callLater(delay: number, callback: (arg: never) => void, arg?: unknown): Handle {
    return this.callAt(this.now + delay, callback as (arg: unknown) => void, arg);
  }

  /** Schedules a timer made by its owner (`t.when` set): `call_at` without a separate handle object. */
  addTimer(t: Timer): void {
    t.seq = this.seq++;
    this.timers.push(t);
  }

  /** Drops cancelled timers from the head of the heap (they never run). */
  dropCancelledTimers(): void {
    let head = this.timers.peek();
    while (head !== undefined && head.off) {
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
      this.ready.push(runHandle as Callback, this.timers.pop());
      head = this.timers.peek();
    }
    this.batchLeft = this.ready.length;
  }

  /** Step 5, one handle at a time: runs the next handle of the batch (a cancelled one does nothing). */
  runOne(): void {
    this.batchLeft--;
    this.ready.runFirst();
  }
}
