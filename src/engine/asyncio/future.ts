import { CancelledError, EngineError, PyException } from './errors';
import type { EventLoop } from './loop';

/** What a coroutine step yields: a future to wait on, or null for a bare `yield` (`sleep(0)`). */
export type Yielded = Future<unknown> | null;
/** A coroutine: a generator function run by a Task. */
export type Coro<T> = Generator<Yielded, T, unknown>;
/**
 * What a Task steps: a coroutine, or a state machine with the same `next` and `throw` (see consumer.ts). The
 * result of a step is read at once and may be reused by the next.
 */
export interface Steps<T> {
  next(value?: unknown): IteratorResult<Yielded, T>;
  throw(e: unknown): IteratorResult<Yielded, T>;
}

type State = 'PENDING' | 'CANCELLED' | 'FINISHED';
export type DoneCallback<T> = (f: Future<T>) => void;

/**
 * asyncio.Future: callbacks are call_soon'ed in registration order when it completes.
 *
 * Its fields (and its subclasses') are declared, then set in the constructor, rather than given initializers: V8
 * runs a subclass's field initializers through a slower construction path, and a sleep's future is made for every
 * item served (half its cost went there).
 */
export class Future<T> {
  declare state: State;
  private declare resultValue: T | undefined;
  private declare exc: PyException | null;
  /**
   * The first done callback; with `more`, the callbacks in registration order, each called with this future
   * (`call_soon(cb, self)`). Typed loosely so that Future<T> stays covariant in T.
   */
  private declare cb0: ((f: never) => void) | null;
  /** The callbacks after the first, or null (most futures get exactly one, kept in `cb0` without an array). */
  private declare more: ((f: never) => void)[] | null;
  declare cancelMessage: string;
  /** Set by a task that awaits it; tells what the task waits on (for hang reports and the scene). */
  declare label: string;
  declare readonly loop: EventLoop;

  constructor(loop: EventLoop, label = '') {
    this.renew();
    this.label = label;
    this.loop = loop;
  }

  /** Pending, as a new future is (and a reused one again: see SleepFuture.again). */
  protected renew(): void {
    this.state = 'PENDING';
    this.resultValue = undefined;
    this.exc = null;
    this.cb0 = null;
    this.more = null;
    this.cancelMessage = '';
  }

  done(): boolean {
    return this.state !== 'PENDING';
  }

  cancelled(): boolean {
    return this.state === 'CANCELLED';
  }

  result(): T {
    if (this.state === 'CANCELLED') throw new CancelledError(this.cancelMessage);
    if (this.state !== 'FINISHED') throw new PyException('InvalidStateError', 'Result is not ready.');
    if (this.exc !== null) throw this.exc;
    return this.resultValue as T;
  }

  /** Done with a result, not an exception nor cancelled: what a waiting task's wake-up checks first. */
  succeeded(): boolean {
    return this.state === 'FINISHED' && this.exc === null;
  }

  exception(): PyException | null {
    if (this.state === 'CANCELLED') throw new CancelledError(this.cancelMessage);
    if (this.state !== 'FINISHED') throw new PyException('InvalidStateError', 'Exception is not set.');
    return this.exc;
  }

  setResult(value: T): void {
    if (this.state !== 'PENDING') throw new EngineError('set_result on a future that is done');
    this.resultValue = value;
    this.state = 'FINISHED';
    this.scheduleCallbacks();
  }

  setException(exc: PyException): void {
    if (this.state !== 'PENDING') throw new EngineError('set_exception on a future that is done');
    this.exc = exc;
    this.state = 'FINISHED';
    this.scheduleCallbacks();
  }

  cancel(msg = ''): boolean {
    if (this.state !== 'PENDING') return false;
    this.state = 'CANCELLED';
    this.cancelMessage = msg;
    this.scheduleCallbacks();
    return true;
  }

  addDoneCallback(fn: DoneCallback<T>): void {
    if (this.state !== 'PENDING') this.loop.soon(fn, this);
    else if (this.cb0 === null) this.cb0 = fn;
    else if (this.more === null) this.more = [fn];
    else this.more.push(fn);
  }

  removeDoneCallback(fn: DoneCallback<T>): number {
    const all = this.cb0 === null ? [] : this.more === null ? [this.cb0] : [this.cb0, ...this.more];
    const kept = all.filter((cb) => cb !== fn);
    this.cb0 = kept[0] ?? null;
    this.more = kept.length > 1 ? kept.slice(1) : null;
    return all.length - kept.length;
  }

  protected scheduleCallbacks(): void {
    const first = this.cb0;
    if (first === null) return;
    const more = this.more;
    this.cb0 = null;
    this.more = null;
    this.loop.soon(first as (f: Future<T>) => void, this);
    if (more !== null) for (let i = 0; i < more.length; i++) this.loop.soon(more[i] as (f: Future<T>) => void, this);
  }

  /** `await fut` (Future.__await__): yields itself while pending, then returns the result or raises. */
  *wait(): Coro<T> {
    if (!this.done()) {
      yield this as Future<unknown>;
      if (!this.done()) throw new EngineError("await wasn't used with future");
    }
    return this.result();
  }
}
