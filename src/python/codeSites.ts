/**
 * The exported program's named lines (code sites): the one list the generator names its lines from and the code
 * panel marks tasks on. Each of the engine's sites (where an actor stands: src/engine/program/sites.ts) maps to
 * the code sites it is shown on.
 */
import type { Site } from '../engine/program/sites';

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
