/**
 * The waits and blocked puts a chart point averages are held per step, not per value: at 1000x a point spans 100
 * virtual seconds, and the worker's heap used to grow with every value until the point closed (bench:soak).
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { consumer, producer, scenario } from '../../src/scenarios/build';
import { COL, FIELDS } from '../../src/worker/metricsProtocol';
import { BASE_DT, bucketSteps, MetricsStream } from '../../src/worker/metricsStream';
import { StepMeans } from '../../src/worker/stepMeans';

describe('StepMeans', () => {
  test('the mean of the values before a step boundary, exactly as comparing t < end * dt', () => {
    const dt = BASE_DT;
    // times on and around the boundaries, as computed by several routes (k * dt, literals, sums)
    const ts = [0, 0.01, 0.05, 0.1, 0.15, 3 * dt, 0.15 + 1e-12, 0.2 - 1e-12, 0.1 + 0.2, 0.45, 9 * dt, 0.5, 1.05, 21 * dt];
    const points = ts.map((t, i) => ({ t, value: i + 1 }));
    const m = new StepMeans(dt);
    m.add(points);
    let rest = points;
    for (const end of [0, 1, 3, 4, 6, 9, 10, 21, 22, 30]) {
      const before = rest.filter((p) => p.t < end * dt);
      rest = rest.filter((p) => !(p.t < end * dt));
      const want = before.length === 0 ? NaN : before.reduce((s, p) => s + p.value, 0) / before.length;
      const got = m.takeBefore(end);
      if (Number.isNaN(want)) expect(got, `end ${end}`).toBeNaN();
      else expect(got, `end ${end}`).toBeCloseTo(want, 12);
    }
    expect(m.size).toBe(0);
  });

  test('holds one entry per step however many values fall in it', () => {
    const m = new StepMeans(BASE_DT);
    for (let i = 0; i < 100_000; i++) m.add([{ t: i * 1e-5, value: 1 }]);
    // 1 virtual second: 20 steps
    expect(m.size).toBeLessThanOrEqual(21);
    expect(m.takeBefore(10)).toBe(1);
    expect(m.size).toBeLessThanOrEqual(11);
  });
});

describe('MetricsStream at 1000x', () => {
  test('memory held for the open chart point is bounded by its steps, not by its events', () => {
    // a fast program with a small buffer: thousands of waits and blocked puts a virtual second
    const s = scenario('fast', {
      horizon: null,
      queue: { kind: 'Queue', maxsize: 4 },
      producers: [producer({ count: 2, items: { count: null, value: { type: 'index' } }, interval: { dist: 'const', value: 0.001 } })],
      consumers: [consumer({ count: 2, service: { dist: 'const', value: 0.0025 } })],
      shutdown: { strategy: 'none' },
    });
    const sim = new Simulation(s, { horizon: null });
    const ms = new MetricsStream(s, 1000, 1);
    const width = bucketSteps(1000) * BASE_DT; // 100 virtual seconds
    let gets = 0;
    let held = 0;
    let now = 0;
    const rows: number[][] = [];
    for (let t = 0.25; t <= width + 5; t += 0.25) {
      for (;;) {
        const r = sim.advanceTo(t, 5000);
        for (const x of r.records) if (x.event === 'get') gets++;
        ms.add(r.records);
        if (r.done) break;
      }
      ms.advanceTo(t);
      const m = ms.take((now += 100), false);
      for (let k = 0; m !== null && k < m.points.length; k += FIELDS) rows.push(Array.from(m.points.subarray(k, k + FIELDS)));
      if (t < width) held = Math.max(held, ms.held);
    }
    // before the first point closes: two streams of at most one entry per BASE_DT step of time so far
    expect(gets).toBeGreaterThan(10 * 2 * (width / BASE_DT + 1));
    expect(held).toBeLessThanOrEqual(2 * (width / BASE_DT + 1));
    // the point closed and took them: what is held now is only the few seconds after it
    expect(rows.length).toBe(1);
    expect(ms.held).toBeLessThanOrEqual(2 * (5 / BASE_DT + 2));
    expect(rows[0]![COL.wait]).toBeGreaterThan(0);
    expect(rows[0]![COL.blocked]).toBeGreaterThan(0);
  });
});
