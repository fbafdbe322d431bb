/**
 * Birth-death chains: the stationary distribution by the product formula, the classic M/M/c/N (arrivals lost when
 * N are in the system), and the chain of asyncio's semantics, where a full buffer blocks the producer that holds
 * its item.
 */
import type { Predicted } from './types';

/**
 * pi_n for n = 0..N of a birth-death chain with rates birth(n) (n -> n+1) and death(n) (n -> n-1):
 * pi_n is proportional to prod_{k=1..n} birth(k-1) / death(k). Computed in logs so that long chains
 * (a buffer of a million places) neither overflow nor underflow. A zero birth rate cuts the chain there.
 */
export function stationary(N: number, birth: (n: number) => number, death: (n: number) => number): Float64Array {
  if (!Number.isInteger(N) || N < 0) throw new RangeError(`stationary: N must be a whole number >= 0, got ${N}`);
  const logw = new Float64Array(N + 1);
  let max = 0;
  for (let n = 1; n <= N; n++) {
    const prev = logw[n - 1] as number;
    const b = birth(n - 1);
    if (prev === -Infinity || b === 0) {
      logw[n] = -Infinity; // unreachable beyond a zero birth rate
      continue;
    }
    const d = death(n);
    if (!(b > 0 && Number.isFinite(b) && d > 0 && Number.isFinite(d))) {
      throw new RangeError(`stationary: rates must be finite and positive, birth(${n - 1})=${b}, death(${n})=${d}`);
    }
    const lw = prev + Math.log(b) - Math.log(d);
    logw[n] = lw;
    if (lw > max) max = lw;
  }
  const pi = new Float64Array(N + 1);
  let sum = 0;
  for (let n = 0; n <= N; n++) {
    const w = Math.exp((logw[n] as number) - max);
    pi[n] = w;
    sum += w;
  }
  for (let n = 0; n <= N; n++) pi[n] = (pi[n] as number) / sum;
  return pi;
}

export interface MmcnResult {
  pi: Float64Array;
  L: number;
  Lq: number;
  /** Rate of arrivals that enter: lambda (1 - pi_N). */
  lambdaEff: number;
  /** Probability that an arrival finds the system full and is lost: pi_N. */
  pLoss: number;
  W: number;
  Wq: number;
  /** Utilisation of a server: lambdaEff / (c mu). */
  rho: number;
}

/** M/M/c/N: c servers, at most N in the system (N >= c), arrivals that find N are lost (Gross & Harris 2.5). */
export function mmcn(lambda: number, mu: number, c: number, N: number): MmcnResult {
  if (N < c) throw new RangeError(`mmcn: N (${N}) must be at least c (${c})`);
  const pi = stationary(N, () => lambda, (n) => Math.min(n, c) * mu);
  let L = 0;
  let Lq = 0;
  for (let n = 0; n <= N; n++) {
    L += n * (pi[n] as number);
    Lq += Math.max(0, n - c) * (pi[n] as number);
  }
  const pLoss = pi[N] as number;
  const lambdaEff = lambda * (1 - pLoss);
  return { pi, L, Lq, lambdaEff, pLoss, W: L / lambdaEff, Wq: Lq / lambdaEff, rho: lambdaEff / (c * mu) };
}

export interface BlockingParams {
  /** Rate at which one unblocked producer puts (1 / mean interval); Infinity when it never sleeps. */
  lambda: number;
  producers: number;
  /** Rate of one consumer (1 / mean service time). */
  mu: number;
  consumers: number;
  /** maxsize K >= 1. */
  bufferSize: number;
}

/**
 * The exact chain of asyncio's semantics with exponential intervals and service: n = items in service + in the
 * buffer + held by producers blocked in put (n <= c + K + p). With b(n) = max(0, n - c - K) producers blocked, the
 * p - b(n) others each put at rate lambda; min(n, c) consumers serve at rate mu. A blocked producer's item enters
 * the buffer the moment a consumer takes one out, so the chain moves only on arrivals and service completions.
 * With p = 1 this is M/M/c/(c+K+1); as K grows it tends to M/M/c with rate p lambda.
 */
export function blockingChain(q: BlockingParams): { pi: Float64Array; figures: Predicted } {
  const { lambda, producers: p, mu, consumers: c, bufferSize: K } = q;
  if (!(K >= 1) || !Number.isInteger(K)) throw new RangeError(`blockingChain: bufferSize must be a whole number >= 1, got ${K}`);
  if (!(p >= 1) || !(c >= 1)) throw new RangeError('blockingChain: needs at least one producer and one consumer');
  if (!(mu > 0) || !Number.isFinite(mu)) throw new RangeError(`blockingChain: mu must be finite and above 0, got ${mu}`);
  if (!(lambda > 0)) throw new RangeError(`blockingChain: lambda must be above 0, got ${lambda}`);
  const N = c + K + p;
  const blocked = (n: number): number => Math.max(0, n - c - K);
  let pi: Float64Array;
  if (lambda === Infinity) {
    // producers that never sleep keep the buffer full and are all blocked (the limit of the chain)
    pi = new Float64Array(N + 1);
    pi[N] = 1;
  } else {
    pi = stationary(N, (n) => (p - blocked(n)) * lambda, (n) => Math.min(n, c) * mu);
  }
  let L = 0;
  let Ls = 0;
  let Lq = 0;
  let Lheld = 0;
  let pFull = 0;
  let arrivalsWaiting = 0; // rate of puts (attempts) that find every consumer busy
  let arrivals = 0;
  for (let n = 0; n <= N; n++) {
    const w = pi[n] as number;
    if (w === 0) continue;
    const b = blocked(n);
    L += n * w;
    Ls += Math.min(n, c) * w;
    Lq += Math.min(Math.max(n - c, 0), K) * w;
    Lheld += b * w;
    if (n >= c + K) pFull += w;
    if (lambda !== Infinity) {
      const r = (p - b) * lambda * w;
      arrivals += r;
      if (n >= c) arrivalsWaiting += r;
    }
  }
  const X = Ls * mu;
  const offered = p * lambda;
  return {
    pi,
    figures: {
      consumers: c,
      producers: p,
      bufferSize: K,
      offeredRate: offered,
      arrivalRate: X,
      serviceRate: mu,
      offeredLoad: offered / mu,
      throughput: X,
      rho: Ls / c,
      L,
      Lq,
      Lservice: Ls,
      Lheld,
      W: L / X,
      Wq: Lq / X,
      Wheld: Lheld / X,
      pWait: lambda === Infinity ? 1 : arrivalsWaiting / arrivals,
      pBlocked: Lheld / p,
      pFull,
    },
  };
}
