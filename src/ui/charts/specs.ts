/**
 * The charts, as uPlot options: five time series that share the run's time window, and two bar charts (busy share
 * per consumer, the histogram of waits). Colours are the lab's (Okabe-Ito, safe for colour-blind readers); the
 * words are drawn by React beside each chart, so a language change never rebuilds a chart.
 */
import uPlot from 'uplot';
import type { Column } from '../../worker/chartData';
import type { PointField } from '../../worker/metricsProtocol';
import { COLORS } from './colors';
import { num, tick, tickPct, type Lang } from './format';
import { BAR_SERIES, drawOrder, type BarChartId, type TimeChartSpec } from './series';
import type { MeasureWords } from './words';

export { COLORS };

/** What the options' drawing reads as it draws: handed in by the charts' renderer, which the page tells. */
export interface ChartContext {
  lang(): Lang;
  words(): MeasureWords;
  maxsize(): number;
}

const FONT = `${12}px system-ui, 'Segoe UI', Roboto, Arial, 'WenQuanYi Micro Hei', sans-serif`;

function axis(extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: COLORS.muted,
    font: FONT,
    grid: { stroke: COLORS.grid, width: 1 },
    ticks: { stroke: COLORS.grid, width: 1, size: 4 },
    ...extra,
  };
}

type Ticks = (u: uPlot, splits: number[], i: number, space: number, incr: number) => string[];
const ticksIn =
  (cx: ChartContext): Ticks =>
  (_u, splits, _i, _space, incr) =>
    splits.map((v) => tick(v, incr, cx.lang()));
const pctTicksIn =
  (cx: ChartContext): Ticks =>
  (_u, splits) =>
    splits.map((v) => tickPct(v, cx.lang()));

/** A round upper bound for an axis: 1, 2, 2.5, 5 times a power of ten. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (x <= m * p * (1 + 1e-9)) return m * p;
  return 10 * p;
}

function base(width: number, height: number, series: uPlot.Series[], y: uPlot.Axis, xTicks: Ticks): uPlot.Options {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    padding: [10, 10, 0, 0],
    scales: { x: { time: false, auto: false }, y: { auto: false } },
    axes: [axis({ values: xTicks, space: 56, size: 30 }), axis({ size: 46, space: 28, ...y })],
    series: [{}, ...series],
  };
}

/** The dashed maxsize line, labelled, across the queue chart. */
function maxsizeLine(cx: ChartContext, color: string): uPlot.Hooks.Arrays {
  return {
    draw: [
      (u: uPlot) => {
        const m = cx.maxsize();
        if (!(m > 0)) return;
        const y = Math.round(u.valToPos(m, 'y', true));
        const { left, width, top } = u.bbox;
        if (y < top - 1) return;
        const px = uPlot.pxRatio;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = color;
        ctx.lineWidth = 2 * px;
        ctx.setLineDash([6 * px, 4 * px]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + width, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = `600 ${12 * px}px system-ui, 'WenQuanYi Micro Hei', sans-serif`;
        ctx.fillStyle = color;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.fillText(cx.words().maxsize(num(m, cx.lang())), left + 6 * px, y - 3 * px);
        ctx.restore();
      },
    ],
  };
}

export function timeChartOptions(spec: TimeChartSpec, width: number, height: number, cx: ChartContext): uPlot.Options {
  const series: uPlot.Series[] = drawOrder(spec).map((s) => ({
    stroke: s.color,
    width: s.width ?? 2,
    ...(s.fill === undefined ? {} : { fill: s.fill }),
    spanGaps: s.spanGaps ?? false,
    points: { show: false },
  }));
  const opts = base(width, height, series, { values: spec.share === true ? pctTicksIn(cx) : ticksIn(cx) }, ticksIn(cx));
  const line = spec.marks?.find((k) => k.kind === 'maxsize');
  if (line !== undefined) opts.hooks = maxsizeLine(cx, line.color);
  return opts;
}

export function barChartOptions(id: BarChartId, width: number, height: number, cx: ChartContext): uPlot.Options {
  const { color, fill } = BAR_SERIES[id];
  const series: uPlot.Series[] = [
    {
      stroke: color,
      fill,
      width: 1,
      paths: uPlot.paths.bars!({ size: [0.86, 64], align: 0 }),
      points: { show: false },
    },
  ];
  const xTicks =
    id === 'perConsumer'
      ? (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? num(v, cx.lang()) : ''))
      : ticksIn(cx);
  return base(width, height, series, { values: pctTicksIn(cx) }, xTicks);
}

/** The columns a time chart draws, in its series' order, behind the shared time column. */
export function timeData(spec: TimeChartSpec, cols: Record<PointField, Column>): uPlot.AlignedData {
  return [cols.t as number[], ...drawOrder(spec).map((s) => cols[s.field])];
}
