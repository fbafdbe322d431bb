/**
 * What each chart draws, once: its series (the column, colour, line and fill) and its marks (the dashed maxsize
 * line), each with the words of its legend entry. The uPlot options (specs.ts) and the legends React draws beside
 * the charts (Measure.tsx) both read these, so a legend cannot drift from its chart. No uPlot here: the legends come
 * before the charts' code does.
 */
import type { PointField } from '../../worker/metricsProtocol';
import { COLORS } from './colors';
import type { MeasureWords } from './words';

export type TimeChartId = 'queue' | 'rates' | 'waits' | 'util' | 'unfinished';
export type BarChartId = 'perConsumer' | 'histogram';
export type ChartId = TimeChartId | BarChartId;

/** The measure words that name a series in a legend. */
type SeriesWord = { [K in keyof MeasureWords]: MeasureWords[K] extends string ? K : never }[keyof MeasureWords];

export interface TimeSeriesSpec {
  field: PointField;
  /** Its legend entry; none for a series the chart's caption already names. */
  label?: SeriesWord;
  color: string;
  fill?: string;
  width?: number;
  /** Join across intervals with nothing to show (sparse per-item figures). */
  spanGaps?: boolean;
  /** Drawn beneath the series listed before it (the legend keeps the listed order). */
  under?: boolean;
}

/** A line across the chart that is not a series: the queue's maxsize, dashed, shown while the queue is bounded. */
export interface MarkSpec {
  kind: 'maxsize';
  color: string;
  dashed: true;
}

export interface TimeChartSpec {
  id: TimeChartId;
  series: TimeSeriesSpec[];
  marks?: MarkSpec[];
  /** The y axis shows shares (0..1) as percentages, up to 100%. */
  share?: boolean;
}

export const TIME_CHARTS: TimeChartSpec[] = [
  {
    id: 'queue',
    series: [
      { field: 'qsize', label: 'queueAvg', color: COLORS.blue, fill: 'rgba(0, 114, 178, 0.16)', width: 2 },
      { field: 'qmax', label: 'queueMax', color: COLORS.sky, width: 1, under: true },
    ],
    marks: [{ kind: 'maxsize', color: COLORS.verm, dashed: true }],
  },
  {
    id: 'rates',
    series: [
      { field: 'produced', label: 'produced', color: COLORS.blue, width: 2 },
      { field: 'consumed', label: 'consumed', color: COLORS.green, width: 2 },
    ],
  },
  {
    id: 'waits',
    series: [
      { field: 'wait', label: 'wait', color: COLORS.purple, width: 2, spanGaps: true },
      { field: 'blocked', label: 'blocked', color: COLORS.verm, width: 2, spanGaps: true },
    ],
  },
  { id: 'util', share: true, series: [{ field: 'util', label: 'overall', color: COLORS.green, fill: 'rgba(0, 158, 115, 0.16)', width: 2 }] },
  { id: 'unfinished', series: [{ field: 'unfinished', label: 'unfinishedLine', color: COLORS.orange, width: 2 }] },
];

export interface BarSeriesSpec {
  label?: SeriesWord;
  color: string;
  fill: string;
}

/** The bar charts' one series each. */
export const BAR_SERIES: Record<BarChartId, BarSeriesSpec> = {
  perConsumer: { color: COLORS.green, fill: 'rgba(0, 158, 115, 0.55)' },
  histogram: { label: 'histogramShare', color: COLORS.purple, fill: 'rgba(204, 121, 167, 0.55)' },
};

/** The time chart with this id. */
export function timeChart(id: TimeChartId): TimeChartSpec {
  return TIME_CHARTS.find((c) => c.id === id)!;
}

/** A time chart's series in the order they are drawn: those drawn beneath first. */
export function drawOrder(spec: TimeChartSpec): TimeSeriesSpec[] {
  return [...spec.series.filter((s) => s.under === true), ...spec.series.filter((s) => s.under !== true)];
}

export interface LegendKey {
  color: string;
  label: string;
  dashed?: boolean;
}

/** A chart's legend: its series' and marks' words and colours (the maxsize line while the queue is bounded). */
export function legendOf(id: ChartId, m: MeasureWords, maxsizeText: string | null): LegendKey[] {
  const keys: LegendKey[] = [];
  const bar = id === 'perConsumer' || id === 'histogram' ? BAR_SERIES[id] : null;
  const series = bar !== null ? [bar] : timeChart(id as TimeChartId).series;
  for (const s of series) if (s.label !== undefined) keys.push({ color: s.color, label: m[s.label] });
  const marks = bar === null ? (timeChart(id as TimeChartId).marks ?? []) : [];
  for (const k of marks) if (maxsizeText !== null) keys.push({ color: k.color, label: m.maxsize(maxsizeText), dashed: k.dashed });
  return keys;
}
