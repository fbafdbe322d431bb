/**
 * The figures table: each measured figure beside its prediction, as plain data (the CLI's `--stats` JSON and the
 * lab's table both read it).
 */
import type { Estimate, Figures } from '../engine/metrics/metrics';
import type { ModelName, Predicted, TheoryResult } from './types';

export type FigureKey =
  | 'arrival_rate'
  | 'service_rate'
  | 'consumers'
  | 'producers'
  | 'buffer_size'
  | 'rho'
  | 'mean_in_buffer'
  | 'mean_in_service'
  | 'mean_held_by_producers'
  | 'mean_in_system'
  | 'mean_wait_in_buffer'
  | 'mean_time_in_system'
  | 'throughput'
  | 'share_items_waited'
  | 'share_time_producers_blocked'
  | 'share_time_buffer_full';

export interface FigureRow {
  label: string;
  unit: string;
  measured: number | null;
  ci95: [number, number] | null;
  /** Why there is no interval. */
  ci_note?: string;
  predicted: number | null;
  model: ModelName;
}

export interface StatsReport {
  scenario: string;
  /** Virtual time the figures reach. */
  t: number;
  model: ModelName;
  label: string;
  exact: boolean;
  theory: 'ok' | 'unstable' | 'none';
  /** Why there is no prediction (no steady state, or no model). */
  reason: string | null;
  notes: string[];
  measured_from: number;
  batches: Figures['batches'];
  figures: Record<FigureKey, FigureRow>;
  little: { L: number | null; lambda_W: number | null; rel_diff: number | null };
  per_consumer: Figures['perConsumer'];
  counts: Figures['counts'];
}

const ROWS: { key: FigureKey; label: string; unit: string; measured: (f: Figures) => Estimate; predicted: (p: Predicted) => number | null }[] = [
  { key: 'arrival_rate', label: 'arrival rate (items put per second)', unit: '1/s', measured: (f) => f.arrivalRate, predicted: (p) => p.arrivalRate },
  { key: 'service_rate', label: 'service rate per consumer', unit: '1/s', measured: (f) => f.serviceRate, predicted: (p) => p.serviceRate },
  { key: 'consumers', label: 'consumers', unit: '', measured: (f) => plain(f.consumers.mean), predicted: (p) => p.consumers },
  { key: 'producers', label: 'producers', unit: '', measured: (f) => plain(f.producers.mean), predicted: (p) => p.producers },
  { key: 'buffer_size', label: 'buffer size (maxsize; null: unbounded)', unit: 'items', measured: (f) => plain(f.bufferSize), predicted: (p) => p.bufferSize },
  { key: 'rho', label: 'utilisation rho (consumers busy)', unit: '', measured: (f) => f.rho, predicted: (p) => p.rho },
  { key: 'mean_in_buffer', label: 'mean number in the buffer (Lq)', unit: 'items', measured: (f) => f.Lq, predicted: (p) => p.Lq },
  { key: 'mean_in_service', label: 'mean number in service', unit: 'items', measured: (f) => f.Lservice, predicted: (p) => p.Lservice },
  { key: 'mean_held_by_producers', label: 'mean number held by blocked producers', unit: 'items', measured: (f) => f.Lheld, predicted: (p) => p.Lheld },
  { key: 'mean_in_system', label: 'mean number in the system (L)', unit: 'items', measured: (f) => f.L, predicted: (p) => p.L },
  { key: 'mean_wait_in_buffer', label: 'mean wait in the buffer, put to get (Wq)', unit: 's', measured: (f) => f.Wq, predicted: (p) => p.Wq },
  { key: 'mean_time_in_system', label: 'mean time in the system, put attempt to done (W)', unit: 's', measured: (f) => f.W, predicted: (p) => p.W },
  { key: 'throughput', label: 'throughput (items done per second)', unit: '1/s', measured: (f) => f.throughput, predicted: (p) => p.throughput },
  { key: 'share_items_waited', label: 'share of items that waited in the buffer', unit: '', measured: (f) => f.pWait, predicted: (p) => p.pWait },
  { key: 'share_time_producers_blocked', label: 'share of time producers were blocked in put', unit: '', measured: (f) => f.pBlocked, predicted: (p) => p.pBlocked },
  { key: 'share_time_buffer_full', label: 'share of time the buffer was full', unit: '', measured: (f) => f.pFull, predicted: (p) => (p.bufferSize === null ? null : p.pFull) },
];

function plain(v: number | null): Estimate {
  return { value: v, ci95: null, ciNote: 'a setting, not an estimate' };
}

/** JSON has no Infinity or NaN: they become null. */
const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** Measured figures beside the theory's prediction. */
export function statsReport(name: string, f: Figures, th: TheoryResult): StatsReport {
  const figures = {} as Record<FigureKey, FigureRow>;
  for (const r of ROWS) {
    const m = r.measured(f);
    let predicted: number | null = null;
    if (th.status === 'ok') predicted = r.predicted(th.figures);
    else if (th.status === 'unstable') {
      const p = th.params;
      const known: Partial<Record<FigureKey, number | null>> = {
        arrival_rate: p.offeredRate,
        service_rate: p.serviceRate,
        consumers: p.consumers,
        producers: p.producers,
        buffer_size: p.bufferSize,
      };
      predicted = known[r.key] ?? null;
    }
    const row: FigureRow = { label: r.label, unit: r.unit, measured: finite(m.value), ci95: m.ci95, predicted: finite(predicted), model: th.model };
    if (m.ci95 === null && m.ciNote !== undefined) row.ci_note = m.ciNote;
    figures[r.key] = row;
  }
  return {
    scenario: name,
    t: f.t,
    model: th.model,
    label: th.label,
    exact: th.exact,
    theory: th.status,
    reason: th.status === 'ok' ? null : th.reason,
    notes: th.notes,
    measured_from: f.from,
    batches: f.batches,
    figures,
    little: { L: f.little.L, lambda_W: f.little.lambdaW, rel_diff: f.little.relDiff },
    per_consumer: f.perConsumer,
    counts: f.counts,
  };
}
