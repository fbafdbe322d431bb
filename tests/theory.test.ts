/**
 * The queueing formulas against published values (Erlang B/C tables, textbook M/M/1/K and M/M/c/K results), the
 * blocking-producer chain against identities it must satisfy, and the mapping from scenarios to models.
 */
import { describe, expect, it } from 'vitest';
import { allenCunneen, mergedScv } from '../src/theory/allenCunneen';
import { blockingChain, mmcn, stationary } from '../src/theory/birthDeath';
import { moments } from '../src/theory/dists';
import { erlangB, erlangC, mmc } from '../src/theory/erlang';
import { predict } from '../src/theory/fromScenario';
import { findPreset } from '../src/scenarios/registry';
import { validateScenario } from '../src/scenarios/validate';
import type { ConsumerGroup, ProducerGroup, Scenario } from '../src/scenarios/types';

describe('Erlang B and C', () => {
  it('Erlang C: c = 2, a = 1 Erlang -> P(wait) = 1/3', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('Erlang C: c = 5, a = 4 -> 0.5541 (call-centre tables)', () => {
    expect(erlangC(5, 4)).toBeCloseTo(0.5541, 4);
  });

  it('Erlang C: c = 3, a = 2 -> 4/9; c = 1 is M/M/1 (P(wait) = rho)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(1, 0.37)).toBeCloseTo(0.37, 12);
  });

  it('Erlang B at 1% grade of service (Erlang B tables: 1 -> 0.0101, 5 -> 1.361, 10 -> 4.461, 20 -> 12.03 Erlangs)', () => {
    expect(erlangB(1, 0.0101)).toBeCloseTo(0.01, 4);
    expect(erlangB(5, 1.361)).toBeCloseTo(0.01, 4);
    expect(erlangB(10, 4.461)).toBeCloseTo(0.01, 4);
    expect(erlangB(20, 12.031)).toBeCloseTo(0.01, 4);
  });

  it('Erlang B: c = 2, a = 1 -> 1/5 (a^c/c! / sum a^k/k!)', () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });

  it('stays finite for large c (recursion, no factorials)', () => {
    const C = erlangC(1000, 950);
    expect(C).toBeGreaterThan(0);
    expect(C).toBeLessThan(1);
  });
});

describe('M/M/c', () => {
  it('M/M/1: L = rho / (1 - rho), W = 1 / (mu - lambda)', () => {
    const r = mmc(0.8, 1, 1);
    if (!r.stable) throw new Error('stable');
    expect(r.figures.L).toBeCloseTo(4, 12);
    expect(r.figures.W).toBeCloseTo(5, 12);
    expect(r.figures.Lq).toBeCloseTo(3.2, 12);
    expect(r.figures.Wq).toBeCloseTo(4, 12);
  });

  it('M/M/2, lambda = 1, mu = 1 (a = 1): Lq = 1/3, Wq = 1/3, W = 4/3, L = 4/3', () => {
    // Erlang C 1/3; Lq = C rho / (1 - rho) = (1/3)(1/2)/(1/2)
    const r = mmc(1, 1, 2);
    if (!r.stable) throw new Error('stable');
    expect(r.figures.Lq).toBeCloseTo(1 / 3, 12);
    expect(r.figures.Wq).toBeCloseTo(1 / 3, 12);
    expect(r.figures.W).toBeCloseTo(4 / 3, 12);
    expect(r.figures.L).toBeCloseTo(4 / 3, 12);
    expect(r.figures.rho).toBeCloseTo(0.5, 12);
  });

  it('no steady state when rho >= 1', () => {
    expect(mmc(2, 1, 2)).toEqual({ stable: false, rho: 1 });
    expect(mmc(3, 1, 2).stable).toBe(false);
  });
});

describe('birth-death chains: M/M/1/K and M/M/c/K', () => {
  it('M/M/1/K against the closed form L = rho/(1-rho) - (K+1) rho^(K+1) / (1 - rho^(K+1)) (Kleinrock, Gross & Harris)', () => {
    for (const [rho, K] of [[0.5, 3], [0.8, 10], [1.5, 4], [0.95, 50]] as const) {
      const r = mmcn(rho, 1, 1, K);
      const L = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
      expect(r.L).toBeCloseTo(L, 10);
      const p0 = (1 - rho) / (1 - rho ** (K + 1));
      expect(r.pi[0]).toBeCloseTo(p0, 12);
      expect(r.pLoss).toBeCloseTo(p0 * rho ** K, 12);
      expect(r.Lq).toBeCloseTo(L - (1 - p0), 10);
    }
  });

  it('M/M/1/K with rho = 1: uniform over 0..K, L = K/2', () => {
    const r = mmcn(2, 2, 1, 6);
    for (let n = 0; n <= 6; n++) expect(r.pi[n]).toBeCloseTo(1 / 7, 12);
    expect(r.L).toBeCloseTo(3, 12);
  });

  it('M/M/1/2 worked by hand (lambda = 1, mu = 2): pi = 4/7, 2/7, 1/7; L = 4/7; W = 2/3', () => {
    const r = mmcn(1, 2, 1, 2);
    expect(Array.from(r.pi)).toEqual([4 / 7, 2 / 7, 1 / 7].map((x) => expect.closeTo(x, 12)));
    expect(r.L).toBeCloseTo(4 / 7, 12);
    expect(r.lambdaEff).toBeCloseTo(6 / 7, 12);
    expect(r.W).toBeCloseTo(2 / 3, 12);
  });

  it('M/M/2/3 (lambda = 2, mu = 1): pi = (1, 2, 2, 2)/7, L = 12/7, Lq = 2/7, W = 1.2, Wq = 0.2', () => {
    const r = mmcn(2, 1, 2, 3);
    expect(Array.from(r.pi)).toEqual([1, 2, 2, 2].map((x) => expect.closeTo(x / 7, 12)));
    expect(r.L).toBeCloseTo(12 / 7, 12);
    expect(r.Lq).toBeCloseTo(2 / 7, 12);
    expect(r.W).toBeCloseTo(1.2, 12);
    expect(r.Wq).toBeCloseTo(0.2, 12);
  });

  it('M/M/c/K against the Gross & Harris closed form for Lq', () => {
    // Lq = p0 a^c rho / (c! (1-rho)^2) [1 - rho^(K-c+1) - (1-rho)(K-c+1) rho^(K-c)], rho = a / c != 1
    for (const [lambda, mu, c, K] of [[5, 2, 3, 7], [10, 3, 4, 12], [1, 1, 2, 5], [9, 1, 5, 9]] as const) {
      const a = lambda / mu;
      const rho = a / c;
      let fact = 1;
      let s = 0;
      for (let n = 0; n < c; n++) {
        if (n > 0) fact *= n;
        s += a ** n / fact;
      }
      fact *= c; // c!
      const tail = rho === 1 ? K - c + 1 : (1 - rho ** (K - c + 1)) / (1 - rho);
      const p0 = 1 / (s + (a ** c / fact) * tail);
      const Lq = ((p0 * a ** c * rho) / (fact * (1 - rho) ** 2)) * (1 - rho ** (K - c + 1) - (1 - rho) * (K - c + 1) * rho ** (K - c));
      const r = mmcn(lambda, mu, c, K);
      expect(r.pi[0]).toBeCloseTo(p0, 12);
      expect(r.Lq).toBeCloseTo(Lq, 10);
      expect(r.L).toBeCloseTo(Lq + r.lambdaEff / mu, 10); // L = Lq + lambda_eff / mu
    }
  });

  it('stationary(): a long chain neither overflows nor underflows; a zero birth rate cuts it', () => {
    const pi = stationary(100_000, () => 0.999, () => 1);
    let sum = 0;
    for (const x of pi) sum += x;
    expect(sum).toBeCloseTo(1, 9);
    expect(pi[0]).toBeCloseTo(0.001 / (1 - 0.999 ** 100_001), 9);
    const cut = stationary(5, (n) => (n < 2 ? 1 : 0), () => 1);
    expect(Array.from(cut)).toEqual([1 / 3, 1 / 3, 1 / 3, 0, 0, 0].map((x) => expect.closeTo(x, 12)));
  });
});

describe('the blocking-producer chain (asyncio semantics)', () => {
  it('with one producer it is M/M/c/(c+K+1): the producer holds the (K+1)-th item', () => {
    for (const [lambda, mu, c, K] of [[0.9, 1, 1, 5], [3, 1, 2, 2], [6, 1, 4, 1], [2.5, 0.5, 3, 10]] as const) {
      const b = blockingChain({ lambda, producers: 1, mu, consumers: c, bufferSize: K }).figures;
      const m = mmcn(lambda, mu, c, c + K + 1);
      expect(b.L).toBeCloseTo(m.L, 12);
      expect(b.Lq + b.Lheld).toBeCloseTo(m.Lq, 12);
      expect(b.throughput).toBeCloseTo(m.lambdaEff, 12);
      expect(b.pBlocked).toBeCloseTo(m.pLoss, 12);
      expect(b.rho).toBeCloseTo(m.rho, 12);
    }
  });

  it('c = 1, K = 1, p = 2, lambda = mu = 1 by hand: pi = (1, 2, 4, 8, 8)/23', () => {
    const { pi, figures: f } = blockingChain({ lambda: 1, producers: 2, mu: 1, consumers: 1, bufferSize: 1 });
    expect(Array.from(pi)).toEqual([1, 2, 4, 8, 8].map((x) => expect.closeTo(x / 23, 12)));
    expect(f.L).toBeCloseTo(66 / 23, 12);
    expect(f.Lq).toBeCloseTo(20 / 23, 12);
    expect(f.Lheld).toBeCloseTo(24 / 23, 12);
    expect(f.Lservice).toBeCloseTo(22 / 23, 12);
    expect(f.throughput).toBeCloseTo(22 / 23, 12);
    expect(f.pBlocked).toBeCloseTo(12 / 23, 12); // E[blocked] / p
    expect(f.pFull).toBeCloseTo(20 / 23, 12);
    // arrival attempts: rate 2 in states 0..2, 1 in state 3: 2 + 4 + 8 + 8 = 22 per 23; those finding n >= 1: 20
    expect(f.pWait).toBeCloseTo(20 / 22, 12);
  });

  it("Little's law in every part, and the figures add up", () => {
    for (const q of [
      { lambda: 0.7, producers: 3, mu: 1, consumers: 2, bufferSize: 2 },
      { lambda: 2, producers: 2, mu: 0.3, consumers: 8, bufferSize: 10 },
      { lambda: 0.1, producers: 1, mu: 1, consumers: 1, bufferSize: 1 },
    ]) {
      const f = blockingChain(q).figures;
      expect(f.L).toBeCloseTo(f.Lq + f.Lservice + f.Lheld, 12);
      expect(f.L).toBeCloseTo(f.throughput * f.W, 12);
      expect(f.Lq).toBeCloseTo(f.throughput * f.Wq, 12);
      expect(f.W).toBeCloseTo(f.Wheld + f.Wq + 1 / q.mu, 12);
      expect(f.throughput).toBeCloseTo(f.rho * q.consumers * q.mu, 12);
      expect(f.throughput).toBeLessThanOrEqual(q.producers * q.lambda);
    }
  });

  it('a huge buffer tends to M/M/c with rate p lambda', () => {
    const b = blockingChain({ lambda: 0.5, producers: 3, mu: 1, consumers: 2, bufferSize: 1_000_000 }).figures;
    const m = mmc(1.5, 1, 2, 3);
    if (!m.stable) throw new Error('stable');
    expect(b.L).toBeCloseTo(m.figures.L, 9);
    expect(b.Wq).toBeCloseTo(m.figures.Wq, 9);
    expect(b.pWait).toBeCloseTo(m.figures.pWait, 9);
    expect(b.pBlocked).toBeLessThan(1e-12);
  });

  it('overload is stable: the buffer fills and the producers wait', () => {
    const f = blockingChain({ lambda: 5, producers: 2, mu: 1, consumers: 1, bufferSize: 3 }).figures;
    expect(f.rho).toBeGreaterThan(0.99);
    expect(f.pFull).toBeGreaterThan(0.9);
    expect(f.Lheld).toBeGreaterThan(1);
  });

  it('producers that never sleep (lambda = Infinity): all blocked, buffer full, consumers always busy', () => {
    const f = blockingChain({ lambda: Infinity, producers: 2, mu: 4, consumers: 3, bufferSize: 5 }).figures;
    expect(f).toMatchObject({ L: 10, Lq: 5, Lheld: 2, Lservice: 3, rho: 1, throughput: 12, pBlocked: 1, pFull: 1, pWait: 1 });
    expect(f.Wq).toBeCloseTo(5 / 12, 12);
  });
});

describe('Allen-Cunneen', () => {
  it('is M/M/c when both coefficients of variation are 1', () => {
    const a = allenCunneen({ lambda: 3, mu: 1, c: 4, ca2: 1, cs2: 1 });
    const m = mmc(3, 1, 4);
    if (!a.stable || !m.stable) throw new Error('stable');
    expect(a.figures.Wq).toBeCloseTo(m.figures.Wq, 12);
  });

  it('M/D/1 is Pollaczek-Khinchine: Wq = rho / (2 mu (1 - rho))', () => {
    const a = allenCunneen({ lambda: 0.5, mu: 1, c: 1, ca2: 1, cs2: 0 });
    if (!a.stable) throw new Error('stable');
    expect(a.figures.Wq).toBeCloseTo(0.5, 12);
    expect(a.figures.L).toBeCloseTo(0.5 * 1.5, 12);
  });

  it('merging streams: one stream keeps its scv; many tend to Poisson', () => {
    expect(mergedScv([1], [0.2], 0.5)).toBe(0.2);
    const many = mergedScv(Array(50).fill(0.02), Array(50).fill(0), 0.3);
    expect(many).toBeGreaterThan(0.9);
  });
});

describe('moments of the distributions', () => {
  it('const, uniform, randint, expo, choice, list', () => {
    expect(moments({ dist: 'const', value: 2 })).toMatchObject({ mean: 2, variance: 0, scv: 0 });
    expect(moments({ dist: 'uniform', lo: 1, hi: 3 })).toMatchObject({ mean: 2, variance: expect.closeTo(1 / 3, 12) });
    // random.randint(2, 4): 2, 3, 4 equally likely: variance 2/3
    expect(moments({ dist: 'randint', lo: 2, hi: 4 })).toMatchObject({ mean: 3, variance: expect.closeTo(2 / 3, 12) });
    expect(moments({ dist: 'expo', mean: 0.5 })).toMatchObject({ mean: 0.5, scv: 1 });
    expect(moments({ dist: 'choice', values: [1, 3] })).toMatchObject({ mean: 2, variance: 1, scv: 0.25, cyclic: false });
    expect(moments({ dist: 'list', values: [1, 3] })).toMatchObject({ mean: 2, variance: 1, cyclic: true });
    expect(moments({ dist: 'item' })).toBeNull();
  });
});

// ------------------------------------------------------------------------------------------- fromScenario

const producer = (over: Partial<ProducerGroup> = {}): ProducerGroup => ({
  name: 'producer',
  count: 1,
  runs_in: 'task',
  items: { count: null, value: { type: 'index' } },
  interval: { dist: 'expo', mean: 2 },
  interval_at: 'before_put',
  put: 'await',
  then: 'none',
  ...over,
});
const consumer = (over: Partial<ConsumerGroup> = {}): ConsumerGroup => ({
  name: 'consumer',
  count: 2,
  get: { mode: 'await' },
  service: { dist: 'expo', mean: 1 },
  service_call: 'asyncio.sleep',
  task_done: 'after',
  raise_on: null,
  ...over,
});
function scenario(over: Partial<Scenario> = {}): Scenario {
  const s: Scenario = {
    spec: 'queue-lab/1',
    name: 't',
    python: '3.12',
    seed: 1,
    horizon: 100,
    queue: { kind: 'Queue', maxsize: 0 },
    producers: [producer()],
    consumers: [consumer()],
    shutdown: { strategy: 'none' },
    main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
    ...over,
  };
  const v = validateScenario(s);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return s;
}

describe('predict(scenario)', () => {
  it('exponential, unbounded: M/M/c (Erlang C), exact', () => {
    const r = predict(scenario());
    expect(r).toMatchObject({ status: 'ok', model: 'M/M/c (Erlang C)', exact: true });
    if (r.status !== 'ok') return;
    expect(r.figures.rho).toBeCloseTo(0.25, 12);
    expect(r.figures.pWait).toBeCloseTo(erlangC(2, 0.5), 12);
  });

  it('exponential, bounded: the blocking chain, exact; several producer groups at one rate count together', () => {
    const r = predict(scenario({ queue: { kind: 'Queue', maxsize: 3 }, producers: [producer({ count: 2 }), producer({ name: 'other' })] }));
    expect(r).toMatchObject({ status: 'ok', model: 'M/M/c/K with blocking producers (exact)', exact: true });
    if (r.status !== 'ok') return;
    const b = blockingChain({ lambda: 0.5, producers: 3, mu: 1, consumers: 2, bufferSize: 3 }).figures;
    expect(r.figures).toEqual(b);
  });

  it('unbounded with rho >= 1: no steady state', () => {
    const r = predict(scenario({ producers: [producer({ interval: { dist: 'expo', mean: 0.4 } })] }));
    expect(r).toMatchObject({ status: 'unstable', model: 'M/M/c (Erlang C)' });
    if (r.status === 'unstable') {
      expect(r.rho).toBeCloseTo(1.25, 12);
      expect(r.reason).toMatch(/no steady state/);
    }
  });

  it('no sleep between puts: infinite arrival rate (unstable unbounded, saturated bounded)', () => {
    // a never-ending producer with no sleep into an unbounded queue spins for ever: validation refuses it, but a
    // finite one that puts all its items at once is still an infinite arrival rate
    expect(validateScenario({ ...scenario(), producers: [producer({ interval: null })] }).ok).toBe(false);
    expect(predict(scenario({ producers: [producer({ interval: null, items: { count: 1000, value: { type: 'index' } } })] }))).toMatchObject({ status: 'unstable', rho: Infinity });
    const b = predict(scenario({ queue: { kind: 'Queue', maxsize: 2 }, producers: [producer({ interval: null })] }));
    expect(b).toMatchObject({ status: 'ok', figures: { rho: 1, Lq: 2, Lheld: 1, pBlocked: 1 } });
  });

  it('other distributions: Allen-Cunneen (approximation) unbounded, simulation only bounded', () => {
    const g = predict(scenario({ producers: [producer({ interval: { dist: 'uniform', lo: 1, hi: 3 } })], consumers: [consumer({ service: { dist: 'const', value: 1 } })] }));
    expect(g).toMatchObject({ status: 'ok', model: 'Allen-Cunneen approximation', exact: false });
    const b = predict(scenario({ queue: { kind: 'Queue', maxsize: 4 }, consumers: [consumer({ service: { dist: 'const', value: 1 } })] }));
    expect(b).toMatchObject({ status: 'none', model: 'simulation only' });
  });

  it('polling consumers: the model is labelled, and not exact', () => {
    const r = predict(scenario({ consumers: [consumer({ get: { mode: 'poll', interval: 0.5 } })] }));
    expect(r).toMatchObject({ status: 'ok', model: 'M/M/c (Erlang C)', exact: false });
    expect(r.label).toMatch(/polling latency ignored/);
  });

  it('what no model covers: time.sleep in a consumer, unequal consumers, put_nowait on a bounded buffer, items as service times', () => {
    expect(predict(scenario({ consumers: [consumer({ service_call: 'time.sleep' })] })).status).toBe('none');
    expect(predict(scenario({ consumers: [consumer(), consumer({ name: 'slow', service: { dist: 'expo', mean: 3 } })] })).status).toBe('none');
    expect(predict(scenario({ queue: { kind: 'Queue', maxsize: 2 }, producers: [producer({ put: 'nowait' })] })).status).toBe('none');
    expect(predict(scenario({ consumers: [consumer({ service: { dist: 'item' } })] })).status).toBe('none');
    // items drawn from expo as their own service times: M/M/c again
    const own = predict(scenario({ producers: [producer({ items: { count: null, value: { type: 'dist', dist: { dist: 'expo', mean: 1 } } } })], consumers: [consumer({ service: { dist: 'item' } })] }));
    expect(own).toMatchObject({ status: 'ok', model: 'M/M/c (Erlang C)' });
  });

  it('the presets: seed-1 is overloaded (rho = 1.11), seed-2 and seed-3 are simulation only', () => {
    const s1 = predict(findPreset('seed-1')!.scenario);
    expect(s1).toMatchObject({ status: 'unstable', model: 'Allen-Cunneen approximation' });
    if (s1.status === 'unstable') expect(s1.rho).toBeCloseTo(1 / 3 / 0.3, 12);
    expect(predict(findPreset('seed-2')!.scenario).status).toBe('none');
    expect(predict(findPreset('seed-3')!.scenario).status).toBe('none');
  });
});

describe('the caveats of a prediction', () => {
  const kinds = (s: Scenario) => predict(s).caveats.map((c) => c.kind);

  it('none for an endless exact model', () => {
    expect(kinds(scenario())).toEqual([]);
    expect(kinds(scenario({ queue: { kind: 'Queue', maxsize: 3 } }))).toEqual([]);
  });

  it('a finite producer: the steady state holds only while it runs (also without a model)', () => {
    const items = { count: 50, value: { type: 'index' as const } };
    expect(predict(scenario({ producers: [producer({ items })] })).caveats).toEqual([{ kind: 'stops', group: 'producer', items: 50 }]);
    const none = predict(scenario({ queue: { kind: 'Queue', maxsize: 4 }, producers: [producer({ items, interval: { dist: 'const', value: 1 } })] }));
    expect(none).toMatchObject({ status: 'none', caveats: [{ kind: 'stops', items: 50 }] });
  });

  it('an approximation says so: Allen-Cunneen, and QNA for several producers', () => {
    const g = predict(scenario({ producers: [producer({ count: 2, interval: { dist: 'uniform', lo: 1, hi: 3 } })], consumers: [consumer({ service: { dist: 'const', value: 0.5 } })] }));
    expect(g.caveats.map((c) => c.kind)).toEqual(['qna', 'allenCunneen']);
    expect(g.caveats[1]).toMatchObject({ kind: 'allenCunneen', cs2: 0 });
  });

  it('merged Poisson producers, polling, saturation and cycling lists; rho >= 1 keeps its caveats', () => {
    expect(kinds(scenario({ producers: [producer({ count: 3, interval: { dist: 'expo', mean: 6 } })] }))).toEqual(['merged']);
    expect(kinds(scenario({ consumers: [consumer({ get: { mode: 'poll', interval: 0.5 } })] }))).toEqual(['polling']);
    expect(kinds(scenario({ queue: { kind: 'Queue', maxsize: 2 }, producers: [producer({ interval: null })] }))).toEqual(['saturated']);
    expect(kinds(scenario({ consumers: [consumer({ service: { dist: 'list', values: [1, 2] } })] }))).toContain('cyclicService');
    const over = predict(scenario({ producers: [producer({ interval: { dist: 'expo', mean: 0.4 }, items: { count: 900, value: { type: 'index' } } })] }));
    expect(over).toMatchObject({ status: 'unstable', caveats: [{ kind: 'stops', items: 900 }] });
  });

  it("the CLI's English notes say the same caveats, one for one", () => {
    const r = predict(scenario({ producers: [producer({ count: 2, items: { count: 7, value: { type: 'index' } } })], consumers: [consumer({ get: { mode: 'poll', interval: 0.5 } })] }));
    expect(r.notes).toHaveLength(r.caveats.length);
    expect(r.notes[0]).toBe('producer stops after 7 items: the prediction is the steady state, the run also holds its start and its end');
    expect(r.notes).toContain('consumers poll every 0.500 s: an idle consumer sees a new item only at its next poll, which the model ignores (waits are longer)');
  });
});
