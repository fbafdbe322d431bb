/**
 * The charts, as uPlot options: five time series that share the run's time window, and two bar charts (busy share
 * per consumer, the histogram of waits). Colours are the lab's (Okabe-Ito, safe for colour-blind readers); the
 * words are drawn by React beside each chart, so a language change never rebuilds a chart.
 */
import uPlot from 'uplot';
import type { Column } from '../../worker/chartData';
import type { PointField } from '../../worker/metricsProtocol';
import { pageLang } from '../i18n/pageLang';
import { COLORS } from './colors';
import { num, tick, tickPct } from './format';
import { measureWords } from './measureWords';

export { COLORS };


export type TimeChartId = 'queue' | 'rates' | 'waits' | 'util' | 'unfinished';
export type BarChartId = 'perConsumer' | 'histogram';
export type ChartId = TimeChartId | BarChartId;

export interface TimeSeriesSpec {
  field: PointField;
  color: string;
  fill?: string;
  width?: number;
  /** Join across intervals with nothing to show (sparse per-item figures). */
  spanGaps?: boolean;
}

export interface TimeChartSpec {
  id: TimeChartId;
  series: TimeSeriesSpec[];
  /** The y axis shows shares (0..1) as percentages, up to 100%. */
  share?: boolean;
}

export const TIME_CHARTS: TimeChartSpec[] = [
  {
    id: 'queue',
    series: [
      { field: 'qmax', color: COLORS.sky, width: 1 },
      { field: 'qsize', color: COLORS.blue, fill: 'rgba(0, 114, 178, 0.16)', width: 2 },
    ],
  },
  {
    id: 'rates',
    series: [
      { field: 'produced', color: COLORS.blue, width: 2 },
      { field: 'consumed', color: COLORS.green, width: 2 },
    ],
  },
  {
    id: 'waits',
    series: [
      { field: 'wait', color: COLORS.purple, width: 2, spanGaps: true },
      { field: 'blocked', color: COLORS.verm, width: 2, spanGaps: true },
    ],
  },
  { id: 'util', share: true, series: [{ field: 'util', color: COLORS.green, fill: 'rgba(0, 158, 115, 0.16)', width: 2 }] },
  { id: 'unfinished', series: [{ field: 'unfinished', color: COLORS.orange, width: 2 }] },
];

const lang = pageLang;
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

const ticks = (_u: uPlot, splits: number[], _i: number, _space: number, incr: number): string[] =>
  splits.map((v) => tick(v, incr, lang()));
const pctTicks = (_u: uPlot, splits: number[]): string[] => splits.map((v) => tickPct(v, lang()));

/** A round upper bound for an axis: 1, 2, 2.5, 5 times a power of ten. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (x <= m * p * (1 + 1e-9)) return m * p;
  return 10 * p;
}

function base(width: number, height: number, series: uPlot.Series[], y: uPlot.Axis, xTicks = ticks): uPlot.Options {
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
function maxsizeLine(getMaxsize: () => number): uPlot.Hooks.Arrays {
  return {
    draw: [
      (u: uPlot) => {
        const m = getMaxsize();
        if (!(m > 0)) return;
        const y = Math.round(u.valToPos(m, 'y', true));
        const { left, width, top } = u.bbox;
        if (y < top - 1) return;
        const px = uPlot.pxRatio;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = COLORS.verm;
        ctx.lineWidth = 2 * px;
        ctx.setLineDash([6 * px, 4 * px]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + width, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = `600 ${12 * px}px system-ui, 'WenQuanYi Micro Hei', sans-serif`;
        ctx.fillStyle = COLORS.verm;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.fillText(measureWords().maxsize(num(m, lang())), left + 6 * px, y - 3 * px);
        ctx.restore();
      },
    ],
  };
}

export function timeChartOptions(spec: TimeChartSpec, width: number, height: number, getMaxsize: () => number): uPlot.Options {
  const series: uPlot.Series[] = spec.series.map((s) => ({
    stroke: s.color,
    width: s.width ?? 2,
    ...(s.fill === undefined ? {} : { fill: s.fill }),
    spanGaps: s.spanGaps ?? false,
    points: { show: false },
  }));
  const opts = base(width, height, series, spec.share === true ? { values: pctTicks } : { values: ticks });
  if (spec.id === 'queue') opts.hooks = maxsizeLine(getMaxsize);
  return opts;
}

export function barChartOptions(id: BarChartId, width: number, height: number): uPlot.Options {
  const color = id === 'histogram' ? COLORS.purple : COLORS.green;
  const series: uPlot.Series[] = [
    {
      stroke: color,
      fill: id === 'histogram' ? 'rgba(204, 121, 167, 0.55)' : 'rgba(0, 158, 115, 0.55)',
      width: 1,
      paths: uPlot.paths.bars!({ size: [0.86, 64], align: 0 }),
      points: { show: false },
    },
  ];
  const xTicks =
    id === 'perConsumer'
      ? (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? num(v, lang()) : ''))
      : ticks;
  return base(width, height, series, { values: pctTicks }, xTicks);
}

/** The columns a time chart draws, in its series' order, behind the shared time column. */
export function timeData(spec: TimeChartSpec, cols: Record<PointField, Column>): uPlot.AlignedData {
  return [cols.t as number[], ...spec.series.map((s) => cols[s.field])];
}
