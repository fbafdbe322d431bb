/**
 * How each actor state looks: an icon, a border, a fill pattern and a colour, so that two states never differ by
 * colour alone. Shared by the scene and the legend.
 */
import type { State } from '../../worker/protocol';
import { C, font, pattern, type PatternName } from './palette';
import { isolate } from '../userText';

export type Icon = 'play' | 'chevrons' | 'moon' | 'stop' | 'hourglass' | 'zz' | 'ring' | 'lock' | 'join' | 'check' | 'cross' | 'warn' | 'circle';
export type Border = 'solid' | 'thick' | 'dashed' | 'dotted' | 'double';

export interface Look {
  icon: Icon;
  color: string;
  fill: string;
  border: Border;
  pattern: PatternName | null;
  /** Dimmed: the actor is gone (finished, exited, cancelled). */
  faded: boolean;
}

const look = (icon: Icon, color: string, fill: string, border: Border, pat: PatternName | null = null, faded = false): Look => ({
  icon,
  color,
  fill,
  border,
  pattern: pat,
  faded,
});

const LOOKS: Record<State, Look> = {
  ready: look('chevrons', C.blue, '#eef6fb', 'solid'),
  running: look('play', C.blue, '#d7ebf7', 'thick'),
  sleeping: look('moon', C.orange, '#fff6e3', 'dashed'),
  blocked_put: look('stop', C.verm, '#fde3d3', 'double', 'hatch'),
  waiting_get: look('hourglass', C.sky, '#ffffff', 'dotted'),
  polling: look('zz', C.orange, '#fff6e3', 'dashed', 'dots'),
  busy: look('ring', C.blue, '#e3f0f9', 'solid'),
  blocking: look('lock', C.verm, '#f3f3f3', 'thick', 'cross'),
  waiting_join: look('join', C.purple, '#f9edf4', 'dashed'),
  waiting: look('hourglass', C.purple, '#f9edf4', 'dotted'),
  finished: look('check', C.green, '#f1f1ee', 'solid', null, true),
  cancelled: look('cross', C.grey, '#f1f1ee', 'dashed', 'hatch', true),
  crashed: look('warn', C.verm, '#fbe0e0', 'thick', 'stripes'),
  not_started: look('circle', C.grey, '#ffffff', 'dotted', null, true),
};

export const lookOf = (state: State): Look => LOOKS[state];

/** A rounded (task) or square (thread) card outline. */
export function cardPath(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, thread: boolean): void {
  ctx.beginPath();
  if (thread) ctx.rect(x, y, w, h);
  else ctx.roundRect(x, y, w, h, Math.min(10, h / 4));
}

/** Fill, pattern and border of a card in the given look. */
export function drawFrame(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, lk: Look, thread: boolean): void {
  ctx.save();
  ctx.globalAlpha = lk.faded ? 0.55 : 1;
  cardPath(ctx, x, y, w, h, thread);
  ctx.fillStyle = lk.fill;
  ctx.fill();
  if (lk.pattern !== null) {
    ctx.fillStyle = pattern(ctx, lk.pattern, lk.pattern === 'dots' ? '#e6b35c' : lk.color + '55');
    ctx.fill();
  }
  ctx.strokeStyle = lk.color;
  ctx.lineWidth = lk.border === 'thick' ? 3.5 : lk.border === 'double' ? 2 : 1.8;
  ctx.setLineDash(lk.border === 'dashed' ? [7, 4] : lk.border === 'dotted' ? [2, 3] : []);
  ctx.stroke();
  if (lk.border === 'double') {
    cardPath(ctx, x + 4, y + 4, w - 8, h - 8, thread);
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (thread) {
    // a thread: a striped spine down its left edge
    ctx.fillStyle = pattern(ctx, 'stripes', '#444444');
    ctx.fillRect(x, y, Math.min(8, w / 8), h);
  }
  ctx.restore();
}

/**
 * A task that waits forever (a hang): a dashed double outline in vermilion around its card, so that it differs
 * from every other state by shape, not colour alone (blocked_put's double outline is solid).
 */
export function drawForever(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, thread: boolean): void {
  ctx.save();
  ctx.strokeStyle = C.verm;
  ctx.lineWidth = 2.5;
  ctx.setLineDash([8, 4]);
  cardPath(ctx, x - 3, y - 3, w + 6, h + 6, thread);
  ctx.stroke();
  cardPath(ctx, x + 3, y + 3, w - 6, h - 6, thread);
  ctx.stroke();
  ctx.restore();
}

/** The state's icon, centred at (cx, cy), `r` its radius. `frac` (0-1) fills the countdown of a sleep or service. */
export function drawIcon(ctx: CanvasRenderingContext2D, icon: Icon, cx: number, cy: number, r: number, color: string, frac = 1): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = Math.max(1.5, r / 6);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  switch (icon) {
    case 'play':
      ctx.moveTo(cx - r * 0.6, cy - r * 0.8);
      ctx.lineTo(cx + r * 0.8, cy);
      ctx.lineTo(cx - r * 0.6, cy + r * 0.8);
      ctx.closePath();
      ctx.fill();
      break;
    case 'chevrons':
      for (const dx of [-0.45, 0.25]) {
        ctx.moveTo(cx + (dx - 0.3) * r, cy - 0.6 * r);
        ctx.lineTo(cx + (dx + 0.2) * r, cy);
        ctx.lineTo(cx + (dx - 0.3) * r, cy + 0.6 * r);
      }
      ctx.stroke();
      break;
    case 'moon':
      ctx.arc(cx, cy, r * 0.8, Math.PI * 0.25, Math.PI * 1.75);
      ctx.arc(cx + r * 0.35, cy - r * 0.1, r * 0.55, Math.PI * 1.6, Math.PI * 0.4, true);
      ctx.closePath();
      ctx.fill();
      break;
    case 'stop': {
      for (let k = 0; k < 8; k++) {
        const a = Math.PI / 8 + (k * Math.PI) / 4;
        ctx.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
      }
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(cx - r * 0.55, cy - r * 0.14, r * 1.1, r * 0.28);
      break;
    }
    case 'hourglass':
      ctx.moveTo(cx - r * 0.6, cy - r * 0.85);
      ctx.lineTo(cx + r * 0.6, cy - r * 0.85);
      ctx.lineTo(cx - r * 0.6, cy + r * 0.85);
      ctx.lineTo(cx + r * 0.6, cy + r * 0.85);
      ctx.closePath();
      ctx.stroke();
      break;
    case 'zz':
      for (const [dx, dy, s] of [
        [-0.45, 0.1, 0.7],
        [0.35, -0.35, 0.5],
      ] as const) {
        const w = r * s;
        ctx.moveTo(cx + dx * r - w / 2, cy + dy * r - w / 2);
        ctx.lineTo(cx + dx * r + w / 2, cy + dy * r - w / 2);
        ctx.lineTo(cx + dx * r - w / 2, cy + dy * r + w / 2);
        ctx.lineTo(cx + dx * r + w / 2, cy + dy * r + w / 2);
      }
      ctx.stroke();
      break;
    case 'ring':
      ctx.arc(cx, cy, r * 0.85, 0, Math.PI * 2);
      ctx.globalAlpha = 0.25;
      ctx.stroke();
      break;
    case 'lock':
      ctx.rect(cx - r * 0.65, cy - r * 0.1, r * 1.3, r * 0.95);
      ctx.fill();
      ctx.beginPath();
      ctx.arc(cx, cy - r * 0.15, r * 0.45, Math.PI, 0);
      ctx.stroke();
      break;
    case 'join':
      ctx.moveTo(cx - r * 0.8, cy - r * 0.6);
      ctx.quadraticCurveTo(cx - r * 0.1, cy - r * 0.6, cx, cy);
      ctx.moveTo(cx - r * 0.8, cy + r * 0.6);
      ctx.quadraticCurveTo(cx - r * 0.1, cy + r * 0.6, cx, cy);
      ctx.lineTo(cx + r * 0.8, cy);
      ctx.stroke();
      break;
    case 'check':
      ctx.moveTo(cx - r * 0.7, cy);
      ctx.lineTo(cx - r * 0.15, cy + r * 0.6);
      ctx.lineTo(cx + r * 0.75, cy - r * 0.6);
      ctx.stroke();
      break;
    case 'cross':
      ctx.moveTo(cx - r * 0.6, cy - r * 0.6);
      ctx.lineTo(cx + r * 0.6, cy + r * 0.6);
      ctx.moveTo(cx + r * 0.6, cy - r * 0.6);
      ctx.lineTo(cx - r * 0.6, cy + r * 0.6);
      ctx.stroke();
      break;
    case 'circle':
      ctx.arc(cx, cy, r * 0.7, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case 'warn':
      ctx.moveTo(cx, cy - r * 0.9);
      ctx.lineTo(cx + r * 0.9, cy + r * 0.75);
      ctx.lineTo(cx - r * 0.9, cy + r * 0.75);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(cx - r * 0.08, cy - r * 0.4, r * 0.16, r * 0.6);
      ctx.fillRect(cx - r * 0.08, cy + r * 0.35, r * 0.16, r * 0.16);
      break;
  }
  // the countdown of a timed state: an arc of what is left
  if (frac < 1 || icon === 'ring') {
    ctx.beginPath();
    ctx.globalAlpha = 1;
    ctx.lineWidth = Math.max(3, r / 3.2);
    ctx.lineCap = 'butt';
    ctx.strokeStyle = color;
    const start = -Math.PI / 2;
    ctx.arc(cx, cy, r * (icon === 'ring' ? 0.85 : 1.15), start, start + Math.PI * 2 * Math.max(0, Math.min(1, frac)));
    ctx.stroke();
  }
  ctx.restore();
}

/** An item chip: the value on a yellow token; None (a sentinel) is a black token. */
export function drawItem(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, w: number, h: number, fontPx: number): void {
  const sentinel = label === 'None';
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(6, h / 3));
  ctx.fillStyle = sentinel ? C.sentinel : C.item;
  ctx.fill();
  ctx.lineWidth = 1.4;
  ctx.strokeStyle = sentinel ? '#000000' : C.itemEdge;
  ctx.stroke();
  if (fontPx >= 7) {
    ctx.fillStyle = sentinel ? '#ffffff' : C.ink;
    ctx.font = font(fontPx, 600);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(isolate(label), x + w / 2, y + h / 2 + 0.5, w - 4);
  }
  ctx.restore();
}
