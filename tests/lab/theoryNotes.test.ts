/** The figures table's notes on the prediction: which appear for which settings, in English and Chinese. */
import { describe, expect, test } from 'vitest';
import { mm2Blocking } from '../../src/scenarios/presetTheory';
import { seed1, seed2 } from '../../src/scenarios/presets';
import { predict } from '../../src/theory/fromScenario';
import { ignoresPolling } from '../../src/ui/charts/figureRows';
import { noModelWords } from '../../src/ui/charts/noModelWords';
import { theoryNotes } from '../../src/ui/charts/theoryNotes';
import { measureEn } from '../../src/ui/charts/words';
import { measureZh } from '../../src/ui/charts/words.zh';

describe('notes on the prediction', () => {
  test('none before a prediction, none for the exact endless chain', () => {
    expect(theoryNotes(null, measureEn, 'en')).toEqual([]);
    expect(theoryNotes(predict(mm2Blocking), measureEn, 'en')).toEqual([]);
  });

  test('a run of 60 items: the steady state only while the producer runs, in both languages', () => {
    const th = predict(seed2);
    expect(theoryNotes(th, measureEn, 'en')).toEqual([
      {
        kind: 'stops',
        text: 'producer stops after 60 items: the prediction is the steady state while the producers run; the measurement also holds the start, and the end once they stop.',
      },
    ]);
    expect(theoryNotes(th, measureZh, 'zh')[0]!.text).toBe('producer 放入 60 个元素后停止：理论给出的是生产者运行期间的稳态；测量还包含开头，以及它们停止后的收尾。');
  });

  test('polling consumers and an approximation (Busy polling), numbers in the page language', () => {
    const th = predict(seed1);
    const e = theoryNotes(th, measureEn, 'en');
    expect(e.map((n) => n.kind)).toEqual(['polling', 'allenCunneen']);
    expect(e[0]!.text).toContain('Consumers poll every 1 s');
    expect(e[1]!.text).toMatch(/^An approximation: Wq = Wq\(M\/M\/c\) × \(ca² \+ cs²\) \/ 2, with ca² = 0\.0741 and cs² = 0\.$/);
    const z = theoryNotes(th, measureZh, 'zh');
    expect(z[0]!.text).toContain('消费者每 1 秒轮询一次');
    expect(z[1]!.text).toContain('近似');
  });

  test('every kind has words in both languages (no English left in the Chinese)', () => {
    const all = [
      { kind: 'stops', group: 'p', items: 1234 },
      { kind: 'cyclicService' },
      { kind: 'cyclicInterval', group: 'p' },
      { kind: 'polling', interval: 0.25 },
      { kind: 'merged', producers: 3, rate: 1.5 },
      { kind: 'qna', producers: 2, ca2: 0.5 },
      { kind: 'allenCunneen', ca2: 0.5, cs2: 1 },
      { kind: 'saturated' },
    ] as const;
    const th = { ...predict(mm2Blocking), caveats: [...all] };
    const e = theoryNotes(th, measureEn, 'en');
    const z = theoryNotes(th, measureZh, 'zh');
    expect(e.map((n) => n.kind)).toEqual(all.map((c) => c.kind));
    for (const n of e) expect(n.text.length).toBeGreaterThan(20);
    for (const n of z) expect(n.text.replace(/\b(p|put|QNA|Whitt|Wq|M\/M\/c|ca|cs)\b/g, '')).not.toMatch(/[a-z]{3,}/i);
    expect(e[0]!.text).toContain('1,234');
    expect(z[4]!.text).toContain('1.5/秒');
  });
});

describe('why there is no prediction', () => {
  test('the reason in the page language, naming the group it is about', () => {
    const s = structuredClone(seed2);
    s.consumers[0]!.service_call = 'time.sleep';
    const th = predict(s);
    if (th.status !== 'none') throw new Error(`expected no model, got ${th.status}`);
    expect(th.why).toEqual({ kind: 'blockingService', group: 'consumer' });
    // the CLI's English reason is unchanged
    expect(th.reason).toBe('consumer serves with time.sleep, which freezes the whole event loop while it serves: no queueing model covers that');
    expect(noModelWords(measureEn.noModel, th.why)).toMatch(/^consumer serves with time\.sleep/);
    expect(noModelWords(measureZh.noModel, th.why)).toBe('consumer 用 time.sleep 处理元素，处理期间整个事件循环都被冻结：没有排队模型涵盖这种情形。');
  });

  test('seed-2 (constant times, bounded buffer): the closed-form reason, not a generic sentence', () => {
    const th = predict(seed2);
    if (th.status !== 'none') throw new Error(`expected no model, got ${th.status}`);
    expect(th.why.kind).toBe('boundedNotExponential');
    expect(noModelWords(measureZh.noModel, th.why)).toContain('有界缓冲区配非指数分布的时间');
  });
});

describe('the figures table reads the prediction as data', () => {
  test('polling latency is flagged from the caveat, for exactly the predictions whose label the CLI qualifies', () => {
    const polled = predict(seed1);
    const awaited = predict(seed2);
    expect(ignoresPolling(polled)).toBe(true);
    expect(polled.label).toContain('polling latency ignored');
    expect(ignoresPolling(awaited)).toBe(false);
    expect(awaited.label).not.toContain('polling');
  });
});
