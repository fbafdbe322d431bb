/**
 * The figures table's view of the measurement stream: a React binding (useSyncExternalStore) on the client's chart
 * data that re-renders only when new figures or a new prediction arrive (a few times a second), never per point.
 */
import { useSyncExternalStore } from 'react';
import type { Figures } from '../engine/metrics/metrics';
import type { TheoryResult } from '../theory/types';
import { getClient } from './actions';
import { useLab } from './labStore';

export interface MeasureView {
  /** The figures of the current run, or null before the first arrive. */
  figures: Figures | null;
  theory: TheoryResult | null;
  /** Live changes so far: the figures restarted at the latest. */
  changes: number;
}

const EMPTY: MeasureView = { figures: null, theory: null, changes: 0 };
let cached: { key: string; view: MeasureView } = { key: '', view: EMPTY };

/** Re-renders on new figures only (a few times a second). */
function subscribeFigures(fn: () => void): () => void {
  const c = getClient();
  if (c === null) return () => {};
  let seen = c.charts.figuresVersion;
  return c.onMetrics((d) => {
    if (d.figuresVersion === seen) return;
    seen = d.figuresVersion;
    fn();
  });
}

function read(run: number): MeasureView {
  const d = getClient()?.charts;
  // a run already replaced says nothing about the settings now
  if (d === undefined || d.run !== run) return EMPTY;
  const key = `${d.run}:${d.figuresVersion}`;
  if (cached.key !== key) cached = { key, view: { figures: d.figures, theory: d.theory, changes: d.changes } };
  return cached.view;
}

const still = (): (() => void) => () => {};

/**
 * The figures of the current run. `live` false (the table is off screen) stops the updates: nothing re-renders
 * for a table nobody sees, and it catches up when it comes back.
 */
export function useMeasure(live = true): MeasureView {
  const run = useLab((s) => s.run);
  return useSyncExternalStore(live ? subscribeFigures : still, () => read(run));
}
