/**
 * The exported Python program (src/python/generate.ts) and its --fast virtual clock, run under real CPython:
 * the draft's examples B and C, Queue.shutdown on 3.13, thread producers with a horizon, the real-time mode,
 * the log-line format in TypeScript, the code sites, the batch runner and the trace comparison.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProgram, generatePython } from '../src/python/generate.ts';
import { formatEndReport, formatLogLine, pyFixed, pyRepr } from '../src/python/logLine.ts';
import type { Item, Scenario, TraceEvent } from '../src/scenarios/types.ts';
import { compareTraces, type Trace } from './oracle/compareTraces.ts';
import { findPython, runPythonTrace, runPythonTraces, skipReason } from './oracle/runPython.ts';

const missing311 = skipReason('3.11');
const missing313 = skipReason('3.13');
if (missing311 !== null) console.warn(`\n*** SKIPPING the CPython program tests: ${missing311} ***\n`);
if (missing313 !== null) console.warn(`\n*** SKIPPING the Python 3.13 (Queue.shutdown) program test: ${missing313} ***\n`);

/** The draft's example B: bounded queue, sentinels by the producer, join, asyncio.wait (the second article). */
const exampleB: Scenario = {
  spec: 'queue-lab/1',
  name: 'seed_b',
  python: '3.11',
  seed: 2,
  horizon: null,
  queue: { kind: 'Queue', maxsize: 2 },
  producers: [
    {
      name: 'producer', count: 1, runs_in: 'task', items: { count: 60, value: { type: 'index' } },
      interval: null, interval_at: 'before_put', put: 'await', then: 'join',
    },
  ],
  consumers: [
    {
      name: 'consumer', count: 2, get: { mode: 'await' }, service: { dist: 'const', value: 0.01 },
      service_call: 'asyncio.sleep', task_done: 'after', raise_on: null,
    },
  ],
  shutdown: { strategy: 'sentinel', by: 'producer', count: null },
  main: { start: 'producers_first', awaits: 'all', with: 'wait' },
};

/** The draft's example C: the consumer never stops (the third article) -> hang. */
const exampleC: Scenario = {
  spec: 'queue-lab/1',
  name: 'seed_c',
  python: '3.11',
  seed: 3,
  horizon: null,
  queue: { kind: 'Queue', maxsize: 3 },
  producers: [
    {
      name: 'producer', count: 1, runs_in: 'task',
      items: { count: 10, value: { type: 'dist', dist: { dist: 'randint', lo: 1, hi: 2 } } },
      interval: null, interval_at: 'before_put', put: 'await', then: 'none',
    },
  ],
  consumers: [
    {
      name: 'consumer', count: 1, get: { mode: 'await' }, service: { dist: 'item' },
      service_call: 'asyncio.sleep', task_done: 'after', raise_on: null,
    },
  ],
  shutdown: { strategy: 'none' },
  main: { start: 'producers_first', awaits: 'consumers', with: 'await' },
};

/** The draft's example A: a thread producer (time.sleep), polling consumers, a horizon (the first article). */
const exampleA: Scenario = {
  spec: 'queue-lab/1',
  name: 'seed_a',
  python: '3.11',
  seed: 1,
  horizon: 120,
  queue: { kind: 'queue.Queue', maxsize: 0 },
  producers: [
    {
      name: 'producer', count: 1, runs_in: 'thread', items: { count: 20, value: { type: 'format', format: 'item {i}' } },
      interval: { dist: 'randint', lo: 2, hi: 4 }, interval_at: 'before_put', put: 'await', then: 'none',
    },
  ],
  consumers: [
    {
      name: 'consumer', count: 3, get: { mode: 'poll', interval: 1 }, service: { dist: 'const', value: 10 },
      service_call: 'asyncio.sleep', task_done: 'never', raise_on: null,
    },
  ],
  shutdown: { strategy: 'none' },
  main: { start: 'consumers_first', awaits: 'consumers', with: 'gather' },
};

/** Queue.shutdown (3.13) after the producers finish: the consumers drain the queue, then stop. */
const shutdown313: Scenario = {
  ...structuredClone(exampleB),
  name: 'queue shutdown',
  python: '3.13',
  queue: { kind: 'Queue', maxsize: 3 },
  producers: [
    {
      name: 'maker', count: 2, runs_in: 'task', items: { count: 4, value: { type: 'format', format: "job {n}-{i}" } },
      interval: { dist: 'uniform', lo: 0.1, hi: 0.5 }, interval_at: 'after_put', put: 'await', then: 'none',
    },
  ],
  consumers: [
    {
      name: 'worker', count: 2, get: { mode: 'await' }, service: { dist: 'list', values: [0.3, 0.7] },
      service_call: 'asyncio.sleep', task_done: 'after', raise_on: null,
    },
  ],
  shutdown: { strategy: 'queue_shutdown', immediate: false, after: 'producers_done' },
  main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
};

/** Floats, tuples, quotes and an exception: for the log-line format. */
const mixed: Scenario = {
  ...structuredClone(exampleB),
  name: 'mixed items',
  seed: 7,
  queue: { kind: 'PriorityQueue', maxsize: 0 },
  producers: [
    {
      name: 'producer', count: 1, runs_in: 'task', items: { count: 6, value: { type: 'priority', priority: { dist: 'uniform', lo: 0, hi: 3 } } },
      interval: { dist: 'expo', mean: 0.5 }, interval_at: 'before_put', put: 'await', then: 'none',
    },
    {
      name: 'talker', count: 1, runs_in: 'task', items: { count: 4, value: { type: 'format', format: "it's {i}" } },
      interval: { dist: 'choice', values: [0.0625, 0.1875] }, interval_at: 'after_put', put: 'await', then: 'none',
    },
  ],
  consumers: [
    {
      name: 'consumer', count: 1, get: { mode: 'await' }, service: { dist: 'uniform', lo: 0.01, hi: 0.2 },
      service_call: 'asyncio.sleep', task_done: 'after', raise_on: { item: "it's 2", exception: 'RuntimeError', guard: 'except' },
    },
  ],
  shutdown: { strategy: 'cancel_after_join' },
  main: { start: 'producers_first', awaits: 'all', with: 'gather' },
};

function run(command: string, args: string[], input: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
    child.stdin.end(input);
  });
}

const py311 = (): string => (findPython('3.11') as { command: string }).command;

describe.skipIf(missing311 !== null)('the exported program under CPython --fast --trace', () => {
  it("example B completes at t=0.3000000000000001 with the draft's 282 events (+3 start)", async () => {
    const r = await runPythonTrace(exampleB);
    expect(r.exitCode).toBe(0);
    expect(r.end).toMatchObject({ status: 'completed', t: 0.3000000000000001, blocked: [], actor: 'loop', event: 'end' });
    expect(r.events.filter((e) => e.event !== 'start')).toHaveLength(282);
    expect(r.events).toHaveLength(285);
    expect(r.end?.seq).toBe(285);
    expect(r.events.map((e, k) => e.seq === k).every(Boolean)).toBe(true);
    const head = r.events.filter((e) => e.event !== 'start').slice(0, 8).map((e) => `${e.actor} ${e.event} ${String(e.item)}`);
    expect(head).toEqual([
      'producer put 0', 'producer put 1', 'producer put_wait 2', 'consumer-0 get 0',
      'consumer-1 get 1', 'producer put 2', 'producer put 3', 'producer put_wait 4',
    ]);
    expect(r.events.slice(0, 8).every((e) => e.t === 0)).toBe(true);
    expect(r.events.at(-1)).toMatchObject({ actor: 'main', event: 'main_done', qsize: 0 });
    // every item went through: 60 done + 60 task_done, 2 sentinels seen
    expect(r.events.filter((e) => e.event === 'done')).toHaveLength(60);
    expect(r.events.filter((e) => e.event === 'exit')).toHaveLength(2);
  });

  it('example C hangs at t=14.0: consumer in Queue.get, main waiting for task consumer', async () => {
    const r = await runPythonTrace(exampleC);
    expect(r.exitCode).toBe(2);
    expect(r.end).toMatchObject({ status: 'hang', t: 14.0 });
    expect(new Set(r.end?.blocked.map((b) => JSON.stringify(b)))).toEqual(
      new Set([{ task: 'consumer', waiting_on: 'Queue.get' }, { task: 'main', waiting_on: 'task consumer' }].map((b) => JSON.stringify(b))),
    );
    expect(r.events.at(-1)).toMatchObject({ actor: 'consumer', event: 'get_wait', t: 14 });
  });

  it('example A (thread producer) stops at the horizon, t=120, and --horizon overrides it', async () => {
    const r = await runPythonTrace(exampleA);
    expect(r.exitCode).toBe(0);
    expect(r.end).toMatchObject({ status: 'horizon', t: 120, blocked: [] });
    expect(r.events.every((e) => e.t <= 120)).toBe(true);
    const line = (e: TraceEvent): string => `${e.t} ${e.actor} ${e.event}${e.item === undefined ? '' : ` ${String(e.item)}`}`;
    const firstPut = r.events.findIndex((e) => e.event === 'put');
    expect(r.events.slice(0, 3).map(line)).toEqual(['0 producer start', '0 consumer-0 start', '0 consumer-0 empty']);
    expect(r.events.slice(firstPut, firstPut + 2).map(line)).toEqual(['2 producer put item 0', '2 consumer-0 get item 0']);
    expect(r.events.filter((e) => e.event === 'put')).toHaveLength(20);
    expect(r.events.find((e) => e.event === 'producer_done')).toBeDefined();

    const short = await runPythonTrace(exampleA, { horizon: 10.5 });
    expect(short.end).toMatchObject({ status: 'horizon', t: 10.5 });
    expect(short.events).toEqual(r.events.filter((e) => e.t <= 10.5));
  });

  it.skipIf(missing313 !== null)('Queue.shutdown on Python 3.13: consumers drain the queue, then QueueShutDown', async () => {
    const r = await runPythonTrace(shutdown313);
    expect(r.python).toMatch(/3\.13/);
    expect(r.exitCode).toBe(0);
    expect(r.end).toMatchObject({ status: 'completed' });
    const names = r.events.map((e) => `${e.actor} ${e.event}`);
    const shutdownAt = names.indexOf('main shutdown');
    expect(shutdownAt).toBeGreaterThan(0);
    for (const w of ['worker-0', 'worker-1']) {
      const k = names.indexOf(`${w} shutdown_exc`);
      expect(k).toBeGreaterThan(shutdownAt);
      expect(names[k + 1]).toBe(`${w} exit`);
    }
    expect(r.events.filter((e) => e.event === 'done')).toHaveLength(8);
    expect(r.events.at(-1)).toMatchObject({ actor: 'main', event: 'main_done' });
  });

  it('an exception escaping main ends with status error, its class and message', async () => {
    const s: Scenario = {
      ...structuredClone(exampleB),
      name: 'crash',
      consumers: [{ ...structuredClone(exampleB.consumers[0]!), raise_on: { item: 5, exception: 'ValueError', guard: 'none' } }],
      main: { start: 'producers_first', awaits: 'consumers', with: 'gather' },
    };
    const r = await runPythonTrace(s);
    expect(r.exitCode).toBe(1);
    expect(r.end).toMatchObject({ status: 'error', exception: 'ValueError', message: 'bad item 5', blocked: [] });
    expect(r.events.find((e) => e.event === 'crashed')).toMatchObject({ item: 'ValueError: bad item 5' });
    expect(r.end?.cleanup_seq).toBeLessThanOrEqual(r.events.length);
  });

  it('the batch runner gives the same traces as one process per program', async () => {
    const scenarios = [exampleA, exampleB, exampleC, mixed, ...(missing313 === null ? [shutdown313] : [])];
    const started = performance.now();
    const batch = await runPythonTraces(scenarios);
    const ms = performance.now() - started;
    console.log(`batch: ${scenarios.length} programs in ${ms.toFixed(0)} ms (inside Python: ${batch.map((b) => b.ms.toFixed(1)).join(', ')} ms)`);
    for (const [k, s] of scenarios.entries()) {
      const single = await runPythonTrace(s);
      expect(compareTraces(single, batch[k] as Trace, ['single', 'batch']), s.name).toBeNull();
      expect(batch[k]?.exitCode).toBe(single.exitCode);
    }
  });

  it('the real-time program prints the same lines, in the same order, as --fast', async () => {
    const tiny: Scenario = {
      ...structuredClone(exampleB),
      name: 'tiny',
      producers: [{ ...structuredClone(exampleB.producers[0]!), items: { count: 4, value: { type: 'index' } } }],
      consumers: [{ ...structuredClone(exampleB.consumers[0]!), count: 1 }],
    };
    const dir = mkdtempSync(join(tmpdir(), 'queue-lab-'));
    const file = join(dir, 'tiny.py');
    writeFileSync(file, generatePython(tiny));
    const real = await run(py311(), [file], '');
    const fast = await run(py311(), [file, '--fast'], '');
    expect(real.code).toBe(0);
    expect(fast.code).toBe(0);
    const lines = (out: string): string[] => out.split('\n').filter((l) => l !== '');
    const strip = (out: string): string[] => lines(out).map((l) => l.slice(10)); // drop the time column
    expect(strip(real.stdout)).toEqual(strip(fast.stdout));
    expect(lines(fast.stdout)).toEqual((await runPythonTrace(tiny)).events.map((e) => formatLogLine(e, tiny.python)));
    // the real clock: the last event comes after 4 services of 0.01 s
    const lastT = Number(lines(real.stdout).at(-1)?.slice(0, 8));
    expect(lastT).toBeGreaterThanOrEqual(0.04);
  });
});

describe.skipIf(missing311 !== null)("formatLogLine: the TypeScript event log is Python's", () => {
  it('matches the lines of --fast for floats, tuples, quotes, errors and the hang report', async () => {
    for (const s of [mixed, exampleC, exampleA]) {
      const trace = await runPythonTrace(s);
      const human = await runPythonTrace(s, { args: ['--fast'] });
      const lines = human.stdout.split('\n').filter((l) => l !== '');
      const expected = [...trace.events.map((e) => formatLogLine(e, s.python)), ...formatEndReport(trace.end!)];
      expect(expected).toEqual(lines);
    }
  });

  it("repr and '%8.3f' agree with Python bit for bit, ties to even included", async () => {
    const times: number[] = [0, 0.0625, 0.1875, 2.0625, 0.0005, 0.0015, 1.0005, 12.3456, 0.3000000000000001, 99999.9995, 1e-7, 123456.789];
    for (let k = 0; k < 400; k++) times.push(k / 16, k / 128 + 0.0001 * k, (k * 7919) % 1000 / 997);
    const floats: number[] = [2, 0.1, 1e-5, 1e-4, 0.0001234, 1e16, 1.5e16, 9999999999999998, 123456789.123, 1e22, -0.5, 3.0000000000000004, Infinity, -Infinity];
    const strings = ["it's", 'say "hi"', `both ' and "`, 'back\\slash', 'tab\there', 'new\nline', '中文', '\u00a0nbsp', '\u200bzero width', 'é', 'x\u007fy'];
    const tuples: Item[] = [[1, 2], [3], [], [0.5, 'a', null], [[1, 2], 'x']];
    const program = [
      'import json, sys',
      'tup = lambda x: tuple(tup(y) for y in x) if isinstance(x, list) else x',
      'data = json.load(sys.stdin)',
      "print(json.dumps({'times': ['%8.3f' % t for t in data['times']],",
      "                  'floats': [repr(float(x)) for x in data['floats']],",
      "                  'strings': [repr(s) for s in data['strings']],",
      "                  'tuples': [repr(tup(t)) for t in data['tuples']]}))",
    ].join('\n');
    const payload = JSON.stringify({ times, floats: floats.map((x) => (Number.isFinite(x) ? x : String(x))), strings, tuples });
    const r = await run(py311(), ['-c', program], payload);
    const want = JSON.parse(r.stdout) as { times: string[]; floats: string[]; strings: string[]; tuples: string[] };
    expect(times.map((t) => pyFixed(t).padStart(8))).toEqual(want.times);
    expect(floats.map((x) => pyRepr(x, '3.11', true))).toEqual(want.floats);
    expect(strings.map((x) => pyRepr(x, '3.11'))).toEqual(want.strings);
    expect(tuples.map((x) => pyRepr(x, '3.11'))).toEqual(want.tuples);
    expect(pyFixed(0.0625).padStart(8)).toBe('   0.062');
    expect(pyRepr([2, 1], '3.11', [true, false])).toBe('(2.0, 1)');
  });
});

describe('compareTraces', () => {
  const ev = (seq: number, t: number, actor: string, event: TraceEvent['event'], item?: Item, qsize = 0): TraceEvent =>
    item === undefined ? { seq, t, actor, event, qsize } : { seq, t, actor, event, item, qsize };
  const base = (): Trace => ({
    events: [
      ev(0, 0, 'producer', 'start'),
      ev(1, 0, 'producer', 'put', 0, 1),
      ev(2, 0, 'consumer-0', 'get', 0, 0),
      ev(3, 0.5, 'consumer-0', 'done', 0),
      ev(4, 0.5, 'main', 'main_done'),
      ev(5, 0.5, 'consumer-0', 'cancelled'),
      ev(6, 0.5, 'consumer-1', 'cancelled'),
    ],
    end: { seq: 7, t: 0.5, actor: 'loop', event: 'end', status: 'completed', blocked: [] },
  });

  it('finds a planted difference and shows three events of context on each side', () => {
    const b = base();
    b.events[2] = ev(2, 0, 'consumer-0', 'get', 1, 0);
    const report = compareTraces(base(), b, ['engine', 'python']);
    expect(report).toContain('traces differ at event 2');
    expect(report).toContain('> #2  t=0  consumer-0  get 0  (qsize 0)');
    expect(report).toContain('> #2  t=0  consumer-0  get 1  (qsize 0)');
    expect(report).toContain('#0  t=0  producer  start');
    expect(report).toContain('#5  t=0.5  consumer-0  cancelled');
  });

  it('compares t numerically, qsize, and a missing item against None', () => {
    const t = base();
    t.events[3] = ev(3, 0.5000000000000001, 'consumer-0', 'done', 0);
    expect(compareTraces(base(), t)).toContain('differ at event 3');
    const q = base();
    q.events[1] = ev(1, 0, 'producer', 'put', 0, 2);
    expect(compareTraces(base(), q)).toContain('differ at event 1');
    const n = base();
    n.events[0] = ev(0, 0, 'producer', 'start', null);
    expect(compareTraces(base(), n)).toContain('differ at event 0');
  });

  it('takes the events after main_done in any order, but not others', () => {
    const swapped = base();
    [swapped.events[5], swapped.events[6]] = [swapped.events[6]!, swapped.events[5]!];
    expect(compareTraces(base(), swapped)).toBeNull();
    const early = base();
    [early.events[1], early.events[2]] = [early.events[2]!, early.events[1]!];
    expect(compareTraces(base(), early)).toContain('differ at event 1');
    const lost = base();
    lost.events.pop();
    expect(compareTraces(base(), lost)).toContain('only in a (1)');
  });

  it('uses cleanup_seq when main raised (no main_done)', () => {
    const a = base();
    a.events.splice(4, 1);
    a.end = { ...a.end!, status: 'error', exception: 'ValueError', message: 'bad item 5', cleanup_seq: 4 };
    const b = structuredClone(a);
    [b.events[4], b.events[5]] = [b.events[5]!, b.events[4]!];
    expect(compareTraces(a, b)).toBeNull();
    b.end = { ...b.end!, message: 'bad item 6' };
    expect(compareTraces(a, b)).toContain('message');
  });

  it('compares the end records: status, t, and the blocked set in any order', () => {
    const hang = (blocked: Trace['end']): Trace => ({ ...base(), end: blocked });
    const a = hang({ seq: 7, t: 14, actor: 'loop', event: 'end', status: 'hang', blocked: [{ task: 'main', waiting_on: 'task consumer' }, { task: 'consumer', waiting_on: 'Queue.get' }] });
    const b = hang({ seq: 7, t: 14, actor: 'loop', event: 'end', status: 'hang', blocked: [{ task: 'consumer', waiting_on: 'Queue.get' }, { task: 'main', waiting_on: 'task consumer' }] });
    expect(compareTraces(a, b)).toBeNull();
    b.end!.blocked = [{ task: 'consumer', waiting_on: 'Queue.put' }, { task: 'main', waiting_on: 'task consumer' }];
    expect(compareTraces(a, b)).toContain('blocked');
    b.end = { ...a.end!, status: 'horizon', t: 20, blocked: [] };
    expect(compareTraces(a, b)).toMatch(/status: a hang, b horizon[\s\S]*t: a 14, b 20/);
  });
});

describe('generatePython', () => {
  it('writes the articles\' idioms and records the code sites', () => {
    const { code, sites } = generateProgram(exampleB);
    const at = (site: string): string => code.split('\n')[(sites[site] as number) - 1]?.trim() ?? `(no site ${site})`;
    expect(at('producer.def')).toBe('async def producer(n, q):');
    expect(at('producer.put')).toBe('await q.put(item)');
    expect(at('producer.log.put')).toBe("log(q, name, 'put', item)");
    expect(at('producer.sentinel.put')).toBe('await q.put(None)');
    expect(at('producer.join')).toMatch(/^await q\.join\(\)/);
    expect(at('consumer.get')).toBe('item = await q.get()');
    expect(at('consumer.service')).toBe('await asyncio.sleep(0.01)');
    expect(at('consumer.task_done')).toBe('q.task_done()');
    expect(at('consumer.exit')).toBe('return');
    expect(at('main.queue')).toBe('q = asyncio.Queue(maxsize=2)');
    expect(at('main.await')).toBe('await asyncio.wait(producers + consumers)');
    expect(at('run')).toBe('asyncio.run(main())');
    expect(code).not.toMatch(/random/); // no draws, no seed

    const c = generateProgram(exampleC);
    expect(c.code).toContain('random.seed(3)');
    expect(c.code).toContain('item = random.randint(1, 2)');
    expect(c.code).toContain('await asyncio.sleep(item)');

    const a = generateProgram(exampleA);
    expect(a.code).toContain("threading.Thread(target=producer, args=(0, q), name='producer').start()");
    expect(a.code).toContain('time.sleep(random.randint(2, 4))');
    expect(a.code).toContain('item = q.get(block=False)');
    expect(a.code).toContain('except queue.Empty:');
    expect(a.code).toContain('_run_fast(main, horizon=120)');

    const m = generateProgram(mixed);
    expect(m.code).toContain('item = (random.uniform(0, 3), i)');
    expect(m.code).toContain('await asyncio.sleep(random.expovariate(1 / 0.5))');
    expect(m.code).toContain(`item = f"it's {i}"`);
    expect(m.code).toContain(`if item == "it's 2":`);

    const s = generateProgram(shutdown313);
    expect(s.code).toContain('worker_service_times = itertools.cycle([0.3, 0.7])');
    expect(s.code).toContain('await asyncio.sleep(next(worker_service_times))');
    expect(s.code).toContain('q.shutdown(immediate=False)');
    expect(s.code).toContain('except asyncio.QueueShutDown:');
  });

  it('refuses group names that the program uses itself', () => {
    const bad = structuredClone(exampleB);
    bad.consumers[0]!.name = 'task';
    expect(() => generatePython(bad)).toThrow(/already uses/);
    bad.consumers[0]!.name = 'sorted';
    expect(() => generatePython(bad)).toThrow(/already uses/);
  });
});
