/**
 * `npm run bench:export [-- EVENTS]`: the memory of exporting a run's trace of EVENTS events (default 2,000,000),
 * the way the lab did before (the whole file kept as strings, one per piece of the re-run, then a Blob of them) and
 * the way it streams now (256 KiB byte chunks handed on and let go, as the page writes them to a file or the
 * browser's blob store). Each way runs in its own process, so one's garbage does not count in the other's peak.
 * Prints figures (peak heap and peak resident memory beside the file's size, and the time); asserts nothing.
 *
 * The run: mm2-blocking with 16 producers and 64 consumers and short times (the shape of issue 13's 47 M events).
 */
import { execFileSync } from 'node:child_process';
import { Simulation } from '../src/engine/simulation';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { traceToJsonl } from '../src/share/files';
import { TimeTravel } from '../src/worker/timeTravel';
import { TraceChunks } from '../src/worker/traceChunks';

function heavy(): Scenario {
  const s = structuredClone(findPreset('mm2-blocking')!.scenario);
  s.producers[0]!.count = 16;
  s.producers[0]!.interval = { dist: 'expo', mean: 0.001 };
  s.consumers[0]!.count = 64;
  s.consumers[0]!.service = { dist: 'expo', mean: 0.004 };
  return s;
}

interface Figures {
  events: number;
  bytes: number;
  peakHeap: number;
  peakRss: number;
  ms: number;
}

/** One way of exporting, in this process: the figures as JSON on stdout. */
function measure(way: 'strings' | 'chunks', events: number): Figures {
  const s = heavy();
  const live = new Simulation(s, { horizon: null, records: false });
  while (live.seq < events && live.end === null) live.runToTick(live.ticks + 10_000);
  const tt = new TimeTravel(s);
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  };
  const t0 = performance.now();
  let bytes = 0;
  if (way === 'strings') {
    const parts: string[] = [];
    tt.trace(live.ticks, (records) => {
      const text = traceToJsonl(records);
      parts.push(text);
      bytes += Buffer.byteLength(text);
      sample();
    });
    const blob = new Blob(parts);
    sample();
    bytes = blob.size;
  } else {
    const chunks = new TraceChunks(tt.tracer(live.ticks), 'jsonl');
    for (let b = chunks.next(); b !== null; b = chunks.next()) {
      bytes += b.length;
      sample();
    }
  }
  return { events: live.seq, bytes, peakHeap, peakRss, ms: performance.now() - t0 };
}

const MiB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

const [mode, arg] = process.argv.slice(2);
if (mode === 'strings' || mode === 'chunks') {
  process.stdout.write(JSON.stringify(measure(mode, Number(arg))));
} else {
  const events = Number(mode ?? 2_000_000);
  console.log(`exporting a trace of ${events.toLocaleString('en')} events as JSON Lines (each way in its own process)`);
  for (const way of ['strings', 'chunks'] as const) {
    const out = execFileSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, way, String(events)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const f = JSON.parse(out) as Figures;
    const label = way === 'strings' ? 'before (whole file as strings)' : 'after (256 KiB chunks, streamed)';
    console.log(
      `${label.padEnd(34)} file ${MiB(f.bytes).padStart(10)}  peak heap ${MiB(f.peakHeap).padStart(10)}  peak rss ${MiB(f.peakRss).padStart(10)}  ${(f.ms / 1000).toFixed(1)} s  (${f.events.toLocaleString('en')} events)`,
    );
  }
}
