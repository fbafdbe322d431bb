/**
 * Each chart's legend comes from the description its drawing reads (series.ts): the same words, colours and dash,
 * and the order a reader meets them, while the order of drawing puts the queue's highest line beneath its average.
 */
import { describe, expect, test } from 'vitest';
import { BAR_SERIES, drawOrder, legendOf, timeChart, TIME_CHARTS } from '../../src/ui/charts/series';
import { measureEn } from '../../src/ui/charts/words';
import { measureZh } from '../../src/ui/charts/words.zh';

describe('legends from the series', () => {
  test('the queue: average, highest, and the dashed maxsize line while the queue is bounded', () => {
    const [avg, max] = timeChart('queue').series;
    expect(legendOf('queue', measureEn, '5')).toEqual([
      { color: avg!.color, label: 'average' },
      { color: max!.color, label: 'highest' },
      { color: '#d55e00', label: 'maxsize 5', dashed: true },
    ]);
    expect(legendOf('queue', measureEn, null).map((k) => k.label)).toEqual(['average', 'highest']);
  });

  test('every series of every time chart has its entry, in its colour, in both languages', () => {
    for (const words of [measureEn, measureZh]) {
      for (const c of TIME_CHARTS) {
        const keys = legendOf(c.id, words, null);
        expect(keys).toEqual(c.series.map((s) => ({ color: s.color, label: words[s.label!] })));
      }
    }
  });

  test('the bar charts: the histogram names its share, busy per consumer needs no key', () => {
    expect(legendOf('histogram', measureEn, '5')).toEqual([{ color: BAR_SERIES.histogram.color, label: 'share of items' }]);
    expect(legendOf('perConsumer', measureEn, '5')).toEqual([]);
  });

  test('the highest queue line is drawn beneath the average; other charts draw in their listed order', () => {
    expect(drawOrder(timeChart('queue')).map((s) => s.field)).toEqual(['qmax', 'qsize']);
    expect(drawOrder(timeChart('rates')).map((s) => s.field)).toEqual(['produced', 'consumed']);
  });
});
