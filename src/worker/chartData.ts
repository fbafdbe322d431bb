/**
 * Main-thread side of the measurement stream: the run's chart points as columns (plain arrays that the charts
 * draw in place, null where an interval has nothing to show), the latest figures and the prediction. One per
 * client; a new run empties it. Nothing here renders: the charts read it at display rate.
 */
import type { Figures } from '../engine/metrics/metrics';
import type { TheoryResult } from '../theory/types';
import { FIELDS, POINT_FIELDS, type PointField, type WireMetrics } from './metricsProtocol';

/** Points kept; beyond this the oldest quarter leaves (about 7 minutes of wall time at ten points a second). */
export const POINTS_CAP = 4000;

export type Column = (number | null)[];

export class ChartData {
  run = -1;
  /** Bumps whenever the columns change. */
  version = 0;
  /** Bumps whenever new figures or a new prediction arrive. */
  figuresVersion = 0;
  readonly cols: Record<PointField, Column> = Object.fromEntries(POINT_FIELDS.map((f) => [f, []])) as unknown as Record<PointField, Column>;
  bucket = 0.1;
  maxsize = 0;
  figures: Figures | null = null;
  theory: TheoryResult | null = null;
  /** Live changes in this run: the figures restarted at the latest. */
  changes = 0;

  get length(): number {
    return this.cols.t.length;
  }

  apply(m: WireMetrics): void {
    if (m.run !== this.run) this.reset(m.run);
    this.bucket = m.bucket;
    this.maxsize = m.maxsize;
    const p = m.points;
    if (p.length > 0) {
      for (let k = 0; k + FIELDS <= p.length; k += FIELDS) {
        for (let f = 0; f < FIELDS; f++) {
          const v = p[k + f]!;
          this.cols[POINT_FIELDS[f]!].push(Number.isNaN(v) ? null : v);
        }
      }
      if (this.length > POINTS_CAP) {
        const drop = Math.floor(POINTS_CAP / 4);
        for (const f of POINT_FIELDS) this.cols[f].splice(0, drop);
      }
      this.version++;
    }
    if (m.figures !== null || m.theory !== null || m.changes !== this.changes) {
      if (m.figures !== null) this.figures = m.figures;
      if (m.theory !== null) this.theory = m.theory;
      this.changes = m.changes;
      this.figuresVersion++;
    }
  }

  /** Time travel: drops the points after time t (the charts show the run up to the moment chosen). */
  cutAt(t: number): void {
    const ts = this.cols.t;
    let k = ts.length;
    while (k > 0 && (ts[k - 1] ?? 0) > t + 1e-9) k--;
    if (k === ts.length) return;
    for (const f of POINT_FIELDS) this.cols[f].length = k;
    this.version++;
  }

  private reset(run: number): void {
    this.run = run;
    // in place: the charts hold these very arrays
    for (const f of POINT_FIELDS) this.cols[f].length = 0;
    this.figures = null;
    this.theory = null;
    this.changes = 0;
    this.version++;
    this.figuresVersion++;
  }
}
