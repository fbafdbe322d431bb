/**
 * The event loop's own lane along the bottom: the task running now (or the one that ran last), the tasks ready to
 * run, and who waits on what (main's included). A blocking time.sleep freezes the whole strip and says so on its
 * first line. Every piece is measured and laid out in lines; text is cut with an ellipsis only when one piece alone
 * is wider than the strip, and nothing is drawn over anything else.
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

/** One piece of the strip: words, maybe after an icon; `br`: it starts a new line. */
export interface Piece {
  text: string;
  weight: 400 | 600 | 700;
  color: string;
  icon?: [Icon, string];
  br?: boolean;
}

/** At most this many names are listed for one thing waited on; the rest are counted. */
const NAMES_SHOWN = 3;

const nameList = (names: string[]): string =>
  names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join(', ')} +${names.length - NAMES_SHOWN}` : names.join(', ');

/** Who waits on what, in the order the tasks were created: `Queue.get` -> [consumer-0, consumer-1]. */
export function waitGroups(actors: ActorSnap[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const a of actors) {
    if (a.kind === 'thread' || a.waitingOn === null || a.state === 'ready' || a.state === 'running') continue;
    const list = groups.get(a.waitingOn);
    if (list === undefined) groups.set(a.waitingOn, [a.name]);
    else list.push(a.name);
  }
  return [...groups.entries()];
}

/** The strip's pieces, in reading order. */
export function stripPieces(s: Snapshot, frozen: boolean, tx: Dict): Piece[] {
  const t = tx.scene;
  const out: Piece[] = [];
  if (frozen && s.frozen !== null) out.push({ text: t.frozen(s.frozen.by, fmt(s.frozen.until)), weight: 700, color: C.verm });
  out.push({ text: `${t.loop}:`, weight: 700, color: C.ink, br: out.length > 0 });
  if (s.running !== null) out.push({ text: `${t.running} ${s.running}`, weight: 700, color: C.blue, icon: ['play', C.blue] });
  else out.push({ text: `${t.lastRan} ${s.lastRan ?? t.none}`, weight: 600, color: C.muted });
  out.push({ text: `${t.ready} (${s.ready.length}): ${s.ready.length === 0 ? t.none : nameList(s.ready)}`, weight: 400, color: C.ink, icon: ['chevrons', C.blue] });
  const groups = waitGroups(s.actors);
  out.push({ text: `${t.waiting}:${groups.length === 0 ? ` ${t.none}` : ''}`, weight: 600, color: C.ink, br: true });
  for (const [on, names] of groups) {
    const shown = on === 'sleep' ? 'asyncio.sleep' : on.startsWith('task ') ? t.awaits(on.slice(5)) : on;
    out.push({ text: `${shown}: ${nameList(names)}`, weight: 400, color: C.ink, icon: WAIT_ICON[on] ?? ['hourglass', C.purple] });
  }
  const threads = s.actors.filter((a) => a.kind === 'thread');
  if (threads.length > 0) {
    const alive = threads.filter((a) => a.state !== 'finished' && a.state !== 'not_started').length;
    out.push({ text: `· ${t.threads}: ${alive} ${tx.state.sleeping} / ${threads.length}`, weight: 400, color: C.muted });
  }
  return out;
}

const ICON_W = 16;
const GAP = 10;

/** Where each piece goes: its line and x offset, and its text cut to fit (only a piece wider than a line is). */
export interface Placed {
  piece: Piece;
  line: number;
  x: number;
  text: string;
  w: number;
  /** The piece's first line (its icon is drawn there, not on the lines it wraps onto). */
  head: boolean;
}

/** The longest prefix length of `text` that `fits`. */
function fitting(text: string, fits: (t: string) => boolean): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(1, lo);
}

/** Lays the pieces out in lines of `width` (measured with `measure`); pieces past `maxLines` are left out. */
export function layoutPieces(pieces: Piece[], width: number, maxLines: number, measure: (p: Piece, text: string) => number): { placed: Placed[]; left: number } {
  const placed: Placed[] = [];
  let line = 0;
  let x = 0;
  let k = 0;
  for (; k < pieces.length; k++) {
    const p = pieces[k]!;
    const lead = p.icon === undefined ? 0 : ICON_W;
    let text = p.text;
    let w = lead + measure(p, text);
    if ((p.br === true && x > 0) || (x > 0 && x + w > width)) {
      line++;
      x = 0;
    }
    if (line >= maxLines) break;
    let first = true;
    // wider than a whole line: wrapped onto the lines below (at a space, or anywhere in Chinese)
    while (w > width && line + 1 < maxLines) {
      const cut = fitting(text, (t) => lead + measure(p, t) <= width);
      const space = text.lastIndexOf(' ', cut);
      const at = space > cut / 2 ? space : cut;
      const head = text.slice(0, at);
      placed.push({ piece: p, line, x, text: head, w: lead + measure(p, head), head: first });
      first = false;
      text = text.slice(at).trimStart();
      w = lead + measure(p, text);
      line++;
    }
    if (w > width) {
      // the last line, and still too wide: the last resort, an ellipsis
      text = `${text.slice(0, fitting(text, (t) => lead + measure(p, `${t}…`) <= width))}…`;
      w = lead + measure(p, text);
    }
    placed.push({ piece: p, line, x, text, w, head: first });
    x += w + GAP;
  }
  return { placed, left: pieces.length - k };
}

/** Draws the strip; returns who froze the loop (a blocking time.sleep under way at `vt`), or null. */
export function drawLoopStrip(ctx: CanvasRenderingContext2D, r: Rect, s: Snapshot, vt: number, tx: Dict, px: number): string | null {
  const f = s.frozen;
  // the engine's view at the shown moment says whether its sleeper is still inside time.sleep: the strip and the
  // card agree, whatever the clock between two snapshots
  const frozen = f !== null && vt < f.until && s.actors.some((a) => a.name === f.by && a.state === 'blocking');
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, 8);
  ctx.fillStyle = '#f1efe7';
  ctx.fill();
  if (frozen) {
    ctx.fillStyle = pattern(ctx, 'cross', '#D55E0033');
    ctx.fill();
  }
  ctx.strokeStyle = frozen ? C.verm : C.line;
  ctx.lineWidth = frozen ? 4 : 1.5;
  ctx.stroke();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const lh = Math.round(px * 1.45);
  const padX = 10;
  const maxLines = Math.max(1, Math.floor((r.h - 8) / lh));
  const measure = (p: Piece, text: string): number => {
    ctx.font = font(p === pieces[0] && frozen ? px + 1 : px, p.weight);
    return ctx.measureText(text).width;
  };
  const pieces = stripPieces(s, frozen, tx);
  const { placed } = layoutPieces(pieces, r.w - padX * 2, maxLines, measure);
  const top = r.y + (r.h - maxLines * lh) / 2 + lh / 2;
  for (const p of placed) {
    const x = r.x + padX + p.x;
    const y = top + p.line * lh;
    let tx0 = x;
    if (p.piece.icon !== undefined && p.head) {
      drawIcon(ctx, p.piece.icon[0], x + 6, y, 6, p.piece.icon[1]);
      tx0 += ICON_W;
    }
    if (frozen && p.piece === pieces[0]) {
      // the frozen line on a plain ground: readable over the pattern
      ctx.fillStyle = '#fdf1ea';
      ctx.fillRect(x - 4, y - lh / 2 + 1, p.w + 8, lh - 2);
    }
    ctx.font = font(frozen && p.piece === pieces[0] ? px + 1 : px, p.piece.weight);
    ctx.fillStyle = p.piece.color;
    ctx.fillText(p.text, tx0, y);
  }
  ctx.restore();
  return frozen ? f.by : null;
}
