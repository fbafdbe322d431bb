/**
 * The producer, consumer and main coroutines of docs/scenario.md, statement by statement. The generated Python
 * program (src/python) has the same shape; a test compares the two traces event by event.
 */
import type { ConsumerGroup, Item, ProducerGroup } from './scenario';
import { gather, waitAll } from './aio';
import { type DrawSite, ValueMaker } from './draws';
import { CancelledError, PyException } from './errors';
import type { Coro, Yielded } from './future';
import { pyRepr } from './pyrepr';
import { pyEq } from './pyvalues';
import type { Task } from './task';
import type { Actor, Sim } from './sim';

/** The maker of a group's item values; a drawn value uses the group's one draw site. */
function valueMaker(sim: Sim, a: Actor, g: ProducerGroup): ValueMaker {
  const v = g.items.value;
  const dist = v.type === 'dist' ? v.dist : v.type === 'priority' ? v.priority : null;
  return new ValueMaker(v, dist === null ? null : sim.drawSite(`p${a.group}.value`, dist));
}

const isCancel = (e: unknown): e is CancelledError => e instanceof CancelledError;

/** The `except CancelledError` / `except Exception` arms every task function ends with. */
function taskEnding(sim: Sim, a: Actor, e: unknown): never {
  if (isCancel(e)) sim.log(a, 'cancelled');
  else if (e instanceof PyException && !e.isBase) sim.log(a, 'crashed', e.describe());
  throw e;
}

export function* producerTask(sim: Sim, a: Actor, g: ProducerGroup, n: number): Coro<void> {
  const q = sim.aioQueue();
  const interval = g.interval === null ? null : sim.drawSite(`p${a.group}.interval`, g.interval);
  if (interval !== null) a.sites.push(interval);
  const values = valueMaker(sim, a, g);
  sim.log(a, 'start');
  try {
    for (let i = 0; g.items.count === null || i < g.items.count; i++) {
      if (interval !== null && g.interval_at === 'before_put') yield sim.nap(a, interval.draw(), 'interval');
      const item = values.make(i, n);
      if (q.full()) sim.log(a, 'put_wait', item);
      sim.at(a, 'put', item);
      // put() on a queue that is not full never yields: it is put_nowait() (a shortcut, not a change)
      if (g.put === 'await' && q.full()) yield* q.put(item);
      else q.putNowait(item);
      sim.log(a, 'put', item);
      sim.produced++;
      sim.at(a, 'run');
      if (interval !== null && g.interval_at === 'after_put') yield sim.nap(a, interval.draw(), 'interval');
    }
    sim.log(a, 'producer_done');
    const s = sim.scenario.shutdown;
    if (s.strategy === 'sentinel' && s.by === 'producer') {
      for (let k = 0; k < sim.sentinelCount(); k++) {
        if (q.full()) sim.log(a, 'put_wait', null);
        sim.at(a, 'put', null);
        yield* q.put(null);
        sim.log(a, 'put', null);
      }
    }
    if (g.then === 'join') {
      sim.log(a, 'join_wait');
      sim.at(a, 'join');
      yield* q.join();
      sim.log(a, 'join_done');
    }
    sim.at(a, 'run');
  } catch (e) {
    taskEnding(sim, a, e);
  }
}

/** A thread producer: yields the durations of its `time.sleep` calls. */
export function* producerThread(sim: Sim, a: Actor, g: ProducerGroup, n: number): Generator<number, void, unknown> {
  const q = sim.threadQueue();
  const interval = g.interval === null ? null : sim.drawSite(`p${a.group}.interval`, g.interval);
  if (interval !== null) a.sites.push(interval);
  const values = valueMaker(sim, a, g);
  sim.log(a, 'start');
  for (let i = 0; g.items.count === null || i < g.items.count; i++) {
    if (interval !== null && g.interval_at === 'before_put') yield interval.draw();
    const item = values.make(i, n);
    q.put(item);
    sim.log(a, 'put', item);
    sim.produced++;
    if (interval !== null && g.interval_at === 'after_put') yield interval.draw();
  }
  sim.log(a, 'producer_done');
}

export function* consumerTask(sim: Sim, a: Actor, g: ConsumerGroup): Coro<void> {
  const q = sim.queue;
  const service = sim.drawSite(`c${a.group}.service`, g.service);
  a.sites.push(service);
  const sentinels = sim.scenario.shutdown.strategy === 'sentinel';
  const catchesShutdown = sim.scenario.shutdown.strategy === 'queue_shutdown';
  sim.log(a, 'start');
  try {
    for (;;) {
      let item: Item;
      if (g.get.mode === 'await') {
        const aq = sim.aioQueue();
        if (aq.empty()) sim.log(a, 'get_wait');
        sim.at(a, 'get');
        // get() on a non-empty queue never yields: it is get_nowait() (a shortcut, not a change)
        item = aq.empty() ? yield* aq.get() : aq.getNowait();
      } else {
        try {
          item = q.getNowait();
        } catch (e) {
          if (e instanceof PyException && (e.pyName === 'QueueEmpty' || e.pyName === 'Empty')) {
            sim.log(a, 'empty');
            sim.wastedPolls++;
            yield sim.nap(a, g.get.interval, 'poll');
            continue;
          }
          throw e;
        }
      }
      sim.at(a, 'run', item);
      sim.log(a, 'get', item);
      if (sentinels && item === null) {
        if (g.task_done !== 'never') {
          q.taskDone();
          sim.log(a, 'task_done', null);
        }
        sim.log(a, 'exit');
        sim.at(a, 'run');
        return;
      }
      const bad = g.raise_on;
      if (bad === null || bad.guard === 'none') {
        if (bad !== null && pyEq(item, bad.item)) throw new PyException(bad.exception, `bad item ${pyRepr(item)}`);
        const serving = serve(sim, a, g, service, item);
        if (serving !== undefined) yield serving;
        sim.log(a, 'done', item);
        sim.consumed++;
        markDone(sim, a, g, item);
      } else {
        try {
          if (pyEq(item, bad.item)) throw new PyException(bad.exception, `bad item ${pyRepr(item)}`);
          const serving = serve(sim, a, g, service, item);
          if (serving !== undefined) yield serving;
          sim.log(a, 'done', item);
          sim.consumed++;
        } catch (e) {
          if (bad.guard === 'except' && e instanceof PyException && e.pyName === bad.exception) {
            sim.log(a, 'error', e.describe());
          } else {
            throw e;
          }
        } finally {
          // the run stopped at the horizon inside a blocking time.sleep (HorizonReached unwinds this step): CPython
          // never leaves that sleep, so its finally never runs
          if (sim.end === null) {
            q.taskDone();
            sim.log(a, 'task_done', item);
          }
        }
      }
      sim.at(a, 'run');
    }
  } catch (e) {
    if (catchesShutdown && e instanceof PyException && e.pyName === 'QueueShutDown') {
      sim.log(a, 'shutdown_exc');
      sim.log(a, 'exit');
      sim.at(a, 'run');
      return;
    }
    taskEnding(sim, a, e);
  }
}

/**
 * Serves the item: what the consumer then awaits (`asyncio.sleep`), or undefined for a blocking `time.sleep`, which
 * has already run. Not a generator: the consumer yields the sleep itself, one generator less per wake-up.
 */
function serve(sim: Sim, a: Actor, g: ConsumerGroup, service: DrawSite, item: Item): Yielded | undefined {
  const d = service.draw(item);
  if (g.service_call !== 'time.sleep') return sim.nap(a, d, 'service', item);
  sim.blockingSleep(a, d, item);
  return undefined;
}

function markDone(sim: Sim, a: Actor, g: ConsumerGroup, item: Item): void {
  if (g.task_done === 'never') return;
  const times = g.task_done === 'twice' ? 2 : 1;
  for (let k = 0; k < times; k++) {
    sim.queue.taskDone();
    sim.log(a, 'task_done', item);
  }
}

export function* mainTask(sim: Sim, a: Actor): Coro<void> {
  const s = sim.scenario;
  const { consumers, producers } = sim.startWorkers();
  const awaitAll = function* (tasks: Task<unknown>[]): Coro<void> {
    sim.at(a, s.main.with === 'wait' ? 'wait' : s.main.with === 'gather' ? 'gather' : 'await');
    if (s.main.with === 'wait') yield* waitAll(sim.loop, tasks);
    else if (s.main.with === 'gather') yield* gather(sim.loop, tasks, false, sim.gatherDoneNow).wait();
    else for (const t of tasks) yield* t.wait();
  };
  const created = sim.workerTasks();
  const pick = (): Task<unknown>[] =>
    s.main.awaits === 'all' ? created : s.main.awaits === 'consumers' ? consumers : producers;
  const sh = s.shutdown;
  if (sh.strategy === 'none' || (sh.strategy === 'sentinel' && sh.by === 'producer')) {
    yield* awaitAll(pick());
  } else if (sh.strategy === 'sentinel') {
    sim.at(a, 'gather_producers');
    yield* gather(sim.loop, producers, false, sim.gatherDoneNow).wait();
    const aq = sim.aioQueue();
    for (let k = 0; k < sim.sentinelCount(); k++) {
      if (aq.full()) sim.log(a, 'put_wait', null);
      sim.at(a, 'put', null);
      yield* aq.put(null);
      sim.log(a, 'put', null);
    }
    yield* awaitAll(consumers);
  } else {
    sim.at(a, 'gather_producers');
    yield* gather(sim.loop, producers, false, sim.gatherDoneNow).wait();
    const aq = sim.aioQueue();
    if (sh.strategy === 'cancel_after_join' || sh.after === 'join') {
      sim.log(a, 'join_wait');
      sim.at(a, 'join');
      yield* aq.join();
      sim.log(a, 'join_done');
    }
    if (sh.strategy === 'cancel_after_join') {
      for (const c of consumers) c.cancel();
      sim.log(a, 'cancel_consumers');
    } else {
      aq.shutdown(sh.immediate);
      sim.log(a, 'shutdown');
    }
    sim.at(a, 'gather');
    yield* gather(sim.loop, consumers, true, sim.gatherDoneNow).wait();
  }
  sim.log(a, 'main_done');
  sim.at(a, 'run');
}
