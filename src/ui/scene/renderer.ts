/**
 * The scene's draw loop, outside React: at display rate it takes the latest two snapshots, interpolates the
 * virtual clock between them (countdowns move smoothly at any speed) and draws producers, queue, consumers, the
 * loop strip and the items in flight on one canvas.
 */
import type { ActorSnap, Snapshot } from '../../worker/snapshot';
import { text } from '../i18n';
import { drawActorCard } from './actorCard';
import { drawBuffer, queueTitle, type BufferDrawn } from './bufferView';
import { Flights } from './flights';
import { layoutScene, NARROW_BELOW, type Rect, type SceneLayout } from './layout';
import { drawLoopStrip } from './loopStrip';
import { C, font } from './palette';
import { markFirstFrame } from './firstFrame';
import { sceneStats } from './sceneStats';
import { reducedMotion } from '../a11y/motion';
import { sceneZoom } from '../teach/view';

/** What the scene draws: the latest two snapshots, and the task the reader picked. */
export type SnapshotSource = () => { prev: Snapshot | null; cur: Snapshot | null; selected: string | null };

/** Shown at most: beyond this, the oldest cancelled or exited workers leave the picture. */
const MAX_SHOWN = 64;
/** Items in flight are drawn only when a snapshot brings this few moves. */
const MAX_MOVES_SHOWN = 8;
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
  private raf = 0;
  private layout: SceneLayout | null = null;
  private layoutKey = '';
  private width = 0;
  /** CSS pixels per layout pixel (1, or larger in presenter mode). */
  private zoom = 1;
  private readonly starts = new Map<number, { until: number; start: number }>();
  private readonly flights = new Flights();
  private lastN = -1;
  private lastRun = -1;
  private lastVt = NaN;
  private wasFlying = false;
  private observer: ResizeObserver | null = null;
  private seen: IntersectionObserver | null = null;
  private onScreen = true;
  private lastDrawn = -Infinity;
  /** The cards drawn last, for clicks (hitTest), and the task picked when they were drawn. */
  private hits: { name: string; r: Rect }[] = [];
  private lastSel: string | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly wrap: HTMLElement,
    private readonly source: SnapshotSource,
  ) {}

  start(): void {
    this.width = this.wrap.clientWidth;
    this.observer = new ResizeObserver(() => {
      this.width = this.wrap.clientWidth;
    });
    this.observer.observe(this.wrap);
    if (typeof IntersectionObserver !== 'undefined') {
      this.seen = new IntersectionObserver((es) => {
        // the last of the changes a callback may carry is where the canvas stands now
        this.onScreen = es[es.length - 1]?.isIntersecting ?? true;
      });
      this.seen.observe(this.canvas);
    }
    const loop = (now: number): void => {
      this.frame(now);
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    this.observer?.disconnect();
    this.seen?.disconnect();
  }

  private clock(prev: Snapshot | null, cur: Snapshot, now: number): number {
    if (prev === null || prev.run !== cur.run || cur.recv <= prev.recv || !cur.playing) return cur.t;
    const a = Math.max(0, Math.min(1, (now - cur.recv) / (cur.recv - prev.recv)));
    return prev.t + (cur.t - prev.t) * a;
  }

  private frame(now: number): void {
    const { prev, cur, selected: sel } = this.source();
    if (cur === null || this.width === 0) return;
    // the charts below are being read: the scene (dozens of cards of text) need not be drawn at display rate; the
    // countdowns still learn when each sleep began, from the snapshot that first shows it
    if (!this.onScreen && now - this.lastDrawn < OFF_SCREEN_MS) {
      if (cur.n !== this.lastN || cur.run !== this.lastRun) this.noteStarts(cur);
      return;
    }
    const producers = visible(cur.actors.filter((a) => a.role === 'producer'));
    const consumers = visible(cur.actors.filter((a) => a.role === 'consumer'));
    const tx = text();
    const key = `${this.width}:${sceneZoom()}:${producers.length}:${consumers.length}:${tx.title}`;
    const fresh = cur.n !== this.lastN || cur.run !== this.lastRun;
    const vt = this.clock(prev, cur, now);
    const flying = this.flights.busy(now);
    // nothing moved: keep the last picture (but draw once more after the last flight landed)
    if (key === this.layoutKey && !fresh && vt === this.lastVt && !flying && !this.wasFlying && sel === this.lastSel) return;
    this.lastSel = sel;
    this.wasFlying = flying;
    this.lastDrawn = now;
    if (key !== this.layoutKey) this.resize(key, producers.length, consumers.length);
    const L = this.layout!;
    if (cur.run !== this.lastRun) {
      this.starts.clear();
      this.flights.clear();
      sceneStats.maxBufferShown = 0;
    }
    this.lastVt = vt;
    const ctx = this.canvas.getContext('2d')!;
    const dpr = (window.devicePixelRatio || 1) * this.zoom;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, L.width, L.height);
    const px = L.fontPx;
    const thread = producers.some((a) => a.kind === 'thread');
    this.head(ctx, L.producersHead, `${tx.scene.producers}${thread ? ` (${tx.scene.thread})` : ''}`, px);
    this.head(ctx, L.bufferHead, queueTitle(cur), px, true);
    this.head(ctx, L.consumersHead, tx.scene.consumers, px);
    const drawn = drawBuffer(ctx, L.buffer, cur, tx, px);
    this.hits = [];
    const cards = (list: ActorSnap[], rects: Rect[]): void =>
      list.forEach((a, i) => {
        const r = rects[i];
        if (r === undefined) return;
        drawActorCard(ctx, r, a, vt, this.startOf(a, cur), tx, px);
        this.hits.push({ name: a.name, r });
      });
    cards(producers, L.producers);
    cards(consumers, L.consumers);
    const picked = this.hits.find((h) => h.name === sel);
    if (picked !== undefined) drawPicked(ctx, picked.r);
    drawLoopStrip(ctx, L.strip, cur, vt, tx, px);
    // reduced motion: no items flying; the buffer and the cards show each change where it lands
    const still = reducedMotion();
    sceneStats.reducedMotion = still;
    if (fresh && cur.run === this.lastRun && !still) this.spawn(cur, producers, consumers, drawn, now);
    if (still) this.flights.clear();
    else this.flights.draw(ctx, now, Math.max(14, px + 4));
    this.lastN = cur.n;
    this.lastRun = cur.run;
    this.record(cur, drawn, producers, consumers, L);
  }

  /** The task whose card is at (x, y) in CSS pixels of the canvas, or null. */
  hitTest(cssX: number, cssY: number): string | null {
    const [x, y] = [cssX / this.zoom, cssY / this.zoom];
    const h = this.hits.find(({ r }) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
    return h?.name ?? null;
  }

  private resize(key: string, nProd: number, nCons: number): void {
    this.layoutKey = key;
    // presenter mode draws the same picture larger: laid out for a narrower canvas, then scaled up to fill it
    // (never so much that a wide canvas falls back to the stacked phone layout)
    this.zoom = Math.max(1, Math.min(sceneZoom(), this.width / NARROW_BELOW));
    const L = layoutScene(this.width / this.zoom, nProd, nCons);
    this.layout = L;
    const dpr = (window.devicePixelRatio || 1) * this.zoom;
    this.canvas.width = Math.round(L.width * dpr);
    this.canvas.height = Math.round(L.height * dpr);
    this.canvas.style.height = `${L.height * this.zoom}px`;
  }

  private head(ctx: CanvasRenderingContext2D, r: Rect, label: string, px: number, mono = false): void {
    ctx.save();
    ctx.fillStyle = C.ink;
    ctx.font = font(px + 2, 700, mono);
    ctx.textBaseline = 'middle';
    ctx.textAlign = mono ? 'center' : 'left';
    ctx.fillText(label, mono ? r.x + r.w / 2 : r.x, r.y + r.h / 2, r.w);
    ctx.restore();
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

  private spawn(cur: Snapshot, producers: ActorSnap[], consumers: ActorSnap[], drawn: BufferDrawn, now: number): void {
    const L = this.layout!;
    // from a producer's right edge (its bottom edge on a phone) to the queue, from the queue to a consumer's left
    const edge = (r: Rect | undefined, right: boolean) =>
      r === undefined ? null : L.narrow ? { x: r.x + r.w / 2, y: right ? r.y + r.h : r.y } : { x: right ? r.x + r.w : r.x, y: r.y + r.h / 2 };
    // more moves than an eye can follow in one frame: the buffer and the counters tell it better
    if (cur.moves.length > MAX_MOVES_SHOWN) return;
    for (const m of cur.moves) {
      if (m.put) {
        const from = edge(L.producers[producers.findIndex((a) => a.id === m.actor)], true);
        if (from !== null) this.flights.add(m.label, from, drawn.entry, now);
      } else {
        const to = edge(L.consumers[consumers.findIndex((a) => a.id === m.actor)], false);
        if (to !== null) this.flights.add(m.label, drawn.exit, to, now);
      }
    }
  }

  private record(cur: Snapshot, drawn: BufferDrawn, producers: ActorSnap[], consumers: ActorSnap[], L: SceneLayout): void {
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
    sceneStats.cards = this.hits.map(({ name, r }) => ({ name, x: r.x * z, y: r.y * z, w: r.w * z, h: r.h * z }));
  }
}

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
