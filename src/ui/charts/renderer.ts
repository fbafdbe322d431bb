/**
 * The charts' draw loop, outside React: at display rate it reads the client's chart data, interpolates the run's
 * clock between the latest two snapshots (so the window glides, whatever the points' pace), and redraws only what
 * moved and is on screen. Paused, nothing moves and nothing is drawn; frozen, the window holds still while points
 * keep arriving behind it. The window glides about a fifth of a pixel a frame (30 s of wall time across the
 * chart), so it is redrawn when it has moved a device pixel or new points came, not at every frame.
 */
import uPlot from 'uplot';
import type { ChartData } from '../../worker/chartData';
import type { Snapshot } from '../../worker/snapshot';
import { chartStats, MIN_WINDOW, windowFor } from './chartView';
import { barChartOptions, niceCeil, TIME_CHARTS, timeChartOptions, timeData, type BarChartId, type TimeChartSpec } from './specs';

/** What the charts draw, and whether Freeze holds their window. */
export type ChartSource = () => { prev: Snapshot | null; cur: Snapshot | null; data: ChartData | null; frozen: boolean };

interface Chart {
  el: HTMLElement;
  u: uPlot;
  visible: boolean;
  /** Something changed while it was off screen. */
  stale: boolean;
  height: number;
}

interface TimeChart extends Chart {
  spec: TimeChartSpec;
}

/** The first index whose time is at least x (binary search on the sorted time column). */
function lowerBound(ts: (number | null)[], x: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ChartsRenderer {
  private raf = 0;
  private readonly times: TimeChart[] = [];
  private readonly bars = new Map<BarChartId, Chart>();
  private resize: ResizeObserver | null = null;
  private seen: IntersectionObserver | null = null;
  private version = -1;
  private figuresVersion = -1;
  private run = -1;
  private x0 = 0;
  private x1 = 0;
  private frozenAt: [number, number] | null = null;
  private maxsize = 0;
  private sized = false;
  private drew = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly source: ChartSource,
  ) {}

  start(): void {
    const getMaxsize = () => this.maxsize;
    for (const spec of TIME_CHARTS) {
      const el = this.root.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
      if (el === null) continue;
      const h = this.heightOf(el);
      const u = new uPlot(timeChartOptions(spec, Math.max(100, el.clientWidth), h, getMaxsize), [[], ...spec.series.map(() => [])], el);
      this.times.push({ el, u, spec, visible: true, stale: true, height: h });
    }
    for (const id of ['perConsumer', 'histogram'] as const) {
      const el = this.root.querySelector<HTMLElement>(`[data-chart="${id}"]`);
      if (el === null) continue;
      const h = this.heightOf(el);
      const u = new uPlot(barChartOptions(id, Math.max(100, el.clientWidth), h), [[], []], el);
      this.bars.set(id, { el, u, visible: true, stale: true, height: h });
    }
    const all = (): Chart[] => [...this.times, ...this.bars.values()];
    this.resize = new ResizeObserver(() => {
      this.sized = true;
    });
    this.resize.observe(this.root);
    this.seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const c = all().find((x) => x.el === e.target);
        if (c !== undefined) c.visible = e.isIntersecting;
      }
      chartStats.visible = all().filter((c) => c.visible).length;
    });
    for (const c of all()) this.seen.observe(c.el);
    const loop = (now: number): void => {
      const t0 = performance.now();
      if (this.frame(now)) {
        chartStats.drawMs += performance.now() - t0;
        chartStats.drawFrames++;
      }
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    this.resize?.disconnect();
    this.seen?.disconnect();
    for (const c of this.times) c.u.destroy();
    for (const c of this.bars.values()) c.u.destroy();
    this.times.length = 0;
    this.bars.clear();
  }

  /** How far (device pixels, on the widest chart on screen) the window moved since it was last drawn. */
  private shiftPx(x0: number, x1: number): number {
    if (x0 === this.x0 && x1 === this.x1) return 0;
    const span = this.x1 - this.x0;
    if (!(span > 0)) return Infinity;
    let width = 0;
    for (const c of this.times) if (c.visible) width = Math.max(width, c.u.width);
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    return (Math.max(Math.abs(x0 - this.x0), Math.abs(x1 - this.x1)) / span) * width * dpr;
  }

  private heightOf(el: HTMLElement): number {
    return Number(el.dataset.height ?? 150);
  }

  private clock(prev: Snapshot | null, cur: Snapshot, now: number): number {
    if (prev === null || prev.run !== cur.run || cur.recv <= prev.recv || !cur.playing) return cur.t;
    const a = Math.max(0, Math.min(1, (now - cur.recv) / (cur.recv - prev.recv)));
    return prev.t + (cur.t - prev.t) * a;
  }

  /** Draws what moved; true when it drew anything. */
  private frame(now: number): boolean {
    const { prev, cur, data, frozen } = this.source();
    if (cur === null || data === null) return false;
    this.drew = false;
    let resized = false;
    if (this.sized) {
      this.sized = false;
      resized = true;
      for (const c of [...this.times, ...this.bars.values()]) {
        const w = Math.max(100, c.el.clientWidth);
        if (w !== c.u.width) c.u.setSize({ width: w, height: c.height });
      }
    }
    const newRun = data.run !== this.run;
    if (newRun) {
      this.run = data.run;
      this.frozenAt = null;
    }
    // the window: following the clock, or held where Freeze caught it
    const W = windowFor(cur.speed);
    let x0: number;
    let x1: number;
    if (frozen && !newRun) {
      this.frozenAt ??= [this.x0, this.x1];
      [x0, x1] = this.frozenAt;
    } else {
      this.frozenAt = null;
      const vt = cur.run === data.run ? this.clock(prev, cur, now) : 0;
      // from the start the window stretches with the run, then it slides
      x1 = Math.max(vt, MIN_WINDOW);
      x0 = Math.max(0, x1 - W);
    }
    const dataChanged = data.version !== this.version;
    const moved = this.shiftPx(x0, x1) >= 1;
    this.maxsize = data.maxsize;
    if (dataChanged || moved || resized) {
      this.version = data.version;
      this.x0 = x0;
      this.x1 = x1;
      for (const c of this.times) {
        if (c.visible) this.drawTime(c, data, dataChanged || c.stale);
        else c.stale = true;
      }
      chartStats.draws++;
    } else {
      for (const c of this.times) if (c.visible && c.stale) this.drawTime(c, data, true);
    }
    if (data.figuresVersion !== this.figuresVersion || resized) {
      this.figuresVersion = data.figuresVersion;
      for (const [id, c] of this.bars) {
        if (c.visible) this.drawBars(id, c, data);
        else c.stale = true;
      }
    } else {
      for (const [id, c] of this.bars) if (c.visible && c.stale) this.drawBars(id, c, data);
    }
    const ts = data.cols.t;
    chartStats.run = data.run;
    chartStats.points = ts.length;
    chartStats.firstT = ts[0] ?? null;
    chartStats.lastT = ts[ts.length - 1] ?? null;
    chartStats.xMin = this.x0;
    chartStats.xMax = this.x1;
    return this.drew;
  }

  private drawTime(c: TimeChart, data: ChartData, withData: boolean): void {
    c.stale = false;
    this.drew = true;
    const ts = data.cols.t;
    // the highest value in view (one point beyond each edge, as the lines reach there)
    const i0 = Math.max(0, lowerBound(ts, this.x0) - 1);
    const i1 = Math.min(ts.length, lowerBound(ts, this.x1) + 1);
    let top = 0;
    for (const s of c.spec.series) {
      const col = data.cols[s.field];
      for (let i = i0; i < i1; i++) {
        const v = col[i];
        if (v != null && v > top) top = v;
      }
    }
    let yMax = c.spec.share === true ? 1 : niceCeil(top * 1.05);
    // the queue never holds more than maxsize: room for the line and its label, no more
    if (c.spec.id === 'queue' && data.maxsize > 0) yMax = top <= data.maxsize ? Math.max(data.maxsize + 1, Math.ceil(data.maxsize * 1.2)) : Math.max(yMax, data.maxsize);
    c.u.batch(() => {
      if (withData) c.u.setData(timeData(c.spec, data.cols), false);
      c.u.setScale('x', { min: this.x0, max: this.x1 });
      c.u.setScale('y', { min: 0, max: yMax });
    });
  }

  private drawBars(id: BarChartId, c: Chart, data: ChartData): void {
    c.stale = false;
    this.drew = true;
    const f = data.figures;
    let xs: number[] = [];
    let ys: (number | null)[] = [];
    let xMin = 0;
    let xMax = 1;
    if (f !== null && id === 'perConsumer') {
      const list = f.perConsumer.filter((p) => p.rho !== null);
      xs = list.map((_, i) => i + 1);
      ys = list.map((p) => p.rho);
      xMin = 0.5;
      xMax = Math.max(1, list.length) + 0.5;
    } else if (f !== null) {
      const h = f.waitHistogram;
      let last = h.counts.length - 1;
      while (last > 0 && h.counts[last] === 0) last--;
      const n = Math.max(8, last + 1);
      const total = Math.max(1, h.total);
      xs = h.counts.slice(0, n).map((_, k) => (k + 0.5) * h.width);
      ys = h.counts.slice(0, n).map((k) => k / total);
      xMax = n * h.width;
    }
    let top = 0;
    for (const y of ys) if (y !== null && y > top) top = y;
    const yMax = id === 'perConsumer' ? 1 : Math.min(1, niceCeil(top * 1.05));
    c.u.batch(() => {
      c.u.setData([xs, ys], false);
      c.u.setScale('x', { min: xMin, max: xMax });
      c.u.setScale('y', { min: 0, max: yMax });
    });
  }
}
