/**
 * Where an item flies: a straight line, or, when that would cross the queue's title, a path of right angles around
 * it; none at all when no such path keeps clear (the item then appears in place). Pure geometry, tested alone.
 */
import type { Rect } from './layout';

export interface Pt {
  x: number;
  y: number;
}

/** Whether the segment a-b meets the rectangle r (Liang-Barsky clipping). */
export function segmentHits(a: Pt, b: Pt, r: Rect): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let lo = 0;
  let hi = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    if (lo > hi) return false;
  }
  return true;
}

/**
 * The path of a chip `half.w` x `half.h` from its half-sizes from `from` to `to` that keeps it off `avoid`: the
 * straight line if it can, else one or two bends beside the rectangle; null when none keeps clear.
 */
export function route(from: Pt, to: Pt, avoid: Rect | null, half: { w: number; h: number }): Pt[] | null {
  if (avoid === null || avoid.w <= 0) return [from, to];
  const box: Rect = { x: avoid.x - half.w, y: avoid.y - half.h, w: avoid.w + 2 * half.w, h: avoid.h + 2 * half.h };
  const clear = (pts: Pt[]): boolean => pts.every((p, i) => i === 0 || !segmentHits(pts[i - 1]!, p, box));
  const [left, right, top, bottom] = [box.x - 1, box.x + box.w + 1, box.y - 1, box.y + box.h + 1];
  const candidates: Pt[][] = [
    [from, to],
    [from, { x: to.x, y: from.y }, to],
    [from, { x: from.x, y: to.y }, to],
    ...[left, right].map((x) => [from, { x, y: from.y }, { x, y: to.y }, to]),
    ...[top, bottom].map((y) => [from, { x: from.x, y }, { x: to.x, y }, to]),
  ];
  // of the paths that keep clear, the shortest
  let best: Pt[] | null = null;
  for (const c of candidates) if (clear(c) && (best === null || length(c) < length(best))) best = c;
  return best;
}

export function length(pts: Pt[]): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y);
  return s;
}

/** The point a fraction `e` (0..1) of the way along the path. */
export function pointAt(pts: Pt[], e: number): Pt {
  let left = Math.max(0, Math.min(1, e)) * length(pts);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= d && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return pts[pts.length - 1]!;
}
