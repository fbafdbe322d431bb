/**
 * The queue in the middle: `maxsize` slots (or, unbounded, as many as it holds), the items in the order they will
 * leave, the next one out at the consumers' end. Too many to label: the first ones are labelled and a gauge shows
 * the rest.
 */
import type { Snapshot } from '../../worker/snapshot';
import type { Dict } from '../i18n';
import { drawItem } from './glyphs';
import type { Rect } from './layout';
import { C, font, pattern } from './palette';

export interface BufferDrawn {
  /** Item chips drawn (labelled items), and the count the scene states. */
  items: number;
  /** The item chips drawn, next out first: each item's serial and label. */
  chips: { serial: number; label: string }[];
  count: number;
  slots: number;
  full: boolean;
  /** Where items come in and go out, for the moving tokens. */
  entry: { x: number; y: number };
  exit: { x: number; y: number };
}

export interface BufferGeometry {
  pipe: Rect;
  inner: Rect;
  grid: { cols: number; rows: number; w: number; h: number };
  /** Slot k's rectangle (slot 0: the next out). */
  at: (k: number) => Rect;
  slots: number;
  overflow: boolean;
  /** How many items are drawn as chips (the rest are counted). */
  labelled: number;
  arrowW: number;
  entry: { x: number; y: number };
  exit: { x: number; y: number };
}

export function queueTitle(s: Snapshot): string {
  if (s.queueKind === 'queue.Queue') return 'queue.Queue()';
  return `asyncio.${s.queueKind}(maxsize=${s.maxsize})`;
}

function orderNote(s: Snapshot, tx: Dict): string {
  if (s.queueKind === 'LifoQueue') return tx.scene.lifo;
  if (s.queueKind === 'PriorityQueue') return tx.scene.priority;
  if (s.queueKind === 'queue.Queue') return tx.scene.threadQueue;
  return tx.scene.fifo;
}

/** Where the queue's pipe, its slots and its ends are, for the snapshot `s` in `area`. */
export function bufferGeometry(area: Rect, s: Snapshot): BufferGeometry {
  const bounded = s.maxsize > 0;
  const count = s.bufferCount;
  const arrowW = 26;
  // how many slots to draw, and how big; the pipe is as tall as its rows, centred in the area
  const want = bounded ? s.maxsize : Math.max(count, 1);
  const room: Rect = { x: area.x + arrowW + 6, y: area.y + 30, w: area.w - arrowW * 2 - 12, h: area.h - 30 - 24 };
  const grid = slotGrid(room, want);
  const pipeH = grid.rows * (grid.h + 4) - 4 + 12;
  const pipe: Rect = { x: area.x + arrowW, y: room.y - 6 + Math.max(0, (room.h - pipeH + 12) / 2), w: area.w - arrowW * 2, h: pipeH };
  const inner: Rect = { x: pipe.x + 6, y: pipe.y + 6, w: pipe.w - 12, h: pipe.h - 12 };
  const capacity = grid.cols * grid.rows;
  const slots = Math.min(want, capacity);
  const overflow = want > capacity;
  const labelled = overflow ? Math.min(count, capacity - 1) : count;
  const at = (k: number): Rect => {
    const col = k % grid.cols;
    const row = Math.floor(k / grid.cols);
    // slot 0 (the next out) at the right end of the first row, then leftwards
    return { x: inner.x + inner.w - (col + 1) * grid.w - col * 4 + 2, y: inner.y + row * (grid.h + 4), w: grid.w, h: grid.h };
  };
  const midY = pipe.y + Math.min(pipe.h / 2, grid.h / 2 + 6);
  const exit = { x: pipe.x + pipe.w + 4, y: midY };
  const entry = s.queueKind === 'LifoQueue' ? { x: pipe.x + pipe.w + 4, y: midY + Math.min(18, pipe.h / 4) } : { x: pipe.x - 4, y: midY };
  return { pipe, inner, grid, at, slots, overflow, labelled, arrowW, entry, exit };
}

function emptySlot(ctx: CanvasRenderingContext2D, r: Rect): void {
  ctx.save();
  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = C.line;
  ctx.lineWidth = 1;
  ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
  ctx.restore();
}

/** Draws the queue; `hidden(serial)`: the item is drawn elsewhere (in flight), its slot is left empty. */
export function drawBuffer(ctx: CanvasRenderingContext2D, area: Rect, s: Snapshot, tx: Dict, px: number, hidden: (serial: number) => boolean = () => false): BufferDrawn {
  const bounded = s.maxsize > 0;
  const count = s.bufferCount;
  const full = bounded && count >= s.maxsize;
  const lifo = s.queueKind === 'LifoQueue';
  // the line above the pipe: the order rule, and the count
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.font = font(px - 1, 400);
  ctx.fillStyle = C.muted;
  ctx.textAlign = 'left';
  ctx.fillText(orderNote(s, tx), area.x, area.y + 10, area.w * 0.6);
  ctx.textAlign = 'right';
  ctx.font = font(px + 1, 700);
  ctx.fillStyle = full ? C.verm : C.ink;
  const label = count === 0 ? tx.scene.empty : `${full ? `${tx.scene.full} ` : ''}${tx.scene.count(count, s.maxsize)}`;
  ctx.fillText(label, area.x + area.w, area.y + 10);
  ctx.restore();

  const g = bufferGeometry(area, s);
  const { pipe, at, slots, overflow, labelled, arrowW } = g;
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(pipe.x, pipe.y, pipe.w, pipe.h, 8);
  ctx.fillStyle = full ? '#fdebe1' : C.panel;
  ctx.fill();
  if (full) {
    ctx.fillStyle = pattern(ctx, 'hatch', '#D55E0030');
    ctx.fill();
  }
  ctx.lineWidth = full ? 4 : 2;
  ctx.strokeStyle = full ? C.verm : C.line;
  ctx.stroke();
  ctx.restore();

  const chips: { serial: number; label: string }[] = [];
  for (let k = 0; k < slots; k++) {
    const r = at(k);
    const serial = s.bufferKeys[k] ?? -1;
    // an item on its way in is drawn where it flies, not yet here
    if (k < labelled && hidden(serial)) {
      emptySlot(ctx, r);
    } else if (k < labelled) {
      drawItem(ctx, s.buffer[k] ?? '', r.x, r.y, r.w, r.h, Math.min(px, r.h * 0.5));
      chips.push({ serial, label: s.buffer[k] ?? '' });
    } else if (!(overflow && k === slots - 1 && count > labelled)) emptySlot(ctx, r);
  }
  if (overflow && count > labelled) {
    const r = at(slots - 1);
    ctx.save();
    ctx.fillStyle = C.ink;
    ctx.font = font(Math.min(px, r.h * 0.5), 700);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(tx.scene.more(count - labelled), r.x + r.w / 2, r.y + r.h / 2, r.w);
    ctx.restore();
  }
  // the gauge under the pipe: how full the queue is
  if (bounded) {
    const gy = pipe.y + pipe.h + 6;
    ctx.fillStyle = '#e8e6de';
    ctx.fillRect(pipe.x, gy, pipe.w, 8);
    ctx.fillStyle = full ? C.verm : C.blue;
    ctx.fillRect(pipe.x, gy, (pipe.w * Math.min(count, s.maxsize)) / s.maxsize, 8);
  }
  // in and out
  const { entry, exit } = g;
  arrow(ctx, pipe.x + pipe.w + 2, exit.y, arrowW - 4, tx.scene.out, px);
  if (lifo) arrowBack(ctx, pipe.x + pipe.w + arrowW - 2, entry.y, arrowW - 4, tx.scene.in, px);
  else arrow(ctx, area.x + 1, entry.y, arrowW - 4, tx.scene.in, px);
  return { items: labelled, chips, count, slots, full, entry, exit };
}

/** Columns and rows of slots for n slots in `r`: the fewest rows whose slots are at least 30 px wide. */
function slotGrid(r: Rect, n: number): { cols: number; rows: number; w: number; h: number } {
  const gap = 4;
  const MIN_W = 30;
  let best = { cols: 1, rows: 1, w: Math.min(72, r.w), h: Math.min(48, r.h) };
  for (let rows = 1; rows <= 60; rows++) {
    const h = Math.min(48, (r.h - gap * (rows - 1)) / rows);
    if (h < 18 && rows > 1) break;
    const cols = Math.max(1, Math.ceil(n / rows));
    const w = Math.min(72, (r.w - gap * (cols - 1)) / cols);
    const fits = w >= MIN_W;
    best = { cols: fits ? cols : Math.max(1, Math.floor((r.w + gap) / (MIN_W + gap))), rows, w: fits ? w : MIN_W, h };
    if (fits) break;
  }
  return best;
}

function arrow(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, label: string, px: number): void {
  ctx.save();
  ctx.strokeStyle = C.ink;
  ctx.fillStyle = C.ink;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w - 6, y);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x + w, y);
  ctx.lineTo(x + w - 8, y - 6);
  ctx.lineTo(x + w - 8, y + 6);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(px - 3, 600);
  ctx.textAlign = 'center';
  ctx.fillText(label, x + w / 2, y - 12);
  ctx.restore();
}

function arrowBack(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, label: string, px: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(-1, 1);
  arrow(ctx, 0, 0, w, '', px);
  ctx.restore();
  ctx.save();
  ctx.font = font(px - 3, 600);
  ctx.textAlign = 'center';
  ctx.fillStyle = C.ink;
  ctx.fillText(label, x - w / 2, y + 14);
  ctx.restore();
}
