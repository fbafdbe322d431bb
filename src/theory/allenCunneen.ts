/** The Allen-Cunneen approximation for G/G/c, and the arrival variability of several renewal streams merged. */
import { mmc } from './erlang';
import type { Predicted } from './types';

export interface GgcParams {
  /** Total arrival rate. */
  lambda: number;
  /** Rate of one server. */
  mu: number;
  c: number;
  /** Squared coefficients of variation of the interarrival and service times. */
  ca2: number;
  cs2: number;
  producers?: number;
}

/**
 * Allen-Cunneen: Wq(G/G/c) ~ Wq(M/M/c) (ca^2 + cs^2) / 2; exact for M/M/c, and for M/G/1 (Pollaczek-Khinchine).
 * pWait is the Erlang C probability (an approximation outside M/M/c).
 */
export function allenCunneen(q: GgcParams): { stable: true; figures: Predicted } | { stable: false; rho: number } {
  const base = mmc(q.lambda, q.mu, q.c, q.producers ?? 1);
  if (!base.stable) return base;
  const f = base.figures;
  const Wq = (f.Wq * (q.ca2 + q.cs2)) / 2;
  const W = Wq + 1 / q.mu;
  return { stable: true, figures: { ...f, Wq, Lq: q.lambda * Wq, W, L: q.lambda * W } };
}

/**
 * The squared coefficient of variation of the merge of renewal streams (rates lambdas[i], scv ca2s[i]) by Whitt's
 * QNA approximation: w * sum(lambda_i / lambda * ca2_i) + 1 - w, w = 1 / (1 + 4 (1 - rho)^2 (nu - 1)), with
 * nu = 1 / sum((lambda_i / lambda)^2). One stream: its own scv; many streams tend to Poisson (1).
 */
export function mergedScv(lambdas: number[], ca2s: number[], rho: number): number {
  const total = lambdas.reduce((s, x) => s + x, 0);
  if (lambdas.length === 1) return ca2s[0] as number;
  let mix = 0;
  let sq = 0;
  lambdas.forEach((l, i) => {
    mix += (l / total) * (ca2s[i] as number);
    sq += (l / total) ** 2;
  });
  const nu = 1 / sq;
  const w = 1 / (1 + 4 * (1 - Math.min(rho, 1)) ** 2 * (nu - 1));
  return w * mix + 1 - w;
}
