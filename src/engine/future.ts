import { CancelledError, EngineError, PyException } from './errors';
import type { EventLoop } from './loop';

/** What a coroutine step yields: a future to wait on, or null for a bare `yield` (`sleep(0)`). */
export type Yielded = Future<unknown> | null;
/** A coroutine: a generator function run by a Task. */
export type Coro<T> = Generator<Yielded, T, unknown>;

type State = 'PENDING' | 'CANCELLED' | 'FINISHED';
export type DoneCallback<T> = (f: Future<T>) => void;

/** asyncio.Future: callbacks are call_soon'ed in registration order when it completes. */
export class Future<T> {
  state: State = 'PENDING';
  private resultValue: T | undefined;
  private exc: PyException | null = null;
  /** Callbacks as closures (keyed by the function given) so that Future<T> stays covariant in T. */
  private callbacks: { key: unknown; run: () => void }[] = [];
  cancelMessage = '';
  /** Set by a task that awaits it; tells what the task waits on (for hang reports and the scene). */
  label = '';

  constructor(readonly loop: EventLoop) {}

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
    if (this.state !== 'PENDING') this.loop.callSoon(() => fn(this));
    else this.callbacks.push({ key: fn, run: () => fn(this) });
  }

  removeDoneCallback(fn: DoneCallback<T>): number {
    const before = this.callbacks.length;
    this.callbacks = this.callbacks.filter((cb) => cb.key !== fn);
    return before - this.callbacks.length;
  }

  protected scheduleCallbacks(): void {
    const cbs = this.callbacks;
    if (cbs.length === 0) return;
    this.callbacks = [];
    for (const cb of cbs) this.loop.callSoon(cb.run);
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
