/**
 * What queueing theory predicts for a scenario: the model used and its steady-state figures, as plain data.
 * Rates are per second, times in seconds, numbers are time averages; "system" counts the items in the buffer, in
 * service, and held by producers blocked in `await q.put()` (asyncio's backpressure keeps them outside the buffer).
 */

/** The four models, in the words the CLI and the figures table use. */
export type ModelName =
  | 'M/M/c/K with blocking producers (exact)'
  | 'M/M/c (Erlang C)'
  | 'Allen-Cunneen approximation'
  | 'simulation only';

export interface Predicted {
  /** Consumers c. */
  consumers: number;
  /** Producers p. */
  producers: number;
  /** Buffer size K (`maxsize`), or null when unbounded. */
  bufferSize: number | null;
  /** Rate at which the producers would put if never blocked: p * lambda (Infinity with no sleep). */
  offeredRate: number;
  /** Rate of successful puts (= throughput in steady state). */
  arrivalRate: number;
  /** Service rate of one consumer, mu = 1 / mean service time. */
  serviceRate: number;
  /** Offered load in Erlangs, a = offeredRate / mu. */
  offeredLoad: number;
  /** Items finished per second. */
  throughput: number;
  /** Utilisation: the share of time a consumer is busy, throughput / (c mu). */
  rho: number;
  /** Mean number in the system (buffer + in service + held by blocked producers). */
  L: number;
  /** Mean number in the buffer (`qsize()`). */
  Lq: number;
  /** Mean number in service (busy consumers). */
  Lservice: number;
  /** Mean number held by producers blocked in put. */
  Lheld: number;
  /** Mean time in the system, from the moment the producer tries to put the item to `done`. */
  W: number;
  /** Mean wait in the buffer, put -> get. */
  Wq: number;
  /** Mean time an item is held by its blocked producer (0 for items that did not block). */
  Wheld: number;
  /** Probability that an item waits in the buffer (finds every consumer busy): Erlang C for M/M/c. */
  pWait: number;
  /** Share of time a producer is blocked in put. */
  pBlocked: number;
  /** Share of time the buffer is full (bounded buffers; 0 otherwise). */
  pFull: number;
}

/** A caveat of the prediction for these settings (src/theory/caveats.ts words it in English). */
/** Why no queueing model covers the settings (src/theory/noModel.ts words it in English). */
export type NoModel =
  | { kind: 'blockingService'; group: string }
  | { kind: 'raises'; group: string }
  | { kind: 'itemServiceMixed' }
  | { kind: 'priorityItemService' }
  | { kind: 'unequalConsumers' }
  | { kind: 'noConsumers' }
  | { kind: 'zeroService' }
  | { kind: 'putNowaitBounded'; group: string }
  | { kind: 'noProducers' }
  | { kind: 'boundedNotExponential' }
  | { kind: 'mixedSleep' }
  | { kind: 'unequalRates' }
  /** The prediction threw (a bug, shown rather than hidden). */
  | { kind: 'failed'; message: string };

export type Caveat =
  /** A producer group puts a fixed number of items: the run fills up, and empties once they stop. */
  | { kind: 'stops'; group: string; items: number }
  | { kind: 'cyclicService' }
  | { kind: 'cyclicInterval'; group: string }
  /** Consumers poll (`get_nowait` and sleep): the model leaves out the polling delay. */
  | { kind: 'polling'; interval: number }
  /** Several Poisson producers merge into one Poisson stream (exact). */
  | { kind: 'merged'; producers: number; rate: number }
  /** The merged arrivals' variability of non-Poisson producers, by Whitt's QNA (an approximation). */
  | { kind: 'qna'; producers: number; ca2: number }
  /** Allen-Cunneen's approximation of G/G/c. */
  | { kind: 'allenCunneen'; ca2: number; cs2: number }
  /** Producers that never sleep into a bounded buffer: the limit of the chain. */
  | { kind: 'saturated' };

export type TheoryResult =
  | {
      status: 'ok';
      model: ModelName;
      /** The model's name with its qualifications ("... ; polling latency ignored"). */
      label: string;
      /** Exact for the scenario's semantics (the exponential chain), or an approximation. */
      exact: boolean;
      figures: Predicted;
      notes: string[];
      caveats: Caveat[];
    }
  | {
      /** No steady state: the queue grows without bound (rho >= 1 with an unbounded buffer). */
      status: 'unstable';
      model: ModelName;
      label: string;
      exact: boolean;
      /** Offered utilisation p lambda / (c mu) (Infinity with no sleep between puts). */
      rho: number;
      /** The model's parameters, which still hold without a steady state. */
      params: { consumers: number; producers: number; bufferSize: number | null; offeredRate: number; serviceRate: number };
      reason: string;
      notes: string[];
      caveats: Caveat[];
    }
  | {
      status: 'none';
      model: 'simulation only';
      label: string;
      exact: false;
      /** Why there is no prediction: `why` as data (worded by the page), `reason` in English (the CLI). */
      why: NoModel;
      reason: string;
      notes: string[];
      caveats: Caveat[];
    };
