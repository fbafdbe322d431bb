/**
 * The producer coroutine and the producer thread of docs/scenario.md, statement by statement (main is in main.ts,
 * the consumer in consumer.ts). The generated Python program (src/python) has the same shape; a test compares the
 * two traces event by event.
 */
import type { Actor } from './actor';
import { type DrawSite, ValueMaker } from './draws';
import { CancelledError, PyException } from '../asyncio/errors';
import type { Coro } from '../asyncio/future';
import type { ProducerGroup } from '../scenario';
import type { ProgramHost } from './host';
import type { ProducerShape } from './shape';

/** The maker of a group's item values; a drawn value uses the group's one draw site. */
function valueMaker(sim: ProgramHost, a: Actor, g: ProducerGroup): ValueMaker {
  const v = g.items.value;
  const dist = v.type === 'dist' ? v.dist : v.type === 'priority' ? v.priority : null;
  return new ValueMaker(v, dist === null ? null : sim.drawSite(`p${a.group}.value`, dist));
}

const isCancel = (e: unknown): e is CancelledError => e instanceof CancelledError;

/** The `except CancelledError` / `except Exception` arms every task function ends with. */
function taskEnding(sim: ProgramHost, a: Actor, e: unknown): never {
  if (isCancel(e)) sim.log(a, 'cancelled');
  else if (e instanceof PyException && !e.isBase) sim.log(a, 'crashed', e.describe());
  throw e;
}

export function* producerTask(sim: ProgramHost, a: Actor, shape: ProducerShape, n: number): Coro<void> {
  const g = shape.group;
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
        sim.at(a, 'run');
      if (after) yield sim.nap(a, (interval as DrawSite).draw(), 'interval');
    }
    sim.log(a, 'producer_done');
    const sentinels = shape.putsSentinels ? sim.shape.sentinels : 0;
    for (let k = 0; k < sentinels; k++) {
      if (q.full()) sim.log(a, 'put_wait', null);
      sim.at(a, 'put', null);
      yield* q.put(null);
      sim.log(a, 'put', null);
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
export function* producerThread(sim: ProgramHost, a: Actor, shape: ProducerShape, n: number): Generator<number, void, unknown> {
  const g = shape.group;
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
    if (interval !== null && g.interval_at === 'after_put') yield interval.draw();
  }
  sim.log(a, 'producer_done');
}
