/**
 * The streamed trace export: its chunks joined are the file the export made before it streamed (the text of
 * traceToJsonl / traceToCsv over the whole re-simulated trace), byte for byte, for every preset and random
 * scenarios, live edits included; the line count is the engine's event count; the size estimate made from the
 * first chunk is never below the real size.
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { PRESETS } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { traceToCsv, traceToJsonl } from '../../src/share/files';
import { TimeTravel } from '../../src/worker/timeTravel';
import { CHUNK_BYTES, TraceChunks, type TraceFormat } from '../../src/worker/traceChunks';
import { randomScenario, randomThreadScenario } from '../conformance/arbitrary';

const utf8 = new TextEncoder();

/** The export as it was made before (travelFiles.ts): whole-chunk strings of the records, joined. */
function oldFile(tt: TimeTravel, tick: number, format: TraceFormat): Uint8Array {
  const parts: string[] = [];
  let first = true;
  tt.trace(tick, (records) => {
    parts.push(format === 'jsonl' ? traceToJsonl(records) : traceToCsv(records, tt.tracer(0).python, { header: first }));
    first = false;
  });
  if (parts.length === 0 && format === 'csv') parts.push(traceToCsv([], tt.tracer(0).python));
  return utf8.encode(parts.join(''));
}

function streamed(tt: TimeTravel, tick: number, format: TraceFormat): { bytes: Uint8Array; chunks: number; lines: number; estimate: number } {
  const c = new TraceChunks(tt.tracer(tick), format);
  const parts: Uint8Array[] = [];
  let estimate = -1;
  for (let b = c.next(); b !== null; b = c.next()) {
    parts.push(b);
    if (estimate < 0) estimate = c.estimate(liveSeq.get(tt) ?? 0);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  expect(c.bytes).toBe(bytes.length);
  return { bytes, chunks: parts.length, lines: c.lines, estimate };
}

/** The live run's event count at the exported tick, by TimeTravel. */
const liveSeq = new WeakMap<TimeTravel, number>();

/** A live run of `s` to `ticks` (the trace off, as after a seek), with a live edit on the way when given. */
function live(s: Scenario, ticks: number, edit = false): { tt: TimeTravel; tick: number } {
  const tt = new TimeTravel(s);
  const sim = new Simulation(s, { horizon: null, records: false });
  if (edit) {
    sim.runToTick(Math.floor(ticks / 3));
    const e = { type: 'workers', role: 'consumer', count: 3 } as const;
    if (sim.end === null && sim.live(e) !== null) tt.live(sim, e);
  }
  sim.runToTick(ticks);
  liveSeq.set(tt, sim.seq);
  return { tt, tick: sim.ticks };
}

function lineCount(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x === 10) n++;
  return n;
}

const cases: [string, Scenario, boolean][] = [
  ...PRESETS.map((p): [string, Scenario, boolean] => [p.id, p.scenario, false]),
  ...Array.from({ length: 12 }, (_, i): [string, Scenario, boolean] => [`random ${9100 + i}`, randomScenario(9100 + i), i % 3 === 0]),
  ...Array.from({ length: 4 }, (_, i): [string, Scenario, boolean] => [`threads ${9200 + i}`, randomThreadScenario(9200 + i), false]),
];

describe('the streamed trace export', () => {
  test.each(cases)('%s: the chunks joined are the old file, JSON Lines and CSV', (_id, s, edit) => {
    const { tt, tick } = live(s, 30_000, edit);
    for (const format of ['jsonl', 'csv'] as const) {
      const got = streamed(tt, tick, format);
      expect(Buffer.from(got.bytes).equals(Buffer.from(oldFile(tt, tick, format)))).toBe(true);
      // one line per event of the engine (and the CSV header)
      expect(lineCount(got.bytes)).toBe(liveSeq.get(tt)! + (format === 'csv' ? 1 : 0));
      expect(got.lines).toBe(liveSeq.get(tt));
      expect(got.estimate).toBeGreaterThanOrEqual(got.bytes.length);
    }
  });

  test('a long run comes in many chunks of about CHUNK_BYTES; the estimate bounds it without being far off', () => {
    for (const p of PRESETS.slice(0, 4)) {
      const { tt, tick } = live(p.scenario, 400_000);
      const got = streamed(tt, tick, 'jsonl');
      expect(Buffer.from(got.bytes).equals(Buffer.from(oldFile(tt, tick, 'jsonl')))).toBe(true);
      if (got.bytes.length > 4 * CHUNK_BYTES) expect(got.chunks).toBeGreaterThan(3);
      expect(got.estimate).toBeGreaterThanOrEqual(got.bytes.length);
      expect(got.estimate).toBeLessThan(1.5 * got.bytes.length);
    }
  });

  test('an empty trace: no bytes as JSON Lines, the header alone as CSV', () => {
    const tt = new TimeTravel(PRESETS[0]!.scenario);
    liveSeq.set(tt, 0);
    expect(streamed(tt, 0, 'jsonl').bytes.length).toBe(0);
    expect(new TextDecoder().decode(streamed(tt, 0, 'csv').bytes)).toBe(traceToCsv([], '3.11'));
  });
});
