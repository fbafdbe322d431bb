/**
 * One run of a scenario: the loop, the queue, the tasks and threads of docs/scenario.md, `asyncio.run`'s phases
 * (run main; cancel what is left; wait for threads), and the end of the run (completed, hang, horizon, error).
 */
import type { BlockedEntry, Dist, EndRecord, EndStatus, EventName, Item, Scenario } from './scenario';
import type { TraceSink } from './traceSink';
import { gather, sleepStep } from './aio';
import { EngineError } from './errors';
import type { Future, Steps, Yielded } from './future';
import { EventLoop } from './loop';
import { DrawSite } from './draws';
import { Consumer } from './consumer';
import { mainTask, producerTask, producerThread } from './program';
import { AioQueue, ThreadQueue } from './queue';
import { Threads, type SimThread } from './threads';
import { PyRandom } from './random';
import { Task, type TaskHost } from './task';
import type { Actor, Site } from './actor';

export type { Actor, Site, SimThread };

export type Phase = 'main' | 'cleanup' | 'threads' | 'ended';

/** Thrown through a task's step when the horizon passes during a blocking time.sleep; never seen by the program. */
export class HorizonReached extends Error {
  constructor() {
    super('horizon reached');
    this.name = 'HorizonReached';
  }
}

export class Sim implements TaskHost {
  readonly loop = new EventLoop();
  readonly rng: PyRandom;
  readonly queue: AioQueue | ThreadQueue;
  readonly actors: Actor[] = [];
  readonly tasks: Task<unknown>[] = [];
  readonly threads: Threads;
  current: Task<unknown> | null = null;
  phase: Phase = 'main';
  end: EndRecord | null = null;
  seq = 0;
  produced = 0;
  consumed = 0;
  wastedPolls = 0;
  private stopping = false;
  /** Off: no record objects are made at all, only `seq` counts on (fast seeks). */
  recording = true;
  private cleanupSeq: number | null = null;
  private readonly mainTaskRef: Task<void>;
  private readonly mainActor: Actor;
  private workers: Task<unknown>[] = [];
  readonly horizon: number;
  /** Python 3.12+ gather counts children that are already done at once (see aio.gather). */
  readonly gatherDoneNow: boolean;

  constructor(
    readonly scenario: Scenario,
    /** Receives the trace, while `recording` is on. */
    public sink: TraceSink,
    opts: { horizon?: number | null } = {},
  ) {
    this.rng = new PyRandom(scenario.seed);
    this.threads = new Threads(this.loop);
    this.gatherDoneNow = scenario.python !== '3.11';
    const h = opts.horizon !== undefined ? opts.horizon : scenario.horizon;
    this.horizon = h === null ? Infinity : h;
    const k = scenario.queue.kind;
    this.queue = k === 'queue.Queue' ? new ThreadQueue() : new AioQueue(this.loop, k, scenario.queue.maxsize);
    this.mainActor = this.newActor('main', 'main', 'task', -1);
    this.mainTaskRef = this.spawn(this.mainActor, mainTask(this, this.mainActor));
    this.mainTaskRef.addDoneCallback(() => {
      this.stopping = true;
    });
  }

  register(task: Task<unknown>): void {
    this.tasks.push(task);
  }

  /** The task whose step ran last (the loop strip's "last ran"). */
  lastRan: Task<unknown> | null = null;

  aioQueue(): AioQueue {
    if (this.queue instanceof AioQueue) return this.queue;
    throw new EngineError('this program needs an asyncio queue');
  }

  threadQueue(): ThreadQueue {
    if (this.queue instanceof ThreadQueue) return this.queue;
    throw new EngineError('thread producers need queue.Queue');
  }

  private readonly drawSites = new Map<string, DrawSite>();

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

  /** One sentinel per consumer unless the scenario says how many. */
  sentinelCount(): number {
    const s = this.scenario.shutdown;
    if (s.strategy !== 'sentinel') return 0;
    return s.count ?? this.scenario.consumers.reduce((acc, g) => acc + g.count, 0);
  }

  log(a: Actor, event: EventName, item?: Item): void {
    if (this.end !== null) return; // stopped mid-step at the horizon: nothing after it is written
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
      this.frozen = { by: a.name, from: this.loop.now, until: a.until };
      this.loop.now = this.loop.now + d;
    }
  }

  /** The last blocking `time.sleep` inside a coroutine: the loop stood still from `from` to `until`. */
  frozen: { by: string; from: number; until: number } | null = null;

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

  /** Creates the worker tasks (and starts the threads) in the order main's code does. */
  startWorkers(): { consumers: Task<unknown>[]; producers: Task<unknown>[] } {
    const s = this.scenario;
    const consumers: Task<unknown>[] = [];
    const producers: Task<unknown>[] = [];
    const nameOf = (base: string, count: number, n: number): string => (count === 1 ? base : `${base}-${n}`);
    const makeConsumers = (): void =>
      s.consumers.forEach((g, gi) => {
        for (let n = 0; n < g.count; n++) {
          const a = this.newActor(nameOf(g.name, g.count, n), 'consumer', 'task', gi);
          consumers.push(this.spawn(a, new Consumer(this, a, g)));
        }
      });
    const makeProducers = (): void =>
      s.producers.forEach((g, gi) => {
        if (g.runs_in !== 'task') return;
        for (let n = 0; n < g.count; n++) {
          const a = this.newActor(nameOf(g.name, g.count, n), 'producer', 'task', gi);
          producers.push(this.spawn(a, producerTask(this, a, g, n)));
        }
      });
    if (s.main.start === 'consumers_first') {
      makeConsumers();
      makeProducers();
    } else {
      makeProducers();
      makeConsumers();
    }
    this.workers = this.tasks.filter((t) => t !== (this.mainTaskRef as Task<unknown>));
    s.producers.forEach((g, gi) => {
      if (g.runs_in !== 'thread') return;
      for (let n = 0; n < g.count; n++) {
        const a = this.newActor(nameOf(g.name, g.count, n), 'producer', 'thread', gi);
        a.thread = this.threads.start(a, producerThread(this, a, g, n)); // runs it up to its first time.sleep
      }
    });
    return { consumers, producers };
  }

  /** The worker tasks in creation order. */
  workerTasks(): Task<unknown>[] {
    return this.workers;
  }

  /** The time of the next thing that will happen (a loop iteration or a thread waking), or Infinity. */
  nextTime(): number {
    if (this.end !== null) return Infinity;
    const th = this.threads.next();
    const d = this.phase === 'threads' ? Infinity : this.loop.nextDeadline();
    const next = Math.min(d, th === null ? Infinity : th.wakeAt);
    // nothing can ever run again: the next iteration finds the hang (or the end), now
    return next === Infinity ? this.loop.now : next;
  }

  /** One loop iteration (`_run_once`), with the threads that run before it. False once the run has ended. */
  iterate(): boolean {
    if (this.end !== null) return false;
    try {
      if (this.loop.batchLeft === 0 && !this.select()) {
        this.ticks++;
        return this.end === null;
      }
      while (this.loop.batchLeft > 0) {
        this.loop.runOne();
        this.ticks++;
      }
      return this.afterBatch();
    } catch (e) {
      return this.stopped(e);
    }
  }

  /**
   * A HorizonReached thrown from inside a step ends the run quietly; anything else is an engine bug. The handle
   * that ran into the horizon counts as a tick like any other, so that a fresh run to `ticks` reaches this end too.
   */
  private stopped(e: unknown): false {
    if (!(e instanceof HorizonReached)) throw e;
    this.ticks++;
    return false;
  }

  /**
   * Runs one handle (a task step or a callback), starting an iteration first if none is under way: the unit of
   * the lab's Step button. False once the run has ended.
   */
  stepHandle(): boolean {
    if (this.end !== null) return false;
    try {
      if (this.loop.batchLeft === 0 && !this.select()) {
        this.ticks++;
        return this.end === null;
      }
      this.loop.runOne();
      this.ticks++;
      return this.loop.batchLeft > 0 ? true : this.afterBatch();
    } catch (e) {
      return this.stopped(e);
    }
  }

  /**
   * Units of progress: one handle run, or one select that ran none (a thread, the end). The same scenario reaches
   * the same state after the same number of ticks, whether it got there by iterate() or stepHandle(): time travel
   * goes back by running a fresh simulation to an earlier tick.
   */
  ticks = 0;

  /** Steps 1-4 of `_run_once`: threads first, then the clock jumps and due timers join the batch. */
  private select(): boolean {
    if (this.end !== null) return false;
    if (this.phase === 'threads') {
      const th = this.threads.next();
      if (th === null) return this.finishRun();
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

  private afterBatch(): boolean {
    if (this.stopping) {
      this.stopping = false;
      if (this.phase === 'main') this.startCleanup();
      else this.finishRun();
    }
    return this.end === null;
  }

  /** `asyncio.run`'s `_cancel_all_tasks`: cancel every pending task and wait for them all. */
  private startCleanup(): void {
    this.phase = 'cleanup';
    this.cleanupSeq = this.seq;
    const pending = this.tasks.filter((t) => !t.done());
    if (pending.length === 0) {
      this.finishRun();
      return;
    }
    for (const t of pending) t.cancel();
    const outer: Future<unknown> = gather(this.loop, pending, true, this.gatherDoneNow);
    outer.addDoneCallback(() => {
      this.stopping = true;
    });
  }

  /** asyncio.run has returned: the interpreter waits for the threads, then exits. */
  private finishRun(): boolean {
    if (this.threads.anyAlive()) {
      this.phase = 'threads';
      return true;
    }
    const m = this.mainTaskRef;
    if (m.crash !== null) {
      return this.finish('error', this.loop.now, { exception: m.crash.pyName, message: m.crash.message });
    }
    // main was cancelled: asyncio.run raises its CancelledError (a live cancel of a task main gathers does this:
    // gather passes the child's cancellation on to main)
    if (m.cancelled()) return this.finish('error', this.loop.now, { exception: 'CancelledError', message: m.cancelMessage });
    return this.finish('completed', this.loop.now);
  }

  finish(status: EndStatus, t: number, extra: { exception?: string; message?: string } = {}): boolean {
    this.phase = 'ended';
    const blocked: BlockedEntry[] = [];
    if (status === 'hang') {
      for (const a of this.actors) {
        if (a.task !== null && !a.task.done()) blocked.push({ task: a.name, waiting_on: waitingOn(a.task) });
      }
    }
    this.end = { seq: this.seq++, t, actor: 'loop', event: 'end', status, blocked, ...extra };
    if (this.cleanupSeq !== null) this.end.cleanup_seq = this.cleanupSeq;
    if (this.recording) this.sink.end(this.end);
    return false;
  }

  /** Runs to the end (or `maxIterations`, as a guard against programs that spin without time passing). */
  runToEnd(maxIterations = Infinity): EndRecord | null {
    let n = 0;
    while (this.iterate()) if (++n >= maxIterations) break;
    return this.end;
  }
}

export function waitingOn(t: Task<unknown>): BlockedEntry extends infer B ? (B extends { waiting_on: infer W } ? W : never) : never {
  const f = t.futWaiter;
  if (f === null) return 'sleep';
  if (f instanceof Task) return `task ${f.name}`;
  return (f.label || 'sleep') as never;
}
