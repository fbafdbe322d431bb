/**
 * Worker side of the measurement: every record of the run goes into one Metrics; the stream cuts its fine time
 * series into chart points whose width follows the speed (about ten a second of wall time, whatever the speed),
 * and hands out, when asked, the points completed since last time and, a few times a second, the figures. The
 * prediction is the theory's for the program as it now runs (live changes included); at a live change the figures
 * start afresh, the charts go on.
 */
import { Metrics } from '../engine/metrics/metrics';
import type { Record } from '../engine/simulation';
import type { LiveEdit } from '../scenarios/settings';
import type { Scenario } from '../scenarios/types';
import { none, predict } from '../theory/fromScenario';
import type { TheoryResult } from '../theory/types';
import { FIELDS, type WireMetrics } from './metricsProtocol';

/** The finest interval of the time series (virtual seconds); chart points are whole multiples of it. */
export const BASE_DT = 0.05;
/** Chart points go out at most this often (wall ms); the figures less often. */
export const POINTS_MS = 100;
export const FIGURES_MS = 250;
/** A chart point spans about this much wall time at any speed. */
const POINT_WALL_S = 0.1;
/** Produced and consumed per second are counted over the last this many points (about two seconds of wall time). */
export const RATE_POINTS = 20;
const WIDTHS = [1, 2, 4, 10, 20, 40, 100, 200, 400, 1000, 2000, 4000, 10000]; // in BASE_DT: 0.05 s .. 500 s

/** The width of a chart point for a speed, in BASE_DT steps. */
export function bucketSteps(speed: number): number {
  const want = (speed * POINT_WALL_S) / BASE_DT;
  return WIDTHS.find((w) => w >= want - 1e-9) ?? WIDTHS[WIDTHS.length - 1]!;
}

interface Agg {
  /** Index (in BASE_DT steps) of the last step of this point. */
  end: number;
  /** Virtual time the point's samples cover, and the time integral of the queue length over it. */
  span: number;
  qArea: number;
  qmax: number;
  /** Items put and done in the point. */
  produced: number;
  consumed: number;
  util: number;
  utilN: number;
  unfinished: number;
  /** Sums behind the point's mean wait and mean blocked put (exact: the samples carry them). */
  waitSum: number;
  gets: number;
  blockSum: number;
  blocks: number;
}

const freshAgg = (end: number): Agg => ({
  end,
  span: 0,
  qArea: 0,
  qmax: 0,
  produced: 0,
  consumed: 0,
  util: 0,
  utilN: 0,
  unfinished: 0,
  waitSum: 0,
  gets: 0,
  blockSum: 0,
  blocks: 0,
});

function safePredict(s: Scenario): TheoryResult {
  try {
    return predict(s);
  } catch (e) {
    return none({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

export class MetricsStream {
  private readonly metrics: Metrics;
  private readonly scenario: Scenario;
  private theory: TheoryResult;
  private theorySent = false;
  private changes = 0;
  private steps: number;
  private agg: Agg | null = null;
  private lastStep = 0;
  private out: number[] = [];
  private lastPoints = -Infinity;
  private lastFigures = -Infinity;
  /** Recent points' ends and counts, for the moving rates. */
  private recentCounts: { t: number; produced: number; consumed: number }[] = [];

  constructor(
    scenario: Scenario,
    speed: number,
    private readonly run: number,
  ) {
    this.scenario = structuredClone(scenario);
    this.metrics = new Metrics(this.scenario, { sampleInterval: BASE_DT, seriesCapacity: 8192 });
    this.theory = safePredict(this.scenario);
    this.steps = bucketSteps(speed);
  }

  add(records: Record[]): void {
    for (const r of records) this.metrics.add(r);
  }

  /** The clock moved on with nothing happening (call only once every record up to `t` was added). */
  advanceTo(t: number): void {
    this.metrics.advanceTo(t);
  }

  setSpeed(speed: number): void {
    this.steps = bucketSteps(speed);
  }

  /** Live changes the program made: the prediction follows them, and the figures start again from here. */
  live(edits: LiveEdit[]): void {
    for (const e of edits) {
      const groups = e.role === 'producer' ? this.scenario.producers : this.scenario.consumers;
      if (e.type === 'workers') {
        const g = groups[0];
        if (g !== undefined) g.count = e.count;
      } else if (e.role === 'producer') {
        this.scenario.producers.forEach((g) => (g.interval = e.dist));
      } else {
        this.scenario.consumers.forEach((g) => (g.service = e.dist));
      }
    }
    this.theory = safePredict(this.scenario);
    this.theorySent = false;
    this.changes++;
    this.metrics.restartFigures();
  }

  /** What the page has not seen yet, or null when it is too early to say more (unless `force`). */
  take(now: number, force: boolean): WireMetrics | null {
    if (!force && now - this.lastPoints < POINTS_MS) return null;
    this.lastPoints = now;
    this.collectPoints();
    // the run has ended: the point under way will get no more samples, so it goes out as it is
    if (this.metrics.endedAt !== null && this.agg !== null) {
      this.close(this.agg);
      this.agg = null;
    }
    const figuresDue = force || now - this.lastFigures >= FIGURES_MS || !this.theorySent;
    if (this.out.length === 0 && !figuresDue) return null;
    const points = Float64Array.from(this.out);
    this.out = [];
    let figures = null;
    if (figuresDue) {
      this.lastFigures = now;
      figures = this.metrics.snapshot();
    }
    const theory = this.theorySent ? null : this.theory;
    this.theorySent = true;
    return {
      run: this.run,
      points,
      bucket: this.steps * BASE_DT,
      maxsize: this.scenario.queue.kind === 'queue.Queue' ? 0 : Math.max(0, this.scenario.queue.maxsize),
      figures,
      theory,
      changes: this.changes,
    };
  }

  /** Cuts the time series samples completed since last time into chart points. */
  private collectPoints(): void {
    const samples = this.metrics.series(this.lastStep * BASE_DT + BASE_DT / 2);
    if (samples.length === 0) return;
    for (const s of samples) {
      const step = Math.round(s.t / BASE_DT);
      if (step <= this.lastStep) continue;
      this.lastStep = step;
      if (this.agg !== null && step > this.agg.end) this.close(this.agg);
      if (this.agg === null || step > this.agg.end) this.agg = freshAgg(Math.ceil(step / this.steps) * this.steps);
      const a = this.agg;
      // counts and time integrals over the sample's own span: the run's last sample is shorter
      const over = s.span > 0 ? s.span : BASE_DT;
      a.span += s.span;
      a.qArea += s.qsize * s.span;
      a.qmax = Math.max(a.qmax, s.qsizeMax);
      a.produced += s.produced * over;
      a.consumed += s.consumed * over;
      if (s.utilisation !== null) {
        a.util += s.utilisation;
        a.utilN++;
      }
      a.unfinished = s.unfinished;
      a.waitSum += s.waitSum;
      a.gets += s.gets;
      a.blockSum += s.blockSum;
      a.blocks += s.blocks;
      if (step === a.end) {
        this.close(a);
        this.agg = null;
      }
    }
  }

  /** Items per second over the last RATE_POINTS point widths (or the whole run, while it is shorter). */
  private rates(end: number, produced: number, consumed: number): [number, number] {
    const span = RATE_POINTS * this.steps * BASE_DT;
    const q = this.recentCounts;
    q.push({ t: end, produced, consumed });
    // a point ending at t covers up to one width before it: keep those that end inside the span
    while (q.length > 0 && q[0]!.t <= end - span + 1e-9) q.shift();
    let p = 0;
    let c = 0;
    for (const x of q) {
      p += x.produced;
      c += x.consumed;
    }
    // the run's first points: over the time there has been (no ramp from zero that was never there)
    const over = Math.min(span, end);
    return [p / over, c / over];
  }

  private close(a: Agg): void {
    // the run's last point ends where the run did
    const ended = this.metrics.endedAt;
    const end = ended === null ? a.end * BASE_DT : Math.min(a.end * BASE_DT, ended);
    this.out.push(
      end,
      a.span > 0 ? a.qArea / a.span : NaN,
      a.qmax,
      ...this.rates(end, a.produced, a.consumed),
      a.gets > 0 ? a.waitSum / a.gets : NaN,
      a.blocks > 0 ? a.blockSum / a.blocks : NaN,
      a.utilN > 0 ? a.util / a.utilN : NaN,
      a.unfinished,
    );
    if (this.out.length % FIELDS !== 0) throw new Error('MetricsStream: a chart point has the wrong number of fields');
  }
}
