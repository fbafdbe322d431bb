/**
 * A chart point's mean wait in the buffer and mean blocked put are exact: the engine's samples carry the sums behind
 * their means, and the stream adds those up, so nothing per item is held (the worker's heap stays flat at 1000x,
 * bench:soak) and nothing is sampled (however many items a point spans). Checked against the same means computed
 * from the trace itself.
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { consumer, producer, scenario } from '../../src/scenarios/build';
import type { Scenario, TraceEvent } from '../../src/scenarios/types';
import { COL, FIELDS } from '../../src/worker/metricsProtocol';
import { BASE_DT, bucketSteps, MetricsStream } from '../../src/worker/metricsStream';

/** Runs `s` at 1000x past its first chart point, handing the stream a large slice of the run at a time. */
function firstPoint(s: Scenario, slice: number): { row: number[]; trace: TraceEvent[]; width: number } {
  const sim = new Simulation(s, { horizon: null });
  const ms = new MetricsStream(s, 1000, 1);
  const width = bucketSteps(1000) * BASE_DT; // 100 virtual seconds
  const trace: TraceEvent[] = [];
  const rows: number[][] = [];
  let now = 0;
  for (let t = slice; t <= width + slice; t += slice) {
    for (;;) {
      const r = sim.advanceTo(t, 50_000);
      for (const x of r.records) if (x.event !== 'end') trace.push(x);
      ms.add(r.records);
      if (r.done) break;
    }
    ms.advanceTo(t);
    const m = ms.take((now += 100), false);
    for (let k = 0; m !== null && k < m.points.length; k += FIELDS) rows.push(Array.from(m.points.subarray(k, k + FIELDS)));
  }
  expect(rows.length).toBeGreaterThanOrEqual(1);
  return { row: rows[0]!, trace, width };
}

/** Endless producers putting every 1 ms, two consumers serving in 2.5 ms each: thousands of items a second. */
const fast = (name: string, maxsize: number, producers: number): Scenario =>
  scenario(name, {
    horizon: null,
    queue: { kind: 'Queue', maxsize },
    producers: [producer({ count: producers, items: { count: null, value: { type: 'index' } }, interval: { dist: 'const', value: 0.001 } })],
    consumers: [consumer({ count: 2, service: { dist: 'const', value: 0.0025 } })],
    shutdown: { strategy: 'none' },
  });

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each item's wait in the buffer (put to get), for the gets at times that `keep` accepts: from the trace alone. */
function bufferWaits(trace: TraceEvent[], keep: (t: number) => boolean): number[] {
  const putAt = new Map<number, number>();
  const waits: number[] = [];
  for (const e of trace) {
    if (e.event === 'put') putAt.set(e.item as number, e.t);
    if (e.event === 'get' && e.item !== null && keep(e.t)) waits.push(e.t - putAt.get(e.item as number)!);
  }
  return waits;
}

describe('chart points at 1000x', () => {
  test('the mean wait is that of every item taken in the point, not of a recent sample', () => {
    // arrivals outrun service in an unbounded buffer: waits grow all along, so a sample of the latest is far off
    const s = fast('growing waits', 0, 1);
    const { row, trace, width } = firstPoint(s, 25);
    const waits = bufferWaits(trace, (t) => t < width);
    expect(waits.length).toBeGreaterThan(50_000); // far more than any per-item ring would hold
    expect(row[COL.wait]).toBeCloseTo(mean(waits), 6);
  });

  test('the mean blocked put is that of every put that completed in the point', () => {
    const s = fast('blocked puts', 4, 2);
    const { row, trace, width } = firstPoint(s, 25);
    const waitingSince = new Map<string, number>();
    const blocked: number[] = [];
    for (const e of trace) {
      if (e.event === 'put_wait') waitingSince.set(e.actor, e.t);
      if (e.event === 'put' && waitingSince.has(e.actor)) {
        if (e.t < width) blocked.push(e.t - waitingSince.get(e.actor)!);
        waitingSince.delete(e.actor);
      }
    }
    expect(blocked.length).toBeGreaterThan(50_000);
    expect(row[COL.blocked]).toBeCloseTo(mean(blocked), 6);
  });
});

describe('the run\'s last chart point', () => {
  test('a finished run\'s last moments reach the chart: the last point ends where the run did, its waits exact', () => {
    // 30 items every 0.33 s, served in 0.5 s by one consumer: the run ends at about 15.3 s, inside a 10 s point at 100x
    const s = scenario('finite', {
      horizon: null,
      queue: { kind: 'Queue', maxsize: 0 },
      producers: [producer({ items: { count: 30, value: { type: 'index' } }, interval: { dist: 'const', value: 0.33 } })],
      consumers: [consumer({ count: 1, service: { dist: 'const', value: 0.5 } })],
      shutdown: { strategy: 'cancel_after_join' },
    });
    const sim = new Simulation(s, { horizon: null });
    const ms = new MetricsStream(s, 100, 1);
    const trace: TraceEvent[] = [];
    const rows: number[][] = [];
    let now = 0;
    for (let t = 1, ended = false; !ended; t += 1) {
      const r = sim.advanceTo(t, 50_000);
      for (const x of r.records) if (x.event !== 'end') trace.push(x);
      ms.add(r.records);
      const end = sim.end as { t: number } | null;
      ended = end !== null;
      ms.advanceTo(end === null ? t : end.t);
      const m = ms.take((now += 100), ended);
      for (let k = 0; m !== null && k < m.points.length; k += FIELDS) rows.push(Array.from(m.points.subarray(k, k + FIELDS)));
    }
    const end = sim.end!.t;
    expect(end).toBeGreaterThan(15);
    const last = rows.at(-1)!;
    expect(last[COL.t]).toBe(end);
    const before = rows.at(-2)![COL.t]!;
    const waits = bufferWaits(trace, (t) => t >= before);
    expect(waits.length).toBeGreaterThan(5);
    expect(last[COL.wait]).toBeCloseTo(mean(waits), 9);
    // nothing more comes once the run has ended
    expect(ms.take(now + 1000, true)?.points.length ?? 0).toBe(0);
  });
});
