/**
 * From a scenario to a queueing model: which model applies to the program's semantics, with which parameters, and
 * what it predicts. The production interval is the producer's sleep between puts (`interval: null` means no sleep:
 * an infinite arrival rate); the service time is the consumer's sleep; `maxsize <= 0` is an unbounded buffer.
 */
import type { Dist, Scenario } from '../scenarios/types';
import { allenCunneen, mergedScv } from './allenCunneen';
import { Caveats } from './caveats';
import { blockingChain } from './birthDeath';
import { moments, sameDist, type Moments } from './dists';
import { mmc } from './erlang';
import { noModelText } from './noModel';
import type { ModelName, NoModel, TheoryResult } from './types';

export interface ProducerStream {
  group: string;
  count: number;
  /** Moments of the interval, or null when the producer never sleeps (infinite rate). */
  interval: Moments | null;
  exponential: boolean;
  /** items.count (null: for ever). */
  items: number | null;
}

const names = (gs: ProducerStream[]): string => gs.map((g) => g.group).join(', ');

export interface ModelParams {
  producers: ProducerStream[];
  /** p: every producer, all groups. */
  producerCount: number;
  /** c: every consumer, all groups. */
  consumers: number;
  service: Moments;
  serviceExponential: boolean;
  /** K, or null for an unbounded buffer. */
  bufferSize: number | null;
  /** The longest poll interval when consumers poll (`get_nowait` + sleep), else null. */
  pollInterval: number | null;
  /** Things the model does not capture but that do not rule it out (with their English notes). */
  caveats: Caveats;
}

export const none = (why: NoModel, cv: Caveats = new Caveats()): TheoryResult => ({
  status: 'none',
  model: 'simulation only',
  label: 'simulation only',
  exact: false,
  why,
  reason: noModelText(why),
  notes: cv.notes,
  caveats: cv.list,
});

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

/** The model's parameters, or the reason no model applies. */
export function modelParams(s: Scenario): ModelParams | { why: NoModel } {
  const cv = new Caveats();
  const K = s.queue.kind !== 'queue.Queue' && s.queue.maxsize > 0 ? s.queue.maxsize : null;

  // service: one distribution for every consumer
  let service: Dist | null = null;
  let consumers = 0;
  let poll: number | null = null;
  for (const g of s.consumers) {
    if (g.service_call === 'time.sleep') {
      return { why: { kind: 'blockingService', group: g.name } };
    }
    if (g.raise_on !== null) return { why: { kind: 'raises', group: g.name } };
    let d: Dist = g.service;
    if (d.dist === 'item') {
      const values = s.producers.map((p) => p.items.value);
      const first = values[0];
      if (first === undefined || first.type !== 'dist' || !values.every((v) => v.type === 'dist' && sameDist(v.dist, first.dist))) {
        return { why: { kind: 'itemServiceMixed' } };
      }
      if (s.queue.kind === 'PriorityQueue') {
        return { why: { kind: 'priorityItemService' } };
      }
      d = first.dist;
    }
    if (service !== null && !sameDist(service, d)) return { why: { kind: 'unequalConsumers' } };
    service = d;
    consumers += g.count;
    if (g.get.mode === 'poll') poll = Math.max(poll ?? 0, g.get.interval);
  }
  const sm = service === null ? null : moments(service);
  if (service === null || sm === null || consumers === 0) return { why: { kind: 'noConsumers' } };
  if (!(sm.mean > 0)) return { why: { kind: 'zeroService' } };
  if (sm.cyclic) cv.add({ kind: 'cyclicService' });

  const producers: ProducerStream[] = [];
  let producerCount = 0;
  for (const g of s.producers) {
    if (g.put === 'nowait' && K !== null) return { why: { kind: 'putNowaitBounded', group: g.name } };
    const m = g.interval === null ? null : moments(g.interval);
    const interval = m !== null && m.mean > 0 ? m : null;
    if (interval?.cyclic) cv.add({ kind: 'cyclicInterval', group: g.name });
    producers.push({ group: g.name, count: g.count, interval, exponential: g.interval?.dist === 'expo', items: g.items.count });
    producerCount += g.count;
    if (g.items.count !== null) cv.add({ kind: 'stops', group: g.name, items: g.items.count });
  }
  if (producerCount === 0) return { why: { kind: 'noProducers' } };
  if (poll !== null) cv.add({ kind: 'polling', interval: poll });
  return { producers, producerCount, consumers, service: sm, serviceExponential: service.dist === 'expo', bufferSize: K, pollInterval: poll, caveats: cv };
}

/** The queueing-theory prediction for the scenario's current settings. */
export function predict(s: Scenario): TheoryResult {
  const mp = modelParams(s);
  if ('why' in mp) return none(mp.why);
  const cv = mp.caveats;
  const { notes, list: caveats } = cv;
  const { consumers: c, producerCount: p, bufferSize: K } = mp;
  const mu = 1 / mp.service.mean;
  const polling = mp.pollInterval !== null;
  const qualify = (m: ModelName): string => (polling ? `${m}; polling latency ignored` : m);
  const infinite = mp.producers.filter((g) => g.interval === null);
  const allExpo = mp.serviceExponential && mp.producers.every((g) => g.exponential || g.interval === null);
  const lambdas = mp.producers.map((g) => (g.interval === null ? Infinity : g.count / g.interval.mean));
  const lambdaTotal = lambdas.reduce((a, b) => a + b, 0);
  const serviceDesc = `${c} consumer${c === 1 ? '' : 's'} at mu = ${fmt(mu)}/s`;

  if (K === null) {
    const model: ModelName = allExpo ? 'M/M/c (Erlang C)' : 'Allen-Cunneen approximation';
    if (infinite.length > 0) {
      return {
        status: 'unstable',
        model,
        label: qualify(model),
        exact: allExpo && !polling,
        rho: Infinity,
        params: { consumers: c, producers: p, bufferSize: null, offeredRate: Infinity, serviceRate: mu },
        reason: infinite.every((g) => g.items !== null)
          ? `${names(infinite)} never sleep${infinite.length === 1 ? 's' : ''} between puts: every item arrives at once (a burst into an unbounded buffer), so there is no steady state to predict`
          : `${names(infinite)} never sleep${infinite.length === 1 ? 's' : ''} between puts and never stop${infinite.length === 1 ? 's' : ''}: an infinite arrival rate into an unbounded buffer, and an await q.put() that never blocks never lets another task run (the program spins for ever)`,
        notes,
        caveats,
      };
    }
    if (allExpo) {
      if (p > 1) cv.add({ kind: 'merged', producers: p, rate: lambdaTotal });
      const r = mmc(lambdaTotal, mu, c, p);
      if (!r.stable) return unstable(model, qualify(model), !polling, r.rho, { consumers: c, producers: p, bufferSize: null, offeredRate: lambdaTotal, serviceRate: mu }, serviceDesc, cv);
      return { status: 'ok', model, label: qualify(model), exact: !polling, figures: r.figures, notes, caveats };
    }
    const rho = lambdaTotal / (c * mu);
    const ca2 = mergedScv(
      mp.producers.map((g) => g.count / (g.interval as Moments).mean),
      mp.producers.map((g) => (g.interval as Moments).scv),
      rho,
    );
    if (p > 1) cv.add({ kind: 'qna', producers: p, ca2 });
    cv.add({ kind: 'allenCunneen', ca2, cs2: mp.service.scv });
    const r = allenCunneen({ lambda: lambdaTotal, mu, c, ca2, cs2: mp.service.scv, producers: p });
    if (!r.stable) return unstable(model, qualify(model), false, r.rho, { consumers: c, producers: p, bufferSize: null, offeredRate: lambdaTotal, serviceRate: mu }, serviceDesc, cv);
    return { status: 'ok', model, label: qualify(model), exact: false, figures: r.figures, notes, caveats };
  }

  // bounded buffer: the exact chain needs exponential times and producers that all put at the same rate
  if (!allExpo) return none({ kind: 'boundedNotExponential' }, cv);
  if (infinite.length > 0 && infinite.length < mp.producers.length) {
    return none({ kind: 'mixedSleep' }, cv);
  }
  const rates = new Set(mp.producers.map((g) => (g.interval === null ? Infinity : 1 / g.interval.mean)));
  if (rates.size > 1) return none({ kind: 'unequalRates' }, cv);
  const lambda = [...rates][0] as number;
  if (lambda === Infinity) cv.add({ kind: 'saturated' });
  const model: ModelName = 'M/M/c/K with blocking producers (exact)';
  const r = blockingChain({ lambda, producers: p, mu, consumers: c, bufferSize: K });
  return { status: 'ok', model, label: qualify(model), exact: !polling, figures: r.figures, notes, caveats };
}

type Params = Extract<TheoryResult, { status: 'unstable' }>['params'];

function unstable(model: ModelName, label: string, exact: boolean, rho: number, params: Params, serviceDesc: string, cv: Caveats): TheoryResult {
  return {
    status: 'unstable',
    model,
    label,
    exact,
    rho,
    params,
    reason: `rho = ${fmt(rho)} >= 1: items arrive at ${fmt(params.offeredRate)}/s and ${serviceDesc} cannot keep up; the buffer grows without bound (no steady state)`,
    notes: cv.notes,
    caveats: cv.list,
  };
}
