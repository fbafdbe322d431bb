/**
 * Items on their way: from a producer into its slot in the queue, from the queue to a consumer. Wall-clock
 * animations, each an item by its serial: while one flies the scene does not draw it where it left or where it
 * lands, and an item's next flight waits for its last to land, so no item is ever drawn twice.
 */
import { drawItem } from './glyphs';
import { pointAt, type Pt } from './flightPath';
import { sceneStats } from './sceneStats';

interface Flight {
  serial: number;
  label: string;
  path: Pt[];
  born: number;
}

export const DURATION_MS = 380;
const MAX_FLIGHTS = 24;

export class Flights {
  private list: Flight[] = [];

  /** Sends item `serial` along `path` from `now`, or once its flight under way has landed. */
  add(serial: number, label: string, path: Pt[], now: number): void {
    if (this.list.length >= MAX_FLIGHTS) return; // too many at once: it appears where it lands
    const before = this.list.filter((f) => f.serial === serial).reduce((t, f) => Math.max(t, f.born + DURATION_MS), now);
    sceneStats.flights++;
    this.list.push({ serial, label, path, born: before });
  }

  /** Whether anything is still in the air, or waiting to take off. */
  busy(now: number): boolean {
    return this.list.some((f) => now - f.born < DURATION_MS);
  }

  /** Whether item `serial` is flying or about to: the scene draws it nowhere else. */
  has(serial: number): boolean {
    return this.list.some((f) => f.serial === serial);
  }

  /** Drops the flights that have landed (call before drawing the frame's buffer and cards). */
  land(now: number): void {
    this.list = this.list.filter((f) => now - f.born < DURATION_MS);
  }

  clear(): void {
    this.list = [];
  }

  /** Draws the items in the air; returns their serials and labels. */
  draw(ctx: CanvasRenderingContext2D, now: number, size: number): { serial: number; label: string }[] {
    const out: { serial: number; label: string }[] = [];
    for (const f of this.list) {
      if (now < f.born) continue; // waits for its last flight to land
      const a = (now - f.born) / DURATION_MS;
      const e = a < 0.5 ? 2 * a * a : 1 - (-2 * a + 2) ** 2 / 2; // ease in-out
      const { x, y } = pointAt(f.path, e);
      drawItem(ctx, f.label, x - size * 0.8, y - size * 0.5, size * 1.6, size, size * 0.6);
      out.push({ serial: f.serial, label: f.label });
    }
    return out;
  }
}
