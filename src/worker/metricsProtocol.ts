/**
 * The measurement stream from the worker: chart points in batches (one flat Float64Array, transferred) and, a few
 * times a second, the figures with their confidence intervals beside the theory's prediction.
 */
import type { Figures } from '../engine/metrics/metrics';
import type { TheoryResult } from '../theory/types';

/** The columns of one chart point, in order. NaN: nothing to show for that interval. */
export const POINT_FIELDS = [
  /** End of the interval (virtual seconds). */
  't',
  /** Time-average queue length over the interval, and its maximum. */
  'qsize',
  'qmax',
  /** Items put / done per second, over the last RATE_POINTS point widths (a moving rate). */
  'produced',
  'consumed',
  /** Mean wait in the buffer (put -> get) of the items taken in the interval. */
  'wait',
  /** Mean time a blocked put() waited, of the puts that completed in the interval. */
  'blocked',
  /** Busy share of the consumers (0..1). */
  'util',
  /** unfinished_tasks at the end of the interval. */
  'unfinished',
] as const;
export type PointField = (typeof POINT_FIELDS)[number];
export const FIELDS = POINT_FIELDS.length;
export const COL = Object.fromEntries(POINT_FIELDS.map((f, i) => [f, i])) as Record<PointField, number>;

export interface WireMetrics {
  run: number;
  /** Chart points completed since the previous message: FIELDS numbers per point. */
  points: Float64Array;
  /** The width of the points' intervals now (virtual seconds). */
  bucket: number;
  /** The buffer's maxsize (0: unbounded), for the queue chart's line. */
  maxsize: number;
  /** The figures, a few times a second (null in between). */
  figures: Figures | null;
  /** The prediction, in the first message of a run and after a live change (null otherwise). */
  theory: TheoryResult | null;
  /** Live changes so far in this run; the figures restart at each. */
  changes: number;
}
