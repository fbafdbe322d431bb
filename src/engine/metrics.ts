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
 */
import type { EndRecord, TraceEvent } from '../scenarios/types';
import { Acc, estimate, RATIOS, type Ratio } from './batchMeans';
import type { ConsumerFigures, Estimate, Figures, Sample } from './metricsTypes';
import { type ConsumerState, MetricsState, type ProducerState } from './metricsState';
import { GrowingHistogram } from './ringAndHistogram';

export type { ConsumerFigures, Estimate, Figures, Histogram, MetricsOptions, Sample } from './metricsTypes';
export { GrowingHistogram, Ring } from './ringAndHistogram';
export { t975 } from './batchMeans';

const EPS = 1e-12;
/** A batch must span the completion of this many items on average before its mean says anything. */
const ITEMS_PER_BATCH = 10;

export class Metrics extends MetricsState {
  /** producer-3 -> the group producer; live changes add workers named like that too. */
  private roleOf(actor: string): 'producer' | 'consumer' | 'main' | undefined {
    const known = this.actorRoles.get(actor);
    if (known !== undefined) return known;
    const role = actor === 'main' ? 'main' : (this.roles.get(actor) ?? this.roles.get(actor.replace(/-\d+$/, '')));
    if (role !== undefined) this.actorRoles.set(actor, role);
    return role;
  }

  /** Feeds records in trace order (the end record included). */
  addAll(records: Iterable<TraceEvent | EndRecord>): void {
    for (const r of records) this.add(r);
  }

  add(ev: TraceEvent | EndRecord): void {
    if (this.ended) return;
    this.advanceTo(ev.t);
    if (ev.event === 'end') {
      this.ended = true;
      return;
    }
    this.apply(ev);
  }

  private consumer(name: string): ConsumerState {
    let c = this.consumers.get(name);
    if (c === undefined) {
      c = { name, alive: false, busy: false, aliveSince: 0, getAt: 0, entry: 0, served: 0, svcSum: 0, busyTime: 0, aliveTime: 0 };
      this.consumers.set(name, c);
    }
    return c;
  }

  private producer(name: string): ProducerState {
    let p = this.producers.get(name);
    if (p === undefined) {
      p = { alive: false, heldSince: null };
      this.producers.set(name, p);
    }
    return p;
  }

  private measured(): boolean {
    return this.t >= this.warmup;
  }

  /** The measured part of [from, now]. */
  private span(from: number): number {
    return Math.max(0, this.t - Math.max(from, this.warmup));
  }

  private startConsumer(c: ConsumerState): void {
    if (c.alive) return;
    c.alive = true;
    c.aliveSince = this.t;
    this.consumersAlive++;
  }

  private endService(c: ConsumerState, outcome: 'done' | 'error' | 'lost'): void {
    if (!c.busy) return;
    c.busy = false;
    c.busyTime += this.span(c.getAt);
    this.inService--;
    const m = this.measured();
    if (outcome === 'done') {
      const svc = this.t - c.getAt;
      this.sample.done++;
      if (m) {
        c.served++;
        c.svcSum += svc;
        this.cur.done++;
        this.cur.svcSum += svc;
        this.cur.sysSum += this.t - c.entry;
      }
    } else if (outcome === 'error' && m) {
      this.cur.errors++;
    }
  }

  private endProducer(p: ProducerState): void {
    if (p.heldSince !== null) {
      p.heldSince = null;
      this.held--;
    }
    if (p.alive) {
      p.alive = false;
      this.producersAlive--;
    }
  }

  private endConsumer(c: ConsumerState): void {
    this.endService(c, 'lost');
    if (c.alive) {
      c.alive = false;
      c.aliveTime += this.span(c.aliveSince);
      this.consumersAlive--;
    }
  }

  private apply(ev: TraceEvent): void {
    const role = this.roleOf(ev.actor);
    const t = this.t;
    const m = this.measured();
    switch (ev.event) {
      case 'start':
        if (role === 'consumer') {
          this.startConsumer(this.consumer(ev.actor));
        } else if (role === 'producer') {
          const p = this.producer(ev.actor);
          if (!p.alive) {
            p.alive = true;
            this.producersAlive++;
          }
        }
        break;
      case 'put_wait':
        if (ev.item !== null && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince === null) {
            p.heldSince = t;
            this.held++;
          }
        }
        break;
      case 'put': {
        this.unfinished++;
        const real = ev.item !== null;
        let entry = t;
        if (real && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince !== null) {
            entry = p.heldSince;
            const d = t - p.heldSince;
            p.heldSince = null;
            this.held--;
            this.blockedPuts++;
            this.blockHist.add(d);
            this.sample.blockSum += d;
            this.sample.blocks++;
            if (m) {
              this.cur.blocked++;
              this.cur.blockSum += d;
            }
          }
        }
        this.buffer.push(ev.item, { put: t, entry, real });
        if (real) {
          this.sample.puts++;
          if (m) this.cur.puts++;
        } else {
          this.sentinels++;
        }
        break;
      }
      case 'get': {
        const h = this.buffer.take(ev.item);
        if (ev.item === null) break;
        const c = this.consumer(ev.actor);
        this.startConsumer(c);
        if (c.busy) this.endService(c, 'lost');
        c.busy = true;
        c.getAt = t;
        c.entry = h?.entry ?? t;
        this.inService++;
        if (h !== undefined) {
          const w = t - h.put;
          this.waitHist.add(w);
          this.sample.waitSum += w;
          this.sample.gets++;
          if (m) {
            this.cur.gets++;
            this.cur.waitSum += w;
            if (w > EPS) this.cur.waited++;
          }
        }
        break;
      }
      case 'done':
        this.endService(this.consumer(ev.actor), 'done');
        break;
      case 'error':
        this.endService(this.consumer(ev.actor), 'error');
        break;
      case 'task_done':
        if (this.unfinished > 0) this.unfinished--;
        break;
      case 'producer_done':
        if (role === 'producer') this.endProducer(this.producer(ev.actor));
        break;
      case 'exit':
        if (role === 'consumer') this.endConsumer(this.consumer(ev.actor));
        break;
      case 'cancelled':
      case 'crashed':
        if (role === 'consumer') {
          const c = this.consumer(ev.actor);
          this.endService(c, ev.event === 'crashed' ? 'error' : 'lost');
          this.endConsumer(c);
        } else if (role === 'producer') {
          this.endProducer(this.producer(ev.actor));
        }
        break;
      case 'shutdown':
        // shutdown(immediate=True) drains the buffer: those items will never be gotten
        if (this.buffer.size > ev.qsize) this.unfinished = Math.max(0, this.unfinished - (this.buffer.size - ev.qsize));
        break;
      default:
        break;
    }
    // the trace's qsize is the truth; drop entries the tracker holds beyond it (a drained buffer)
    while (this.buffer.size > ev.qsize) this.buffer.take(undefined);
    this.qsize = ev.qsize;
    if (this.qsize > this.sample.qMax) this.sample.qMax = this.qsize;
  }

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
