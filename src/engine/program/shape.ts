/**
 * What the program of a scenario is, derived once from it: the actors main creates and in what order, how many
 * sentinels are put and by whom, each consumer's get mode, guard and task_done count. The engine runs this shape
 * and src/python/generate.ts writes it out, so the two cannot disagree on it.
 */
import type { ConsumerGroup, ProducerGroup, Scenario } from '../scenario';

export interface ProducerShape {
  group: ProducerGroup;
  /** Its index in `scenario.producers`. */
  index: number;
  thread: boolean;
  /** It puts the program's sentinels once its items are out (sentinel shutdown by producer, a task). */
  putsSentinels: boolean;
}

export interface ConsumerShape {
  group: ConsumerGroup;
  /** Its index in `scenario.consumers`. */
  index: number;
  /** `await q.get()`, or `get_nowait()` with a poll sleep of `pollInterval` after an empty queue. */
  awaitsGet: boolean;
  pollInterval: number;
  /** `time.sleep` as its service: blocks the whole loop. */
  blocking: boolean;
  /** How many times task_done() follows an unguarded service: 0 (never), 1 or 2 (twice). */
  taskDones: 0 | 1 | 2;
  /** How a `raise_on` item is handled: no guard (it raises out of the loop), a finally, or an except. */
  guard: 'none' | 'finally' | 'except';
  /** `None` ends its loop (sentinel shutdown). */
  stopsOnNone: boolean;
  /** `except QueueShutDown` ends its loop quietly (queue_shutdown). */
  catchesShutdown: boolean;
}

export interface ProgramShape {
  producers: ProducerShape[];
  consumers: ConsumerShape[];
  /** The order main creates its groups of tasks in (threads start after both). */
  startOrder: readonly ['consumers', 'producers'] | readonly ['producers', 'consumers'];
  /** How many `None` sentinels are put, and who puts them (null: no sentinel shutdown). */
  sentinels: number;
  sentinelsBy: 'producer' | 'main' | null;
  /** Python 3.12+ gather counts children that are already done at once (see aio.gather). */
  gatherDoneNow: boolean;
}

/** A task's or thread's name: the group's name when it has one member, else `name-n`. */
export function actorName(g: { name: string; count: number }, n: number): string {
  return g.count === 1 ? g.name : `${g.name}-${n}`;
}

/** A worker main will create (or start, a thread), in the order it does: `n` its number in its group. */
export type PlannedWorker =
  | { role: 'consumer'; kind: 'task'; name: string; n: number; shape: ConsumerShape }
  | { role: 'producer'; kind: 'task' | 'thread'; name: string; n: number; shape: ProducerShape };

/**
 * The workers main creates, in creation order: its groups in `startOrder` (thread producers skipped), then the
 * threads. main.ts creates exactly these, so a picture drawn before main has run names the same tasks.
 */
export function plannedWorkers(shape: ProgramShape): PlannedWorker[] {
  const out: PlannedWorker[] = [];
  for (const which of shape.startOrder) {
    if (which === 'consumers') {
      for (const cs of shape.consumers) for (let n = 0; n < cs.group.count; n++) out.push({ role: 'consumer', kind: 'task', name: actorName(cs.group, n), n, shape: cs });
    } else {
      for (const ps of shape.producers) {
        if (!ps.thread) for (let n = 0; n < ps.group.count; n++) out.push({ role: 'producer', kind: 'task', name: actorName(ps.group, n), n, shape: ps });
      }
    }
  }
  for (const ps of shape.producers) {
    if (ps.thread) for (let n = 0; n < ps.group.count; n++) out.push({ role: 'producer', kind: 'thread', name: actorName(ps.group, n), n, shape: ps });
  }
  return out;
}

/** One sentinel per consumer unless the scenario says how many. */
function sentinelCount(s: Scenario): number {
  const sd = s.shutdown;
  if (sd.strategy !== 'sentinel') return 0;
  return sd.count ?? s.consumers.reduce((acc, g) => acc + g.count, 0);
}

export function consumerShape(s: Scenario, g: ConsumerGroup, index: number): ConsumerShape {
  const strategy = s.shutdown.strategy;
  return {
    group: g,
    index,
    awaitsGet: g.get.mode === 'await',
    pollInterval: g.get.mode === 'poll' ? g.get.interval : 0,
    blocking: g.service_call === 'time.sleep',
    taskDones: g.task_done === 'never' ? 0 : g.task_done === 'twice' ? 2 : 1,
    guard: g.raise_on === null ? 'none' : g.raise_on.guard,
    stopsOnNone: strategy === 'sentinel',
    catchesShutdown: strategy === 'queue_shutdown',
  };
}

export function programShape(s: Scenario): ProgramShape {
  const sd = s.shutdown;
  const sentinels = sentinelCount(s);
  const sentinelsBy = sd.strategy === 'sentinel' ? sd.by : null;
  return {
    producers: s.producers.map((g, index) => {
      const thread = g.runs_in === 'thread';
      return { group: g, index, thread, putsSentinels: sentinelsBy === 'producer' && !thread };
    }),
    consumers: s.consumers.map((g, index) => consumerShape(s, g, index)),
    startOrder: s.main.start === 'consumers_first' ? (['consumers', 'producers'] as const) : (['producers', 'consumers'] as const),
    sentinels,
    sentinelsBy,
    gatherDoneNow: s.python !== '3.11',
  };
}
