/**
 * The `main()` coroutine of docs/scenario.md: it creates the worker tasks (and starts the threads) in the order
 * of the program's shape, waits for them as the scenario says, and shuts the consumers down.
 */
import type { Actor } from './actor';
import { gather, waitAll } from '../asyncio/aio';
import type { Coro } from '../asyncio/future';
import type { Task } from '../asyncio/task';
import { Consumer } from './consumer';
import type { ProgramHost } from './host';
import { producerTask, producerThread } from './producer';
import { plannedWorkers } from './shape';

/** The worker tasks main creates, in creation order and by role. */
interface Workers {
  all: Task<unknown>[];
  consumers: Task<unknown>[];
  producers: Task<unknown>[];
}

/** Creates the worker tasks (and starts the threads) in the order main's code does: the program's plan. */
function startWorkers(sim: ProgramHost): Workers {
  const w: Workers = { all: [], consumers: [], producers: [] };
  for (const p of plannedWorkers(sim.shape)) {
    const a = sim.newActor(p.name, p.role, p.kind, p.shape.index);
    if (p.role === 'consumer') {
      const t = sim.spawn(a, new Consumer(sim, a, p.shape));
      w.consumers.push(t);
      w.all.push(t);
    } else if (p.kind === 'task') {
      const t = sim.spawn(a, producerTask(sim, a, p.shape, p.n));
      w.producers.push(t);
      w.all.push(t);
    } else {
      sim.startThread(a, producerThread(sim, a, p.shape, p.n));
    }
  }
  return w;
}

export function* mainTask(sim: ProgramHost, a: Actor): Coro<void> {
  const s = sim.scenario;
  const { all: created, consumers, producers } = startWorkers(sim);
  const doneNow = sim.shape.gatherDoneNow;
  const awaitAll = function* (tasks: Task<unknown>[]): Coro<void> {
    sim.at(a, s.main.with === 'wait' ? 'wait' : s.main.with === 'gather' ? 'gather' : 'await');
    if (s.main.with === 'wait') yield* waitAll(sim.loop, tasks);
    else if (s.main.with === 'gather') yield* gather(sim.loop, tasks, false, doneNow).wait();
    else for (const t of tasks) yield* t.wait();
  };
  const pick = (): Task<unknown>[] =>
    s.main.awaits === 'all' ? created : s.main.awaits === 'consumers' ? consumers : producers;
  const sh = s.shutdown;
  if (sh.strategy === 'none' || (sh.strategy === 'sentinel' && sh.by === 'producer')) {
    yield* awaitAll(pick());
  } else if (sh.strategy === 'sentinel') {
    sim.at(a, 'gather_producers');
    yield* gather(sim.loop, producers, false, doneNow).wait();
    const aq = sim.aioQueue();
    for (let k = 0; k < sim.shape.sentinels; k++) {
      if (aq.full()) sim.log(a, 'put_wait', null);
      sim.at(a, 'put', null);
      yield* aq.put(null);
      sim.log(a, 'put', null);
    }
    yield* awaitAll(consumers);
  } else {
    sim.at(a, 'gather_producers');
    yield* gather(sim.loop, producers, false, doneNow).wait();
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
    yield* gather(sim.loop, consumers, true, doneNow).wait();
  }
  sim.log(a, 'main_done');
  sim.at(a, 'run');
}
