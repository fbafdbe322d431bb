/**
 * Items in flight: paths keep clear of the queue's title, an item's next flight waits for its last to land (never
 * two at once), and past a followable rate the picture turns calm.
 */
import { describe, expect, test } from 'vitest';
import { FlightPace, FOLLOWABLE_PER_S } from '../../src/ui/scene/flightPace';
import { pointAt, route, segmentHits } from '../../src/ui/scene/flightPath';
import { DURATION_MS, Flights } from '../../src/ui/scene/flights';

const title = { x: 100, y: 200, w: 190, h: 24 };
const half = { w: 16, h: 12 };

/** Whether a chip of half-size `half` moving along `pts` ever overlaps `r` (sampled finely). */
function touches(pts: { x: number; y: number }[], r: typeof title): boolean {
  for (let i = 0; i <= 400; i++) {
    const p = pointAt(pts, i / 400);
    if (p.x + half.w > r.x && p.x - half.w < r.x + r.w && p.y + half.h > r.y && p.y - half.h < r.y + r.h) return true;
  }
  return false;
}

describe('flight paths', () => {
  test('a segment meets a rectangle it crosses, not one beside it', () => {
    expect(segmentHits({ x: 0, y: 210 }, { x: 400, y: 210 }, title)).toBe(true);
    expect(segmentHits({ x: 0, y: 100 }, { x: 400, y: 100 }, title)).toBe(false);
    expect(segmentHits({ x: 150, y: 0 }, { x: 150, y: 400 }, title)).toBe(true);
  });

  test('a phone: from a producer above the title to the queue below it, around the title', () => {
    const from = { x: 195, y: 170 };
    const to = { x: 30, y: 290 };
    expect(touches([from, to], title)).toBe(true); // the straight line would cover it
    const path = route(from, to, title, half)!;
    expect(path[0]).toEqual(from);
    expect(path[path.length - 1]).toEqual(to);
    expect(touches(path, title)).toBe(false);
  });

  test('a clear straight line stays straight', () => {
    expect(route({ x: 0, y: 300 }, { x: 90, y: 320 }, title, half)).toEqual([{ x: 0, y: 300 }, { x: 90, y: 320 }]);
  });

  test('no path when the end is under the title', () => {
    expect(route({ x: 0, y: 0 }, { x: 150, y: 210 }, title, half)).toBeNull();
  });

  test('pointAt walks the path by length', () => {
    const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
    expect(pointAt(pts, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAt(pts, 1)).toEqual({ x: 10, y: 10 });
  });
});

describe('flights', () => {
  test("an item's get waits for its put to land: it is never in the air twice", () => {
    const f = new Flights();
    const a = [{ x: 0, y: 0 }, { x: 10, y: 0 }];
    f.add(7, '7', a, 1000);
    f.add(7, '7', a, 1100);
    f.add(8, '8', a, 1100);
    const drawn: number[][] = [];
    const ctx = fakeCtx();
    let second = false;
    for (let t = 1000; t < 1000 + 3 * DURATION_MS; t += 20) {
      f.land(t);
      if (t > 1000 + DURATION_MS + 10 && t < 1000 + 2 * DURATION_MS) second ||= f.has(7); // the get under way
      drawn.push(f.draw(ctx, t, 14).map((c) => c.serial));
    }
    for (const d of drawn) expect(new Set(d).size).toBe(d.length);
    expect(drawn.filter((d) => d.includes(7)).length).toBeGreaterThan(DURATION_MS / 20 + 5);
    expect(second).toBe(true);
    expect(f.has(7)).toBe(false);
  });
});

describe('pace', () => {
  test('a few moves a second fly; more turn the picture calm for a while', () => {
    const p = new FlightPace();
    expect(p.allow(0, 1)).toBe(true);
    expect(p.allow(500, 2)).toBe(true);
    expect(p.allow(600, FOLLOWABLE_PER_S)).toBe(false);
    expect(p.calm(1200)).toBe(true);
    expect(p.allow(1200, 0)).toBe(false);
    expect(p.allow(4000, 1)).toBe(true);
  });

  test('a burst in one snapshot is too many at once', () => {
    expect(new FlightPace().allow(0, 5)).toBe(false);
  });
});

/** The drawing calls Flights.draw makes, as no-ops. */
function fakeCtx(): CanvasRenderingContext2D {
  return new Proxy({}, { get: (_t, k) => (k === 'measureText' ? () => ({ width: 10 }) : () => {}) }) as unknown as CanvasRenderingContext2D;
}
