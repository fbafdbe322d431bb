/**
 * The consumer coroutine of docs/scenario.md, written out as a state machine rather than a generator: it runs once
 * per item, and a generator's resume and its result object were a fifth of the engine's time. Each state is one
 * place where the coroutine awaits; `next` resumes it there, `throw` raises there (a cancellation), and every
 * branch does what the generated Python program's consumer does, statement by statement. The conformance suite
 * compares the two traces event by event.
 *
 *   while True:
 *       item = await q.get()              # or: try: q.get_nowait() except Empty: await asyncio.sleep(poll)
 *       if item is None: q.task_done(); break          # sentinels
 *       await serve(item)                 # asyncio.sleep(service), or a blocking time.sleep
 *       q.task_done()                     # or try/except/finally around the service (raise_on with a guard)
 */
import type { ConsumerGroup, Item } from '../scenario';
import type { Actor } from './actor';
import type { DrawSite } from './draws';
import { CancelledError, PyException } from '../asyncio/errors';
import type { Future, Steps, Yielded } from '../asyncio/future';
import { pyRepr } from '../pyruntime/pyrepr';
import { pyEq } from '../pyruntime/pyvalues';
import type { AioQueue } from '../asyncio/queue';
import type { ProgramHost } from './host';
import type { ConsumerShape } from './shape';

const enum At {
  /** Not started: a throw ends it without running any of its code. */
  Start,
  /** `await getter` inside `q.get()`. */
  Get,
  /** `await asyncio.sleep(poll)` after an empty `get_nowait()`. */
  Poll,
  /** `await asyncio.sleep(service)`. */
  Serve,
  /** The same, inside the try/except/finally that a guarded `raise_on` adds. */
  ServeGuarded,
  Done,
}

/** What a step hands its task; one object per consumer, rewritten each step (the task reads it at once). */
interface StepResult {
  done: boolean;
  value: Yielded | undefined;
}

export class Consumer implements Steps<void> {
  private at = At.Start;
  private readonly result: StepResult = { done: false, value: null };
  private service: DrawSite | null = null;
  private getter: Future<null> | null = null;
  /** The item in service. */
  private item: Item = null;
  // the group's settings, compared once (ConsumerShape): the scenario's strings are copies (structuredClone), and
  // comparing one with a literal compares characters
  private readonly sentinels: boolean;
  private readonly catchesShutdown: boolean;
  private readonly awaitsGet: boolean;
  private readonly pollInterval: number;
  private readonly blocking: boolean;
  /** How many times task_done() follows an unguarded service: 0 (never), 1 or 2 (twice). */
  private readonly taskDones: number;
  /** raise_on without a guard: the bad item raises out of the loop. */
  private readonly unguarded: boolean;
  private readonly g: ConsumerGroup;

  constructor(
    private readonly sim: ProgramHost,
    private readonly a: Actor,
    shape: ConsumerShape,
  ) {
    this.g = shape.group;
    this.sentinels = shape.stopsOnNone;
    this.catchesShutdown = shape.catchesShutdown;
    this.awaitsGet = shape.awaitsGet;
    this.pollInterval = shape.pollInterval;
    this.blocking = shape.blocking;
    this.taskDones = shape.taskDones;
    this.unguarded = shape.guard === 'none';
  }

  next(): IteratorResult<Yielded, void> {
    try {
      switch (this.at) {
        case At.Start:
          this.service = this.sim.drawSite(`c${this.a.group}.service`, this.g.service);
          this.a.sites.push(this.service);
          this.sim.log(this.a, 'start');
          return this.loop();
        case At.Get:
          return this.got(this.sim.aioQueue());
        case At.Poll:
          return this.loop();
        case At.Serve:
          this.served();
          this.sim.at(this.a, 'run');
          return this.loop();
        case At.ServeGuarded:
          this.sim.log(this.a, 'done', this.item);
          this.guardEnd(false, undefined);
          this.sim.at(this.a, 'run');
          return this.loop();
        case At.Done:
          return this.finished();
      }
    } catch (e) {
      return this.except(e);
    }
  }

  throw(e: unknown): IteratorResult<Yielded, void> {
    const at = this.at;
    if (at === At.Start || at === At.Done) {
      this.at = At.Done;
      throw e;
    }
    try {
      if (at === At.Get) this.sim.aioQueue().dropGetter(this.getter as Future<null>);
      else if (at === At.ServeGuarded) {
        this.guardEnd(true, e);
        this.sim.at(this.a, 'run');
        return this.loop();
      }
      throw e;
    } catch (err) {
      return this.except(err);
    }
  }

  /** The `while True` body from its top, up to the next await (or the end of the coroutine). */
  private loop(): IteratorResult<Yielded, void> {
    const sim = this.sim;
    const a = this.a;
    for (;;) {
      let item: Item;
      if (this.awaitsGet) {
        const aq = sim.aioQueue();
        const empty = aq.empty(); // the log and the site do not change the queue
        if (empty) sim.log(a, 'get_wait');
        sim.at(a, 'get');
        if (empty) return this.awaitGetter(aq);
        item = aq.getNowait();
      } else {
        try {
          item = sim.queue.getNowait();
        } catch (e) {
          if (e instanceof PyException && (e.pyName === 'QueueEmpty' || e.pyName === 'Empty')) {
            sim.log(a, 'empty');
            this.at = At.Poll;
            return this.yielded(sim.nap(a, this.pollInterval, 'poll'));
          }
          throw e;
        }
      }
      const r = this.handle(item);
      if (r !== null) return r;
    }
  }

  /** `item = await q.get()` on an empty queue: the first turn of get()'s while loop. */
  private awaitGetter(aq: AioQueue): IteratorResult<Yielded, void> {
    this.getter = aq.newGetter();
    this.at = At.Get;
    return this.yielded(this.getter);
  }

  /** Woken inside get(): its while loop goes round again if the queue is empty, else the item is taken. */
  private got(aq: AioQueue): IteratorResult<Yielded, void> {
    this.getter = null;
    if (aq.empty()) return this.awaitGetter(aq);
    const r = this.handle(aq.getNowait());
    return r !== null ? r : this.loop();
  }

  /** What the loop does with an item: the end of the coroutine, an await (its result), or null to go round. */
  private handle(item: Item): IteratorResult<Yielded, void> | null {
    const sim = this.sim;
    const a = this.a;
    const g = this.g;
    sim.at(a, 'run', item);
    sim.log(a, 'get', item);
    if (this.sentinels && item === null) {
      if (this.taskDones > 0) {
        sim.queue.taskDone();
        sim.log(a, 'task_done', null);
      }
      sim.log(a, 'exit');
      sim.at(a, 'run');
      return this.finished();
    }
    const bad = g.raise_on;
    this.item = item;
    if (this.unguarded) {
      if (bad !== null && pyEq(item, bad.item)) throw new PyException(bad.exception, `bad item ${pyRepr(item, sim.scenario.python)}`);
      const serving = this.serve(item);
      if (serving !== undefined) {
        this.at = At.Serve;
        return this.yielded(serving);
      }
      this.served();
    } else if (bad !== null) {
      let serving: Yielded | undefined;
      try {
        if (pyEq(item, bad.item)) throw new PyException(bad.exception, `bad item ${pyRepr(item, sim.scenario.python)}`);
        serving = this.serve(item);
      } catch (e) {
        this.guardEnd(true, e);
        sim.at(a, 'run');
        return null;
      }
      if (serving !== undefined) {
        this.at = At.ServeGuarded;
        return this.yielded(serving);
      }
      sim.log(a, 'done', item);
      this.guardEnd(false, undefined);
    }
    sim.at(a, 'run');
    return null;
  }

  /**
   * Serves the item: what the consumer then awaits (`asyncio.sleep`), or undefined for a blocking `time.sleep`,
   * which has already run.
   */
  private serve(item: Item): Yielded | undefined {
    const d = (this.service as DrawSite).draw(item);
    if (!this.blocking) return this.sim.nap(this.a, d, 'service', item);
    this.sim.blockingSleep(this.a, d, item);
    return undefined;
  }

  /** After an unguarded service: `done`, then task_done() as the group says (never, once, twice). */
  private served(): void {
    const sim = this.sim;
    const item = this.item;
    sim.log(this.a, 'done', item);
    for (let k = this.taskDones; k > 0; k--) {
      sim.queue.taskDone();
      sim.log(this.a, 'task_done', item);
    }
  }

  /**
   * The `except` and `finally` arms of a guarded service, once its `try` ended (`thrown`: by raising `e`). An
   * exception the guard does not catch goes on after the finally has run, as in Python.
   */
  private guardEnd(thrown: boolean, e: unknown): void {
    const bad = this.g.raise_on;
    try {
      if (thrown) {
        if (bad !== null && bad.guard === 'except' && e instanceof PyException && e.pyName === bad.exception) {
          this.sim.log(this.a, 'error', e.describe());
        } else {
          throw e;
        }
      }
    } finally {
      // the run stopped at the horizon inside a blocking time.sleep (HorizonReached unwinds this step): CPython
      // never leaves that sleep, so its finally never runs
      if (this.sim.end === null) {
        this.sim.queue.taskDone();
        this.sim.log(this.a, 'task_done', this.item);
      }
    }
  }

  /** The outer `except` arms: QueueShutDown ends the loop quietly where main shuts the queue down. */
  private except(e: unknown): IteratorResult<Yielded, void> {
    const sim = this.sim;
    const a = this.a;
    if (this.catchesShutdown && e instanceof PyException && e.pyName === 'QueueShutDown') {
      sim.log(a, 'shutdown_exc');
      sim.log(a, 'exit');
      sim.at(a, 'run');
      return this.finished();
    }
    this.at = At.Done;
    if (e instanceof CancelledError) sim.log(a, 'cancelled');
    else if (e instanceof PyException && !e.isBase) sim.log(a, 'crashed', e.describe());
    throw e;
  }

  private yielded(v: Yielded): IteratorResult<Yielded, void> {
    const r = this.result;
    r.done = false;
    r.value = v;
    return r as IteratorResult<Yielded, void>;
  }

  private finished(): IteratorResult<Yielded, void> {
    this.at = At.Done;
    const r = this.result;
    r.done = true;
    r.value = undefined;
    return r as IteratorResult<Yielded, void>;
  }
}
