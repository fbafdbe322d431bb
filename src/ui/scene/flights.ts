/** Items on their way: from a producer into the queue, from the queue to a consumer. Wall-clock animations. */
import { drawItem } from './glyphs';
import { sceneStats } from './sceneStats';

interface Flight {
  label: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  born: number;
}

const DURATION_MS = 380;
const MAX_FLIGHTS = 24;

export class Flights {
  private list: Flight[] = [];

  add(label: string, from: { x: number; y: number }, to: { x: number; y: number }, now: number): void {
    if (this.list.length >= MAX_FLIGHTS) this.list.shift();
    sceneStats.flights++;
    this.list.push({ label, x0: from.x, y0: from.y, x1: to.x, y1: to.y, born: now });
  }

  /** Whether anything is still in the air. */
  busy(now: number): boolean {
    return this.list.some((f) => now - f.born < DURATION_MS);
  }

  clear(): void {
    this.list = [];
  }

  /** Draws the items in the air; returns their labels. */
  draw(ctx: CanvasRenderingContext2D, now: number, size: number): string[] {
    this.list = this.list.filter((f) => now - f.born < DURATION_MS);
    for (const f of this.list) {
      const a = Math.max(0, (now - f.born) / DURATION_MS);
      const e = a < 0.5 ? 2 * a * a : 1 - (-2 * a + 2) ** 2 / 2; // ease in-out
      const x = f.x0 + (f.x1 - f.x0) * e;
      const y = f.y0 + (f.y1 - f.y0) * e - Math.sin(Math.PI * e) * 18;
      ctx.save();
      ctx.globalAlpha = a > 0.85 ? (1 - a) / 0.15 : 1;
      drawItem(ctx, f.label, x - size * 0.8, y - size * 0.5, size * 1.6, size, size * 0.6);
      ctx.restore();
    }
    return this.list.map((f) => f.label);
  }
}
