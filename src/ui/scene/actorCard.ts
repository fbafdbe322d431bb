/**
 * One producer or consumer as a card: its look (icon, border, pattern), its name, its state in words and, at sizes
 * that allow it, the detail (time left, the item it holds, the exception). Small cards keep the icon and the name.
 */
import type { ActorSnap } from '../../worker/snapshot';
import type { Dict } from '../i18n';
import { formatFixed } from '../i18n/numbers';
import { reducedMotion } from '../a11y/motion';
import { drawForever, drawFrame, drawIcon, drawItem, lookOf } from './glyphs';
import { isolate } from '../userText';
import type { Rect } from './layout';
import { C, fitText, font } from './palette';

export function stateWords(a: ActorSnap, tx: Dict, hung = false): string {
  if (hung) return tx.scene.forever;
  if (a.state === 'finished' && a.role === 'consumer') return tx.state.exited;
  if (a.state === 'crashed' && a.error) return `${tx.state.crashed}: ${a.error.exception}`;
  return tx.state[a.state];
}

/** What a task that waits forever awaits, as its code says it. */
function foreverDetail(a: ActorSnap, tx: Dict): string {
  const on = a.waitingOn ?? '';
  if (on === 'Queue.get') return 'await q.get()';
  if (on === 'Queue.put') return a.item === null ? 'await q.put()' : `await q.put(${isolate(a.item)})`;
  if (on === 'Queue.join') return 'await q.join()';
  return tx.scene.awaits(on.replace(/^task /, ''));
}

function detail(a: ActorSnap, left: number, tx: Dict): string {
  const s = (x: number) => tx.seconds(formatFixed(Math.max(0, x), x < 1 ? 2 : 1));
  const d = tx.detail;
  switch (a.state) {
    case 'sleeping':
      return d.sleep(s(left));
    case 'polling':
      return d.retry(s(left));
    case 'busy':
      return d.left(s(left));
    case 'blocked_put':
      return a.item === null ? d.full : d.holds(isolate(a.item));
    case 'waiting_get':
      return d.empty;
    case 'crashed':
      // the name is on the line above; here the message
      return isolate(a.error === null ? '' : a.error.message || a.error.exception);
    case 'waiting_join':
      return d.unfinished;
    case 'waiting':
      return a.waitingOn === null ? '' : tx.scene.awaits(a.waitingOn.replace(/^task /, ''));
    case 'ready':
    case 'running':
      return a.item === null ? '' : a.role === 'producer' ? d.put(isolate(a.item)) : d.got(isolate(a.item));
    default:
      return '';
  }
}

/**
 * Draws the card; `start` is when the current timed state began (for the countdown), or NaN; `hung`: it waits
 * forever (the run hung); `flying`: its item is still on its way here (drawn in flight, not yet on the card).
 * Returns the serial of the item chip drawn on it, if any.
 */
export function drawActorCard(ctx: CanvasRenderingContext2D, r: Rect, a: ActorSnap, vt: number, start: number, tx: Dict, basePx: number, hung = false, flying = false): number | null {
  const lk = lookOf(a.state);
  const thread = a.kind === 'thread';
  let chip: number | null = null;
  drawFrame(ctx, r.x, r.y, r.w, r.h, lk, thread);
  if (hung) drawForever(ctx, r.x, r.y, r.w, r.h, thread);
  const timed = !Number.isNaN(a.until) && (a.state === 'sleeping' || a.state === 'polling' || a.state === 'busy');
  const left = timed ? a.until - vt : 0;
  const span = timed && !Number.isNaN(start) ? a.until - start : 0;
  // reduced motion: a still ring (the time left is in words on the card)
  const frac = timed && !reducedMotion() ? (span > 0 ? Math.max(0, Math.min(1, left / span)) : 1) : 1;
  const inset = thread ? 10 : 0;
  const big = r.h >= 58 && r.w >= 130;
  const medium = !big && r.h >= 40 && r.w >= 96;
  ctx.save();
  ctx.globalAlpha = lk.faded ? 0.7 : 1;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  if (big || medium) {
    const rad = Math.min(r.h * (big ? 0.24 : 0.28), big ? 22 : 13);
    const cx = r.x + inset + 8 + rad * 1.2;
    const cy = r.y + r.h / 2;
    drawIcon(ctx, lk.icon, cx, cy, rad, lk.color, frac);
    if (a.state === 'busy' && a.item !== null && !flying) {
      drawItem(ctx, a.item, cx - rad * 0.8, cy - rad * 0.45, rad * 1.6, rad * 0.9, rad * 0.55);
      chip = a.serial;
    }
    const tx0 = cx + rad * 1.5 + 4;
    const w = r.x + r.w - tx0 - 6;
    const px = big ? basePx : basePx - 2;
    ctx.fillStyle = C.ink;
    ctx.font = font(px, 700);
    const lines = big ? 3 : 2;
    const lh = px * 1.25;
    const y0 = cy - ((lines - 1) * lh) / 2;
    fitText(ctx, a.name, tx0, y0, w);
    ctx.font = font(px, a.state === 'blocked_put' || hung ? 700 : 600);
    ctx.fillStyle = a.state === 'blocked_put' || a.state === 'crashed' || hung ? C.verm : C.ink;
    fitText(ctx, stateWords(a, tx, hung), tx0, y0 + lh, w);
    if (big) {
      ctx.font = font(px - 2, hung ? 600 : 400);
      ctx.fillStyle = hung ? C.ink : C.muted;
      fitText(ctx, hung ? foreverDetail(a, tx) : detail(a, left, tx), tx0, y0 + 2 * lh, w);
    }
  } else {
    // tiny: the icon, and the name's number under it
    const rad = Math.min(r.h * 0.26, r.w * 0.22, 12);
    const cy = r.y + rad + 4;
    drawIcon(ctx, lk.icon, r.x + r.w / 2, cy, rad, lk.color, frac);
    ctx.font = font(Math.max(9, Math.min(basePx - 3, r.h * 0.3)), 600);
    ctx.fillStyle = C.ink;
    ctx.textAlign = 'center';
    const short = a.name.replace(/^.*?(\d+)$/, '#$1');
    ctx.fillText(short, r.x + r.w / 2, r.y + r.h - Math.max(7, r.h * 0.2), r.w - 4);
  }
  ctx.restore();
  return chip;
}
