/**
 * `npm run bench:soak` (the Node part): ten million trace events at top speed, the way the lab's worker runs a
 * program that never ends: in slices (`advanceTo` with an iteration budget), every record fed to the worker's
 * measurement stream (a Metrics cut into chart points at 1000x, taken as the worker takes them) and formatted into
 * a bounded log (the newest 5,000 lines, as the page keeps them). Prints the heap every 500,000 events (after a full
 * GC when node runs with --expose-gc, as the npm script does) and the slope of a least-squares line through those
 * points: memory should stay flat. Prints figures; asserts nothing.
 *
 *   npm run bench:soak                     10,000,000 events
 *   npm run bench:soak -- 2000000          another count
 *
 * `runSoak` takes its heap probe (and GC) from the caller and uses nothing of Node's, so the worker/browser half of
 * the soak can run the very same loop inside the worker and report with `formatSoak`.
 */
import { Simulation, type Record } from '../src/engine/simulation';
import { consumer, producer, scenario } from '../src/scenarios/build';
import type { Scenario } from '../src/scenarios/types';
import { formatLogLine } from '../src/worker/formatLine';
import { MetricsStream } from '../src/worker/metricsStream';

import type * as Soak from './soak';

/** A program that never ends: two producers at random intervals, four polling consumers, a bounded buffer. */
export function soakScenario(): Scenario {
  return scenario('soak: endless producers, polling consumers', {
    python: '3.12',
    seed: 2024,
    // far beyond ten million events, and below 2^24 s (where a 1e-9 clock resolution no longer tells times apart)
    horizon: 10_000_000,
    queue: { kind: 'Queue', maxsize: 50 },
    producers: [
      producer({ count: 2, items: { count: null, value: { type: 'index' } }, interval: { dist: 'expo', mean: 0.1 }, interval_at: 'before_put' }),
    ],
    consumers: [consumer({ count: 4, get: { mode: 'poll', interval: 0.05 }, service: { dist: 'expo', mean: 0.1 } })],
    shutdown: { strategy: 'none' },
    main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
  });
}

/** The newest `capacity` log lines, as the page's event log keeps them. */
class BoundedLog {
  private readonly lines: string[] = [];
  private next = 0;
  constructor(readonly capacity: number) {}
  push(line: string): void {
    if (this.lines.length < this.capacity) this.lines.push(line);
    else this.lines[this.next] = line;
    this.next = (this.next + 1) % this.capacity;
  }
  get size(): number {
    return this.lines.length;
  }
}

export interface SoakSample {
  events: number;
  /** Virtual time. */
  t: number;
  /** Wall-clock seconds since the start. */
  seconds: number;
  heapMB: number;
}

export interface SoakResult {
  events: number;
  seconds: number;
  end: string;
  samples: SoakSample[];
  /** Least-squares slope of the heap over the samples after the first, in MB per million events. */
  slopeMBPerMillion: number;
  logLines: number;
}

export interface SoakOptions {
  /** Events to run (default 10,000,000). */
  events?: number;
  /** A heap sample every this many events (default 500,000). */
  sampleEvery?: number;
  /** The heap in use, in MB (node: process.memoryUsage().heapUsed; a browser: performance.memory). */
  heapMB: () => number;
  /** A full collection before each sample, where the host offers one. */
  gc?: () => void;
  /** Wall clock in ms (default performance.now). */
  now?: () => number;
  /** Called with each sample as it is taken. */
  onSample?: (s: SoakSample) => void;
  scenario?: Scenario;
  /** Iterations per slice, as the worker's advanceTo budget (default 256). */
  slice?: number;
}

/** Runs the soak: the engine at top speed, its trace streamed into the worker's MetricsStream and a bounded log. */
export function runSoak(opts: SoakOptions): SoakResult {
  const target = opts.events ?? 10_000_000;
  const every = opts.sampleEvery ?? 500_000;
  const now = opts.now ?? ((): number => performance.now());
  const s = opts.scenario ?? soakScenario();
  const sim = new Simulation(s);
  const metrics = new MetricsStream(s, 1000, 1);
  const log = new BoundedLog(5000);
  const samples: SoakSample[] = [];
  const t0 = now();
  let events = 0;
  let nextSample = 0;
  const sample = (): void => {
    opts.gc?.();
    const x: SoakSample = { events, t: sim.now, seconds: (now() - t0) / 1000, heapMB: opts.heapMB() };
    samples.push(x);
    opts.onSample?.(x);
  };
  const take = (records: Record[]): void => {
    metrics.add(records);
    for (const r of records) log.push(formatLogLine(r, s.python));
    events += records.length;
  };
  while (events < target && sim.end === null) {
    if (events >= nextSample) {
      sample();
      nextSample += every;
    }
    take(sim.advanceTo(Infinity, opts.slice ?? 256).records);
    metrics.advanceTo(sim.now);
    metrics.take(now(), false); // chart points (and figures a few times a second), as the worker posts them
  }
  const seconds = (now() - t0) / 1000;
  sample();
  metrics.take(now(), true); // the last points and figures: they must still come at the end
  return { events, seconds, end: sim.end?.status ?? 'running', samples, slopeMBPerMillion: slope(samples.slice(1)), logLines: log.size };
}

/** Least-squares slope of heap (MB) against events, per million events. */
export function slope(samples: SoakSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.events, 0) / n;
  const my = samples.reduce((a, s) => a + s.heapMB, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.events - mx) * (s.heapMB - my);
    den += (s.events - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 1e6;
}

export function formatSample(s: SoakSample): string {
  const rate = s.seconds > 0 ? s.events / s.seconds : 0;
  return `${String(s.events).padStart(11)} events  t=${s.t.toFixed(1).padStart(10)} s  ${s.seconds.toFixed(1).padStart(6)} s wall  ${(rate / 1e6).toFixed(2)} M events/s  heap ${s.heapMB.toFixed(1).padStart(6)} MB`;
}

export function formatSoak(r: SoakResult): string[] {
  const heaps = r.samples.slice(1).map((s) => s.heapMB);
  return [
    `${r.events} events in ${r.seconds.toFixed(1)} s (${(r.events / r.seconds / 1e6).toFixed(2)} M events/s), run ${r.end}, log holds ${r.logLines} lines`,
    `heap after the first sample: min ${Math.min(...heaps).toFixed(1)} MB, max ${Math.max(...heaps).toFixed(1)} MB`,
    `slope: ${r.slopeMBPerMillion >= 0 ? '+' : ''}${r.slopeMBPerMillion.toFixed(3)} MB per million events (flat: within about ±0.1)`,
  ];
}

async function main(): Promise<void> {
  // the shipped engine: bundled and minified, as bench:engine runs it (see load.ts)
  const { loadBundled } = await import('./load');
  const bundled = await loadBundled<typeof Soak>(new URL('./soak.ts', import.meta.url).pathname);
  const events = Number(process.argv[2] ?? 10_000_000);
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log(`Queue Lab soak (node ${process.version}): ${events} events, ${soakScenario().name}`);
  if (gc === undefined) console.log('(no --expose-gc: heap figures include garbage not yet collected)');
  const r = bundled.runSoak({
    events,
    heapMB: () => process.memoryUsage().heapUsed / 2 ** 20,
    gc,
    onSample: (s) => console.log(formatSample(s)),
  });
  for (const line of formatSoak(r)) console.log(line);
}

const invoked = typeof process !== 'undefined' && (process.argv[1] ?? '').replace(/\\/g, '/').endsWith('bench/soak.ts') && import.meta.url.endsWith('bench/soak.ts');
if (invoked) await main();
