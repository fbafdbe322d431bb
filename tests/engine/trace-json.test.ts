/**
 * traceLine writes each record by hand, with caches, and TraceEncoder writes the same lines as UTF-8 bytes: their
 * text must be JSON.stringify's, always.
 */
import { describe, expect, test } from 'vitest';
import { Simulation, type Record } from '../../src/engine/simulation';
import { TraceEncoder } from '../../src/engine/trace/traceBytes';
import { traceLine } from '../../src/engine/trace/traceJson';
import { PRESETS } from '../../src/scenarios/presets';
import type { Scenario, TraceEvent } from '../../src/scenarios/types';
import { randomScenario, randomShutdownScenario, randomThreadScenario } from '../conformance/arbitrary';

function records(s: Scenario): Record[] {
  const out: Record[] = [];
  new Simulation(s, { horizon: 60 }).runToEnd((rs) => out.push(...rs), 200_000);
  return out;
}

describe('traceLine', () => {
  test('equals JSON.stringify for every record of the presets and of random programs', () => {
    const scenarios = [
      ...PRESETS.map((p) => p.scenario),
      ...Array.from({ length: 40 }, (_, i) => randomScenario(7000 + i)),
      ...Array.from({ length: 10 }, (_, i) => randomShutdownScenario(8000 + i)),
      ...Array.from({ length: 10 }, (_, i) => randomThreadScenario(9000 + i)),
    ];
    let n = 0;
    const enc = new TraceEncoder();
    const text = new TextDecoder();
    for (const s of scenarios) {
      const rs = records(s);
      for (const r of rs) {
        expect(traceLine(r)).toBe(JSON.stringify(r));
        n++;
      }
      // in chunks, as the CLI writes them
      for (let i = 0; i < rs.length; i += 700) {
        const chunk = rs.slice(i, i + 700);
        expect(text.decode(enc.encode(chunk))).toBe(chunk.map((r) => `${JSON.stringify(r)}\n`).join(''));
      }
      // written from each event's fields as the run goes, no records made (the CLI's writeToEnd)
      let written = '';
      new Simulation(s, { horizon: 60 }).writeToEnd(new TraceEncoder(), (b) => (written += text.decode(b)), 200_000);
      expect(written).toBe(rs.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    expect(n).toBeGreaterThan(5_000);
  });

  test('odd values: times and items that are not plain, names that need escaping, the same time twice', () => {
    const base: TraceEvent = { seq: 0, t: 0, actor: 'producer', event: 'put', qsize: 1 };
    const odd: TraceEvent[] = [
      { ...base, t: -0 },
      { ...base, t: NaN },
      { ...base, t: Infinity },
      { ...base, t: 0.1 + 0.2 },
      { ...base, t: 0.1 + 0.2 }, // the cached text of the last time
      { ...base, t: 1e21 },
      { ...base, t: 5e-324 },
      { ...base, actor: '生产者-0', item: '产品 1' },
      { ...base, actor: 'a"b\\c', item: 'line\nbreak "quoted" \u2028' },
      { ...base, item: null },
      { ...base, item: [3.5, [1, 'x'], null] },
      { ...base, item: -0 },
      { ...base, item: NaN },
      { ...base, seq: 2 ** 40, qsize: 1000 },
      { ...base, seq: 2 ** 31 - 1, qsize: 2 ** 31, item: 2 ** 31 - 1 },
      { ...base, item: 2 ** 31 },
      { ...base, seq: 9, qsize: 10, item: 99 },
    ];
    for (const r of odd) expect(traceLine(r)).toBe(JSON.stringify(r));
    const enc = new TraceEncoder();
    expect(new TextDecoder().decode(enc.encode(odd))).toBe(odd.map((r) => `${JSON.stringify(r)}\n`).join(''));
    // seq counted up in place: every carry from 0 to 120,000, then a jump back and on again
    const counted: TraceEvent[] = Array.from({ length: 120_001 }, (_, i) => ({ ...base, seq: i }));
    counted.push({ ...base, seq: 99 }, { ...base, seq: 100 }, { ...base, seq: 2 ** 31 - 1 }, { ...base, seq: 2 ** 31 });
    expect(new TextDecoder().decode(enc.encode(counted))).toBe(counted.map((r) => `${JSON.stringify(r)}\n`).join(''));
    // a buffer that has to grow: one very long item
    const long: TraceEvent = { ...base, item: 'x'.repeat(200_000) };
    expect(new TextDecoder().decode(enc.encode([long, ...odd]))).toBe([long, ...odd].map((r) => `${JSON.stringify(r)}\n`).join(''));
  });
});
