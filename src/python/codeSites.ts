/**
 * The exported program's named lines (code sites): the one list the generator names its lines from and the code
 * panel marks tasks on. Each of the engine's sites (where an actor stands: src/engine/program/sites.ts) maps to
 * the code sites it is shown on.
 */
import type { Site } from '../engine/program/sites';
import type { EventName } from '../engine/scenario';

/** A producer's or consumer's code sites, `G.<site>` for its group G. */
export const WORKER_SITES = [
  'def',
  'loop',
  'sleep',
  'item',
  'put',
  'sentinel.put',
  'join',
  'get',
  'get_nowait',
  'poll_sleep',
  'raise',
  'service',
  'task_done',
  'task_done_2',
  'sentinel.task_done',
  'exit',
] as const;
export type WorkerSite = (typeof WORKER_SITES)[number];

/** main's code sites, `main.<site>`. */
export const MAIN_SITES = [
  'def',
  'queue',
  'consumers',
  'producers',
  'threads',
  'gather_producers',
  'sentinel.put',
  'join',
  'cancel',
  'shutdown',
  'await',
] as const;
export type MainSite = (typeof MAIN_SITES)[number];

/** A code site's key: a statement of a group or of main, `asyncio.run(main())`, or a `log(...)` call. */
export type CodeSite = `${string}.${WorkerSite}` | `main.${MainSite}` | 'run' | `${string}.log.${string}`;

/** Where a producer or consumer at each engine site is shown (a sentinel put first tries `sentinel.put`). */
const FOR_WORKER: Record<Site, readonly WorkerSite[]> = {
  start: ['def'],
  run: [],
  interval: ['sleep'],
  put: ['put'],
  get: ['get'],
  poll: ['poll_sleep'],
  service: ['service'],
  blocking: ['service'],
  join: ['join'],
  wait: [],
  gather: [],
  gather_producers: [],
  await: [],
};

const FOR_MAIN: Record<Site, readonly MainSite[]> = {
  start: ['def'],
  run: [],
  interval: [],
  put: ['sentinel.put'],
  get: [],
  poll: [],
  service: [],
  blocking: [],
  join: ['join'],
  wait: ['await'],
  gather: ['await'],
  gather_producers: ['gather_producers'],
  await: ['await'],
};

/**
 * The code sites an actor of `group` standing at `site` is shown on, best first (a key the program lacks falls
 * through to the next); `holdsNone`: the item it holds is a `None` sentinel.
 */
export function codeSitesOf(role: 'producer' | 'consumer' | 'main', group: string, site: Site, holdsNone: boolean): CodeSite[] {
  if (role === 'main') return FOR_MAIN[site].map((k): CodeSite => `main.${k}`);
  const keys = FOR_WORKER[site].map((k): CodeSite => `${group}.${k}`);
  return site === 'put' && holdsNone ? [`${group}.sentinel.put`, ...keys] : keys;
}

/** The statement a producer's or consumer's trace event reports on (the `log(...)` beside it is the fallback). */
const EVENT_WORKER: Record<EventName, readonly WorkerSite[]> = {
  start: ['def'],
  put_wait: ['put'],
  put: ['put'],
  producer_done: ['loop'],
  join_wait: ['join'],
  join_done: ['join'],
  get_wait: ['get'],
  get: ['get', 'get_nowait'],
  empty: ['get_nowait'],
  done: ['service'],
  task_done: ['task_done'],
  error: ['raise'],
  exit: ['exit'],
  cancelled: [],
  crashed: ['raise'],
  shutdown_exc: ['get'],
  cancel_consumers: [],
  shutdown: [],
  main_done: [],
};

const EVENT_MAIN: Record<EventName, readonly MainSite[]> = {
  start: ['def'],
  put_wait: ['sentinel.put'],
  put: ['sentinel.put'],
  producer_done: [],
  join_wait: ['join'],
  join_done: ['join'],
  get_wait: [],
  get: [],
  empty: [],
  done: [],
  task_done: [],
  error: [],
  exit: [],
  cancelled: [],
  crashed: [],
  shutdown_exc: [],
  cancel_consumers: ['cancel'],
  shutdown: ['shutdown'],
  main_done: [],
};

/**
 * The code sites of the statement an event of `group` reports on, best first, ending with the `log(...)` call
 * that wrote it (every event has one); `holdsNone`: its item is a `None` sentinel. A consumer's exit is the
 * sentinel code's `return` when the program has one (else the exit after QueueShutDown).
 */
export function eventCodeSites(role: 'producer' | 'consumer' | 'main', group: string, event: EventName, holdsNone: boolean): CodeSite[] {
  const owner = role === 'main' ? 'main' : group;
  const sentinel = (holdsNone && event !== 'get') || event === 'exit';
  const logs: CodeSite[] = sentinel ? [`${owner}.log.sentinel.${event}`, `${owner}.log.${event}`] : [`${owner}.log.${event}`];
  if (role === 'main') return [...EVENT_MAIN[event].map((k): CodeSite => `main.${k}`), ...logs];
  const own: CodeSite[] = holdsNone && (event === 'put' || event === 'put_wait') ? [`${group}.sentinel.put`] : [];
  if (holdsNone && event === 'task_done') own.push(`${group}.sentinel.task_done`);
  return [...own, ...EVENT_WORKER[event].map((k): CodeSite => `${group}.${k}`), ...logs];
}
