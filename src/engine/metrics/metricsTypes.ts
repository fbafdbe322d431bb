/**
 * The shapes Metrics hands out and takes: the figures of a run (Figures, with its Estimate, ConsumerFigures and
 * Histogram parts), one interval of the charts' time series (Sample), and the options of a Metrics (MetricsOptions).
 * Types only; the conventions behind the figures are in metrics.ts.
 */
export interface Estimate {
  /** The point estimate over the measured period; null when nothing was measured yet. */
  value: number | null;
  /** 95% confidence interval (batch means), or null while the run is too short to give one. */
  ci95: [number, number] | null;
  /** Why there is no interval, when there is none. */
  ciNote?: string;
}

export interface ConsumerFigures {
  name: string;
  alive: boolean;
  /** Items served to `done`. */
  served: number;
  /** Busy share of its lifetime within the measured period. */
  rho: number | null;
  /** 1 / mean service time. */
  serviceRate: number | null;
}

export interface Histogram {
  /** Bin k counts values in [k * width, (k + 1) * width); values of zero are counted apart. */
  width: number;
  counts: number[];
  /** Values of zero (an item taken at once, a put that did not wait). */
  zero: number;
  total: number;
  max: number;
}

export interface Figures {
  /** The time the figures reach. */
  t: number;
  /** Start of the measured period (the warm-up before it is left out). */
  from: number;
  /** Length of the measured period. */
  duration: number;
  /** The batches behind the confidence intervals. */
  batches: { complete: number; length: number; needed: number; ready: boolean; note: string | null };
  counts: { puts: number; gets: number; done: number; errors: number; blockedPuts: number; sentinels: number };
  /** Consumers and producers: alive now, and the time average over the measured period. */
  consumers: { now: number; mean: number | null };
  producers: { now: number; mean: number | null };
  /** maxsize, or null when unbounded. */
  bufferSize: number | null;
  /** Items put per second (None excluded). */
  arrivalRate: Estimate;
  /** Items done per second. */
  throughput: Estimate;
  /** Mean time from get to done. */
  serviceTime: Estimate;
  /** Per consumer: 1 / mean service time. */
  serviceRate: Estimate;
  /** Busy share of the consumers, overall. */
  rho: Estimate;
  perConsumer: ConsumerFigures[];
  /** Time-average number in the buffer (qsize). */
  Lq: Estimate;
  /** ... in service. */
  Lservice: Estimate;
  /** ... held by producers blocked in put. */
  Lheld: Estimate;
  /** ... in the system (the three together). */
  L: Estimate;
  /** Mean wait in the buffer, put -> get. */
  Wq: Estimate;
  /** Mean time in the system, first put attempt -> done. */
  W: Estimate;
  /** Share of items that waited in the buffer at all. */
  pWait: Estimate;
  /** Share of producer time spent blocked in put. */
  pBlocked: Estimate;
  /** Share of time the buffer was full (bounded buffers). */
  pFull: Estimate;
  /** Mean time a blocked put waited (put_wait -> put). */
  blockedTime: Estimate;
  /** Little's law: L against arrival rate x W (relDiff = (L - lambda W) / L). */
  little: { L: number | null; lambdaW: number | null; relDiff: number | null };
  /** Right now. */
  now: { qsize: number; inService: number; held: number; unfinished: number };
  waitHistogram: Histogram;
  blockedHistogram: Histogram;
}

/** One interval of the time series the charts draw. */
export interface Sample {
  /** End of the interval (on the sample grid, also for the run's last, shorter one). */
  t: number;
  /** How long the interval is: the sample interval, or less for the one the run ended in. */
  span: number;
  /** Time-average queue length over the interval, and its maximum. */
  qsize: number;
  qsizeMax: number;
  /** Items put / done per second in the interval. */
  produced: number;
  consumed: number;
  /** Busy share of the consumers alive in the interval (null: none alive). */
  utilisation: number | null;
  /** Share of producer time blocked in put (null: no producer). */
  blocked: number | null;
  /** unfinished_tasks at the end of the interval. */
  unfinished: number;
  /** Mean wait (put -> get) of the items taken in the interval, or null. */
  wait: number | null;
  /** The sums behind the means, so that intervals can be merged exactly: waits of the items taken, and count. */
  waitSum: number;
  gets: number;
  /** Time spent blocked in put() by the puts that completed in the interval, and their count. */
  blockSum: number;
  blocks: number;
}

export interface MetricsOptions {
  /** Leave out [0, warmup) from the figures (not from the time series). Default 0. */
  warmup?: number;
  /** Batches required for a confidence interval (doubling keeps between this and twice as many). Default 20. */
  batches?: number;
  /** Length of the first batches in seconds; doubling makes it matter only for short runs. Default 0.1. */
  initialBatch?: number;
  /** Time series interval in seconds. Default 1. */
  sampleInterval?: number;
  /** Samples kept (a ring). Default 4096. */
  seriesCapacity?: number;
  /** Histogram bins; the width doubles when a value falls beyond the last bin. Default 64. */
  histogramBins?: number;
  /** Width of a histogram bin to begin with. Default 0.01 s. */
  histogramWidth?: number;
}
