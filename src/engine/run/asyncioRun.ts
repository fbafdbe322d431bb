/**
 * `asyncio.run(main())`'s phases on the run's loop: main runs; once it is done, `_cancel_all_tasks` cancels what
 * is left and waits for it (cleanup); then the interpreter waits for the threads; then the run is over. The driver
 * (sim.ts) asks after each loop iteration whether a phase has ended.
 */
import { gather } from '../asyncio/aio';
import type { Future } from '../asyncio/future';
import type { EventLoop } from '../asyncio/loop';
import type { EndStatus } from '../scenario';
import type { Task } from '../asyncio/task';

export type Phase = 'main' | 'cleanup' | 'threads' | 'ended';

/** What the phases need of the run. */
export interface RunOwner {
  readonly loop: EventLoop;
  readonly tasks: readonly Task<unknown>[];
  /** The next trace record's seq. */
  readonly seq: number;
  anyThreadAlive(): boolean;
  /** Ends the run; false. */
  finish(status: EndStatus, t: number, extra?: { exception?: string; message?: string }): boolean;
}

export class AsyncioRun {
  phase: Phase = 'main';
  /** The seq of the first event after main returned or raised, once cleanup has begun. */
  cleanupSeq: number | null = null;
  /** The awaited thing of the current phase (main, then the cleanup's gather) is done. */
  private stopping = false;
  private readonly onDone = (): void => {
    this.stopping = true;
  };

  constructor(
    private readonly owner: RunOwner,
    private readonly main: Task<void>,
    /** Python 3.12+ gather (see aio.gather). */
    private readonly gatherDoneNow: boolean,
  ) {
    main.addDoneCallback(this.onDone);
  }

  /** After a loop iteration: moves on to the next phase if this one is over. */
  afterIteration(): void {
    if (!this.stopping) return;
    this.stopping = false;
    if (this.phase === 'main') this.startCleanup();
    else this.finishRun();
  }

  /** `asyncio.run`'s `_cancel_all_tasks`: cancel every pending task and wait for them all. */
  private startCleanup(): void {
    this.phase = 'cleanup';
    this.cleanupSeq = this.owner.seq;
    const pending = this.owner.tasks.filter((t) => !t.done());
    if (pending.length === 0) {
      this.finishRun();
      return;
    }
    for (const t of pending) t.cancel();
    const outer: Future<unknown> = gather(this.owner.loop, pending, true, this.gatherDoneNow);
    outer.addDoneCallback(this.onDone);
  }

  /** asyncio.run has returned: the interpreter waits for the threads, then exits. */
  finishRun(): boolean {
    const o = this.owner;
    if (o.anyThreadAlive()) {
      this.phase = 'threads';
      return true;
    }
    const m = this.main;
    if (m.crash !== null) return o.finish('error', o.loop.now, { exception: m.crash.pyName, message: m.crash.message });
    // main was cancelled: asyncio.run raises its CancelledError (a live cancel of a task main gathers does this:
    // gather passes the child's cancellation on to main)
    if (m.cancelled()) return o.finish('error', o.loop.now, { exception: 'CancelledError', message: m.cancelMessage });
    return o.finish('completed', o.loop.now);
  }
}
