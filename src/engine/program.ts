/**
 * The producer and main coroutines of docs/scenario.md, statement by statement (the consumer, which runs once per
 * item, is a state machine in consumer.ts). The generated Python program (src/python) has the same shape; a test
 * compares the two traces event by event.
 */
import type { ProducerGroup } from './scenario';
import { gather, waitAll } from './aio';
import { type DrawSite, ValueMaker } from './draws';
import { CancelledError, PyException } from './errors';
import type { Coro } from './future';
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
  // the group's settings, compared once (the scenario's strings are copies: see DrawSite.kind)
  const before = interval !== null && g.interval_at === 'before_put';
  const after = interval !== null && g.interval_at === 'after_put';
  const awaitPut = g.put === 'await';
  const count = g.items.count ?? Infinity;
  sim.log(a, 'start');
  try {
    for (let i = 0; i < count; i++) {
      if (before) yield sim.nap(a, (interval as DrawSite).draw(), 'interval');
      const item = values.make(i, n);
      const full = q.full(); // the log and the site do not change the queue
      if (full) sim.log(a, 'put_wait', item);
      sim.at(a, 'put', item);
      // put() on a queue that is not full never yields: it is put_nowait() (a shortcut, not a change)
      if (awaitPut && full) {
        // `await q.put(item)` written out (Queue.put's loop, as AioQueue.put has it): one generator less per block
        while (q.full()) {
          const putter = q.newPutter();
          try {
            yield putter;
          } catch (e) {
            q.dropPutter(putter);
            throw e;
          }
        }
      }
      q.putNowait(item);
      sim.log(a, 'put', item);
      sim.produced++;
      sim.at(a, 'run');
      if (after) yield sim.nap(a, (interval as DrawSite).draw(), 'interval');
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
