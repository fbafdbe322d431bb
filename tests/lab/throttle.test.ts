/** The store's throttle (issue 13, point 6): at most one update per interval, and the last one always arrives. */
import { describe, expect, it } from 'vitest';
import { throttle, type Clock } from '../../src/store/throttle';

/** A clock whose timers run when `advance` passes their time. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => now,
    later: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    cancel: (h) => {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (t === undefined || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('throttle', () => {
  it('eight quick updates: the first at once, the last after the interval, nothing in between', () => {
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    const th = throttle<number>(100, (x) => seen.push(x), clock);
    for (let i = 1; i <= 8; i++) {
      th.push(i);
      advance(5);
    }
    expect(seen).toEqual([1]);
    advance(100);
    expect(seen).toEqual([1, 8]);
    advance(1000);
    expect(seen).toEqual([1, 8]);
  });

  it('a stream at 60 a second is thinned to 10 a second, and its last value (a Pause) shows', () => {
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    const th = throttle<number>(100, (x) => seen.push(x), clock);
    for (let i = 0; i < 60; i++) {
      th.push(i);
      advance(1000 / 60);
    }
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(11);
    advance(200);
    expect(seen.at(-1)).toBe(59);
  });

  it('an urgent update goes at once and replaces a kept one; drop forgets a kept one', () => {
    const { clock, advance } = fakeClock();
    const seen: string[] = [];
    const th = throttle<string>(100, (x) => seen.push(x), clock);
    th.push('a');
    th.push('b');
    th.push('end', true);
    advance(500);
    expect(seen).toEqual(['a', 'end']);
    th.push('c');
    th.push('d');
    th.drop();
    advance(500);
    expect(seen).toEqual(['a', 'end', 'c']);
  });
});
