/** Erlang B and C, and the M/M/c queue (unbounded buffer). */
import type { Predicted } from './types';

/** Erlang B: the probability that all c servers are busy in M/M/c/c with offered load a (Erlangs). */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`erlangB: c must be a whole number >= 0, got ${c}`);
  if (!(a >= 0)) throw new RangeError(`erlangB: a must be >= 0, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits in M/M/c with offered load a = lambda / mu Erlangs (a < c).
 * Returns 1 when a >= c (every arrival waits: no steady state).
 */
export function erlangC(c: number, a: number): number {
  if (c < 1) throw new RangeError(`erlangC: c must be >= 1, got ${c}`);
  if (a >= c) return 1;
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export type MmcResult = { stable: true; figures: Predicted } | { stable: false; rho: number };

/**
 * M/M/c with total arrival rate `lambda` and per-server rate `mu`. With p producers each putting at rate
 * lambda / p the arrivals are still Poisson (a superposition), so `producers` only fills in the figure.
 */
export function mmc(lambda: number, mu: number, c: number, producers = 1): MmcResult {
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1)) return { stable: false, rho };
  const C = erlangC(c, a);
  const Wq = C / (c * mu - lambda);
  const Lq = lambda * Wq;
  const W = Wq + 1 / mu;
  return {
    stable: true,
    figures: {
      consumers: c,
      producers,
      bufferSize: null,
      offeredRate: lambda,
      arrivalRate: lambda,
      serviceRate: mu,
      offeredLoad: a,
      throughput: lambda,
      rho,
      L: Lq + a,
      Lq,
      Lservice: a,
      Lheld: 0,
      W,
      Wq,
      Wheld: 0,
      pWait: C,
      pBlocked: 0,
      pFull: 0,
    },
  };
}
