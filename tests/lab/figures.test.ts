/** The figures table as data, and its plain-language reading, on real engine runs of three kinds of model. */
import { describe, expect, test } from 'vitest';
import { Metrics, type Figures } from '../../src/engine/metrics/metrics';
import { Simulation } from '../../src/engine/simulation';
import { mm2Blocking } from '../../src/scenarios/presetTheory';
import { seed1, seed2 } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { predict } from '../../src/theory/fromScenario';
import { figureRows, modelKind } from '../../src/ui/charts/figureRows';
import { reading } from '../../src/ui/charts/reading';
import { measureEn } from '../../src/ui/charts/words';
import { measureZh } from '../../src/ui/charts/words.zh';

function measure(s: Scenario, until: number): Figures {
  const m = new Metrics(s);
  new Simulation(s, { horizon: until }).runToEnd((rs) => m.addAll(rs));
  return m.snapshot();
}

describe('figures beside the theory', () => {
  test('the exact model: every prediction, its interval, and a reading that names the backpressure', () => {
    const f = measure(mm2Blocking, 600);
    const th = predict(mm2Blocking);
    expect(modelKind(th)).toBe('exact');
    const rows = figureRows(f, th);
    expect(rows.map((r) => r.key)).toEqual(['arrival', 'service', 'consumers', 'buffer', 'rho', 'Lq', 'L', 'Wq', 'W', 'throughput', 'blocked', 'little']);
    const compared = rows.filter((r) => r.agrees !== null);
    expect(compared.length).toBeGreaterThanOrEqual(9);
    expect(compared.filter((r) => r.agrees).length).toBeGreaterThanOrEqual(compared.length - 1);
    expect(rows.find((r) => r.key === 'buffer')).toMatchObject({ measured: 5, predicted: 5, agrees: null });
    const words = reading(f, th, rows, measureEn, 'en').join(' ');
    expect(words).toMatch(/^Consumers are busy 9\d% of the time: the buffer stays full and the producer waits \(\d+% of its time blocked in put\(\)\)\./);
    expect(words).toContain("Little's law holds");
    expect(words).toMatch(/\d of \d+ predictions lie within their 95% intervals/);
    expect(reading(f, th, rows, measureZh, 'zh').join('')).toMatch(/^消费者 9\d% 的时间在忙：缓冲区一直是满的/);
  });

  test('rho >= 1 into an unbounded buffer: the settings, and "grows" for the rest', () => {
    const f = measure(seed1, 600);
    const th = predict(seed1);
    expect(modelKind(th)).toBe('unstable');
    const rows = figureRows(f, th);
    const by = (k: string) => rows.find((r) => r.key === k)!;
    expect(by('consumers').predicted).toBe(3);
    expect(by('buffer').predicted).toBe(Infinity);
    expect(by('Lq').predicted).toBe(Infinity);
    expect(by('Lq').agrees).toBeNull();
    expect(reading(f, th, rows, measureEn, 'en')[0]).toMatch(/they cannot keep up and the queue keeps growing/);
  });

  test('no model: simulation only, and the reading says the measurement is the answer', () => {
    const f = measure(seed2, 100);
    const th = predict(seed2);
    expect(modelKind(th)).toBe('none');
    const rows = figureRows(f, th);
    expect(rows.every((r) => r.predicted === null)).toBe(true);
    expect(reading(f, th, rows, measureEn, 'en')).toContain(measureEn.reading.noTheory);
  });

  test('nothing is read aloud from a handful of items', () => {
    const f = measure(mm2Blocking, 1);
    expect(f.counts.done).toBeLessThan(10);
    expect(reading(f, predict(mm2Blocking), figureRows(f, null), measureEn, 'en')).toEqual([]);
  });
});
