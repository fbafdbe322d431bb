/**
 * One run of a scenario, the driver: the loop's iterations (`runOnce`), the threads that run between them, the
 * horizon, and the trace. It hosts the program (program/), whose main the phases of asyncio.run (run/asyncioRun.ts)
 * wait for; the end record is made in run/end.ts. What it does is told to an observer (run/observer.ts): counts and
 * views are derived there, outside the run.
 */
import type { Dist, EndRecord, EndStatus, EventName, Item, Scenario } from '../scenario';
import type { TraceSink } from '../trace/traceSink';
import { sleepStep } from '../asyncio/aio';
import { EngineError } from '../asyncio/errors';
import type { Steps, Yielded } from '../asyncio/future';
import { EventLoop } from '../asyncio/loop';
import { DrawSite } from '../program/draws';
import { mainTask } from '../program/main';
import type { ProgramHost } from '../program/host';
import { programShape, type ProgramShape } from '../program/shape';
import { AioQueue, ThreadQueue } from '../asyncio/queue';
import { Threads, type SimThread } from './threads';
import { PyRandom } from '../pyruntime/random';
import { Task, type TaskHost } from '../asyncio/task';
import type { Actor, Site } from '../program/actor';
import { AsyncioRun, type Phase, type RunOwner } from './asyncioRun';
import { endRecord } from './end';
import { NO_OBSERVER, type RunObserver } from './observer';

export type { Actor, Site, SimThread, Phase };
export { waitingOn } from './end';

/** Thrown through a task's step when the horizon passes during a blocking time.sleep; never seen by the program. */
export class HorizonReached extends Error {
  constructor() {
    super('horizon reached');
    this.name = 'HorizonReached';
  }
}

export class Sim implements TaskHost, ProgramHost, RunOwner {
  readonly loop = new EventLoop();
  readonly rng: PyRandom;
  readonly shape: ProgramShape;
  readonly queue: AioQueue | ThreadQueue;
  readonly actors: Actor[] = [];
  readonly tasks: Task<unknown>[] = [];
  readonly threads: Threads;
  private readonly run: AsyncioRun;
  /** Told of every step, event and blocking sleep. */
  private readonly observer: RunObserver;
  end: EndRecord | null = null;
  seq = 0;
  /** Off: no record objects are made at all, only `seq` counts on (fast seeks). */
  recording = true;
  readonly horizon: number;
  /**
   * Units of progress: one handle run, or one select that ran none (a thread, the end). The same scenario reaches
   * the same state after the same number of ticks, whether it got there by whole iterations or handle by handle:
   * time travel goes back by running a fresh simulation to an earlier tick.
   */
  ticks = 0;
  /** The seq of the first event of the latest slice (one handle, or one thread's run to its next sleep) that wrote any: the lab's caption. */
  sliceFrom = 0;
  private sliceTick = -1;
  private sliceThreadRun = -1;
  private readonly drawSites = new Map<string, DrawSite>();

  constructor(
    readonly scenario: Scenario,
    /** Receives the trace, while `recording` is on. */
    public sink: TraceSink,
    opts: { horizon?: number | null; observer?: RunObserver } = {},
  ) {
    this.observer = opts.observer ?? NO_OBSERVER;
    this.rng = new PyRandom(scenario.seed);
    this.shape = programShape(scenario);
    this.threads = new Threads(this.loop);
    const h = opts.horizon !== undefined ? opts.horizon : scenario.horizon;
    this.horizon = h === null ? Infinity : h;
    const k = scenario.queue.kind;
    this.queue = k === 'queue.Queue' ? new ThreadQueue() : new AioQueue(this.loop, k, scenario.queue.maxsize);
    const main = this.newActor('main', 'main', 'task', -1);
    this.run = new AsyncioRun(this, this.spawn(main, mainTask(this, main)), this.shape.gatherDoneNow);
  }

  get phase(): Phase {
    return this.run.phase;
  }

  anyThreadAlive(): boolean {
    return this.threads.anyAlive();
  }

  register(task: Task<unknown>): void {
    this.tasks.push(task);
  }

  enterTask(task: Task<unknown>): void {
    this.observer.enterTask(task);
  }

  leaveTask(task: Task<unknown>): void {
    this.observer.leaveTask(task);
  }

  aioQueue(): AioQueue {
    if (this.queue instanceof AioQueue) return this.queue;
    throw new EngineError('this program needs an asyncio queue');
  }

  threadQueue(): ThreadQueue {
    if (this.queue instanceof ThreadQueue) return this.queue;
    throw new EngineError('thread producers need queue.Queue');
  }

  /**
   * The draw site of one place in the program's code (`p0.interval`, `c0.service`, ...): every task running that
   * code shares it, as they share the generated program's `itertools.cycle` for a list distribution.
   */
  drawSite(key: string, dist: Dist): DrawSite {
    let site = this.drawSites.get(key);
    if (site === undefined) {
      site = new DrawSite(dist, this.rng);
      this.drawSites.set(key, site);
    }
    return site;
  }

  log(a: Actor, event: EventName, item?: Item): void {
    if (this.end !== null) return; // stopped mid-step at the horizon: nothing after it is written
    this.observer.event(a, event, item);
    // a handle runs before ticks counts it, a thread's run before the next: either moving starts a new slice
    if (this.ticks !== this.sliceTick || this.threads.runs !== this.sliceThreadRun) {
      this.sliceTick = this.ticks;
      this.sliceThreadRun = this.threads.runs;
      this.sliceFrom = this.seq;
    }
    if (!this.recording) {
      this.seq++;
      return;
    }
    this.sink.event(this.seq++, this.loop.now, a, event, this.queue.qsize(), item);
  }

  at(a: Actor, site: Site, item?: Item): void {
    a.site = site;
    a.item = item;
  }

  /**
   * `await asyncio.sleep(d)` at a named site of the actor's program: what its coroutine yields (see sleepStep).
   * The actor's last sleep is reused once it has fired (SleepFuture.again).
   */
  nap(a: Actor, d: number, site: Site, item?: Item): Yielded {
    a.site = site;
    a.item = item;
    a.until = this.loop.now + d;
    const s = sleepStep(this.loop, d, a.sleep);
    if (s !== null) a.sleep = s;
    return s;
  }

  /** `time.sleep(d)` inside a coroutine: the whole loop stands still while the clock moves on. */
  blockingSleep(a: Actor, d: number, item: Item): void {
    a.site = 'blocking';
    a.item = item;
    a.until = this.loop.now + d;
    if (a.until > this.horizon) {
      // the horizon passes while the whole loop sleeps: the run stops there, mid-step
      this.loop.now = this.horizon;
      this.finish('horizon', this.horizon);
      throw new HorizonReached();
    }
    if (d > 0) {
      this.observer.blocked(a, this.loop.now, a.until);
      this.loop.now = this.loop.now + d;
    }
  }

  newActor(name: string, role: Actor['role'], kind: Actor['kind'], group: number): Actor {
    const a: Actor = { id: this.actors.length, name, role, kind, group, task: null, thread: null, site: 'start', item: undefined, until: 0, sites: [], sleep: null };
    this.actors.push(a);
    return a;
  }

  spawn<T>(a: Actor, coro: Steps<T>): Task<T> {
    const t = new Task<T>(this, coro, a.name);
    a.task = t as Task<unknown>;
    return t;
  }

  startThread(a: Actor, body: Generator<number, void, unknown>): void {
    a.thread = this.threads.start(a, body); // runs it up to its first time.sleep
  }

  /** The time of the next thing that will happen (a loop iteration or a thread waking), or Infinity. */
  nextTime(): number {
    if (this.end !== null) return Infinity;
    const th = this.threads.next();
    const d = this.run.phase === 'threads' ? Infinity : this.loop.nextDeadline();
    const next = Math.min(d, th === null ? Infinity : th.wakeAt);
    // nothing can ever run again: the next iteration finds the hang (or the end), now
    return next === Infinity ? this.loop.now : next;
  }

  /**
   * `_run_once`, the only place where the loop's handles (task steps, callbacks) are run: the threads due first,
   * then the clock jumps and the due timers join the batch (select), then the batch's handles run. With `whole`
   * false it runs one handle, starting an iteration first if none is under way: the unit of the lab's Step
   * button. False once the run has ended.
   */
  runOnce(whole: boolean): boolean {
    if (this.end !== null) return false;
    try {
      if (this.loop.batchLeft === 0 && !this.select()) {
        this.ticks++;
        return this.end === null;
      }
      do {
        this.loop.runOne();
        this.ticks++;
      } while (whole && this.loop.batchLeft > 0);
      if (this.loop.batchLeft > 0) return true;
      this.run.afterIteration();
      return this.end === null;
    } catch (e) {
      // a HorizonReached thrown from inside a step ends the run quietly; anything else is an engine bug. The handle
      // that ran into the horizon counts as a tick like any other, so that a fresh run to `ticks` reaches this end
      if (!(e instanceof HorizonReached)) throw e;
      this.ticks++;
      return false;
    }
  }

  /** One whole loop iteration. False once the run has ended. */
  iterate(): boolean {
    return this.runOnce(true);
  }

  /** One handle (the Step button). False once the run has ended. */
  stepHandle(): boolean {
    return this.runOnce(false);
  }

  /** Steps 1-4 of `_run_once`: threads first, then the clock jumps and due timers join the batch. */
  private select(): boolean {
    if (this.end !== null) return false;
    if (this.run.phase === 'threads') {
      const th = this.threads.next();
      if (th === null) return this.run.finishRun();
      if (th.wakeAt > this.horizon) return this.finish('horizon', this.horizon);
      if (th.wakeAt > this.loop.now) this.loop.now = th.wakeAt;
      this.threads.run(th);
      return false;
    }
    const deadline = this.loop.nextDeadline();
    this.threads.runUntil(Math.min(deadline, this.horizon));
    // nothing can ever run again: a hang, whatever the horizon
    if (deadline === Infinity && this.threads.next() === null) return this.finish('hang', this.loop.now);
    if (deadline > this.horizon) return this.finish('horizon', this.horizon);
    if (deadline > this.loop.now) this.loop.now = deadline;
    this.loop.beginBatch();
    // From 2^24 s on, now + CLOCK_RESOLUTION rounds to now and a timer due now is not `< end_time`: CPython's
    // _run_once runs nothing (and so again, for ever). A select that ran none, not a batch to step into.
    return this.loop.batchLeft > 0;
  }

  /** Ends the run with its end record. False. */
  finish(status: EndStatus, t: number, extra: { exception?: string; message?: string } = {}): boolean {
    this.run.phase = 'ended';
    this.end = endRecord(this.seq++, t, status, this.actors, this.run.cleanupSeq, extra);
    if (this.recording) this.sink.end(this.end);
    return false;
  }

  /** Runs to the end (or `maxIterations`, as a guard against programs that spin without time passing). */
  runToEnd(maxIterations = Infinity): EndRecord | null {
    let n = 0;
    while (this.runOnce(true)) if (++n >= maxIterations) break;
    return this.end;
  }
}
