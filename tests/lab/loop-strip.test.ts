/**
 * The loop strip's layout: pieces are measured and laid out in lines, never drawn over one another, wrapped when
 * one is wider than a line, and cut with an ellipsis only on the last line there is. blocking-sleep's frozen line
 * once overlapped "Queue.get ×3".
 */
import { describe, expect, test } from 'vitest';
import { layoutPieces, waitGroups, type Piece } from '../../src/ui/scene/loopStrip';
import type { ActorSnap } from '../../src/worker/snapshot';

const piece = (text: string, extra: Partial<Piece> = {}): Piece => ({ text, weight: 400, color: '#000', ...extra });
/** 7 px a character, as a monospace font would. */
const measure = (_p: Piece, t: string): number => t.length * 7;

function noOverlap(placed: ReturnType<typeof layoutPieces>['placed'], width: number): void {
  for (const a of placed) {
    expect(a.x + a.w).toBeLessThanOrEqual(width);
    for (const b of placed) {
      if (a === b || a.line !== b.line) continue;
      expect(a.x + a.w <= b.x || b.x + b.w <= a.x).toBe(true);
    }
  }
}

describe('the loop strip lays out its pieces', () => {
  const frozen = piece('FROZEN: consumer-0 called time.sleep(); nothing else runs until t = 7.02', { weight: 700 });
  const rest = [piece('Event loop:', { br: true }), piece('last ran consumer-0'), piece('ready (0): none', { icon: ['chevrons', '#000'] }), piece('waiting:', { br: true }), piece('Queue.get: consumer-1, consumer-2', { icon: ['hourglass', '#000'] }), piece('asyncio.gather: main', { icon: ['hourglass', '#000'] })];

  test('on a wide strip, each on its own place, nothing cut', () => {
    const { placed, left } = layoutPieces([frozen, ...rest], 700, 4, measure);
    expect(left).toBe(0);
    noOverlap(placed, 700);
    expect(placed.some((p) => p.text.endsWith('…'))).toBe(false);
    expect(placed[0]!.line).toBe(0);
    expect(new Set(placed.filter((p) => p !== placed[0]).map((p) => p.line)).has(0)).toBe(false);
  });

  test('on a phone, a line too long for the strip wraps instead of being cut', () => {
    const { placed } = layoutPieces([frozen, ...rest], 360, 8, measure);
    noOverlap(placed, 360);
    const frozenLines = placed.filter((p) => p.piece === frozen);
    expect(frozenLines.length).toBe(2);
    expect(frozenLines.map((p) => p.text).join(' ')).toBe(frozen.text);
    expect(placed.some((p) => p.text.endsWith('…'))).toBe(false);
  });

  test('out of lines: the rest is left out, and only the last line is cut', () => {
    const { placed, left } = layoutPieces([frozen, ...rest], 200, 2, measure);
    noOverlap(placed, 200);
    expect(Math.max(...placed.map((p) => p.line))).toBeLessThan(2);
    expect(left).toBeGreaterThan(0);
    expect(placed.filter((p) => p.text.endsWith('…')).every((p) => p.line === 1)).toBe(true);
  });
});

describe('who waits on what', () => {
  const a = (name: string, waitingOn: string | null, state = 'waiting_get', kind: 'task' | 'thread' = 'task'): ActorSnap =>
    ({ id: 0, name, role: 'consumer', kind, state, site: 'get', until: NaN, item: null, waitingOn, error: null }) as ActorSnap;
  test('names each task under what it awaits, main included; threads and ready tasks are not waiting', () => {
    const groups = waitGroups([a('main', 'task consumer', 'waiting'), a('c0', 'Queue.get'), a('c1', 'Queue.get'), a('p', null, 'ready'), a('t', null, 'sleeping', 'thread')]);
    expect(groups).toEqual([
      ['task consumer', ['main']],
      ['Queue.get', ['c0', 'c1']],
    ]);
  });
});
