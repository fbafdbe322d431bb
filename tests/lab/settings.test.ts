import { describe, expect, test } from 'vitest';
import { seed1, seed2, seed3 } from '../../src/scenarios/presets';
import { applySettings, liveEdits, makeDist, settingsOf, withChange, type Settings } from '../../src/scenarios/settings';
import { validateScenario } from '../../src/scenarios/validate';

describe('settings <-> scenario', () => {
  test('the presets read as the sliders show them', () => {
    expect(settingsOf(seed1)).toMatchObject({ producers: 1, consumers: 3, bufferSize: 0, queueKind: 'queue.Queue', interval: 3, intervalDist: 'randint', service: 10, getStrategy: 'poll', shutdown: 'none', seed: 1 });
    expect(settingsOf(seed2)).toMatchObject({ consumers: 2, bufferSize: 2, interval: 0, getStrategy: 'await', shutdown: 'sentinel' });
    expect(settingsOf(seed3)).toMatchObject({ consumers: 1, bufferSize: 3, serviceDist: 'item', shutdown: 'none' });
  });

  test('unchanged settings give back the preset itself', () => {
    for (const s of [seed1, seed2, seed3]) expect(applySettings(s, settingsOf(s))).toEqual(s);
  });

  test('a change is written on top of the preset, the rest stays', () => {
    const s = applySettings(seed2, { ...settingsOf(seed2), consumers: 5 });
    expect(s.consumers[0]!.count).toBe(5);
    expect(s.producers).toEqual(seed2.producers);
    expect(s.shutdown).toEqual(seed2.shutdown);
  });

  test('picking queue.Queue makes a thread producer, polling consumers, unbounded, no shutdown', () => {
    const next = withChange(seed2, settingsOf(seed2), 'queueKind', 'queue.Queue');
    expect(next).toMatchObject({ bufferSize: 0, getStrategy: 'poll', shutdown: 'none' });
    const s = applySettings(seed2, next);
    expect(s.queue).toEqual({ kind: 'queue.Queue', maxsize: 0 });
    expect(s.producers[0]!.runs_in).toBe('thread');
  });

  test('bounding a queue.Queue turns it into an asyncio.Queue with task producers', () => {
    const next = withChange(seed1, settingsOf(seed1), 'bufferSize', 5);
    expect(next.queueKind).toBe('Queue');
    const s = applySettings(seed1, next);
    expect(s.queue).toEqual({ kind: 'Queue', maxsize: 5 });
    expect(s.producers[0]!.runs_in).toBe('task');
    expect(s.consumers[0]!.get).toEqual({ mode: 'poll', interval: 1 });
  });

  test('join then cancel makes consumers call task_done, Queue.shutdown targets 3.13', () => {
    const a = applySettings(seed3, withChange(seed3, settingsOf(seed3), 'shutdown', 'join_cancel'));
    expect(a.shutdown).toEqual({ strategy: 'cancel_after_join' });
    expect(a.consumers[0]!.task_done).toBe('after');
    const b = applySettings(seed3, withChange(seed3, settingsOf(seed3), 'shutdown', 'queue_shutdown'));
    expect(b.python).toBe('3.13');
  });

  test('randint never draws a zero sleep, and below 1.5 s the interval becomes uniform', () => {
    expect(makeDist('randint', 3)).toEqual({ dist: 'randint', lo: 2, hi: 4 });
    expect(makeDist('randint', 0.2)).toEqual({ dist: 'randint', lo: 1, hi: 1 });
    const s = withChange(seed1, settingsOf(seed1), 'interval', 0.1);
    expect(s.intervalDist).toBe('uniform');
  });

  test('an endless producer into an unbounded queue always sleeps a little (else the loop would spin)', () => {
    expect(withChange(seed1, settingsOf(seed1), 'interval', 0).interval).toBeGreaterThan(0);
    expect(withChange(seed2, settingsOf(seed2), 'bufferSize', 0).interval).toBe(0); // 60 items: finite
  });

  test('counts and rates are live edits; buffer, kind, strategies and seed restart', () => {
    const s2 = settingsOf(seed2);
    expect(liveEdits(seed2, s2, { ...s2, consumers: 8 })).toEqual([{ type: 'workers', role: 'consumer', count: 8 }]);
    expect(liveEdits(seed2, s2, { ...s2, service: 0.5 })).toEqual([{ type: 'dist', role: 'consumer', dist: { dist: 'const', value: 0.5 } }]);
    expect(liveEdits(seed2, s2, { ...s2, bufferSize: 4 })).toBeNull();
    expect(liveEdits(seed2, s2, { ...s2, getStrategy: 'poll' })).toBeNull();
    expect(liveEdits(seed2, s2, { ...s2, seed: 9 })).toBeNull();
    expect(liveEdits(seed2, s2, { ...s2, interval: 1 })).toBeNull(); // adds a sleep to the code
    const s1 = settingsOf(seed1);
    expect(liveEdits(seed1, s1, { ...s1, producers: 2 })).toBeNull(); // threads: restart
    expect(liveEdits(seed1, s1, { ...s1, interval: 5 })).toEqual([{ type: 'dist', role: 'producer', dist: makeDist('randint', 5) }]);
  });
});

describe('every setting the controls can reach gives a valid scenario', () => {
  const values: { [K in keyof Settings]?: Settings[K][] } = {
    producers: [1, 16],
    consumers: [1, 64],
    bufferSize: [0, 1, 1000],
    queueKind: ['Queue', 'LifoQueue', 'PriorityQueue', 'queue.Queue'],
    interval: [0, 0.001, 60],
    intervalDist: ['const', 'uniform', 'randint', 'expo'],
    service: [0.001, 60],
    serviceDist: ['const', 'uniform', 'randint', 'expo', 'item'],
    getStrategy: ['await', 'poll'],
    shutdown: ['sentinel', 'join_cancel', 'queue_shutdown', 'none'],
    seed: [0, 2 ** 31 - 1],
  };
  for (const base of [seed1, seed2, seed3]) {
    test(`${base.name}: one change, then a second`, () => {
      const keys = Object.keys(values) as (keyof Settings)[];
      for (const k1 of keys) {
        for (const v1 of values[k1]!) {
          const once = withChange(base, settingsOf(base), k1, v1);
          for (const k2 of keys) {
            for (const v2 of values[k2]!) {
              const twice = withChange(base, once, k2, v2);
              const r = validateScenario(applySettings(base, twice));
              if (!r.ok) throw new Error(`${k1}=${String(v1)}, ${k2}=${String(v2)}: ${r.errors.join('; ')}`);
            }
          }
        }
      }
    });
  }
});
