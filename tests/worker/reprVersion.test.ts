/**
 * What the page shows of an item holding U+31350 (CJK Ext H, Unicode 15.0): Python 3.11's repr escapes it, 3.12's
 * and 3.13's print it. The worker's log lines, its CSV trace export and the markers follow the scenario's version.
 */
import { describe, expect, it } from 'vitest';
import { TraceChunks } from '../../src/worker/traceChunks';
import { findPreset } from '../../src/scenarios/registry';
import type { Scenario } from '../../src/scenarios/types';
import type { FromWorker, WireTimeline } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';

const CJK_H = '\u{31350}';

function scenario(python: Scenario['python']): Scenario {
  const s = structuredClone(findPreset('seed-2')!.scenario);
  s.python = python;
  for (const p of s.producers) p.items.value = { type: 'format', format: `${CJK_H}{i}` };
  return s;
}

/** Runs the scenario to its end in a runner on a fake clock; the log text, the CSV export and the markers. */
async function page(s: Scenario): Promise<{ log: string; csv: string; markers: string[] }> {
  const out: FromWorker[] = [];
  let wall = 0;
  const timers: (() => void)[] = [];
  const runner = new Runner({ now: () => (wall += 1), post: (m) => out.push(m), later: (fn) => timers.push(fn) });
  runner.setSpeed(1000);
  runner.load(s, true);
  for (let n = 0; n < 10_000 && timers.length > 0; n++) timers.shift()!();
  const src = runner.traceSource();
  const chunks = src === null ? null : new TraceChunks(src.tracer, 'csv');
  let csv = '';
  for (let c = chunks?.next() ?? null; c !== null; c = chunks!.next()) csv += new TextDecoder().decode(c);
  const timelines = out.flatMap((m) => (m.type === 'timeline' ? [m.tl] : [])) as WireTimeline[];
  const markers = timelines.flatMap((tl) => tl.markers ?? []).map((m) => m.label.en);
  return {
    log: out.flatMap((m) => (m.type === 'snapshot' ? m.snap.log.lines : [])).join('\n'),
    csv,
    markers,
  };
}

describe("the worker writes items as the scenario's Python repr's them", () => {
  it('3.11 escapes U+31350; 3.12 and 3.13 print it', async () => {
    const old = await page(scenario('3.11'));
    expect(old.log).toMatch(/ put '\\U00031350\d+'/);
    expect(old.log).not.toContain(CJK_H);
    expect(old.csv).toContain(",put,'\\U000313500',");
    expect(old.markers.some((m) => m.startsWith("last item consumed '\\U00031350"))).toBe(true);
    for (const python of ['3.12', '3.13'] as const) {
      const now = await page(scenario(python));
      expect(now.log).toMatch(new RegExp(` put '${CJK_H}\\d+'`, 'u'));
      expect(now.csv).toContain(`,put,'${CJK_H}0',`);
      expect(now.markers.some((m) => m.startsWith(`last item consumed '${CJK_H}`))).toBe(true);
    }
  });
});
