/**
 * `window.__queueLab.charts()`: what the live charts hold and drew last, and the figures table as data, as a fresh
 * plain copy (read-only: nothing here reaches the run).
 */
import type { ChartData } from '../../worker/chartData';
import { chartStats } from './chartView';
import { figureRows, modelKind } from './figureRows';

/** `d`: the current client's chart data; `frozen`: the charts' Freeze (the store's). */
export function chartsHook(d: ChartData | null, frozen: boolean) {
  const last = (xs: (number | null)[]): number | null => xs[xs.length - 1] ?? null;
  return structuredClone({
    ...chartStats,
    frozen,
    bucket: d?.bucket ?? null,
    maxsize: d?.maxsize ?? null,
    /** The newest point of each column. */
    latest:
      d === null
        ? null
        : {
            qsize: last(d.cols.qsize),
            produced: last(d.cols.produced),
            consumed: last(d.cols.consumed),
            util: last(d.cols.util),
            unfinished: last(d.cols.unfinished),
          },
    model: d?.theory ? { name: d.theory.model, kind: modelKind(d.theory), status: d.theory.status } : null,
    figuresT: d?.figures?.t ?? null,
    ciReady: d?.figures?.batches.ready ?? false,
    rows: figureRows(d?.figures ?? null, d?.theory ?? null),
  });
}
