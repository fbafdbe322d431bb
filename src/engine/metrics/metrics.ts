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
 * Metrics is built in layers: MetricsState (metricsState.ts) holds the state and integrates it over time,
 * MetricsRecorder (metricsRecorder.ts) applies each trace record to it, and this file reads the figures out
 * (snapshot, series) and restarts them. The sums and the intervals are in batchMeans.ts, the types handed out in
 * metricsTypes.ts.
 */
import { Acc, estimate, RATIOS, type Ratio } from './batchMeans';
import type { ConsumerFigures, Estimate, Figures, Sample } from './metricsTypes';
import { MetricsRecorder } from './metricsRecorder';
import { GrowingHistogram } from './ringAndHistogram';

export type { ConsumerFigures, Estimate, Figures, Histogram, MetricsOptions, Sample } from './metricsTypes';
export { GrowingHistogram, Ring } from './ringAndHistogram';
export { t975 } from './batchMeans';

/** A batch must span the completion of this many items on average before its mean says anything. */
const ITEMS_PER_BATCH = 10;

export class Metrics extends MetricsRecorder {
  /**
   * Starts the figures afresh from now, as if the warm-up ended here: batches, sums, per-consumer shares and the
   * histograms (the time series and the state of the run go on). For a run whose settings changed while it ran,
   * so that the figures describe the new settings only.
   */
  restartFigures(): void {
    this.warmup = this.t;
    this.complete.length = 0;
    this.cur = new Acc();
    this.total = new Acc();
    this.batchLen = this.initialBatch;
    this.batchEnd = this.t + this.batchLen;
    for (const c of this.consumers.values()) {
      c.busyTime = 0;
      c.aliveTime = 0;
      c.served = 0;
      c.svcSum = 0;
    }
    this.blockedPuts = 0;
    this.waitHist = new GrowingHistogram(this.histogramBins, this.histogramWidth);
    this.blockHist = new GrowingHistogram(this.histogramBins, this.histogramWidth);
  }

  // ------------------------------------------------------------------------------------------- reading

  /** Completed time series samples (oldest first), those ending after `since` when given. */
  series(since = -Infinity): Sample[] {
    const all = this.samples.toArray();
    if (since === -Infinity) return all;
    let k = all.length;
    while (k > 0 && (all[k - 1] as Sample).t > since) k--;
    return all.slice(k);
  }

  private totals(): Acc {
    const a = new Acc();
    this.total.addInto(a);
    this.cur.addInto(a);
    return a;
  }

  private batchStatus(): Figures['batches'] {
    const complete = this.complete.length;
    const needed = this.minBatches;
    let note: string | null = null;
    if (this.t < this.warmup) note = `still warming up (figures start at t = ${this.warmup})`;
    else if (complete < needed) note = `run too short for confidence intervals: ${complete} of ${needed} batches`;
    else if (this.total.done < ITEMS_PER_BATCH * complete) {
      note = `run too short for confidence intervals: ${this.total.done} items done over ${complete} batches, at least ${ITEMS_PER_BATCH} per batch needed`;
    }
    return { complete, length: this.batchLen, needed, ready: note === null, note };
  }

  snapshot(): Figures {
    const all = this.totals();
    const status = this.batchStatus();
    const ready = status.note;
    const per = this.complete.length;
    const counts = 2 * per; // per-item figures: at least two observations per batch on average
    const e = (r: Ratio, minCount = 0): Estimate => estimate(r, all, this.complete, ready, minCount);
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
    const perConsumer: ConsumerFigures[] = [...this.consumers.values()].map((c) => {
      const alive = c.aliveTime + (c.alive ? this.span(c.aliveSince) : 0);
      const busy = c.busyTime + (c.busy ? this.span(c.getAt) : 0);
      return {
        name: c.name,
        alive: c.alive,
        served: c.served,
        rho: alive > 0 ? busy / alive : null,
        serviceRate: c.served > 0 && c.svcSum > 0 ? c.served / c.svcSum : null,
      };
    });
    return {
      t: this.t,
      from: this.warmup,
      duration: all.time,
      batches: status,
      counts: { puts: all.puts, gets: all.gets, done: all.done, errors: all.errors, blockedPuts: this.blockedPuts, sentinels: this.sentinels },
      consumers: { now: this.consumersAlive, mean: all.time > 0 ? all.areaConsumers / all.time : null },
      producers: { now: this.producersAlive, mean: all.time > 0 ? all.areaProducers / all.time : null },
      bufferSize: this.maxsize > 0 ? this.maxsize : null,
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
      pFull: this.maxsize > 0 ? e(RATIOS.pFull) : { value: null, ci95: null, ciNote: 'the buffer is unbounded' },
      blockedTime: e(RATIOS.blockedTime, counts),
      little: {
        L: L.value,
        lambdaW,
        relDiff: L.value !== null && lambdaW !== null && L.value > 0 ? (L.value - lambdaW) / L.value : null,
      },
      now: { qsize: this.qsize, inService: this.inService, held: this.held, unfinished: this.unfinished },
      waitHistogram: this.waitHist.snapshot(),
      blockedHistogram: this.blockHist.snapshot(),
    };
  }
}
