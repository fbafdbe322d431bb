/**
 * Random valid scenarios for property tests, drawn from a seed so that any failure can be replayed
 * (`QUEUE_LAB_SEED=<seed>`). Sizes stay small so that CPython runs hundreds of them in seconds.
 */
import { PyRandom } from '../../src/engine/pyruntime/random';
import type { Dist, ItemValue, Scenario, Shutdown } from '../../src/scenarios/types';
import { consumer, producer, scenario } from '../../src/scenarios/build';

export function randomDist(r: PyRandom, opts: { zero?: boolean } = {}): Dist {
  switch (r.randint(0, 5)) {
    case 0:
      return { dist: 'const', value: r.choice(opts.zero === true ? [0, 0.5, 1, 2] : [0.5, 1, 2, 0.1]) };
    case 1:
      return { dist: 'randint', lo: r.randint(0, 2), hi: r.randint(2, 4) };
    case 2:
      return { dist: 'uniform', lo: r.choice([0, 0.1, 0.5]), hi: r.choice([1, 1.5, 3]) };
    case 3:
      return { dist: 'expo', mean: r.choice([0.5, 1, 2.5]) };
    case 4:
      return { dist: 'choice', values: [r.randint(0, 3), r.choice([0.25, 0.5, 1.5])] };
    default:
      return { dist: 'list', values: [r.choice([0.5, 1]), r.randint(0, 3), 0.25] };
  }
}

function randomValue(r: PyRandom, kind: Scenario['queue']['kind']): ItemValue {
  const k = r.randint(0, 3);
  if (k === 0 && kind === 'PriorityQueue') return { type: 'priority', priority: { dist: 'randint', lo: 1, hi: 4 } };
  if (k === 1) return { type: 'format', format: r.choice(['item {i}', 'p{n}-{i}', 'x{i}']) };
  if (k === 2) return { type: 'dist', dist: { dist: 'randint', lo: 1, hi: 3 } };
  return { type: 'index' };
}

/** An asyncio scenario with every feature in play (thread producers come from randomThreadScenario). */
export function randomScenario(seed: number): Scenario {
  const r = new PyRandom(seed);
  const kind = r.choice(['Queue', 'Queue', 'LifoQueue', 'PriorityQueue'] as const);
  const strategies: Shutdown[] = [
    { strategy: 'sentinel', by: r.choice(['producer', 'main'] as const), count: r.choice([null, null, 1, 2]) },
    { strategy: 'cancel_after_join' },
    { strategy: 'none' },
  ];
  const shutdown = r.choice(strategies);
  const poll = r.random() < 0.25;
  const nProd = r.randint(1, 3);
  const value = randomValue(r, kind);
  const numeric = value.type === 'index' || value.type === 'dist';
  const s = scenario(`random #${seed}`, {
    seed: r.randint(0, 1000),
    queue: { kind, maxsize: r.choice([0, 1, 2, 3, 5]) },
    producers: [
      producer({
        count: nProd,
        items: { count: r.randint(0, 12), value },
        interval: r.random() < 0.3 ? null : randomDist(r),
        interval_at: r.choice(['before_put', 'after_put'] as const),
        put: r.random() < 0.1 ? 'nowait' : 'await',
        then: r.random() < 0.2 ? 'join' : 'none',
      }),
    ],
    consumers: [
      consumer({
        count: r.randint(1, 4),
        get: poll ? { mode: 'poll', interval: r.choice([0.5, 1]) } : { mode: 'await' },
        service: numeric && r.random() < 0.15 ? { dist: 'item' } : randomDist(r, { zero: true }),
        service_call: r.random() < 0.1 ? 'time.sleep' : 'asyncio.sleep',
        task_done: r.choice(['after', 'after', 'after', 'never', 'twice'] as const),
        raise_on:
          r.random() < 0.15
            ? { item: r.randint(0, 5), exception: r.choice(['ValueError', 'RuntimeError'] as const), guard: r.choice(['none', 'finally', 'except'] as const) }
            : null,
      }),
    ],
    shutdown,
    main: {
      start: r.choice(['producers_first', 'consumers_first'] as const),
      awaits: r.choice(['all', 'consumers', 'producers'] as const),
      with: r.choice(['wait', 'gather', 'await'] as const),
    },
  });
  if (poll || shutdown.strategy === 'none' || r.random() < 0.1) s.horizon = r.choice([20, 37.5, 60]);
  return s;
}

/** A Python 3.13 scenario ending with Queue.shutdown. */
export function randomShutdownScenario(seed: number): Scenario {
  const s = randomScenario(seed);
  const r = new PyRandom(seed + 1_000_003);
  s.python = '3.13';
  s.name = `random shutdown #${seed}`;
  s.shutdown = { strategy: 'queue_shutdown', immediate: r.random() < 0.5, after: r.choice(['producers_done', 'join'] as const) };
  return s;
}

/** A thread-producer scenario (the first article's shape) with a horizon. */
export function randomThreadScenario(seed: number): Scenario {
  const r = new PyRandom(seed);
  return scenario(`random thread #${seed}`, {
    seed: r.randint(0, 1000),
    horizon: r.choice([15, 30, 45.5]),
    queue: { kind: 'queue.Queue', maxsize: 0 },
    producers: [
      producer({
        runs_in: 'thread',
        count: r.randint(1, 2),
        items: { count: r.random() < 0.5 ? null : r.randint(0, 8), value: randomValue(r, 'Queue') },
        interval: randomDist(r),
        interval_at: r.choice(['before_put', 'after_put'] as const),
      }),
    ],
    consumers: [consumer({ count: r.randint(1, 3), get: { mode: 'poll', interval: r.choice([0.5, 1]) }, service: randomDist(r, { zero: true }), task_done: r.choice(['after', 'never'] as const) })],
    shutdown: { strategy: 'none' },
    main: { start: r.choice(['producers_first', 'consumers_first'] as const), awaits: r.choice(['consumers', 'producers'] as const), with: r.choice(['gather', 'wait', 'await'] as const) },
  });
}
