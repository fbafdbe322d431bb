/**
 * The rules that join several fields, so that every valid scenario is a program CPython can run the same way, and
 * the whole scenario schema: the fields (schema.ts), then these rules once every field is good.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { ScenarioFields, type Dist, type Scenario } from './schema';

type Path = readonly (string | number)[];
export interface Broken {
  path: Path;
  message: string;
}

/** True when every draw of the distribution is 0 (or there is no sleep at all). */
function alwaysZero(d: Dist | null): boolean {
  if (d === null) return true;
  switch (d.dist) {
    case 'const':
      return d.value === 0;
    case 'randint':
    case 'uniform':
      return d.hi === 0;
    case 'choice':
    case 'list':
      return d.values.every((x) => x === 0);
    default:
      return false;
  }
}

/** True when no draw of the distribution can be 0. */
function neverZero(d: Dist): boolean {
  switch (d.dist) {
    case 'const':
      return d.value > 0;
    case 'randint':
    case 'uniform':
      return d.lo > 0;
    case 'choice':
    case 'list':
      return d.values.every((x) => x > 0);
    case 'expo':
      return true;
    case 'item':
      return false;
  }
}

/** Rules that join several fields: what a real program of this shape can do. */
export function rulesOf(s: Scenario): Broken[] {
  const out: Broken[] = [];
  const fail = (path: Path, message: string): number => out.push({ path, message });
  const threadQ = s.queue.kind === 'queue.Queue';
  s.producers.forEach((g, i) => {
    const at = (...k: string[]): Path => ['producers', i, ...k];
    if (g.runs_in === 'thread' && !threadQ) fail(at('runs_in'), 'a thread producer needs queue.kind "queue.Queue" (asyncio queues are not thread-safe)');
    if (g.runs_in === 'task' && threadQ) fail(at('runs_in'), 'with queue.Queue, producers run in threads ("thread"): its put() would block the event loop');
    if (g.runs_in === 'thread' && (g.put !== 'await' || g.then !== 'none')) fail(at(), 'a thread producer uses put "await" (a plain q.put) and then "none"');
    if (g.items.count === null && s.horizon === null) fail(['horizon'], `producers[${i}] never stops (items.count null): set a horizon`);
    if (g.items.count === null && alwaysZero(g.interval)) {
      // a bounded queue lets time move only if every consumer's service takes time
      const timed = s.queue.maxsize > 0 && g.runs_in === 'task' && s.consumers.every((cg) => neverZero(cg.service));
      if (!timed) fail(at('interval'), 'a producer that never stops needs a sleep above 0 between items (or a bounded queue whose consumers all take time): otherwise virtual time never moves and the program spins for ever');
    }
    if (g.items.count !== null && alwaysZero(g.interval) && s.queue.maxsize === 0 && g.items.count * g.count > LIMITS.itemsInOneStep) {
      fail(at('items', 'count'), `with no sleep and an unbounded queue a producer puts all its items in one step, without yielding: at most ${LIMITS.itemsInOneStep.toLocaleString('en')} items in all, got ${(g.items.count * g.count).toLocaleString('en')}`);
    }
    if (g.items.value.type === 'priority' && s.queue.kind !== 'PriorityQueue') fail(at('items', 'value'), 'priority items (tuples) are for queue.kind "PriorityQueue"');
  });
  s.consumers.forEach((g, i) => {
    const at = (...k: string[]): Path => ['consumers', i, ...k];
    if (threadQ && g.get.mode !== 'poll') fail(at('get', 'mode'), 'with queue.Queue a coroutine must poll (get(block=False)); a blocking get() would freeze the loop');
    if (g.get.mode === 'poll' && s.shutdown.strategy === 'none' && s.horizon === null) fail(['horizon'], `consumers[${i}] polls forever: set a horizon`);
    if (g.service.dist === 'item' && s.producers.some((p) => p.items.value.type !== 'index' && p.items.value.type !== 'dist')) {
      fail(at('service'), 'a service time of "item" needs numeric items (value type index or dist)');
    }
    if (g.service_call === 'time.sleep' && threadQ) fail(at('service_call'), 'time.sleep in a coroutine is not combined with thread producers here');
  });
  if (threadQ && s.queue.maxsize !== 0) fail(['queue', 'maxsize'], 'queue.Queue is unbounded here (0): a full one would block a thread producer for real');
  const sh = s.shutdown.strategy;
  if (threadQ && sh !== 'none') fail(['shutdown', 'strategy'], 'with queue.Queue and thread producers only "none" is supported');
  if (sh === 'queue_shutdown' && s.python !== '3.13') fail(['python'], 'Queue.shutdown() needs "3.13"');
  if (s.main.keep_refs === false) {
    if (!s.producers.some((g) => g.runs_in === 'task')) fail(['main', 'keep_refs'], 'false drops the producer tasks, but every producer runs in a thread');
    const tailUsesProducers = !(sh === 'none' || (sh === 'sentinel' && s.shutdown.by === 'producer')) || s.main.awaits !== 'consumers';
    if (tailUsesProducers) {
      fail(['main', 'keep_refs'], 'false (producer tasks not kept) needs a main that never awaits the producers: main.awaits "consumers" and shutdown "none" or sentinels put by the producer');
    }
  }
  return out;
}

/** valibot's path to a place in the scenario. */
function pathOf(root: Scenario, keys: Path): [v.IssuePathItem, ...v.IssuePathItem[]] {
  let at: unknown = root;
  const items = keys.map((key): v.IssuePathItem => {
    const input = at as Record<string | number, unknown>;
    at = input[key];
    return typeof key === 'number' ? { type: 'array', origin: 'value', input: input as unknown as unknown[], key, value: at } : { type: 'object', origin: 'value', input, key, value: at };
  });
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** A whole scenario: its fields, then (when every field is good) the rules that join several of them. */
export const ScenarioSchema = v.pipe(
  ScenarioFields,
  v.rawCheck<Scenario>(({ dataset, addIssue }) => {
    if (dataset.issues !== undefined) return;
    for (const r of rulesOf(dataset.value)) addIssue({ message: r.message, path: pathOf(dataset.value, r.path) });
  }),
);
