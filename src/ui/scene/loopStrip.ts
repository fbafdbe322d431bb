/**
 * The event loop's own lane along the bottom: the task running now (or the one that ran last), the tasks ready to
 * run, and the waiting ones grouped by what they wait on. A blocking time.sleep freezes the whole strip.
 */
import type { ActorSnap, Snapshot } from '../../worker/snapshot';
import { fmt } from '../controls/scales';
import type { Dict } from '../i18n';
import { drawIcon, type Icon } from './glyphs';
import type { Rect } from './layout';
import { C, font, pattern } from './palette';

const WAIT_ICON: Record<string, [Icon, string]> = {
  'Queue.get': ['hourglass', C.sky],
  'Queue.put': ['stop', C.verm],
  'Queue.join': ['join', C.purple],
  sleep: ['moon', C.orange],
};

function waitGroups(actors: ActorSnap[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const a of actors) {
    if (a.kind === 'thread' || a.waitingOn === null || a.state === 'ready' || a.state === 'running') continue;
    const key = a.waitingOn === 'sleep' ? 'sleep' : a.waitingOn;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.entries()];
}

export function drawLoopStrip(ctx: CanvasRenderingContext2D, r: Rect, s: Snapshot, vt: number, tx: Dict, px: number): void {
  const t = tx.scene;
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, 8);
  ctx.fillStyle = '#f1efe7';
  ctx.fill();
  ctx.strokeStyle = C.line;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const lh = Math.min(r.h / 3, px * 1.6);
  let x = r.x + 10;
  let y = r.y + lh * 0.75;
  const write = (text: string, weight: 400 | 600 | 700 = 400, color: string = C.ink): void => {
    ctx.font = font(px, weight);
    ctx.fillStyle = color;
    const w = Math.min(ctx.measureText(text).width, r.x + r.w - x - 6);
    if (w > 0) ctx.fillText(text, x, y, w);
    x += w + 8;
  };
  const newline = (): void => {
    x = r.x + 10;
    y += lh;
  };
  write(`${t.loop}:`, 700);
  if (s.running !== null) {
    drawIcon(ctx, 'play', x + 6, y, 6, C.blue);
    x += 16;
    write(`${t.running} ${s.running}`, 700, C.blue);
  } else {
    write(`${t.lastRan} ${s.lastRan ?? t.none}`, 600, C.muted);
  }
  if (r.w < 500) newline();
  drawIcon(ctx, 'chevrons', x + 6, y, 6, C.blue);
  x += 16;
  const ready = s.ready.length > 6 ? `${s.ready.slice(0, 6).join(', ')} +${s.ready.length - 6}` : s.ready.join(', ');
  write(`${t.ready} (${s.ready.length}): ${ready || t.none}`);
  newline();
  write(`${t.waiting}:`, 600);
  const groups = waitGroups(s.actors);
  if (groups.length === 0) write(t.none, 400, C.muted);
  for (const [on, n] of groups) {
    const [icon, color] = WAIT_ICON[on] ?? (['hourglass', C.purple] as [Icon, string]);
    if (x > r.x + r.w - 60) {
      newline();
      if (y > r.y + r.h) break;
    }
    drawIcon(ctx, icon, x + 6, y, 6, color);
    x += 16;
    write(`${on === 'sleep' ? 'asyncio.sleep' : on} ×${n}`);
  }
  const threads = s.actors.filter((a) => a.kind === 'thread');
  if (threads.length > 0) {
    if (x > r.x + r.w * 0.6) newline();
    const alive = threads.filter((a) => a.state !== 'finished').length;
    write(`· ${t.threads}: ${alive} ${tx.state.sleeping} / ${threads.length}`, 400, C.muted);
  }
  const f = s.frozen;
  if (f !== null && vt >= f.from && vt < f.until) {
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.w, r.h, 8);
    ctx.fillStyle = pattern(ctx, 'cross', '#D55E0066');
    ctx.fill();
    ctx.lineWidth = 4;
    ctx.strokeStyle = C.verm;
    ctx.stroke();
    ctx.fillStyle = C.verm;
    ctx.font = font(px + 1, 700);
    ctx.textAlign = 'center';
    ctx.fillText(t.frozen(f.by, fmt(f.until)), r.x + r.w / 2, r.y + r.h - lh * 0.6, r.w - 20);
  }
  ctx.restore();
}
