/**
 * Named seeds for the invariant checker (check.ts): the ones that once failed, and the ones that take the rare paths
 * (an immediate Queue.shutdown dropping items, a consumer crashing with an item, heapq raising TypeError inside a
 * put or a get, ...). Each entry runs exactly the scenario `scenarioFor(kind, seed)` through every invariant, and
 * checks that the run still takes the path it is kept for: if a generator in tests/conformance/arbitrary.ts or
 * check.ts changes, a seed may stop meaning what `why` says, and this test says so instead of passing quietly.
 *
 * To add one: a failure in invariants.test.ts prints `kind` and `seed`; add `{ seed, kind, why, takes }` below.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { consumer, producer, scenario } from '../../src/scenarios/build';
import type { Scenario } from '../../src/scenarios/types';
import { validateScenario } from '../../src/scenarios/validate';
import { checkScenario, scenarioFor, type GenKind } from './check';

interface Regression {
  seed: number;
  kind: GenKind;
  why: string;
  /** Features (RunStats.features) the run must show, so the seed keeps testing what it is here for. */
  takes: string[];
}

export const REGRESSIONS: Regression[] = [
  // Engine bugs the invariants found (fixed in src/engine; see the hand-written tests below).
  {
    seed: 151,
    kind: 'wide',
    why: 'the horizon passes inside a blocking time.sleep: that handle went uncounted, so a fresh run to the last tick stopped short of the end',
    takes: ['horizon'],
  },
  { seed: 425, kind: 'shutdown', why: 'the same, with a single time.sleep consumer and Queue.shutdown', takes: ['horizon'] },
  {
    seed: 611,
    kind: 'wide',
    why: "the horizon inside a blocking time.sleep under guard finally: the step's unwinding ran the finally's task_done",
    takes: ['horizon'],
  },
  { seed: 983, kind: 'wide', why: 'the same, with several groups', takes: ['horizon'] },
  {
    seed: 47,
    kind: 'wide',
    why: 'a consumer that crashed (task_done twice) right after a blocking time.sleep still counted as in service',
    takes: ['task_done too many'],
  },
  { seed: 196, kind: 'random', why: 'the same, in a conformance-shaped scenario', takes: ['task_done too many'] },

  // Rare paths, kept so that every run checks them.
  { seed: 25, kind: 'shutdown', why: 'Queue.shutdown(immediate=True) drops what the buffer holds', takes: ['lost: immediate shutdown'] },
  { seed: 19, kind: 'wide', why: 'immediate shutdown with several groups', takes: ['lost: immediate shutdown', 'completed'] },
  { seed: 49, kind: 'shutdown', why: 'a consumer raises on an item with guard none: it crashes holding the item', takes: ['lost: consumer crashed holding it'] },
  { seed: 57, kind: 'shutdown', why: 'a consumer crashes holding an item, and the program hangs in join', takes: ['lost: consumer crashed holding it', 'hang'] },
  { seed: 84, kind: 'random', why: 'guard except: the error is handled, task_done still runs; the program hangs', takes: ['handled error', 'hang'] },
  { seed: 132, kind: 'random', why: 'a None sentinel into a PriorityQueue: heappush raises TypeError and leaves it in the heap, uncounted', takes: ['uncounted put (heappush TypeError)', 'hang'] },
  { seed: 144, kind: 'random', why: 'heappop raises TypeError: the item it took is gone; a producer is cancelled holding one', takes: ['lost: heappop raised TypeError', 'lost: producer cancelled holding it'] },
  { seed: 11, kind: 'wide', why: "main's sentinel put raises TypeError: main crashes without writing an event", takes: ['main crashed in put', 'error'] },
  { seed: 28, kind: 'random', why: 'put_nowait on a full queue raises QueueFull in the producer', takes: ['lost: put_nowait on a full queue', 'hang'] },
  { seed: 16, kind: 'random', why: 'asyncio.run cancels a consumer in service; task_done twice raises ValueError', takes: ['lost: consumer cancelled holding it', 'task_done too many'] },
  { seed: 38, kind: 'thread', why: 'thread producers: main waits on no tasks (ValueError), a consumer is cancelled with an item', takes: ['error', 'lost: consumer cancelled holding it'] },
  { seed: 6, kind: 'thread', why: 'thread producers and polling consumers up to the horizon', takes: ['horizon'] },
];

describe('invariant regressions', () => {
  it.each(REGRESSIONS)('$kind #$seed: $why', ({ seed, kind, takes }) => {
    const s = scenarioFor(kind, seed);
    const v = validateScenario(s);
    expect(v.ok, v.ok ? '' : v.errors.join('; ')).toBe(true);
    const stats = checkScenario(s);
    for (const f of takes) expect(stats.features.get(f) ?? 0, `${kind} #${seed} no longer takes "${f}"`).toBeGreaterThan(0);
  });
});

/** One item, served by a blocking time.sleep. */
function blocking(o: Partial<Scenario>, service = 10): Scenario {
  return scenario('blocking service', {
    queue: { kind: 'Queue', maxsize: 0 },
    producers: [producer({ items: { count: 1, value: { type: 'index' } } })],
    consumers: [consumer({ service: { dist: 'const', value: service }, service_call: 'time.sleep' })],
    shutdown: { strategy: 'none' },
    main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
    ...o,
  });
}

describe('engine bugs found by the invariants', () => {
  it('a run stopped by the horizon inside a blocking time.sleep: a fresh run to its last tick reaches the same end', () => {
    const s = blocking({ horizon: 5 });
    expect(validateScenario(s).ok).toBe(true);
    const a = new Simulation(s);
    a.runToEnd(() => undefined);
    expect(a.end?.status).toBe('horizon');
    const b = new Simulation(s);
    b.runToTick(a.ticks);
    expect([b.ticks, b.end?.status, b.end?.t]).toEqual([a.ticks, 'horizon', 5]);
    // and stepping meets iterating there too
    const c = new Simulation(s);
    while (c.end === null) c.step();
    expect(c.ticks).toBe(a.ticks);
  });

  it.each(['finally', 'except'] as const)('the horizon inside a blocking time.sleep under guard %s: the finally block does not run', (guard) => {
    const s = blocking({ horizon: 5, consumers: [consumer({ service: { dist: 'const', value: 10 }, service_call: 'time.sleep', raise_on: { item: 99, exception: 'ValueError', guard } })] });
    expect(validateScenario(s).ok).toBe(true);
    const sim = new Simulation(s);
    const records: string[] = [];
    sim.runToEnd((r) => records.push(...r.map((x) => x.event)));
    expect(records.slice(-2)).toEqual(['get', 'end']);
    // CPython stops inside time.sleep: task_done() never runs, the item is still an unfinished task in service
    const v = sim.view();
    expect(v.counters).toMatchObject({ unfinished: 1, inService: 1, consumed: 0 });
  });

  // found by tests/fuzz (a preset with its service time nudged to 1,000,000 s)
  it('past 2^24 s a due timer rounds away (now + 1e-9 == now): an iteration that runs nothing, not a TypeError', () => {
    const s = scenario('huge times', {
      queue: { kind: 'Queue', maxsize: 0 },
      producers: [producer({ items: { count: 20, value: { type: 'index' } } })],
      consumers: [consumer({ service: { dist: 'const', value: 1_000_000 } })],
      shutdown: { strategy: 'none' },
    });
    expect(validateScenario(s).ok).toBe(true);
    const a = new Simulation(s);
    const events: string[] = [];
    // CPython's _run_once finds the timer at 17,000,000 s not due (when < now + 1e-9 is false once 1e-9 rounds
    // away) and runs nothing, again and again: the run spins there, ticking, without a JS error
    for (let k = 0; k < 300; k++) events.push(...a.step(1000).map((r) => r.event));
    expect(a.now).toBe(17_000_000);
    expect(events.filter((e) => e === 'done')).toHaveLength(16);
    const t = a.ticks;
    a.runToTick(t + 10);
    expect(a.ticks).toBe(t + 10);
    // and iterating meets stepping
    const b = new Simulation(s);
    b.runToEnd(() => undefined, 200);
    const c = new Simulation(s);
    c.runToTick(b.ticks);
    expect(JSON.stringify(c.view())).toBe(JSON.stringify(b.view()));
  });

  it('a consumer that crashed right after a blocking time.sleep is not in service', () => {
    const s = blocking({ consumers: [consumer({ service: { dist: 'const', value: 1 }, service_call: 'time.sleep', task_done: 'twice' })] });
    expect(validateScenario(s).ok).toBe(true);
    const sim = new Simulation(s);
    sim.runToEnd(() => undefined);
    const v = sim.view();
    expect(v.actors.find((a) => a.name === 'consumer')?.state).toBe('crashed');
    expect(v.counters.inService).toBe(0);
  });
});
