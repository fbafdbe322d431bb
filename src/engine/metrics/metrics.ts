/**
 * Measured figures of a run, streamed from its trace: feed every record in order to `add` and read `snapshot()`.
 * Memory does not grow with the run: sums, a fixed number of batches, bounded histograms and ring buffers; the one
 * structure that follows the run is the put time of each item now in the buffer (the buffer itself is that big).
 *
 * Conventions (docs/scenario.md): the buffer is `qsize()`; an item is in service from the consumer's `get` to its
 * `done` (or `error`, or the consumer's end); an item is held by its producer from `put_wait` (the put will block)
 * to `put`. The system is buffer + in service + held, and an item's time in the system runs from the moment its
 * producer tries to put it to `done`. None is a sentinel, never an item.
 *
 * Confidence intervals are batch means over time: the measured period is cut into batches of equal length
 * (20 to 40 of them: when 40 are complete, pairs merge and the length doubles), each figure is a ratio of sums
 * (time integral / time, sum / count) and its 95% interval is the ratio estimator's, with Student's t.
 *
 * Metrics is composed of two parts: a MetricsState (metricsState.ts) holds the state and integrates it over time,
 * a MetricsRecorder (metricsRecorder.ts) applies each trace record to it, and this file reads the figures out
 * (snapshot, series) and restarts them. The sums and the intervals are in batchMeans.ts, the types handed out in
 * metricsTypes.ts.
 */
import { Acc, estimate, RATIOS, type Ratio } from './batchMeans';
import type { EndRecord, Scenario, TraceEvent } from '../scenario';
import type { ConsumerFigures, Estimate, Figures, MetricsOptions, Sample } from './metricsTypes';
import { MetricsRecorder } from './metricsRecorder';
import { MetricsState } from './metricsState';
import { GrowingHistogram } from './ringAndHistogram';

export type { ConsumerFigures, Estimate, Figures, Histogram, MetricsOptions, Sample } from './metricsTypes';
export { GrowingHistogram, Ring } from './ringAndHistogram';
export { t975 } from './batchMeans';

/** A batch must span the completion of this many items on average before its mean says anything. */
const ITEMS_PER_BATCH = 10;

export class Metrics {
  /** The state of the run the figures are read from, and what applies each record to it. */
  private readonly s: MetricsState;
  private readonly recorder: MetricsRecorder;

  constructor(scenario: Scenario, opts: MetricsOptions = {}) {
    this.s = new MetricsState(scenario, opts);
    this.recorder = new MetricsRecorder(this.s);
  }

  /** Feeds one record, in trace order (the end record included). */
  add(ev: TraceEvent | EndRecord): void {
    this.recorder.add(ev);
  }

  /** Feeds records in trace order (the end record included). */
  addAll(records: Iterable<TraceEvent | EndRecord>): void {
    this.recorder.addAll(records);
  }

  /** Moves the clock on with nothing happening (a live chart between events). */
  advanceTo(t: number): void {
    this.s.advanceTo(t);
  }

  /** When the run ended (its end record's time), or null while it runs. */
  get endedAt(): number | null {
    return this.s.endedAt;
  }

  /**
   * Starts the figures afresh from now, as if the warm-up ended here: batches, sums, per-consumer shares and the
   * histograms (the time series and the state of the run go on). For a run whose settings changed while it ran,
   * so that the figures describe the new settings only.
   */
  restartFigures(): void {
    this.s.warmup = this.s.t;
    this.s.complete.length = 0;
    this.s.cur = new Acc();
    this.s.total = new Acc();
    this.s.batchLen = this.s.initialBatch;
    this.s.batchEnd = this.s.t + this.s.batchLen;
    for (const c of this.s.consumers.values()) {
      c.busyTime = 0;
      c.aliveTime = 0;
      c.served = 0;
      c.svcSum = 0;
    }
    this.s.blockedPuts = 0;
    this.s.waitHist = new GrowingHistogram(this.s.histogramBins, this.s.histogramWidth);
    this.s.blockHist = new GrowingHistogram(this.s.histogramBins, this.s.histogramWidth);
  }

  // ------------------------------------------------------------------------------------------- reading

  /** Completed time series samples (oldest first), those ending after `since` when given. */
  series(since = -Infinity): Sample[] {
    const all = this.s.samples.toArray();
    if (since === -Infinity) return all;
    let k = all.length;
    while (k > 0 && (all[k - 1] as Sample).t > since) k--;
    return all.slice(k);
  }

  private totals(): Acc {
    const a = new Acc();
    this.s.total.addInto(a);
    this.s.cur.addInto(a);
    return a;
  }

  private batchStatus(): Figures['batches'] {
    const complete = this.s.complete.length;
    const needed = this.s.minBatches;
    let note: string | null = null;
    if (this.s.t < this.s.warmup) note = `still warming up (figures start at t = ${this.s.warmup})`;
    else if (complete < needed) note = `run too short for confidence intervals: ${complete} of ${needed} batches`;
    else if (this.s.total.done < ITEMS_PER_BATCH * complete) {
      note = `run too short for confidence intervals: ${this.s.total.done} items done over ${complete} batches, at least ${ITEMS_PER_BATCH} per batch needed`;
    }
    return { complete, length: this.s.batchLen, needed, ready: note === null, note };
  }

  snapshot(): Figures {
    const all = this.totals();
    const status = this.batchStatus();
    const ready = status.note;
    const per = this.s.complete.length;
    const counts = 2 * per; // per-item figures: at least two observations per batch on average
    const e = (r: Ratio, minCount = 0): Estimate => estimate(r, all, this.s.complete, ready, minCount);
    const serviceTime = e(RATIOS.serviceTime, counts);
    // the rate's interval is the time's, inverted (a monotone map keeps the coverage)
    const st = serviceTime.ci95;
    const serviceRate: Estimate = {
      value: serviceTime.value === null || serviceTime.value <= 0 ? null : 1 / serviceTime.value,
      ci95: st !== null && st[0] > 0 ? [1 / st[1], 1 / st[0]] : null,
    };
    if (serviceTime.ciNote !== undefined) serviceRate.ciNote = serviceTime.ciNote;
    else if (serviceRate.ci95 === null && serviceRate.value !== null) serviceRate.ciNote = 'the service time interval reaches 0';
    const L = e(RATIOS.L);
    const arrivalRate = e(RATIOS.arrivalRate);
    const W = e(RATIOS.W, counts);
    const lambdaW = arrivalRate.value !== null && W.value !== null ? arrivalRate.value * W.value : null;
    const perConsumer: ConsumerFigures[] = [...this.s.consumers.values()].map((c) => {
      const alive = c.aliveTime + (c.alive ? this.s.span(c.aliveSince) : 0);
      const busy = c.busyTime + (c.busy ? this.s.span(c.getAt) : 0);
      return {
        name: c.name,
        alive: c.alive,
        served: c.served,
        rho: alive > 0 ? busy / alive : null,
        serviceRate: c.served > 0 && c.svcSum > 0 ? c.served / c.svcSum : null,
      };
    });
    return {
      t: this.s.t,
      from: this.s.warmup,
      duration: all.time,
      batches: status,
      counts: { puts: all.puts, gets: all.gets, done: all.done, errors: all.errors, blockedPuts: this.s.blockedPuts, sentinels: this.s.sentinels },
      consumers: { now: this.s.consumersAlive, mean: all.time > 0 ? all.areaConsumers / all.time : null },
      producers: { now: this.s.producersAlive, mean: all.time > 0 ? all.areaProducers / all.time : null },
      bufferSize: this.s.maxsize > 0 ? this.s.maxsize : null,
      arrivalRate,
      throughput: e(RATIOS.throughput),
      serviceTime,
      serviceRate,
      rho: e(RATIOS.rho),
      perConsumer,
      Lq: e(RATIOS.Lq),
      Lservice: e(RATIOS.Lservice),
      Lheld: e(RATIOS.Lheld),
      L,
      Wq: e(RATIOS.Wq, counts),
      W,
      pWait: e(RATIOS.pWait, counts),
      pBlocked: e(RATIOS.pBlocked),
      pFull: this.s.maxsize > 0 ? e(RATIOS.pFull) : { value: null, ci95: null, ciNote: 'the buffer is unbounded' },
      blockedTime: e(RATIOS.blockedTime, counts),
      little: {
        L: L.value,
        lambdaW,
        relDiff: L.value !== null && lambdaW !== null && L.value > 0 ? (L.value - lambdaW) / L.value : null,
      },
      now: { qsize: this.s.qsize, inService: this.s.inService, held: this.s.held, unfinished: this.s.unfinished },
      waitHistogram: this.s.waitHist.snapshot(),
      blockedHistogram: this.s.blockHist.snapshot(),
    };
  }
}
