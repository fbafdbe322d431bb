/**
 * The state Metrics keeps of a run, and the clock that integrates it over time: what is alive, in service, held and
 * in the buffer now; the sums of the current batch and of the measured period; the time series sample being filled.
 * advanceTo moves the clock on, adding each count's time integral to the sums and closing time series samples and
 * batches as it crosses their ends (pairs of batches merge when there are twice as many as needed). Metrics
 * (metrics.ts) owns one, a MetricsRecorder (metricsRecorder.ts) applies the trace's records to it, and Metrics
 * reads the figures from it.
 */
import type { Scenario } from '../scenario';
import { Acc } from './batchMeans';
import { type BufferTracker, trackerFor } from './bufferTrackers';
import type { MetricsOptions, Sample } from './metricsTypes';
import { GrowingHistogram, Ring } from './ringAndHistogram';

/** The consumer's state, for busy time and per-consumer figures. */
export interface ConsumerState {
  name: string;
  alive: boolean;
  busy: boolean;
  aliveSince: number;
  getAt: number;
  entry: number;
  served: number;
  svcSum: number;
  /** Measured busy and alive time up to the last change (the running stretch is added when read). */
  busyTime: number;
  aliveTime: number;
}

export interface ProducerState {
  alive: boolean;
  /** put_wait time of a real item it holds, or null. */
  heldSince: number | null;
}

export class MetricsState {
  warmup: number;
  readonly minBatches: number;
  batchLen: number;
  batchEnd: number;
  readonly complete: Acc[] = [];
  cur = new Acc();
  total = new Acc();
  private readonly sampleDt: number;
  private sampleEnd: number;
  private sampleStart = 0;
  sample = { areaQ: 0, qMax: 0, puts: 0, done: 0, areaService: 0, areaConsumers: 0, areaHeld: 0, areaProducers: 0, waitSum: 0, gets: 0, blockSum: 0, blocks: 0 };
  readonly samples: Ring<Sample>;
  waitHist: GrowingHistogram;
  blockHist: GrowingHistogram;
  readonly initialBatch: number;
  readonly histogramBins: number;
  readonly histogramWidth: number;

  t = 0;
  qsize = 0;
  inService = 0;
  held = 0;
  consumersAlive = 0;
  producersAlive = 0;
  unfinished = 0;
  blockedPuts = 0;
  sentinels = 0;
  readonly maxsize: number;
  readonly buffer: BufferTracker;
  readonly consumers = new Map<string, ConsumerState>();
  readonly producers = new Map<string, ProducerState>();
  readonly roles = new Map<string, 'producer' | 'consumer'>();
  readonly actorRoles = new Map<string, 'producer' | 'consumer' | 'main'>();
  ended = false;
  /** When the run ended (its end record's time), or null while it runs. */
  endedAt: number | null = null;

  constructor(scenario: Scenario, opts: MetricsOptions = {}) {
    this.warmup = opts.warmup ?? 0;
    this.minBatches = opts.batches ?? 20;
    this.initialBatch = opts.initialBatch ?? 0.1;
    this.batchLen = this.initialBatch;
    this.batchEnd = this.warmup + this.batchLen;
    this.sampleDt = opts.sampleInterval ?? 1;
    this.sampleEnd = this.sampleDt;
    this.samples = new Ring(opts.seriesCapacity ?? 4096);
    this.histogramBins = opts.histogramBins ?? 64;
    this.histogramWidth = opts.histogramWidth ?? 0.01;
    this.waitHist = new GrowingHistogram(this.histogramBins, this.histogramWidth);
    this.blockHist = new GrowingHistogram(this.histogramBins, this.histogramWidth);
    this.maxsize = scenario.queue.kind === 'queue.Queue' ? 0 : scenario.queue.maxsize;
    this.buffer = trackerFor(scenario.queue.kind);
    for (const g of scenario.producers) this.roles.set(g.name, 'producer');
    for (const g of scenario.consumers) this.roles.set(g.name, 'consumer');
  }

  /** The measured part of [from, now]. */
  span(from: number): number {
    return Math.max(0, this.t - Math.max(from, this.warmup));
  }

  /** Moves the clock on with nothing happening (a live chart between events). */
  advanceTo(t: number): void {
    if (!(t > this.t)) return;
    while (this.t < t) {
      let end = Math.min(t, this.sampleEnd);
      if (this.t < this.sampleStart) end = Math.min(end, this.sampleStart);
      if (this.t < this.warmup) end = Math.min(end, this.warmup);
      else end = Math.min(end, this.batchEnd);
      this.integrate(end - this.t, this.t >= this.warmup, this.t >= this.sampleStart);
      this.t = end;
      if (this.t >= this.sampleEnd) this.closeSample(t);
      if (this.t >= this.warmup && this.t >= this.batchEnd) this.closeBatch();
    }
  }

  private integrate(dt: number, measured: boolean, sampled: boolean): void {
    if (dt <= 0) return;
    if (sampled) {
      const s = this.sample;
      s.areaQ += this.qsize * dt;
      s.areaService += this.inService * dt;
      s.areaConsumers += this.consumersAlive * dt;
      s.areaHeld += this.held * dt;
      s.areaProducers += this.producersAlive * dt;
    }
    if (!measured) return;
    const a = this.cur;
    a.time += dt;
    a.areaQ += this.qsize * dt;
    a.areaService += this.inService * dt;
    a.areaHeld += this.held * dt;
    a.areaConsumers += this.consumersAlive * dt;
    a.areaProducers += this.producersAlive * dt;
    if (this.maxsize > 0 && this.qsize >= this.maxsize) a.areaFull += dt;
  }

  private closeSample(target: number): void {
    this.pushSample(this.sampleDt);
    this.sampleStart = this.sampleEnd;
    this.sampleEnd += this.sampleDt;
    const dt = this.sampleDt;
    // a long silence: the ring would keep only its last samples of it, so skip the others
    const skip = Math.floor((target - this.sampleEnd) / dt) - this.samples.capacity;
    if (skip > 0) {
      this.sampleEnd += skip * dt;
      this.sampleStart = this.sampleEnd - dt;
    }
  }

  /** The run has ended: the sample under way closes over the time it covered (the run's last moments). */
  closeFinalSample(): void {
    const span = this.t - this.sampleStart;
    const s = this.sample;
    if (span > 0 || s.puts > 0 || s.done > 0 || s.gets > 0 || s.blocks > 0) this.pushSample(span);
  }

  private pushSample(span: number): void {
    const s = this.sample;
    const over = span > 0 ? span : this.sampleDt;
    this.samples.push({
      t: this.sampleEnd,
      span,
      qsize: span > 0 ? s.areaQ / span : this.qsize,
      qsizeMax: Math.max(s.qMax, this.qsize),
      produced: s.puts / over,
      consumed: s.done / over,
      utilisation: s.areaConsumers > 0 ? s.areaService / s.areaConsumers : null,
      blocked: s.areaProducers > 0 ? s.areaHeld / s.areaProducers : null,
      unfinished: this.unfinished,
      wait: s.gets > 0 ? s.waitSum / s.gets : null,
      waitSum: s.waitSum,
      gets: s.gets,
      blockSum: s.blockSum,
      blocks: s.blocks,
    });
    this.sample = { areaQ: 0, qMax: this.qsize, puts: 0, done: 0, areaService: 0, areaConsumers: 0, areaHeld: 0, areaProducers: 0, waitSum: 0, gets: 0, blockSum: 0, blocks: 0 };
  }

  private closeBatch(): void {
    this.cur.addInto(this.total);
    this.complete.push(this.cur);
    this.cur = new Acc();
    this.batchEnd += this.batchLen;
    if (this.complete.length >= 2 * this.minBatches) {
      const merged: Acc[] = [];
      for (let k = 0; k + 1 < this.complete.length; k += 2) {
        const m = new Acc();
        (this.complete[k] as Acc).addInto(m);
        (this.complete[k + 1] as Acc).addInto(m);
        merged.push(m);
      }
      this.complete.length = 0;
      this.complete.push(...merged);
      this.batchLen *= 2;
      this.batchEnd = this.warmup + this.complete.length * this.batchLen + this.batchLen;
      // the current batch began at a boundary of the doubled length, so it simply runs on
    }
  }
}
