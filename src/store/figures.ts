/**
 * The figures table's view of the measurement stream: a binding on the client's chart data that re-renders only
 * when new figures or a new prediction arrive (a few times a second), never per point.
 */
import type { Figures } from '../engine/metrics/metrics';
import type { TheoryResult } from '../theory/types';
import type { Ctx } from './ctx';

export interface MeasureView {
  /** The figures of the current run, or null before the first arrive. */
  figures: Figures | null;
  theory: TheoryResult | null;
  /** Live changes so far: the figures restarted at the latest. */
  changes: number;
}

const EMPTY: MeasureView = { figures: null, theory: null, changes: 0 };

/** For useSyncExternalStore: `subscribe` and `read` are stable for the life of the lab. */
export function figuresSource(ctx: Ctx) {
  // one view object per figures version, so that React sees the same value until new figures come
  let cached: { key: string; view: MeasureView } = { key: '', view: EMPTY };
  return {
    /** Re-renders on new figures only (a few times a second). */
    subscribe(fn: () => void): () => void {
      const c = ctx.client;
      if (c === null) return () => {};
      let seen = c.charts.figuresVersion;
      return c.on('metrics', (d) => {
        if (d.figuresVersion === seen) return;
        seen = d.figuresVersion;
        fn();
      });
    },

    read(run: number): MeasureView {
      const d = ctx.client?.charts;
      // a run already replaced says nothing about the settings now
      if (d === undefined || d.run !== run) return EMPTY;
      const key = `${d.run}:${d.figuresVersion}`;
      if (cached.key !== key) cached = { key, view: { figures: d.figures, theory: d.theory, changes: d.changes } };
      return cached.view;
    },
  };
}
