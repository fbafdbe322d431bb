/**
 * `npm run bench:engine`: the engine against CPython on the same work, plus the engine's throughput and memory.
 * Prints figures and ratios measured in this run; asserts nothing (machines here are shared and noisy).
 *
 *   1. 100,000 items, 8 consumers, maxsize 16, the seed-2 shape: the engine (trace streamed, serialised and
 *      dropped) vs. the generated program under CPython with --fast --trace (its lines counted, then dropped).
 *      Both wall time and CPU time (user + system, this process's for the engine, the interpreter's own
 *      getrusage for CPython): on a shared machine the CPU ratio is the steadier figure, as the two runs are
 *      measured at different moments.
 *   2. The engine alone on 1,000,000 items: events per second, and heap sampled while the trace streams.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePython } from '../src/python/generate';
import type { Scenario } from '../src/scenarios/types';
import { loadBundled } from './load';

import type * as EngineEntry from './engineEntry';

type Engine = typeof EngineEntry;
const { Simulation, traceLine, seed2 } = await loadBundled<Engine>(new URL('./engineEntry.ts', import.meta.url).pathname);

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

function runEngine(s: Scenario, serialise: boolean): EngineRun {
  global.gc?.();
  const c0 = cpuNow();
  const t0 = performance.now();
  const sim = new Simulation(s);
  let events = 0;
  let peak = 0;
  const samples: number[] = [];
  let chunks = 0;
  sim.runToEnd((records) => {
    events += records.length;
    if (serialise) for (const r of records) traceLine(r);
    if (++chunks % 50 === 0) {
      const h = process.memoryUsage().heapUsed / 2 ** 20;
      samples.push(Math.round(h));
      peak = Math.max(peak, h);
    }
  });
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0, events, peakHeapMB: peak, heapSamples: samples };
}

/** Runs the program as `python3 program.py --fast --trace` would, and reports the interpreter's own CPU time. */
const CPU_PROBE = [
  'import atexit, resource, runpy, sys',
  'f = sys.argv[1]',
  "sys.argv = [f, '--fast', '--trace']",
  "atexit.register(lambda: sys.stderr.write('cpu-seconds %.6f\\n' % sum(resource.getrusage(resource.RUSAGE_SELF)[:2])))",
  "runpy.run_path(f, run_name='__main__')",
].join('\n');

function runCPython(s: Scenario): { seconds: number; cpuSeconds: number; lines: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-bench-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, generatePython(s));
  const t0 = performance.now();
  const r = spawnSync('python3', ['-c', CPU_PROBE, file], { maxBuffer: 2 ** 30, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = /cpu-seconds ([0-9.]+)/.exec(r.stderr ?? '');
  if (r.error !== undefined || r.status !== 0 || cpu === null) {
    console.log(`CPython run failed: ${r.error?.message ?? r.stderr.slice(0, 500)}`);
    return null;
  }
  return { seconds, cpuSeconds: Number(cpu[1]), lines: r.stdout.split('\n').length - 1 };
}

const fmt = (x: number, d = 2): string => x.toFixed(d);

console.log('Queue Lab engine benchmark');
const small = shape(100_000);
runEngine(small, true); // warm-up: let the JIT settle before timing
const best = (serialise: boolean): ReturnType<typeof runEngine> =>
  [0, 1, 2].map(() => runEngine(small, serialise)).sort((a, b) => a.seconds - b.seconds)[0]!;
const eng = best(true);
const engBare = best(false);
console.log(`1. ${small.name}, 8 consumers, maxsize 16`);
console.log(`   engine (trace serialised, best of 3):   ${fmt(eng.seconds, 3)} s wall, ${fmt(eng.cpuSeconds, 3)} s CPU, ${eng.events} records`);
console.log(`   engine (trace dropped, best of 3):      ${fmt(engBare.seconds, 3)} s wall, ${fmt(engBare.cpuSeconds, 3)} s CPU`);
const py = runCPython(small);
if (py !== null) {
  console.log(`   CPython ${spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()} --fast --trace: ${fmt(py.seconds)} s wall, ${fmt(py.cpuSeconds)} s CPU, ${py.lines} lines`);
  console.log(`   ratio CPython / engine, wall: ${fmt(py.seconds / eng.seconds, 1)}x (serialised), ${fmt(py.seconds / engBare.seconds, 1)}x (dropped)`);
  console.log(`   ratio CPython / engine, CPU:  ${fmt(py.cpuSeconds / eng.cpuSeconds, 1)}x (serialised), ${fmt(py.cpuSeconds / engBare.cpuSeconds, 1)}x (dropped); target >= 50x`);
  if (py.lines !== eng.events) console.log(`   NOTE: line counts differ (${py.lines} vs ${eng.events})`);
}
const big = runEngine(shape(1_000_000), false);
console.log(`2. engine alone, 1,000,000 items: ${fmt(big.seconds)} s, ${big.events} records, ${fmt(big.events / big.seconds / 1e6)} M events/s`);
console.log(`   heap while streaming (MB, sampled): ${big.heapSamples.slice(0, 3).join(', ')} ... ${big.heapSamples.slice(-3).join(', ')}; peak ${fmt(big.peakHeapMB, 0)} MB`);
const first = big.heapSamples[Math.floor(big.heapSamples.length / 10)] ?? 0;
const last = big.heapSamples[big.heapSamples.length - 1] ?? 0;
console.log(`   heap growth from 10% to 100% of the run: ${fmt(last - first, 0)} MB (flat means memory does not grow with events)`);
