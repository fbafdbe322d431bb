/**
 * The lab's sliders and selects as one flat record, and the way back to a scenario. A preset says more than the
 * sliders can (item values, where the sleep sits, task_done, ...): a scenario is always the preset's own, with only
 * the settings that differ from the preset's written on top.
 */
import type { Dist, QueueKind, Scenario, Shutdown } from './types';

export type DistChoice = 'const' | 'uniform' | 'randint' | 'expo' | 'item';
export type GetStrategy = 'await' | 'poll';
export type ShutdownChoice = 'sentinel' | 'join_cancel' | 'queue_shutdown' | 'none';

export interface Settings {
  producers: number; // 1-16
  consumers: number; // 1-64
  bufferSize: number; // 0 = unbounded, up to 1000
  queueKind: QueueKind;
  interval: number; // mean seconds between a producer's items; 0 = no sleep at all
  intervalDist: Exclude<DistChoice, 'item'>;
  service: number; // mean service time, seconds (unused when serviceDist is 'item')
  serviceDist: DistChoice;
  getStrategy: GetStrategy;
  shutdown: ShutdownChoice;
  seed: number;
}

export const LIMITS = {
  producers: [1, 16],
  consumers: [1, 64],
  bufferSize: [0, 1000],
  seed: [0, 2 ** 31 - 1],
} as const;

/** The horizon given to a program that would otherwise run for ever (seconds; seed-1 has the same). */
export const DEFAULT_HORIZON = 120;

/** Settings Python could apply to the running program; the others restart the run at t = 0. */
export const LIVE_KEYS = ['producers', 'consumers', 'interval', 'intervalDist', 'service', 'serviceDist'] as const;

/** A change to a running program (the engine's `LiveChange`, restated so that scenarios do not import the engine). */
export type LiveEdit =
  | { type: 'workers'; role: 'producer' | 'consumer'; count: number }
  | { type: 'dist'; role: 'producer' | 'consumer'; dist: Dist };

const clamp = (x: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, Math.round(x)));

/** The mean of a distribution, as the interval and service sliders show it. */
export function distMean(d: Dist | null): number {
  if (d === null) return 0;
  switch (d.dist) {
    case 'const':
      return d.value;
    case 'randint':
    case 'uniform':
      return (d.lo + d.hi) / 2;
    case 'expo':
      return d.mean;
    case 'choice':
    case 'list':
      return d.values.length === 0 ? 0 : d.values.reduce((a, b) => a + b, 0) / d.values.length;
    case 'item':
      return 1;
  }
}

function distChoice(d: Dist | null): DistChoice {
  if (d === null) return 'const';
  return d.dist === 'choice' || d.dist === 'list' ? 'uniform' : d.dist;
}

/** A distribution of the chosen kind around `mean` seconds. */
export function makeDist(kind: DistChoice, mean: number): Dist {
  switch (kind) {
    case 'const':
      return { dist: 'const', value: mean };
    case 'uniform':
      return { dist: 'uniform', lo: mean / 2, hi: mean * 1.5 };
    case 'randint': {
      // whole seconds, never 0: a zero sleep in a thread would spin without time passing
      const lo = Math.max(1, Math.floor((mean * 2) / 3));
      return { dist: 'randint', lo, hi: Math.max(lo, Math.ceil((mean * 4) / 3)) };
    }
    case 'expo':
      return { dist: 'expo', mean };
    case 'item':
      return { dist: 'item' };
  }
}

function shutdownChoice(s: Shutdown): ShutdownChoice {
  return s.strategy === 'cancel_after_join' ? 'join_cancel' : s.strategy;
}

/** What the sliders show for a scenario (its first producer and consumer group). */
export function settingsOf(s: Scenario): Settings {
  const p = s.producers[0];
  const c = s.consumers[0];
  return {
    producers: p?.count ?? 1,
    consumers: c?.count ?? 1,
    bufferSize: Math.max(0, s.queue.maxsize),
    queueKind: s.queue.kind,
    interval: distMean(p?.interval ?? null),
    intervalDist: distChoice(p?.interval ?? null) as Settings['intervalDist'],
    service: c === undefined || c.service.dist === 'item' ? 1 : distMean(c.service),
    serviceDist: c === undefined ? 'const' : distChoice(c.service),
    getStrategy: c?.get.mode ?? 'await',
    shutdown: shutdownChoice(s.shutdown),
    seed: s.seed,
  };
}

/** True when a producer with these settings could put forever without ever yielding (a frozen loop). */
function spinsForever(base: Scenario, s: Settings): boolean {
  const endless = base.producers.some((g) => g.items.count === null);
  return endless && s.interval === 0 && (s.queueKind === 'queue.Queue' || s.bufferSize === 0);
}

/**
 * `prev` with one setting changed, and the others adjusted where they cannot go together: the setting just changed
 * wins (picking `queue.Queue` makes the get strategy poll; picking `await` makes the queue an asyncio one).
 */
export function withChange<K extends keyof Settings>(base: Scenario, prev: Settings, key: K, value: Settings[K]): Settings {
  const s: Settings = { ...prev, [key]: value };
  s.producers = clamp(s.producers, LIMITS.producers);
  s.consumers = clamp(s.consumers, LIMITS.consumers);
  s.bufferSize = clamp(s.bufferSize, LIMITS.bufferSize);
  s.seed = clamp(s.seed, LIMITS.seed);
  if (key === 'queueKind' && s.queueKind === 'queue.Queue') {
    // a thread producer, queue.Queue() unbounded, consumers that poll, nothing to stop them
    s.bufferSize = 0;
    s.getStrategy = 'poll';
    s.shutdown = 'none';
  } else if (s.queueKind === 'queue.Queue' && (s.bufferSize > 0 || s.getStrategy === 'await' || s.shutdown !== 'none')) {
    s.queueKind = 'Queue';
  }
  // randint draws whole seconds: a mean under 1.5 s would not be what the slider says
  if (key === 'intervalDist' && s.intervalDist === 'randint' && s.interval > 0) s.interval = Math.max(s.interval, 1.5);
  else if (s.intervalDist === 'randint' && s.interval > 0 && s.interval < 1.5) s.intervalDist = 'uniform';
  if (key === 'serviceDist' && s.serviceDist === 'randint') s.service = Math.max(s.service, 1.5);
  else if (s.serviceDist === 'randint' && s.service < 1.5) s.serviceDist = 'uniform';
  if (s.serviceDist === 'item' && !itemsAreNumbers(base)) s.serviceDist = 'const';
  if (spinsForever(base, s)) s.interval = 0.001;
  return s;
}

function shutdownOf(choice: ShutdownChoice, base: Scenario): Shutdown {
  switch (choice) {
    case 'none':
      return { strategy: 'none' };
    case 'sentinel': {
      const own = base.shutdown.strategy === 'sentinel' ? base.shutdown.by : 'main';
      return { strategy: 'sentinel', by: own, count: null };
    }
    case 'join_cancel':
      return { strategy: 'cancel_after_join' };
    case 'queue_shutdown':
      return { strategy: 'queue_shutdown', immediate: false, after: 'producers_done' };
  }
}

/** The base scenario with every setting that differs from the base's own written on top. */
export function applySettings(base: Scenario, s: Settings): Scenario {
  const was = settingsOf(base);
  const out = structuredClone(base);
  const p = out.producers[0];
  const c = out.consumers[0];
  if (s.seed !== was.seed) out.seed = s.seed;
  if (s.queueKind !== was.queueKind) {
    out.queue.kind = s.queueKind;
    const thread = s.queueKind === 'queue.Queue';
    out.producers.forEach((g) => {
      g.runs_in = thread ? 'thread' : 'task';
      // a thread calls a plain q.put() and has no join() to await
      if (thread) Object.assign(g, { put: 'await', then: 'none' });
    });
  }
  if (s.bufferSize !== was.bufferSize) out.queue.maxsize = s.bufferSize;
  if (p !== undefined) {
    if (s.producers !== was.producers) p.count = s.producers;
    if (s.interval !== was.interval || s.intervalDist !== was.intervalDist) {
      p.interval = s.interval === 0 ? null : makeDist(s.intervalDist, s.interval);
    }
  }
  if (c !== undefined) {
    if (s.consumers !== was.consumers) c.count = s.consumers;
    if (s.service !== was.service || s.serviceDist !== was.serviceDist) c.service = makeDist(s.serviceDist, s.service);
    if (s.getStrategy !== was.getStrategy) {
      out.consumers.forEach((g) => (g.get = s.getStrategy === 'poll' ? { mode: 'poll', interval: 1 } : { mode: 'await' }));
    }
  }
  if (s.shutdown !== was.shutdown) {
    out.shutdown = shutdownOf(s.shutdown, base);
    // join() waits for task_done(): a strategy built on join needs consumers that call it
    if (s.shutdown === 'join_cancel') out.consumers.forEach((g) => g.task_done === 'never' && (g.task_done = 'after'));
    if (s.shutdown === 'queue_shutdown') out.python = '3.13';
  }
  // a program that never ends on its own gets a horizon for its exported trace (the lab itself runs without one)
  const endless = out.producers.some((g) => g.items.count === null) || out.consumers.some((g) => g.get.mode === 'poll' && out.shutdown.strategy === 'none');
  if (endless && out.horizon === null) out.horizon = DEFAULT_HORIZON;
  return out;
}

/**
 * How to go from `prev` to `next` on a running program: the live edits, or null when the run must restart at
 * t = 0 (a queue cannot change its size or kind, nor a running coroutine its code).
 */
export function liveEdits(scenario: Scenario, prev: Settings, next: Settings): LiveEdit[] | null {
  const keys = Object.keys(next) as (keyof Settings)[];
  const changed = keys.filter((k) => next[k] !== prev[k]);
  if (changed.some((k) => !(LIVE_KEYS as readonly string[]).includes(k))) return null;
  const threads = scenario.producers.some((g) => g.runs_in === 'thread');
  const edits: LiveEdit[] = [];
  if (next.producers !== prev.producers) {
    if (threads) return null; // the engine adds worker tasks, not threads
    edits.push({ type: 'workers', role: 'producer', count: next.producers });
  }
  if (next.consumers !== prev.consumers) edits.push({ type: 'workers', role: 'consumer', count: next.consumers });
  if (next.interval !== prev.interval || next.intervalDist !== prev.intervalDist) {
    // a producer with no sleep has no draw to change: adding or removing the sleep changes its code
    if (next.interval === 0 || prev.interval === 0) return null;
    edits.push({ type: 'dist', role: 'producer', dist: makeDist(next.intervalDist, next.interval) });
  }
  if (next.service !== prev.service || next.serviceDist !== prev.serviceDist) {
    edits.push({ type: 'dist', role: 'consumer', dist: makeDist(next.serviceDist, next.service) });
  }
  return edits;
}

/** Whether the producers' items are numbers, so that a service time of "the item's value" makes sense. */
export function itemsAreNumbers(s: Scenario): boolean {
  return s.producers.every((g) => g.items.value.type === 'index' || g.items.value.type === 'dist');
}
