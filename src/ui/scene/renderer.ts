/**
 * The scene's drawing, outside React: at each frame of the page's frame loop it is handed the latest two snapshots
 * and what the page shows them with, interpolates the virtual clock between them (countdowns move smoothly at any
 * speed) and draws producers, queue, consumers, the loop strip and the items in flight on one canvas.
 */
import type { ActorSnap, Snapshot } from '../../worker/snapshot';
import type { Dict } from '../i18n';
import { clockAt, type SnapshotPair } from '../frame/clock';
import type { Frame } from '../frame/frameLoop';
import { drawActorCard } from './actorCard';
import { bufferGeometry, drawBuffer, queueTitle, type BufferDrawn } from './bufferView';
import { FlightPace } from './flightPace';
import { route, type Pt } from './flightPath';
import { Flights } from './flights';
import { layoutScene, NARROW_BELOW, type Rect, type SceneLayout } from './layout';
import { drawLoopStrip } from './loopStrip';
import { C, font } from './palette';
import { markFirstFrame } from './firstFrame';
import { sceneStats, type Chip } from './sceneStats';
import { reducedMotion } from '../a11y/motion';

/** What a frame of the scene draws: the snapshots, and what the page shows them with. */
export interface SceneInput extends SnapshotPair {
  /** The page's words. */
  tx: Dict;
  /** How much larger the picture is drawn (presenter mode). */
  zoom: number;
  /** The task picked by a click, ringed in the picture. */
  selected: string | null;
}

/** Shown at most: beyond this, the oldest cancelled or exited workers leave the picture. */
const MAX_SHOWN = 64;
/** Off screen, the picture is drawn again at most this often (ms): nobody sees it, the test hook's facts stay fresh. */
const OFF_SCREEN_MS = 500;

function visible(actors: ActorSnap[]): ActorSnap[] {
  if (actors.length <= MAX_SHOWN) return actors;
  let drop = actors.length - MAX_SHOWN;
  return actors.filter((a) => {
    if (drop > 0 && (a.state === 'cancelled' || a.state === 'finished')) {
      drop--;
      return false;
    }
    return true;
  });
}

export class SceneRenderer {
  private layout: SceneLayout | null = null;
  private layoutKey = '';
  private width = 0;
  /** CSS pixels per layout pixel (1, or larger in presenter mode). */
  private zoom = 1;
  private readonly starts = new Map<number, { until: number; start: number }>();
  private readonly flights = new Flights();
  private readonly pace = new FlightPace();
  private lastN = -1;
  private lastRun = -1;
  private lastVt = NaN;
  private wasFlying = false;
  private lastDrawn = -Infinity;
  /** The cards drawn last, for clicks (hitTest), and the task picked when they were drawn. */
  private hits: { name: string; r: Rect; state: string; hung: boolean }[] = [];
  private lastSel: string | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly wrap: HTMLElement,
  ) {
    this.resized();
  }

  /** The canvas's box changed: the next frame lays the picture out for its width. */
  resized(): void {
    this.width = this.wrap.clientWidth;
  }

  /** Off screen: the charts below are being read. */
  offScreen(frame: Frame, input: SceneInput): void {
    const cur = input.cur;
    if (cur === null || this.width === 0) return;
    // the scene (dozens of cards of text) need not be drawn at display rate; the countdowns still learn when each
    // sleep began, from the snapshot that first shows it
    if (frame.now - this.lastDrawn < OFF_SCREEN_MS) {
      if (cur.n !== this.lastN || cur.run !== this.lastRun) this.noteStarts(cur);
      return;
    }
    this.draw(frame, input);
  }

  /** Draws the frame at `now`, unless nothing moved since the last. */
  draw({ now, dpr: screenDpr }: Frame, { prev, cur, tx, zoom, selected: sel }: SceneInput): void {
    if (cur === null || this.width === 0) return;
    const producers = visible(cur.actors.filter((a) => a.role === 'producer'));
    const consumers = visible(cur.actors.filter((a) => a.role === 'consumer'));
    // another screen or the browser's zoom changes the device pixels: the canvas is sized again
    const key = `${this.width}:${screenDpr}:${zoom}:${producers.length}:${consumers.length}:${tx.title}`;
    const fresh = cur.n !== this.lastN || cur.run !== this.lastRun;
    const vt = clockAt(prev, cur, now);
    const inAir = this.flights.busy(now);
    // nothing moved: keep the last picture (but draw once more after the last flight landed)
    if (key === this.layoutKey && !fresh && vt === this.lastVt && !inAir && !this.wasFlying && sel === this.lastSel) return;
    this.lastSel = sel;
    this.wasFlying = inAir;
    this.lastDrawn = now;
    if (key !== this.layoutKey) this.resize(key, screenDpr, zoom, producers.length, consumers.length);
    const L = this.layout!;
    if (cur.run !== this.lastRun) {
      this.starts.clear();
      this.flights.clear();
      this.pace.clear();
      sceneStats.maxBufferShown = 0;
    }
    this.lastVt = vt;
    const ctx = this.canvas.getContext('2d')!;
    const dpr = screenDpr * this.zoom;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, L.width, L.height);
    const px = L.fontPx;
    const thread = producers.some((a) => a.kind === 'thread');
    const title = queueTitle(cur);
    const titleBox = this.head(ctx, L.bufferHead, title, px, true);
    this.head(ctx, L.producersHead, `${tx.scene.producers}${thread ? ` (${tx.scene.thread})` : ''}`, px);
    // a program's own name for its consumers (the first article's customer-N) is said in the header, once
    const named = [...new Set(consumers.map((a) => a.name.replace(/-\d+$/, '')))].filter((n) => n !== 'consumer');
    this.head(ctx, L.consumersHead, named.length === 1 ? tx.scene.consumersNamed(named[0]!) : tx.scene.consumers, px);
    // reduced motion: no items flying; the buffer and the cards show each change where it lands
    const still = reducedMotion();
    sceneStats.reducedMotion = still;
    if (still) this.flights.clear();
    else if (fresh && cur.run === this.lastRun) this.spawn(cur, producers, consumers, now, titleBox, flightSize(px));
    this.flights.land(now);
    // an item in flight is drawn there only: not in its slot yet, not yet on the consumer's card
    const flying = (serial: number): boolean => serial >= 0 && this.flights.has(serial);
    const drawn = drawBuffer(ctx, L.buffer, cur, tx, px, flying);
    this.hits = [];
    const hung = hungTasks(cur);
    const chips: Chip[] = drawn.chips.map(({ serial, label }) => ({ key: String(serial), label, at: 'buffer' }));
    const cards = (list: ActorSnap[], rects: Rect[]): void =>
      list.forEach((a, i) => {
        const r = rects[i];
        if (r === undefined) return;
        const chip = drawActorCard(ctx, r, a, vt, this.startOf(a, cur), tx, px, hung.has(a.name), flying(a.serial));
        if (chip !== null) chips.push({ key: String(chip), label: a.item ?? '', at: a.name });
        this.hits.push({ name: a.name, r, state: a.state, hung: hung.has(a.name) });
      });
    const main = cur.actors.find((a) => a.role === 'main');
    if (main !== undefined) cards([main], [L.main]);
    cards(producers, L.producers);
    cards(consumers, L.consumers);
    const picked = this.hits.find((h) => h.name === sel);
    if (picked !== undefined) drawPicked(ctx, picked.r);
    sceneStats.frozenBy = drawLoopStrip(ctx, L.strip, cur, vt, tx, px);
    for (const { serial, label } of this.flights.draw(ctx, now, flightSize(px))) chips.push({ key: String(serial), label, at: 'flight' });
    sceneStats.calm = this.pace.calm(now);
    this.lastN = cur.n;
    this.lastRun = cur.run;
    this.record(cur, drawn, producers, consumers, L, chips);
  }

  /** The task whose card is at (x, y) in CSS pixels of the canvas, or null. */
  hitTest(cssX: number, cssY: number): string | null {
    const [x, y] = [cssX / this.zoom, cssY / this.zoom];
    const h = this.hits.find(({ r }) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
    return h?.name ?? null;
  }

  private resize(key: string, screenDpr: number, zoom: number, nProd: number, nCons: number): void {
    this.layoutKey = key;
    // presenter mode draws the same picture larger: laid out for a narrower canvas, then scaled up to fill it
    // (never so much that a wide canvas falls back to the stacked phone layout)
    this.zoom = Math.max(1, Math.min(zoom, this.width / NARROW_BELOW));
    const L = layoutScene(this.width / this.zoom, nProd, nCons);
    this.layout = L;
    const dpr = screenDpr * this.zoom;
    this.canvas.width = Math.round(L.width * dpr);
    this.canvas.height = Math.round(L.height * dpr);
    this.canvas.style.height = `${L.height * this.zoom}px`;
  }

  /** Draws a column's title; returns the box its text covers. */
  private head(ctx: CanvasRenderingContext2D, r: Rect, label: string, px: number, mono = false): Rect {
    ctx.save();
    ctx.fillStyle = C.ink;
    ctx.font = font(px + 2, 700, mono);
    ctx.textBaseline = 'middle';
    ctx.textAlign = mono ? 'center' : 'left';
    ctx.fillText(label, mono ? r.x + r.w / 2 : r.x, r.y + r.h / 2, r.w);
    const w = Math.min(r.w, ctx.measureText(label).width);
    ctx.restore();
    return { x: mono ? r.x + (r.w - w) / 2 : r.x, y: r.y, w, h: r.h };
  }

  /** Records when each actor's current sleep began, for a snapshot that is not drawn. */
  private noteStarts(cur: Snapshot): void {
    if (cur.run !== this.lastRun) return; // a new run: the next drawn frame starts afresh
    for (const a of cur.actors) this.startOf(a, cur);
  }

  /** When the actor's current sleep began: first seen with this end time. */
  private startOf(a: ActorSnap, cur: Snapshot): number {
    if (Number.isNaN(a.until)) return NaN;
    const s = this.starts.get(a.id);
    if (s !== undefined && s.until === a.until) return s.start;
    const start = Math.min(cur.simT, a.until);
    this.starts.set(a.id, { until: a.until, start });
    return start;
  }

  /**
   * Sends this snapshot's moves flying, unless more come than an eye can follow (then the picture is calm: items
   * appear where they land). Paths keep clear of the queue's title (`title`); one that cannot is not flown.
   */
  private spawn(cur: Snapshot, producers: ActorSnap[], consumers: ActorSnap[], now: number, title: Rect, size: number): void {
    const L = this.layout!;
    if (!this.pace.allow(now, cur.moves.length)) return;
    // from a producer's right edge (its bottom edge on a phone) to the queue, from the queue to a consumer's left
    const edge = (r: Rect | undefined, right: boolean): Pt | null =>
      r === undefined ? null : L.narrow ? { x: r.x + r.w / 2, y: right ? r.y + r.h : r.y } : { x: right ? r.x + r.w : r.x, y: r.y + r.h / 2 };
    const g = bufferGeometry(L.buffer, cur);
    const half = { w: size * 0.8 + 3, h: size * 0.5 + 3 };
    const pad: Rect = { x: title.x - 2, y: title.y, w: title.w + 4, h: title.h };
    for (const m of cur.moves) {
      if (m.serial < 0) continue;
      if (m.put) {
        const from = edge(L.producers[producers.findIndex((a) => a.id === m.actor)], true);
        const path = from === null ? null : route(from, g.entry, pad, half);
        if (path === null) continue;
        // it lands in its slot (if it is still in the queue and labelled there)
        const k = cur.bufferKeys.indexOf(m.serial);
        if (k >= 0 && k < g.labelled) {
          const r = g.at(k);
          path.push({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
        }
        this.flights.add(m.serial, m.label, path, now);
      } else {
        const to = edge(L.consumers[consumers.findIndex((a) => a.id === m.actor)], false);
        const path = to === null ? null : route(g.exit, to, pad, half);
        if (path !== null) this.flights.add(m.serial, m.label, path, now);
      }
    }
  }

  private record(cur: Snapshot, drawn: BufferDrawn, producers: ActorSnap[], consumers: ActorSnap[], L: SceneLayout, chips: Chip[]): void {
    if (sceneStats.frames++ === 0) markFirstFrame();
    sceneStats.width = L.width;
    sceneStats.height = L.height;
    sceneStats.bufferItems = drawn.items;
    sceneStats.bufferCount = drawn.count;
    sceneStats.bufferSlots = drawn.slots;
    sceneStats.maxsize = cur.maxsize;
    sceneStats.maxBufferShown = Math.max(sceneStats.maxBufferShown, drawn.count, drawn.items);
    sceneStats.producers = producers.map((a) => ({ name: a.name, state: a.state }));
    sceneStats.consumers = consumers.map((a) => ({ name: a.name, state: a.state }));
    const z = this.zoom;
    sceneStats.cards = this.hits.map(({ name, r, state, hung }) => ({ name, state, hung, x: r.x * z, y: r.y * z, w: r.w * z, h: r.h * z }));
    sceneStats.chips = chips;
  }
}

/** The tasks that wait forever: at a hang, those the end record lists as blocked. */
function hungTasks(cur: Snapshot): Set<string> {
  const out = new Set<string>();
  if (cur.end?.status !== 'hang') return out;
  for (const b of cur.end.blocked) if ('task' in b) out.add(b.task);
  return out;
}

/** A flying item's height: a little larger than the text, so it reads in motion. */
const flightSize = (px: number): number => Math.max(14, px + 4);

/** The picked task's card: a ring around it, in the code panel's highlight colour. */
function drawPicked(ctx: CanvasRenderingContext2D, r: Rect): void {
  ctx.save();
  ctx.lineWidth = 4;
  ctx.strokeStyle = '#c9a800';
  ctx.beginPath();
  ctx.roundRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6, 12);
  ctx.stroke();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = C.ink;
  ctx.beginPath();
  ctx.roundRect(r.x - 5.5, r.y - 5.5, r.w + 11, r.h + 11, 14);
  ctx.stroke();
  ctx.restore();
}
