import { CancelledError, PyException } from './errors';
import { Future, type Coro } from './future';
import type { EventLoop, Timer } from './loop';

/** asyncio.sleep: `sleep(0)` is a bare yield (one iteration); `sleep(d)` a future set by a timer (two). */
export function* sleep(loop: EventLoop, delay: number): Coro<void> {
  yield sleepStep(loop, delay);
}

/**
 * What `await asyncio.sleep(delay)` yields to its task: null (a bare yield) for delay <= 0, else the sleep's
 * future: `last` made new again if it can be (SleepFuture.again), else a new one. A coroutine can `yield` this
 * directly, one generator less than `yield* sleep(...)` on the hot path.
 */
export function sleepStep(loop: EventLoop, delay: number, last: SleepFuture | null = null): SleepFuture | null {
  if (delay <= 0) return null;
  return last?.again(delay) ?? new SleepFuture(loop, delay);
}

/**
 * The future of `asyncio.sleep(delay)`, delay > 0: `call_later(delay, futures._set_result_unless_cancelled, fut)`.
 * The future is its own timer (one object where CPython has two: the timer's `fire` is the callback). CPython
 * cancels the timer in sleep's `finally` once the cancelled task resumes; cancelling it with the future is the
 * same to the program (a cancelled sleep's timer never runs its callback either way, and the task resumes in the
 * same iteration).
 */
export class SleepFuture extends Future<void> implements Timer {
  declare when: number;
  declare seq: number;
  declare off: boolean;

  constructor(loop: EventLoop, delay: number) {
    super(loop, 'sleep');
    this.when = loop.now + delay;
    this.seq = 0;
    this.off = false;
    loop.addTimer(this);
  }

  /**
   * The same object as a new sleep of `delay` from now, where the program would make a new one: only once this
   * one has fired, which takes it off the timer heap and, since the task that awaited it is running again, out
   * of the ready queue too. Nothing else holds a sleep's future. A new future per item served was a fifth of the
   * engine's allocation, and each was stored into the loop's long-lived arrays (a write barrier per store).
   */
  again(delay: number): this | null {
    if (this.state !== 'FINISHED' || this.off) return null;
    this.renew();
    this.when = this.loop.now + delay;
    this.loop.addTimer(this);
    return this;
  }

  /** futures._set_result_unless_cancelled(fut, None) */
  fire(): void {
    if (!this.cancelled()) this.setResult(undefined);
  }

  override cancel(msg = ''): boolean {
    this.off = true;
    return super.cancel(msg);
  }
}

/** asyncio.Event (`Lib/asyncio/locks.py`). */
export class AioEvent {
  private value = false;
  readonly waiters: Future<boolean>[] = [];

  constructor(
    private readonly loop: EventLoop,
    private readonly label: string,
  ) {}

  isSet(): boolean {
    return this.value;
  }

  set(): void {
    if (this.value) return;
    this.value = true;
    for (const fut of this.waiters) if (!fut.done()) fut.setResult(true);
  }

  clear(): void {
    this.value = false;
  }

  *wait(): Coro<boolean> {
    if (this.value) return true;
    const fut = new Future<boolean>(this.loop, this.label);
    this.waiters.push(fut);
    try {
      yield* fut.wait();
      return true;
    } finally {
      const i = this.waiters.indexOf(fut);
      if (i >= 0) this.waiters.splice(i, 1);
    }
  }
}

/** The result of one child of gather(return_exceptions=True). */
export type GatherResult = { ok: true; value: unknown } | { ok: false; error: PyException };

/**
 * asyncio.gather over futures (tasks). The outer future completes one callback after the last child. From Python
 * 3.12 on (`doneNow`), children that are already done are counted at once, so gathering finished tasks does not
 * yield; 3.11 schedules a callback for them too.
 */
export function gather(loop: EventLoop, children: Future<unknown>[], returnExceptions: boolean, doneNow: boolean): Future<GatherResult[]> {
  const outer = new Future<GatherResult[]>(loop, 'asyncio.gather');
  if (children.length === 0) {
    outer.setResult([]);
    return outer;
  }
  const unique = [...new Set(children)];
  const nfuts = unique.length;
  let nfinished = 0;
  const done = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer.done()) return;
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(new CancelledError(fut.cancelMessage));
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      outer.setResult(
        children.map((c): GatherResult => {
          if (c.cancelled()) return { ok: false, error: new CancelledError(c.cancelMessage) };
          const e = c.exception();
          return e === null ? { ok: true, value: c.result() } : { ok: false, error: e };
        }),
      );
    }
  };
  const doneAlready: Future<unknown>[] = [];
  for (const c of unique) {
    if (doneNow && c.done()) doneAlready.push(c);
    else c.addDoneCallback(done);
  }
  for (const c of doneAlready) done(c);
  return outer;
}

/** `await asyncio.wait(tasks)` with ALL_COMPLETED: resumes one callback after the last task completes. */
export function* waitAll(loop: EventLoop, fs: Future<unknown>[]): Coro<void> {
  if (fs.length === 0) throw new PyException('ValueError', 'Set of Tasks/Futures is empty.');
  const set = [...new Set(fs)];
  const waiter = new Future<void>(loop, 'asyncio.wait');
  let counter = set.length;
  const onCompletion = (): void => {
    counter--;
    if (counter <= 0 && !waiter.done()) waiter.setResult(undefined);
  };
  for (const f of set) f.addDoneCallback(onCompletion);
  try {
    yield* waiter.wait();
  } finally {
    for (const f of set) f.removeDoneCallback(onCompletion);
  }
}
