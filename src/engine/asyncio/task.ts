import { CancelledError, EngineError, PyException } from './errors';
import { Future, type Steps, type Yielded } from './future';
import type { EventLoop } from './loop';

/** What a task needs of the run that owns it: its loop, and hooks to record tasks and their steps. */
export interface TaskHost {
  loop: EventLoop;
  /** A new task, in creation order. */
  register(task: Task<unknown>): void;
  /** A step of `task` begins (`_enter_task`): steps never nest, one runs at a time. */
  enterTask(task: Task<unknown>): void;
  /** The step has ended (`_leave_task`), however it ended. */
  leaveTask(task: Task<unknown>): void;
}

/**
 * asyncio.Task, ported from `Lib/asyncio/tasks.py` (`__step`, `__wakeup`, `cancel`). Creating a task schedules its
 * first step with call_soon, so it first runs in the next loop iteration.
 */
export class Task<T> extends Future<T> {
  private readonly coro: Steps<T>;
  /** The future this task is blocked on (`_fut_waiter`). */
  futWaiter: Future<unknown> | null = null;
  private mustCancel = false;
  numCancelsRequested = 0;
  /** The exception that ended the task, kept for the scene and for error ends. */
  crash: PyException | null = null;
  private readonly wakeupCb = (f: Future<unknown>): void => this.wakeup(f);

  constructor(
    private readonly host: TaskHost,
    coro: Steps<T>,
    readonly name: string,
  ) {
    super(host.loop);
    this.coro = coro;
    host.register(this as Task<unknown>);
    host.loop.soon(stepTask, this as Task<unknown>);
  }

  override cancel(msg = ''): boolean {
    if (this.done()) return false;
    this.numCancelsRequested++;
    if (this.futWaiter !== null && this.futWaiter.cancel(msg)) return true;
    this.mustCancel = true;
    this.cancelMessage = msg;
    return true;
  }

  /** Ready: not done, and not blocked on a pending future (a step or wake-up is queued). */
  isReady(): boolean {
    return !this.done() && (this.futWaiter === null || this.futWaiter.done());
  }

  /** `__step(exc)`. */
  step(exc: PyException | null): void {
    if (this.done()) throw new EngineError(`_step(): already done: ${this.name}`);
    if (this.mustCancel) {
      if (!(exc instanceof CancelledError)) exc = new CancelledError(this.cancelMessage);
      this.mustCancel = false;
    }
    this.futWaiter = null;
    this.host.enterTask(this as Task<unknown>);
    let res: IteratorResult<Yielded, T>;
    try {
      res = exc === null ? this.coro.next(undefined) : this.coro.throw(exc);
    } catch (e) {
      this.host.leaveTask(this as Task<unknown>);
      if (e instanceof CancelledError) {
        super.cancel(e.message);
      } else if (e instanceof PyException) {
        this.crash = e;
        super.setException(e);
      } else {
        throw e; // an engine bug: let it escape
      }
      return;
    }
    this.host.leaveTask(this as Task<unknown>);
    if (res.done === true) {
      if (this.mustCancel) {
        this.mustCancel = false;
        super.cancel(this.cancelMessage);
      } else {
        super.setResult(res.value);
      }
      return;
    }
    const fut = res.value;
    if (fut === null) {
      this.loop.soon(stepTask, this as Task<unknown>);
      return;
    }
    if (fut === (this as Future<unknown>)) throw new EngineError(`Task cannot await on itself: ${this.name}`);
    fut.addDoneCallback(this.wakeupCb);
    this.futWaiter = fut;
    if (this.mustCancel && fut.cancel(this.cancelMessage)) this.mustCancel = false;
  }

  private wakeup(fut: Future<unknown>): void {
    // the common case, without the throw and catch of result()
    if (fut.succeeded()) {
      this.step(null);
      return;
    }
    try {
      fut.result();
    } catch (e) {
      if (e instanceof PyException) {
        this.step(e);
        return;
      }
      throw e;
    }
    this.step(null);
  }
}

/** `call_soon(task.__step)`: the task is the argument, so no closure is made per task or per step. */
function stepTask(t: Task<unknown>): void {
  t.step(null);
}
