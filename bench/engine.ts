/**
 * `npm run bench:engine`: the engine against CPython on the same work, plus the engine's throughput and memory.
 * Prints figures and ratios measured in this run; asserts nothing (machines here are shared and noisy).
 *
 *   1. 100,000 items, 8 consumers, maxsize 16, the seed-2 shape, two pairs that do the same work on both sides:
 *      a. the simulation, each trace record built and handed on, then dropped: the engine's records vs the
 *         generated program under CPython with --fast --trace, its json.dumps and print replaced by no-ops (the
 *         record dicts are still built);
 *      b. the trace written out as JSON Lines to /dev/null: the engine's bytes, written from each event's fields
 *         in chunks as the CLI writes them (Simulation.writeToEnd), vs the same program under CPython with
 *         --fast --trace > /dev/null.
 *      Each side's best run by CPU time (noise only adds time): the engine's of 15 runs of tens of ms, CPython's
 *      of 5 runs of seconds. Each side runs in a process of its own, the engine after 12 warm-up runs (so that the
 *      JIT has compiled it). Wall time and CPU time (user + system: the engine process's, the interpreter's own
 *      getrusage for CPython); on a shared machine the CPU ratio is the steadier figure.
 *   2. The engine alone on 1,000,000 items: events per second, then (in a second run) the live heap, read after a
 *      GC every 50 chunks while the trace streams.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePython } from '../src/python/generate';
import type { Scenario } from '../src/scenarios/types';
import { loadBundled } from './load';

import type * as EngineEntry from './engineEntry';

type Engine = typeof EngineEntry;
const { Simulation, TraceEncoder, seed2 } = await loadBundled<Engine>(new URL('./engineEntry.ts', import.meta.url).pathname);

function shape(items: number): Scenario {
  const s = structuredClone(seed2);
  s.name = `bench ${items} items`;
  s.queue.maxsize = 16;
  s.producers[0]!.items.count = items;
  s.consumers[0]!.count = 8;
  return s;
}

interface EngineRun {
  seconds: number;
  cpuSeconds: number;
  events: number;
  peakHeapMB: number;
  heapSamples: number[];
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** `live`: every 50th chunk, collect garbage and read the heap then (what stays alive; slows the run down). */
function runEngine(s: Scenario, write: boolean, live = false): EngineRun {
  if (live) global.gc?.();
  const out = write ? openSync('/dev/null', 'w') : -1;
  const c0 = cpuNow();
  const t0 = performance.now();
  const sim = new Simulation(s);
  let events = 0;
  let peak = 0;
  const samples: number[] = [];
  let chunks = 0;
  const sample = (): void => {
    if (++chunks % 50 === 0) {
      if (live) global.gc?.();
      const h = process.memoryUsage().heapUsed / 2 ** 20;
      samples.push(Math.round(h));
      peak = Math.max(peak, h);
    }
  };
  if (write) {
    sim.writeToEnd(new TraceEncoder(), (bytes) => {
      writeSync(out, bytes);
      sample();
    });
    events = sim.seq;
  } else {
    sim.runToEnd((records) => {
      events += records.length;
      sample();
    });
  }
  if (write) closeSync(out);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0, events, peakHeapMB: peak, heapSamples: samples };
}

/**
 * Runs the program as `python3 program.py --fast --trace > /dev/null` would (`write`), or with json.dumps and print
 * made no-ops that count the records (not `write`), and reports the interpreter's own CPU time.
 */
const CPU_PROBE = [
  'import atexit, builtins, json, resource, runpy, sys',
  'f, write = sys.argv[1], sys.argv[2] == "write"',
  "sys.argv = [f, '--fast', '--trace']",
  'n = [0]',
  'def dropped(*args, **kwargs):',
  '    n[0] += 1',
  'if not write:',
  '    json.dumps = lambda record: record',
  '    builtins.print = dropped',
  "atexit.register(lambda: sys.stderr.write('cpu-seconds %.6f records %d\\n' % (sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), n[0])))",
  "runpy.run_path(f, run_name='__main__')",
].join('\n');

function runCPython(s: Scenario, write: boolean): { seconds: number; cpuSeconds: number; records: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-bench-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, generatePython(s));
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const r = spawnSync('python3', ['-c', CPU_PROBE, file, write ? 'write' : 'drop'], { stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  closeSync(devNull);
  const m = /cpu-seconds ([0-9.]+) records (\d+)/.exec(r.stderr ?? '');
  if (r.error !== undefined || r.status !== 0 || m === null) {
    console.log(`CPython run failed: ${r.error?.message ?? r.stderr.slice(0, 500)}`);
    return null;
  }
  return { seconds, cpuSeconds: Number(m[1]), records: Number(m[2]) };
}

const fmt = (x: number, d = 2): string => x.toFixed(d);

const RUNS = 5;
/** The engine's runs are short (tens of ms), so a burst of load on a shared machine spoils more of them. */
const ENGINE_RUNS = 15;
const small = shape(100_000);
const best = (write: boolean): EngineRun =>
  Array.from({ length: ENGINE_RUNS }, () => runEngine(small, write)).sort((a, b) => a.cpuSeconds - b.cpuSeconds)[0]!;

/** The engine's runs: a pair's two sides (the trace written or dropped), 1,000,000 items, and their live heap. */
type Mode = 'write' | 'drop' | 'big' | 'live';
/**
 * The engine's side of one pair, measured in a process of its own, as the CLI runs and as CPython's side is: a
 * process that wrote both kinds of trace would compile the engine for both, slower for each.
 */
function engineInChild(mode: Mode): EngineRun {
  // only the live-heap run collects garbage on demand: a forced GC leaves work on the GC's threads for the next run
  const flags = mode === 'live' ? ['--expose-gc'] : [];
  const r = spawnSync(process.execPath, [...process.execArgv, ...flags, process.argv[1]!, '--measure', mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`engine measurement failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as EngineRun;
}

const measure = process.argv.indexOf('--measure');
if (measure >= 0) {
  const mode = process.argv[measure + 1] as Mode;
  if (mode === 'big' || mode === 'live') {
    console.log(JSON.stringify(runEngine(shape(1_000_000), false, mode === 'live')));
  } else {
    // warm-up: the JIT compiles the hot paths on its own threads, whose CPU time this process's figure counts
    for (let k = 0; k < 12; k++) runEngine(small, mode === 'write');
    console.log(JSON.stringify(best(mode === 'write')));
  }
  process.exit(0);
}

console.log('Queue Lab engine benchmark');
const version = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`1. ${small.name}, 8 consumers, maxsize 16 (CPython: ${version})`);
/** CPython's best by CPU time, of as many runs as the engine's: noise only ever adds time. */
const bestCPython = (write: boolean): ReturnType<typeof runCPython> => {
  const runs = Array.from({ length: RUNS }, () => runCPython(small, write));
  if (runs.some((r) => r === null)) return null;
  return (runs as NonNullable<(typeof runs)[number]>[]).sort((a, b) => a.cpuSeconds - b.cpuSeconds)[0]!;
};
const pair = (title: string, write: boolean): void => {
  const eng = engineInChild(write ? 'write' : 'drop');
  const py = bestCPython(write);
  console.log(`   ${title}`);
  console.log(`     engine (best of ${ENGINE_RUNS}): ${fmt(eng.seconds, 3)} s wall, ${fmt(eng.cpuSeconds, 3)} s CPU, ${eng.events} records`);
  if (py === null) return;
  console.log(`     CPython (best of ${RUNS}): ${fmt(py.seconds, 3)} s wall, ${fmt(py.cpuSeconds, 3)} s CPU`);
  console.log(`     ratio CPython / engine: ${fmt(py.cpuSeconds / eng.cpuSeconds, 1)}x CPU, ${fmt(py.seconds / eng.seconds, 1)}x wall; target >= 50x`);
  // the print of the end report counts too on the CPython side
  if (!write && py.records < eng.events) console.log(`     NOTE: CPython handed on ${py.records} records, the engine ${eng.events}`);
};
pair('a. the simulation, every trace record built, then dropped', false);
pair('b. the trace written as JSON Lines to /dev/null', true);
const big = engineInChild('big');
console.log(`2. engine alone, 1,000,000 items: ${fmt(big.seconds)} s, ${big.events} records, ${fmt(big.events / big.seconds / 1e6)} M events/s; peak heap ${fmt(big.peakHeapMB, 0)} MB (sampled)`);
const live = engineInChild('live');
const h = live.heapSamples;
console.log(`   live heap after a GC every 50 chunks (MB): ${h.slice(0, 3).join(', ')} ... ${h.slice(-3).join(', ')}; min ${Math.min(...h)}, max ${Math.max(...h)}`);
const first = h[Math.floor(h.length / 10)] ?? 0;
const last = h[h.length - 1] ?? 0;
console.log(`   from 10% to 100% of the run: ${fmt(last - first, 1)} MB (flat means memory does not grow with events)`);
