/**
 * The charts' drawing, outside React: each chart registers with the page's frame loop (Plot in Measure.tsx holds
 * its element); at each frame the board takes what the page hands it (the latest two snapshots, the chart data, the
 * language, Freeze), interpolates the run's clock between the snapshots (so the window glides, whatever the points'
 * pace), and each chart on screen redraws if it moved. Paused, nothing moves and nothing is drawn; frozen, the
 * window holds still while points keep arriving behind it. The window glides about a fifth of a pixel a frame (30 s
 * of wall time across the chart), so it is redrawn when it has moved a device pixel or new points came, not at
 * every frame.
 */
import uPlot from 'uplot';
import type { ChartData } from '../../worker/chartData';
import { clockAt, type SnapshotPair } from '../frame/clock';
import type { Frame, Surface } from '../frame/frameLoop';
import { chartStats, MIN_WINDOW, windowFor } from './chartView';
import type { Lang } from './format';
import { barChartOptions, niceCeil, timeChartOptions, timeData, type ChartContext } from './specs';
import { timeChart, type BarChartId, type ChartId, type TimeChartSpec } from './series';
import type { MeasureWords } from './words';

/** What a frame of the charts draws, handed in by the component that owns them. */
export interface ChartsInput extends SnapshotPair {
  data: ChartData | null;
  frozen: boolean;
  lang: Lang;
  words: MeasureWords;
}

interface Chart {
  id: ChartId;
  el: HTMLElement;
  u: uPlot;
  visible: boolean;
  /** Something changed while it was off screen. */
  stale: boolean;
  /** Its box changed size since it was last drawn. */
  sized: boolean;
  height: number;
  spec: TimeChartSpec | null;
}

/** What this frame asks of every chart, worked out once per frame. */
interface FrameWork {
  data: ChartData;
  /** The time charts: redraw (with their data when it changed). */
  times: boolean;
  withData: boolean;
  /** The bar charts: redraw. */
  bars: boolean;
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

export class ChartsBoard {
  private readonly charts = new Set<Chart>();
  private version = -1;
  private figuresVersion = -1;
  private run = -1;
  private x0 = 0;
  private x1 = 0;
  private frozenAt: [number, number] | null = null;
  private input: ChartsInput | null = null;
  /** The frame last worked out, and what it asked. */
  private at: Frame | null = null;
  private work: FrameWork | null = null;
  /** The frame in which a chart last drew (for the draw-time figures). */
  private drewAt = NaN;
  private readonly cx: ChartContext = {
    lang: () => this.input?.lang ?? 'en',
    words: () => this.input!.words,
    maxsize: () => this.input?.data?.maxsize ?? 0,
  };

  constructor(private readonly source: () => ChartsInput) {}

  /** The chart `id`, drawn into el: its surface for the frame loop. */
  chart(id: ChartId, el: HTMLElement, height: number): Surface {
    const w = Math.max(100, el.clientWidth);
    const bar = id === 'perConsumer' || id === 'histogram';
    const spec = bar ? null : timeChart(id);
    const u =
      spec === null
        ? new uPlot(barChartOptions(id as BarChartId, w, height, this.cx), [[], []], el)
        : new uPlot(timeChartOptions(spec, w, height, this.cx), [[], ...spec.series.map(() => [])], el);
    const c: Chart = { id, el, u, spec, visible: true, stale: true, sized: false, height };
    this.charts.add(c);
    this.countVisible();
    return {
      draw: (f) => this.frame(c, f),
      offScreen: (f) => this.frame(c, f),
      shown: (on) => {
        c.visible = on;
        this.countVisible();
      },
      resized: () => {
        c.sized = true;
      },
      dispose: () => {
        this.charts.delete(c);
        this.countVisible();
        u.destroy();
      },
    };
  }

  private countVisible(): void {
    let n = 0;
    for (const c of this.charts) if (c.visible) n++;
    chartStats.visible = n;
  }

  /** One chart's turn in a frame: it draws if it is on screen and the frame moved it, or it missed a change. */
  private frame(c: Chart, f: Frame): void {
    const work = this.workFor(f);
    if (work === null) return;
    const resized = c.sized;
    if (resized) {
      c.sized = false;
      const w = Math.max(100, c.el.clientWidth);
      if (w !== c.u.width) c.u.setSize({ width: w, height: c.height });
    }
    const due = c.spec === null ? work.bars : work.times;
    if (!c.visible) {
      if (due || resized) c.stale = true;
      return;
    }
    if (!due && !resized && !c.stale) return;
    const t0 = performance.now();
    if (c.spec === null) this.drawBars(c.id as BarChartId, c, work.data);
    else this.drawTime(c, c.spec, work.data, work.withData || c.stale);
    chartStats.drawMs += performance.now() - t0;
    if (this.drewAt !== f.now) chartStats.drawFrames++;
    this.drewAt = f.now;
  }

  /** Works out the frame at `now` once, for every chart: the window, and whether the data or the window moved. */
  private workFor(f: Frame): FrameWork | null {
    if (f === this.at) return this.work;
    this.at = f;
    const now = f.now;
    this.work = null;
    const input = this.source();
    this.input = input;
    const { prev, cur, data } = input;
    if (cur === null || data === null) return null;
    const newRun = data.run !== this.run;
    if (newRun) {
      this.run = data.run;
      this.frozenAt = null;
    }
    // the window: following the clock, or held where Freeze caught it
    let x0: number;
    let x1: number;
    if (input.frozen && !newRun) {
      this.frozenAt ??= [this.x0, this.x1];
      [x0, x1] = this.frozenAt;
    } else {
      this.frozenAt = null;
      const vt = cur.run === data.run ? clockAt(prev, cur, now) : 0;
      // from the start the window stretches with the run, then it slides
      x1 = Math.max(vt, MIN_WINDOW);
      x0 = Math.max(0, x1 - windowFor(cur.speed));
    }
    const withData = data.version !== this.version;
    const times = withData || this.shiftPx(x0, x1, f.dpr) >= 1;
    if (times) {
      this.version = data.version;
      this.x0 = x0;
      this.x1 = x1;
      chartStats.draws++;
    }
    const bars = data.figuresVersion !== this.figuresVersion;
    this.figuresVersion = data.figuresVersion;
    const ts = data.cols.t;
    chartStats.run = data.run;
    chartStats.points = ts.length;
    chartStats.firstT = ts[0] ?? null;
    chartStats.lastT = ts[ts.length - 1] ?? null;
    chartStats.xMin = this.x0;
    chartStats.xMax = this.x1;
    this.work = { data, times, withData, bars };
    return this.work;
  }

  /** How far (device pixels, on the widest time chart on screen) the window moved since it was last drawn. */
  private shiftPx(x0: number, x1: number, dpr: number): number {
    if (x0 === this.x0 && x1 === this.x1) return 0;
    const span = this.x1 - this.x0;
    if (!(span > 0)) return Infinity;
    let width = 0;
    for (const c of this.charts) if (c.visible && c.spec !== null) width = Math.max(width, c.u.width);
    return (Math.max(Math.abs(x0 - this.x0), Math.abs(x1 - this.x1)) / span) * width * dpr;
  }

  private drawTime(c: Chart, spec: TimeChartSpec, data: ChartData, withData: boolean): void {
    c.stale = false;
    const ts = data.cols.t;
    // the highest value in view (one point beyond each edge, as the lines reach there)
    const i0 = Math.max(0, lowerBound(ts, this.x0) - 1);
    const i1 = Math.min(ts.length, lowerBound(ts, this.x1) + 1);
    let top = 0;
    for (const s of spec.series) {
      const col = data.cols[s.field];
      for (let i = i0; i < i1; i++) {
        const v = col[i];
        if (v != null && v > top) top = v;
      }
    }
    let yMax = spec.share === true ? 1 : niceCeil(top * 1.05);
    // the queue never holds more than maxsize: room for the line and its label, no more
    if (spec.marks !== undefined && data.maxsize > 0) yMax = top <= data.maxsize ? Math.max(data.maxsize + 1, Math.ceil(data.maxsize * 1.2)) : Math.max(yMax, data.maxsize);
    c.u.batch(() => {
      if (withData) c.u.setData(timeData(spec, data.cols), false);
      c.u.setScale('x', { min: this.x0, max: this.x1 });
      c.u.setScale('y', { min: 0, max: yMax });
    });
  }

  private drawBars(id: BarChartId, c: Chart, data: ChartData): void {
    c.stale = false;
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
