/** The event log's ring: the newest lines, filtered, and what was pushed since a reader last looked. */
import { describe, expect, test } from 'vitest';
import { LOG_KEEP, LogRing } from '../../src/store/logRing';

const lines = (es: ReturnType<LogRing['tail']> | null) => (es === null ? null : es.map((e) => e.line));

describe('LogRing', () => {
  test('since: the lines pushed after a point, filtered like tail; null once some have left the ring', () => {
    const r = new LogRing();
    r.push('a0', 'a');
    r.push('b0', 'b');
    const mark = r.pushed;
    r.push('a1', 'a');
    r.push('note', '');
    r.push('b1', 'b');
    expect(lines(r.since(mark, null, 10))).toEqual(['a1', 'note', 'b1']);
    expect(lines(r.since(mark, 'a', 10))).toEqual(['a1', 'note']);
    expect(lines(r.since(mark, null, 2))).toEqual(['note', 'b1']);
    expect(lines(r.since(r.pushed, null, 10))).toEqual([]);
    for (let i = 0; i < LOG_KEEP; i++) r.push(`x${i}`, 'x');
    expect(r.since(mark, null, 10)).toBeNull();
    // after a wrap the newest are still the newest, in order
    expect(lines(r.since(r.pushed - 3, null, 10))).toEqual([`x${LOG_KEEP - 3}`, `x${LOG_KEEP - 2}`, `x${LOG_KEEP - 1}`]);
    expect(lines(r.tail(null, 2))).toEqual([`x${LOG_KEEP - 2}`, `x${LOG_KEEP - 1}`]);
  });

  test('a clear starts a new generation and the count again', () => {
    const r = new LogRing();
    r.push('a', 'a');
    const g = r.generation;
    r.clear();
    expect(r.generation).toBe(g + 1);
    expect(r.pushed).toBe(0);
    expect(r.tail(null, 10)).toEqual([]);
  });
});
