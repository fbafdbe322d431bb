/**
 * Validation of untrusted scenario JSON (files, links, the CLI): every problem gets one message that names the
 * field and says what is wrong, e.g. `producers[0].count: must be from 1 to 64, got -1`. Never throws.
 */
import { Checker, describe, field, reason } from './checker';
import { LIMITS } from './limits';
import { SCENARIO_SPEC, type Dist, type Scenario } from './types';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const TOP = ['spec', 'name', 'python', 'seed', 'horizon', 'queue', 'producers', 'consumers', 'shutdown', 'main'];

export function validateScenario(input: unknown): Validation {
  const problems = errorsOf(input);
  if (problems.length > 0) return { ok: false, errors: problems };
  // What comes back is a plain copy, checked in its turn: a value that passed but does not copy as it read (an
  // inherited or hidden field, a getter that changes its answer, a Proxy) must not come back valid.
  let copy: unknown;
  try {
    copy = structuredClone(input);
  } catch (e) {
    return { ok: false, errors: [`scenario: could not be read (${reason(e)})`] };
  }
  const again = errorsOf(copy);
  if (again.length > 0) return { ok: false, errors: again };
  return { ok: true, scenario: copy as Scenario };
}

function errorsOf(input: unknown): string[] {
  const c = new Checker();
  try {
    check(c, input);
  } catch (e) {
    c.fail('scenario', `could not be read (${reason(e)})`);
  }
  return c.errors;
}

/** Parses JSON text and validates it; a syntax error is reported like any other problem. */
export function parseScenario(text: string): Validation {
  if (text.length > 1_000_000) return { ok: false, errors: [`scenario: the file is too large (${text.length} characters; at most 1,000,000)`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`scenario: not valid JSON (${reason(e)})`] };
  }
  return validateScenario(json);
}

function check(c: Checker, input: unknown): void {
  const s = c.obj(input, 'scenario', TOP);
  if (s === null) return;
  for (const k of TOP) if (!(k in s)) c.fail(k, 'is missing');
  if ('spec' in s && s.spec !== SCENARIO_SPEC) c.fail('spec', `must be ${JSON.stringify(SCENARIO_SPEC)}, got ${describe(s.spec)}`);
  if ('name' in s) c.str(s.name, 'name', LIMITS.nameLength);
  if ('python' in s) c.oneOf(s.python, 'python', ['3.11', '3.12', '3.13'] as const);
  if ('seed' in s) c.num(s.seed, 'seed', 0, LIMITS.seed, true);
  if ('horizon' in s && s.horizon !== null) {
    if (c.num(s.horizon, 'horizon', 0, LIMITS.horizon) && s.horizon === 0) c.fail('horizon', 'must be above 0 (or null)');
  }
  const q = 'queue' in s ? c.obj(s.queue, 'queue', ['kind', 'maxsize']) : null;
  if (q !== null) {
    c.oneOf(q.kind, 'queue.kind', ['Queue', 'LifoQueue', 'PriorityQueue', 'queue.Queue'] as const);
    c.num(q.maxsize, 'queue.maxsize', 0, LIMITS.maxsize, true);
  }
  const names = new Set<string>();
  const producers = 'producers' in s ? groups(c, s.producers, 'producers') : [];
  producers.forEach((g, i) => producer(c, g, `producers[${i}]`, names));
  const consumers = 'consumers' in s ? groups(c, s.consumers, 'consumers') : [];
  consumers.forEach((g, i) => consumer(c, g, `consumers[${i}]`, names));
  if ('shutdown' in s) shutdown(c, s.shutdown);
  const m = 'main' in s ? c.obj(s.main, 'main', ['start', 'awaits', 'with', 'keep_refs']) : null;
  if (m !== null) {
    c.oneOf(m.start, 'main.start', ['producers_first', 'consumers_first'] as const);
    c.oneOf(m.awaits, 'main.awaits', ['all', 'consumers', 'producers'] as const);
    c.oneOf(m.with, 'main.with', ['wait', 'gather', 'await'] as const);
    if ('keep_refs' in m) c.bool(m.keep_refs, 'main.keep_refs');
  }
  if (c.errors.length === 0) crossRules(c, input as Scenario);
}

function groups(c: Checker, v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) {
    c.fail(path, `must be a list of groups, got ${describe(v)}`);
    return [];
  }
  if (v.length < 1 || v.length > LIMITS.groups) c.fail(path, `must hold 1 to ${LIMITS.groups} groups, got ${v.length}`);
  return Array.from(v.slice(0, LIMITS.groups)); // a hole is a missing group, not one to skip
}

function producer(c: Checker, v: unknown, p: string, names: Set<string>): void {
  const g = c.obj(v, p, ['name', 'count', 'runs_in', 'items', 'interval', 'interval_at', 'put', 'then']);
  if (g === null) return;
  c.groupName(g.name, `${p}.name`, names);
  c.num(g.count, `${p}.count`, 1, LIMITS.producersPerGroup, true);
  c.oneOf(g.runs_in, `${p}.runs_in`, ['task', 'thread'] as const);
  const items = c.obj(g.items, `${p}.items`, ['count', 'value']);
  if (items !== null) {
    if (items.count !== null) c.num(items.count, `${p}.items.count`, 0, LIMITS.items, true);
    const val = c.obj(items.value, `${p}.items.value`, ['type', 'format', 'dist', 'priority']);
    if (val !== null && c.oneOf(val.type, `${p}.items.value.type`, ['index', 'format', 'dist', 'priority'] as const)) {
      const need: string[] = { index: [], format: ['format'], dist: ['dist'], priority: ['priority'] }[val.type];
      for (const k of Object.keys(val)) if (k !== 'type' && !need.includes(k)) c.fail(`${p}.items.value.${field(k)}`, `not a field of a ${val.type} value`);
      if (val.type === 'format' && c.str(val.format, `${p}.items.value.format`, LIMITS.formatLength)) {
        const rest = val.format.replace(/\{[in]\}/g, '');
        if (/[{}]/.test(rest)) c.fail(`${p}.items.value.format`, 'may hold only the placeholders {i} and {n}; write no other braces');
      }
      if (val.type === 'dist') c.dist(val.dist, `${p}.items.value.dist`, false);
      if (val.type === 'priority') c.dist(val.priority, `${p}.items.value.priority`, false);
    }
  }
  if (g.interval !== null) c.dist(g.interval, `${p}.interval`, false);
  c.oneOf(g.interval_at, `${p}.interval_at`, ['before_put', 'after_put'] as const);
  c.oneOf(g.put, `${p}.put`, ['await', 'nowait'] as const);
  c.oneOf(g.then, `${p}.then`, ['none', 'join'] as const);
}

function consumer(c: Checker, v: unknown, p: string, names: Set<string>): void {
  const g = c.obj(v, p, ['name', 'count', 'get', 'service', 'service_call', 'task_done', 'raise_on']);
  if (g === null) return;
  c.groupName(g.name, `${p}.name`, names);
  c.num(g.count, `${p}.count`, 1, LIMITS.consumersPerGroup, true);
  const get = c.obj(g.get, `${p}.get`, ['mode', 'interval']);
  if (get !== null && c.oneOf(get.mode, `${p}.get.mode`, ['await', 'poll'] as const)) {
    if (get.mode === 'poll') {
      if (c.num(get.interval, `${p}.get.interval`, 0, LIMITS.time) && get.interval === 0) c.fail(`${p}.get.interval`, 'must be above 0: a poll loop with no sleep never lets time pass');
    } else if ('interval' in get) c.fail(`${p}.get.interval`, 'only a poll has an interval');
  }
  c.dist(g.service, `${p}.service`, true);
  c.oneOf(g.service_call, `${p}.service_call`, ['asyncio.sleep', 'time.sleep'] as const);
  c.oneOf(g.task_done, `${p}.task_done`, ['after', 'never', 'twice'] as const);
  if (g.raise_on !== null) {
    const r = c.obj(g.raise_on, `${p}.raise_on`, ['item', 'exception', 'guard']);
    if (r !== null) {
      c.item(r.item, `${p}.raise_on.item`);
      c.oneOf(r.exception, `${p}.raise_on.exception`, ['ValueError', 'RuntimeError'] as const);
      c.oneOf(r.guard, `${p}.raise_on.guard`, ['none', 'finally', 'except'] as const);
    }
  }
}

function shutdown(c: Checker, v: unknown): void {
  const s = c.obj(v, 'shutdown', ['strategy', 'by', 'count', 'immediate', 'after']);
  if (s === null) return;
  if (!c.oneOf(s.strategy, 'shutdown.strategy', ['none', 'sentinel', 'cancel_after_join', 'queue_shutdown'] as const)) return;
  const fields: string[] = { none: [], sentinel: ['by', 'count'], cancel_after_join: [], queue_shutdown: ['immediate', 'after'] }[s.strategy];
  for (const k of Object.keys(s)) if (k !== 'strategy' && !fields.includes(k)) c.fail(`shutdown.${field(k)}`, `not a field of the ${s.strategy} strategy`);
  for (const k of fields) if (!(k in s)) c.fail(`shutdown.${k}`, 'is missing');
  if (s.strategy === 'sentinel') {
    if ('by' in s) c.oneOf(s.by, 'shutdown.by', ['producer', 'main'] as const);
    if ('count' in s && s.count !== null) c.num(s.count, 'shutdown.count', 0, LIMITS.consumersPerGroup * LIMITS.groups, true);
  }
  if (s.strategy === 'queue_shutdown') {
    if ('immediate' in s) c.bool(s.immediate, 'shutdown.immediate');
    if ('after' in s) c.oneOf(s.after, 'shutdown.after', ['producers_done', 'join'] as const);
  }
}

/** True when every draw of the distribution is 0 (or there is no sleep at all). */
function alwaysZero(d: Dist | null): boolean {
  if (d === null) return true;
  switch (d.dist) {
    case 'const':
      return d.value === 0;
    case 'randint':
    case 'uniform':
      return d.hi === 0;
    case 'choice':
    case 'list':
      return d.values.every((v) => v === 0);
    default:
      return false;
  }
}

/** True when no draw of the distribution can be 0. */
function neverZero(d: Dist): boolean {
  switch (d.dist) {
    case 'const':
      return d.value > 0;
    case 'randint':
    case 'uniform':
      return d.lo > 0;
    case 'choice':
    case 'list':
      return d.values.every((v) => v > 0);
    case 'expo':
      return true;
    case 'item':
      return false;
  }
}

/** Rules that join several fields: what a real program of this shape can do. */
function crossRules(c: Checker, s: Scenario): void {
  const threadQ = s.queue.kind === 'queue.Queue';
  s.producers.forEach((g, i) => {
    if (g.runs_in === 'thread' && !threadQ) c.fail(`producers[${i}].runs_in`, 'a thread producer needs queue.kind "queue.Queue" (asyncio queues are not thread-safe)');
    if (g.runs_in === 'task' && threadQ) c.fail(`producers[${i}].runs_in`, 'with queue.Queue, producers run in threads ("thread"): its put() would block the event loop');
    if (g.runs_in === 'thread' && (g.put !== 'await' || g.then !== 'none')) c.fail(`producers[${i}]`, 'a thread producer uses put "await" (a plain q.put) and then "none"');
    if (g.items.count === null && s.horizon === null) c.fail('horizon', `producers[${i}] never stops (items.count null): set a horizon`);
    if (g.items.count === null && alwaysZero(g.interval)) {
      // a bounded queue lets time move only if every consumer's service takes time
      const timed = s.queue.maxsize > 0 && g.runs_in === 'task' && s.consumers.every((cg) => neverZero(cg.service));
      if (!timed) c.fail(`producers[${i}].interval`, 'a producer that never stops needs a sleep above 0 between items (or a bounded queue whose consumers all take time): otherwise virtual time never moves and the program spins for ever');
    }
    if (g.items.count !== null && alwaysZero(g.interval) && s.queue.maxsize === 0 && g.items.count * g.count > LIMITS.itemsInOneStep) {
      c.fail(`producers[${i}].items.count`, `with no sleep and an unbounded queue a producer puts all its items in one step, without yielding: at most ${LIMITS.itemsInOneStep.toLocaleString('en')} items in all, got ${(g.items.count * g.count).toLocaleString('en')}`);
    }
    const v = g.items.value;
    if (v.type === 'priority' && s.queue.kind !== 'PriorityQueue') c.fail(`producers[${i}].items.value`, 'priority items (tuples) are for queue.kind "PriorityQueue"');
  });
  s.consumers.forEach((g, i) => {
    if (threadQ && g.get.mode !== 'poll') c.fail(`consumers[${i}].get.mode`, 'with queue.Queue a coroutine must poll (get(block=False)); a blocking get() would freeze the loop');
    if (g.get.mode === 'poll' && s.shutdown.strategy === 'none' && s.horizon === null) c.fail('horizon', `consumers[${i}] polls forever: set a horizon`);
    if (g.service.dist === 'item' && s.producers.some((p) => p.items.value.type !== 'index' && p.items.value.type !== 'dist')) {
      c.fail(`consumers[${i}].service`, 'a service time of "item" needs numeric items (value type index or dist)');
    }
    if (g.service_call === 'time.sleep' && threadQ) c.fail(`consumers[${i}].service_call`, 'time.sleep in a coroutine is not combined with thread producers here');
  });
  if (threadQ && s.queue.maxsize !== 0) c.fail('queue.maxsize', 'queue.Queue is unbounded here (0): a full one would block a thread producer for real');
  const sh = s.shutdown.strategy;
  if (threadQ && sh !== 'none') c.fail('shutdown.strategy', 'with queue.Queue and thread producers only "none" is supported');
  if (sh === 'queue_shutdown' && s.python !== '3.13') c.fail('python', 'Queue.shutdown() needs "3.13"');
  if (s.main.keep_refs === false) {
    if (!s.producers.some((g) => g.runs_in === 'task')) c.fail('main.keep_refs', 'false drops the producer tasks, but every producer runs in a thread');
    const tailUsesProducers = !(sh === 'none' || (sh === 'sentinel' && s.shutdown.by === 'producer')) || s.main.awaits !== 'consumers';
    if (tailUsesProducers) {
      c.fail('main.keep_refs', 'false (producer tasks not kept) needs a main that never awaits the producers: main.awaits "consumers" and shutdown "none" or sentinels put by the producer');
    }
  }
}
