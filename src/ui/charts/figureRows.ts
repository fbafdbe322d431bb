/**
 * The figures table as data: each measured figure (value and 95% interval) beside the theory's prediction, and
 * whether the prediction lies within the interval. Pure: the table and the plain-language reading both read it.
 */
import type { Estimate, Figures } from '../../engine/metrics/metrics';
import type { Predicted, TheoryResult } from '../../theory/types';

export type RowKey = 'arrival' | 'service' | 'consumers' | 'buffer' | 'rho' | 'Lq' | 'L' | 'Wq' | 'W' | 'throughput' | 'blocked' | 'little';
/** How a row's numbers are written. */
export type RowUnit = 'rate' | 'count' | 'buffer' | 'share' | 'items' | 'seconds' | 'little';

export interface FigureRow {
  key: RowKey;
  unit: RowUnit;
  measured: number | null;
  ci: [number, number] | null;
  /** λ × W beside L, for Little's law. */
  second?: number | null;
  /** The prediction; Infinity where the queue grows without bound; null where theory says nothing. */
  predicted: number | null;
  /** true / false: the prediction lies within / outside the interval; null: nothing to compare. */
  agrees: boolean | null;
}

/** The kind of model, as the table's badge says it. */
export type ModelKind = 'exact' | 'approximation' | 'none' | 'unstable';

export function modelKind(th: TheoryResult): ModelKind {
  if (th.status === 'unstable') return 'unstable';
  if (th.status === 'none' || th.model === 'simulation only') return 'none';
  return th.exact ? 'exact' : 'approximation';
}

/** The model leaves out the consumers' polling latency: its caveat says so, as data (the label is the CLI's English). */
export const ignoresPolling = (th: TheoryResult): boolean => th.status !== 'none' && th.caveats.some((c) => c.kind === 'polling');

const SPECS: { key: RowKey; unit: RowUnit; m: (f: Figures) => Estimate; p: (p: Predicted) => number | null }[] = [
  { key: 'arrival', unit: 'rate', m: (f) => f.arrivalRate, p: (p) => p.arrivalRate },
  { key: 'service', unit: 'rate', m: (f) => f.serviceRate, p: (p) => p.serviceRate },
  { key: 'consumers', unit: 'count', m: (f) => plain(f.consumers.mean), p: (p) => p.consumers },
  { key: 'buffer', unit: 'buffer', m: (f) => plain(f.bufferSize ?? Infinity), p: (p) => p.bufferSize ?? Infinity },
  { key: 'rho', unit: 'share', m: (f) => f.rho, p: (p) => p.rho },
  { key: 'Lq', unit: 'items', m: (f) => f.Lq, p: (p) => p.Lq },
  { key: 'L', unit: 'items', m: (f) => f.L, p: (p) => p.L },
  { key: 'Wq', unit: 'seconds', m: (f) => f.Wq, p: (p) => p.Wq },
  { key: 'W', unit: 'seconds', m: (f) => f.W, p: (p) => p.W },
  { key: 'throughput', unit: 'rate', m: (f) => f.throughput, p: (p) => p.throughput },
  { key: 'blocked', unit: 'share', m: (f) => f.pBlocked, p: (p) => p.pBlocked },
];

function plain(v: number | null): Estimate {
  return { value: v, ci95: null };
}

/** What theory still says without a steady state: the settings, and that the queue grows. */
function unstablePrediction(key: RowKey, th: Extract<TheoryResult, { status: 'unstable' }>): number | null {
  const p = th.params;
  switch (key) {
    case 'arrival':
      return p.offeredRate;
    case 'service':
      return p.serviceRate;
    case 'consumers':
      return p.consumers;
    case 'buffer':
      return p.bufferSize ?? Infinity;
    case 'rho':
      return Math.min(1, th.rho);
    case 'throughput':
      return p.consumers * p.serviceRate;
    case 'Lq':
    case 'L':
    case 'Wq':
    case 'W':
      return Infinity;
    default:
      return null;
  }
}

const within = (x: number | null, ci: [number, number] | null): boolean | null => {
  if (x === null || ci === null || !Number.isFinite(x)) return null;
  const slack = 1e-9 * Math.max(1, Math.abs(x));
  return x >= ci[0] - slack && x <= ci[1] + slack;
};

export function figureRows(f: Figures | null, th: TheoryResult | null): FigureRow[] {
  const rows: FigureRow[] = SPECS.map((s) => {
    const est = f === null ? null : s.m(f);
    let predicted: number | null = null;
    if (th?.status === 'ok') predicted = s.p(th.figures);
    else if (th?.status === 'unstable') predicted = unstablePrediction(s.key, th);
    const ci = est?.ci95 ?? null;
    const settled = s.unit === 'count' || s.unit === 'buffer';
    return { key: s.key, unit: s.unit, measured: est?.value ?? null, ci, predicted, agrees: settled ? null : within(predicted, ci) };
  });
  const L = f?.L ?? null;
  const lambdaW = f?.little.lambdaW ?? null;
  rows.push({ key: 'little', unit: 'little', measured: L?.value ?? null, ci: L?.ci95 ?? null, second: lambdaW, predicted: null, agrees: within(lambdaW, L?.ci95 ?? null) });
  return rows;
}
