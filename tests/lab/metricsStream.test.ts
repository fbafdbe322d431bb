/** The measurement stream: chart points and figures from the worker's runner, on a fake wall clock. */
import { describe, expect, test } from 'vitest';
import { Metrics } from '../../src/engine/metrics/metrics';
import { Simulation } from '../../src/engine/simulation';
import { mm2Blocking } from '../../src/scenarios/presetTheory';
import { seed2 } from '../../src/scenarios/presets';
import { ChartData } from '../../src/worker/chartData';
import { COL, FIELDS, type WireMetrics } from '../../src/worker/metricsProtocol';
import { bucketSteps, BASE_DT } from '../../src/worker/metricsStream';
import type { FromWorker } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';

function harness() {
  let wall = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const out: FromWorker[] = [];
  const runner = new Runner({ now: () => wall, post: (m) => out.push(m), later: (fn, ms) => timers.push({ at: wall + ms, fn }) });
  const runFor = (ms: number): void => {
    const end = wall + ms;
    while (timers.length > 0 && wall < end) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers.shift()!;
      wall = Math.max(wall, t.at) + 0.5;
      t.fn();
    }
    wall = Math.max(wall, end);
  };
  const metrics = (): WireMetrics[] => out.flatMap((m) => (m.type === 'metrics' ? [m.m] : []));
  return { runner, runFor, metrics };
}

const points = (ms: WireMetrics[]): number[][] =>
  ms.flatMap((m) => {
    const rows: number[][] = [];
    for (let k = 0; k < m.points.length; k += FIELDS) rows.push(Array.from(m.points.subarray(k, k + FIELDS)));
    return rows;
  });

describe('metrics stream', () => {
  test('a point spans about a tenth of a second of wall time at any speed', () => {
    expect(bucketSteps(0.1) * BASE_DT).toBeCloseTo(0.05);
    expect(bucketSteps(1) * BASE_DT).toBeCloseTo(0.1);
    expect(bucketSteps(10) * BASE_DT).toBeCloseTo(1);
    expect(bucketSteps(100) * BASE_DT).toBeCloseTo(10);
    expect(bucketSteps(1000) * BASE_DT).toBeCloseTo(100);
  });

  test('points come in order, at most ten messages a second, with the prediction first and figures a few times a second', () => {
    const h = harness();
    h.runner.setSpeed(10);
    h.runner.load(mm2Blocking, true);
    h.runFor(3000);
    const ms = h.metrics();
    expect(ms.length).toBeGreaterThan(10);
    expect(ms.length).toBeLessThanOrEqual(32);
    expect(ms[0]!.theory?.status).toBe('ok');
    expect(ms.slice(1).every((m) => m.theory === null)).toBe(true);
    const withFigures = ms.filter((m) => m.figures !== null).length;
    expect(withFigures).toBeGreaterThanOrEqual(8);
    expect(withFigures).toBeLessThanOrEqual(14);
    const rows = points(ms);
    const ts = rows.map((r) => r[COL.t]!);
    // 3 s at 10x: about 30 virtual seconds in points of 1 s
    expect(rows.length).toBeGreaterThanOrEqual(27);
    expect(ts.every((t, i) => i === 0 || t - ts[i - 1]! > 0.999)).toBe(true);
    expect(ts[0]).toBeCloseTo(1);
    for (const r of rows) {
      expect(r[COL.qsize]).toBeGreaterThanOrEqual(0);
      expect(r[COL.qmax]).toBeLessThanOrEqual(5);
      expect(r[COL.qsize]).toBeLessThanOrEqual(r[COL.qmax]! + 1e-9);
    }
    // a moving rate over the last 20 s (20 points of 1 s): near the throughput, 4.12/s
    const last = rows.at(-1)!;
    expect(last[COL.produced]).toBeGreaterThan(3);
    expect(last[COL.produced]).toBeLessThan(5.5);
    expect(Math.abs(last[COL.produced]! - last[COL.consumed]!)).toBeLessThan(0.6);
    expect(rows.some((r) => r[COL.blocked]! > 0)).toBe(true);
    const util = rows.map((r) => r[COL.util]!).filter((u) => !Number.isNaN(u));
    expect(Math.max(...util)).toBeLessThanOrEqual(1);
  });

  test('a new load restarts the stream; pause stops it', () => {
    const h = harness();
    h.runner.setSpeed(10);
    h.runner.load(mm2Blocking, true);
    h.runFor(1000);
    h.runner.load(mm2Blocking, true);
    h.runFor(1000);
    const data = new ChartData();
    for (const m of h.metrics()) data.apply(m);
    expect(data.run).toBe(2);
    expect(data.cols.t[0]).toBeCloseTo(1);
    expect(data.length).toBeLessThanOrEqual(11);
    h.runner.pause();
    const n = h.metrics().length;
    h.runFor(2000);
    expect(h.metrics().length).toBeLessThanOrEqual(n + 1);
    for (const m of h.metrics().slice(n)) expect(m.points.length).toBe(0);
  });

  test('a live change re-predicts and restarts the figures, the points go on', () => {
    const h = harness();
    h.runner.setSpeed(10);
    h.runner.load(mm2Blocking, true);
    h.runFor(1000);
    h.runner.live([{ type: 'workers', role: 'consumer', count: 4 }]);
    h.runFor(1000);
    const ms = h.metrics();
    const changed = ms.find((m) => m.changes === 1)!;
    expect(changed.theory?.status).toBe('ok');
    if (changed.theory?.status === 'ok') expect(changed.theory.figures.consumers).toBe(4);
    const last = ms.filter((m) => m.figures !== null).at(-1)!.figures!;
    expect(last.from).toBeGreaterThan(5);
    expect(last.consumers.now).toBe(4);
    const ts = points(ms).map((r) => r[COL.t]!);
    expect(ts.at(-1)).toBeGreaterThan(15);
  });

  test('a run that ends stops the points and keeps its figures', () => {
    const h = harness();
    h.runner.setSpeed(1000);
    h.runner.load(seed2, true);
    h.runFor(1000);
    const ms = h.metrics();
    const f = ms.filter((m) => m.figures !== null).at(-1)!.figures!;
    expect(f.counts.done).toBe(60);
  });
});

describe('Metrics.restartFigures', () => {
  test('gives the figures of a measurement that began at that moment', () => {
    const sim = new Simulation(mm2Blocking, { horizon: 200 });
    const restarted = new Metrics(mm2Blocking);
    const fresh = new Metrics(mm2Blocking, { warmup: 60 });
    let done = false;
    sim.runToEnd((rs) => {
      for (const r of rs) {
        if (!done && r.t >= 60) {
          restarted.advanceTo(60);
          restarted.restartFigures();
          done = true;
        }
        restarted.add(r);
        fresh.add(r);
      }
    });
    const a = restarted.snapshot();
    const b = fresh.snapshot();
    expect(a.from).toBe(60);
    for (const k of ['arrivalRate', 'throughput', 'rho', 'L', 'Lq', 'W', 'Wq', 'pBlocked'] as const) {
      expect(a[k].value, k).toBeCloseTo(b[k].value!, 9);
      expect(a[k].ci95, k).toEqual(b[k].ci95);
    }
    expect(a.perConsumer.map((c) => c.rho)).toEqual(b.perConsumer.map((c) => c.rho));
    expect(a.waitHistogram.total).toBe(b.counts.gets);
  });
});
