/**
 * Invariants of a run, checked at every tick (one handle, or one select that ran none: finer than the Step button,
 * whose stops are all tick boundaries) against an independent model built from the trace alone:
 *
 * - every item is accounted for at every moment, exactly once: in a producer's hand (announced by `put_wait`, or the
 *   item a put that raised left in its hand), in the buffer, held by a consumer (`get` .. `done`/`error`/`exit`),
 *   consumed, or lost with a reason (the consumer crashed or was cancelled holding it, an immediate
 *   `Queue.shutdown` dropped it, a failed put, a heappop that raised);
 * - the model's buffer, in leaving order, equals `view().buffer`; it never holds more than `maxsize`; each event's
 *   `qsize` equals the model's size at that event; every `get` takes the item the queue kind says (FIFO, LIFO, or
 *   a model heap that follows CPython's `heapq` step by step, TypeErrors included);
 * - unfinished tasks equal puts minus `task_done` calls (minus the drops of an immediate shutdown) and never go
 *   negative; the produced/consumed counters equal the trace's counts;
 * - each actor's one state agrees with its trace (`get_wait` => waiting_get or ready, `crashed` => crashed, ...) and
 *   with the items it holds; nothing is running between ticks; the ready list is the actors in state ready;
 * - the end record agrees with everything: its status with its blocked list and the actors' states; seq and t.
 *
 * The trace must also be the same when the run goes tick by tick, with step() or with runToEnd().
 */
import { PyRandom } from '../../src/engine/pyruntime/random';
import { Simulation, type ActorView, type Record, type SimView } from '../../src/engine/simulation';
import { consumer, producer, scenario } from '../../src/scenarios/build';
import type { ConsumerGroup, Dist, EndRecord, Item, ItemValue, ProducerGroup, Scenario, Shutdown, TraceEvent } from '../../src/scenarios/types';
import { validateScenario } from '../../src/scenarios/validate';
import { randomScenario, randomShutdownScenario, randomThreadScenario } from '../conformance/arbitrary';

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

export const KINDS = ['random', 'shutdown', 'thread', 'wide'] as const;
export type GenKind = (typeof KINDS)[number];

/** The generator a seed uses when none is named: replaying one seed needs nothing else. */
export const kindOf = (seed: number): GenKind => KINDS[((seed % KINDS.length) + KINDS.length) % KINDS.length]!;

export function scenarioFor(kind: GenKind, seed: number): Scenario {
  switch (kind) {
    case 'random':
      return randomScenario(seed);
    case 'shutdown':
      return randomShutdownScenario(seed);
    case 'thread':
      return randomThreadScenario(seed);
    case 'wide':
      return wideScenario(seed);
  }
}

const GROUP_NAMES = { producers: ['producer', 'feeder', 'maker'], consumers: ['consumer', 'worker', 'eater'] };

function dist(r: PyRandom, opts: { zero: boolean; positive?: boolean }): Dist {
  const lo = opts.positive === true ? 1 : 0;
  switch (r.randint(0, 5)) {
    case 0:
      return { dist: 'const', value: r.choice(opts.zero && opts.positive !== true ? [0, 0, 0.25, 1, 1.5] : [0.25, 1, 1.5]) };
    case 1:
      return { dist: 'randint', lo: r.randint(lo, 1), hi: r.randint(Math.max(lo, 1), 3) };
    case 2:
      return { dist: 'uniform', lo: r.choice(opts.positive === true ? [0.1, 0.5] : [0, 0.1, 0.5]), hi: r.choice([1, 2.5]) };
    case 3:
      return { dist: 'expo', mean: r.choice([0.3, 1, 2]) };
    case 4:
      return { dist: 'choice', values: [r.choice(opts.positive === true ? [0.5, 1] : [0, 0.5, 1]), r.choice([0.25, 2])] };
    default:
      return { dist: 'list', values: opts.positive === true ? [1, 0.5, 0.25] : [r.choice([0, 0.5]), 1, 0.25] };
  }
}

function itemValue(r: PyRandom, kind: Scenario['queue']['kind']): ItemValue {
  switch (r.randint(0, 4)) {
    case 0:
      if (kind === 'PriorityQueue') return { type: 'priority', priority: r.choice<Dist>([{ dist: 'randint', lo: 0, hi: 3 }, { dist: 'choice', values: [1, 2.5] }]) };
      return { type: 'index' };
    case 1:
      return { type: 'format', format: r.choice(['item {i}', 'p{n}-{i}', '{i}', 'x']) };
    case 2:
      return { type: 'dist', dist: r.choice<Dist>([{ dist: 'randint', lo: 0, hi: 3 }, { dist: 'list', values: [2, 1, 0] }, { dist: 'uniform', lo: 0, hi: 1 }]) };
    default:
      return { type: 'index' };
  }
}

/** A value some producer will likely put, so that `raise_on` fires. */
function badItem(r: PyRandom, producers: ProducerGroup[]): Item {
  const v = r.choice(producers).items.value;
  const i = r.randint(0, 4);
  switch (v.type) {
    case 'index':
      return i;
    case 'format':
      return v.format.replace(/\{i\}/g, String(i)).replace(/\{n\}/g, '0');
    case 'dist':
      return r.randint(0, 3);
    case 'priority':
      return [r.randint(0, 3), i];
  }
}

/**
 * Wider than the conformance generators: several producer and consumer groups, every item kind, every shutdown
 * strategy, all three Pythons, unending producers under a horizon, a raise_on that matches. Always valid.
 */
export function wideScenario(seed: number): Scenario {
  const r = new PyRandom(seed);
  const threads = r.random() < 0.15;
  const kind = threads ? 'queue.Queue' : r.choice(['Queue', 'LifoQueue', 'PriorityQueue'] as const);
  let python = r.choice(['3.11', '3.12', '3.13'] as const);
  const shutdown: Shutdown = threads
    ? { strategy: 'none' }
    : r.choice<Shutdown>([
        { strategy: 'none' },
        { strategy: 'sentinel', by: r.choice(['producer', 'main'] as const), count: r.choice([null, null, 0, 1, 3]) },
        { strategy: 'cancel_after_join' },
        { strategy: 'queue_shutdown', immediate: r.random() < 0.5, after: r.choice(['producers_done', 'join'] as const) },
        { strategy: 'queue_shutdown', immediate: true, after: 'producers_done' },
      ]);
  if (shutdown.strategy === 'queue_shutdown') python = '3.13';
  let horizon: number | null = r.random() < 0.3 ? r.choice([5, 12.5, 30]) : null;
  const producers: ProducerGroup[] = [];
  for (let g = 0, n = r.randint(1, 3); g < n; g++) {
    const forever = r.random() < 0.15;
    if (forever && horizon === null) horizon = r.choice([8, 20]);
    const put = !threads && r.random() < 0.12 ? 'nowait' : 'await';
    producers.push(
      producer({
        name: GROUP_NAMES.producers[g]!,
        count: r.randint(1, 3),
        runs_in: threads ? 'thread' : 'task',
        items: { count: forever ? null : r.randint(0, 8), value: itemValue(r, kind) },
        // a producer that never stops sleeps above 0 between items, or virtual time could stand still for ever
        interval: forever || threads ? dist(r, { zero: false, positive: true }) : r.random() < 0.3 ? null : dist(r, { zero: true }),
        interval_at: r.choice(['before_put', 'after_put'] as const),
        put,
        then: !threads && r.random() < 0.2 ? 'join' : 'none',
      }),
    );
  }
  const numeric = producers.every((p) => p.items.value.type === 'index' || p.items.value.type === 'dist');
  const consumers: ConsumerGroup[] = [];
  let polls = false;
  for (let g = 0, n = r.randint(1, 3); g < n; g++) {
    const poll = threads || r.random() < 0.2;
    polls ||= poll;
    consumers.push(
      consumer({
        name: GROUP_NAMES.consumers[g]!,
        count: r.randint(1, 4),
        get: poll ? { mode: 'poll', interval: r.choice([0.25, 0.5, 1]) } : { mode: 'await' },
        service: numeric && r.random() < 0.15 ? { dist: 'item' } : dist(r, { zero: true }),
        service_call: !threads && r.random() < 0.12 ? 'time.sleep' : 'asyncio.sleep',
        task_done: threads ? r.choice(['after', 'never'] as const) : r.choice(['after', 'after', 'after', 'never', 'twice'] as const),
        raise_on:
          r.random() < 0.25
            ? { item: badItem(r, producers), exception: r.choice(['ValueError', 'RuntimeError'] as const), guard: r.choice(['none', 'finally', 'except'] as const) }
            : null,
      }),
    );
  }
  // a poller ends only on a sentinel or a shutdown that may never come (sentinel count 0, a crashed producer)
  if (polls && horizon === null) horizon = r.choice([6, 15]);
  const s = scenario(`wide #${seed}`, {
    python,
    seed: r.randint(0, 10_000),
    horizon,
    queue: { kind, maxsize: threads ? 0 : r.choice([0, 0, 1, 2, 3, 8]) },
    producers,
    consumers,
    shutdown,
    main: {
      start: r.choice(['producers_first', 'consumers_first'] as const),
      awaits: r.choice(['all', 'consumers', 'producers'] as const),
      with: r.choice(['wait', 'gather', 'await'] as const),
    },
  });
  // a bare create_task() for the producers changes only the program's text; allowed where main never awaits them
  const tail = shutdown.strategy === 'none' || (shutdown.strategy === 'sentinel' && shutdown.by === 'producer');
  if (!threads && tail && s.main.awaits === 'consumers' && r.random() < 0.5) s.main.keep_refs = false;
  const v = validateScenario(s);
  if (!v.ok) throw new Error(`wideScenario(${seed}) is not valid: ${v.errors.join('; ')}`);
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// An independent model of the queue (CPython's Queue, LifoQueue, PriorityQueue on heapq; queue.Queue)

/** Python's TypeError from an unorderable comparison inside heapq. */
class PyTypeError extends Error {
  /** The item a heappop had taken when the comparison raised: gone. */
  lost: Tracked | null = null;
}

function eq(a: Item, b: Item): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]!));
  return a === b;
}

function lt(a: Item, b: Item): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!eq(a[i]!, b[i]!)) return lt(a[i]!, b[i]!);
    return a.length < b.length;
  }
  throw new PyTypeError(`'<' between ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
}

type Loc =
  | { at: 'hand'; actor: string }
  | { at: 'buffer' }
  | { at: 'held'; actor: string }
  | { at: 'consumed' }
  | { at: 'lost'; reason: string };

interface Tracked {
  id: number;
  value: Item;
  loc: Loc;
}

/** `_heapq` as the C module runs it: it swaps as it sifts, so a comparison that raises leaves the list half-sifted. */
class ModelHeap {
  constructor(readonly a: Tracked[]) {}
  private siftdown(start: number, pos: number): void {
    const a = this.a;
    while (pos > start) {
      const parent = (pos - 1) >> 1;
      if (!lt(a[pos]!.value, a[parent]!.value)) break;
      [a[parent], a[pos]] = [a[pos]!, a[parent]!];
      pos = parent;
    }
  }
  private siftup(pos: number): void {
    const a = this.a;
    const end = a.length;
    const start = pos;
    const limit = end >> 1;
    while (pos < limit) {
      let child = 2 * pos + 1;
      if (child + 1 < end && !lt(a[child]!.value, a[child + 1]!.value)) child++;
      [a[child], a[pos]] = [a[pos]!, a[child]!];
      pos = child;
    }
    this.siftdown(start, pos);
  }
  push(t: Tracked): void {
    this.a.push(t);
    this.siftdown(0, this.a.length - 1);
  }
  /** Returns the item, or throws PyTypeError having lost it (as heappop does). */
  pop(): Tracked {
    const last = this.a.pop()!;
    if (this.a.length === 0) return last;
    const ret = this.a[0]!;
    this.a[0] = last;
    try {
      this.siftup(0);
    } catch (e) {
      if (e instanceof PyTypeError) e.lost = ret;
      throw e;
    }
    return ret;
  }
}

class ModelQueue {
  items: Tracked[] = [];
  unfinished = 0;
  shut = false;
  constructor(
    readonly kind: Scenario['queue']['kind'],
    readonly maxsize: number,
  ) {}
  get size(): number {
    return this.items.length;
  }
  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }
  /** `_put`; for a PriorityQueue it may raise PyTypeError with the item left in the list. */
  put(t: Tracked): void {
    if (this.kind === 'PriorityQueue') new ModelHeap(this.items).push(t);
    else this.items.push(t);
  }
  /** `_get`; for a PriorityQueue it may raise PyTypeError, the item taken lost. */
  get(): Tracked {
    if (this.kind === 'PriorityQueue') return new ModelHeap(this.items).pop();
    return (this.kind === 'LifoQueue' ? this.items.pop() : this.items.shift())!;
  }
  leavingOrder(): Item[] {
    if (this.kind === 'LifoQueue') return this.items.map((t) => t.value).reverse();
    if (this.kind !== 'PriorityQueue') return this.items.map((t) => t.value);
    const copy = new ModelHeap([...this.items]);
    const out: Item[] = [];
    try {
      while (copy.a.length > 0) out.push(copy.pop().value);
    } catch {
      return this.items.map((t) => t.value); // unorderable: the view shows heap order
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The checker

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

/** What a run went through: its end, and the rarer paths it took (regression tests pin them). */
export interface RunStats {
  status: EndRecord['status'];
  events: number;
  ticks: number;
  items: number;
  /** Counts of the rarer things seen: `lost: <reason>`, `uncounted put`, `hang`, `task_done too many`, ... */
  features: Map<string, number>;
}

interface ActorTrack {
  events: number;
  last: TraceEvent | null;
  /** An item in the actor's hand or in its service, by id. */
  holds: Tracked | null;
  /** The last item it got (task_done names it). */
  lastGot: Item | undefined;
  crashSeen: boolean;
}

const DONE_STATES = new Set(['finished', 'cancelled', 'crashed']);
const HANG_WAITS = /^(Queue\.get|Queue\.put|Queue\.join|asyncio\.wait|asyncio\.gather|task .+)$/;

const show = (x: unknown): string => JSON.stringify(x) ?? String(x);

class Checker {
  readonly q: ModelQueue;
  readonly all: Tracked[] = [];
  readonly actors = new Map<string, ActorTrack>();
  readonly features = new Map<string, number>();
  readonly events: TraceEvent[] = [];
  end: EndRecord | null = null;
  produced = 0;
  consumed = 0;
  puts = 0;
  taskDones = 0;
  private lastT = 0;
  private view: SimView | null = null;
  tick = 0;

  constructor(readonly s: Scenario) {
    this.q = new ModelQueue(s.queue.kind, s.queue.kind === 'queue.Queue' ? 0 : s.queue.maxsize);
  }

  fail(msg: string): never {
    const last = this.events.slice(-8).map((e) => `${e.seq} t=${e.t} ${e.actor} ${e.event}${e.item !== undefined ? ` ${show(e.item)}` : ''} q=${e.qsize}`);
    throw new InvariantViolation(`${this.s.name}, tick ${this.tick}: ${msg}\n  last events:\n    ${last.join('\n    ')}`);
  }

  check(cond: boolean, msg: () => string): void {
    if (!cond) this.fail(msg());
  }

  feature(name: string): void {
    this.features.set(name, (this.features.get(name) ?? 0) + 1);
  }

  private track(name: string): ActorTrack {
    let a = this.actors.get(name);
    if (a === undefined) {
      a = { events: 0, last: null, holds: null, lastGot: undefined, crashSeen: false };
      this.actors.set(name, a);
    }
    return a;
  }

  private newItem(value: Item, loc: Loc): Tracked {
    const t: Tracked = { id: this.all.length, value, loc };
    this.all.push(t);
    return t;
  }

  private lose(t: Tracked, reason: string): void {
    t.loc = { at: 'lost', reason };
    this.feature(`lost: ${reason}`);
  }

  private viewActor(name: string): ActorView | undefined {
    return this.view?.actors.find((a) => a.name === name);
  }

  /** A put into the model; false (the item left in the list, uncounted) when heapq raised. */
  private modelPut(t: Tracked): boolean {
    t.loc = { at: 'buffer' };
    try {
      this.q.put(t);
      return true;
    } catch (e) {
      if (!(e instanceof PyTypeError)) throw e;
      return false;
    }
  }

  /** A put that raised inside the actor's step: what it held is lost or (heapq's TypeError) left in the buffer. */
  private failedPut(name: string, a: ActorTrack, error: string): void {
    let t = a.holds;
    if (t === null) {
      // the put did not block (no put_wait): the item is the one the actor was putting, as the view shows it
      const v = this.viewActor(name);
      this.check(v !== undefined && v.site === 'put' && v.item !== undefined, () => `${name} crashed (${error}) outside a put, holding nothing`);
      t = this.newItem(v!.item!, { at: 'hand', actor: name });
    }
    a.holds = null;
    if (error.startsWith('TypeError')) {
      this.check(this.q.kind === 'PriorityQueue', () => `${name}: a TypeError in put on a ${this.q.kind}`);
      this.check(!this.modelPut(t), () => `${name}: put raised ${error}, but heappush of ${show(t.value)} does not raise in the model`);
      this.feature('uncounted put (heappush TypeError)');
    } else if (error === 'QueueFull') {
      this.check(this.q.full(), () => `${name}: QueueFull on a queue that is not full`);
      this.lose(t, 'put_nowait on a full queue');
    } else if (error === 'QueueShutDown') {
      this.check(this.q.shut, () => `${name}: QueueShutDown before any shutdown`);
      this.lose(t, 'put after shutdown');
    } else {
      this.fail(`${name}: unexpected error in put: ${error}`);
    }
  }

  /** Applies one trace event to the model; the view is the state at the end of this tick. */
  apply(e: TraceEvent): void {
    const q = this.q;
    this.check(e.seq === this.events.length, () => `seq ${e.seq}, expected ${this.events.length}`);
    this.check(e.t >= this.lastT, () => `time went back: ${e.t} after ${this.lastT}`);
    this.check(e.t <= (this.s.horizon ?? Infinity), () => `event at t=${e.t} after the horizon ${this.s.horizon}`);
    this.lastT = e.t;
    this.events.push(e);
    const a = this.track(e.actor);
    this.check((a.events === 0) === (e.event === 'start') || e.actor === 'main', () => `${e.actor}: ${e.event} as event #${a.events} (start comes first, once)`);
    const role = this.viewActor(e.actor)?.role;
    const item = e.item as Item;
    switch (e.event) {
      case 'put_wait': {
        this.check(q.full(), () => `${e.actor}: put_wait on a queue that is not full (${q.size}/${q.maxsize})`);
        this.check(a.holds === null, () => `${e.actor}: put_wait while holding ${show(a.holds?.value)}`);
        a.holds = this.newItem(item, { at: 'hand', actor: e.actor });
        break;
      }
      case 'put': {
        let t = a.holds;
        if (t !== null) this.check(eq(t.value, item), () => `${e.actor}: put ${show(item)} but held ${show(t!.value)}`);
        else t = this.newItem(item, { at: 'hand', actor: e.actor });
        a.holds = null;
        this.check(!q.shut, () => `${e.actor}: put succeeded after shutdown`);
        this.check(!q.full(), () => `${e.actor}: put into a full queue`);
        this.check(this.modelPut(t), () => `${e.actor}: put ${show(item)} succeeded, but heappush raises in the model`);
        q.unfinished++;
        this.puts++;
        if (role === 'producer' && item !== null) this.produced++; // a producer's None is a sentinel, never an item
        break;
      }
      case 'get_wait':
        this.check(q.size === 0, () => `${e.actor}: get_wait on a queue holding ${q.size}`);
        break;
      case 'empty':
        this.check(q.size === 0, () => `${e.actor}: empty on a queue holding ${q.size}`);
        break;
      case 'get': {
        this.check(a.holds === null, () => `${e.actor}: get while holding ${show(a.holds?.value)}`);
        this.check(q.size > 0, () => `${e.actor}: get ${show(item)} from an empty queue`);
        let t: Tracked;
        try {
          t = q.get();
        } catch (err) {
          if (!(err instanceof PyTypeError)) throw err;
          this.fail(`${e.actor}: got ${show(item)}, but heappop raises in the model`);
        }
        this.check(eq(t.value, item), () => `${e.actor}: got ${show(item)}, but a ${q.kind} gives ${show(t.value)} next`);
        t.loc = { at: 'held', actor: e.actor };
        a.holds = t;
        a.lastGot = item;
        break;
      }
      case 'done': {
        const t = a.holds;
        this.check(t !== null && eq(t.value, item), () => `${e.actor}: done ${show(item)} but holds ${show(t?.value)}`);
        t!.loc = { at: 'consumed' };
        a.holds = null;
        this.consumed++;
        break;
      }
      case 'error': {
        const t = a.holds;
        this.check(t !== null, () => `${e.actor}: error (${show(item)}) holding nothing`);
        t!.loc = { at: 'consumed' };
        a.holds = null;
        this.feature('handled error');
        break;
      }
      case 'task_done': {
        this.check(a.lastGot !== undefined && eq(a.lastGot, item), () => `${e.actor}: task_done ${show(item)}, last got ${show(a.lastGot)}`);
        this.check(q.unfinished > 0, () => `${e.actor}: task_done succeeded with no unfinished task`);
        q.unfinished--;
        this.taskDones++;
        break;
      }
      case 'exit': {
        const t = a.holds;
        if (t !== null) {
          this.check(t.value === null, () => `${e.actor}: exit holding ${show(t.value)}`);
          t.loc = { at: 'consumed' };
          a.holds = null;
        }
        break;
      }
      case 'shutdown_exc':
        this.check(q.shut && q.size === 0 && a.holds === null, () => `${e.actor}: QueueShutDown from get (shut ${q.shut}, size ${q.size})`);
        break;
      case 'shutdown': {
        q.shut = true;
        const sh = this.s.shutdown;
        if (sh.strategy === 'queue_shutdown' && sh.immediate) {
          for (const t of q.items) {
            this.lose(t, 'immediate shutdown');
            if (q.unfinished > 0) q.unfinished--;
          }
          q.items = [];
        }
        break;
      }
      case 'crashed': {
        a.crashSeen = true;
        const error = String(item);
        if (error.startsWith('ValueError: task_done() called too many times')) this.feature('task_done too many');
        if (role === 'producer') {
          this.failedPut(e.actor, a, error);
        } else if (a.holds !== null) {
          this.lose(a.holds, 'consumer crashed holding it');
          a.holds = null;
        } else if (error.startsWith('TypeError')) {
          // heappop raised: the item it took is gone
          let lost: Tracked | null = null;
          try {
            q.get();
          } catch (err) {
            if (!(err instanceof PyTypeError)) throw err;
            lost = err.lost;
          }
          this.check(lost !== null, () => `${e.actor}: ${error} in get, but heappop does not raise in the model`);
          this.lose(lost!, 'heappop raised TypeError');
        }
        break;
      }
      case 'cancelled': {
        if (a.holds !== null) {
          this.lose(a.holds, `${role ?? 'task'} cancelled holding it`);
          a.holds = null;
        }
        break;
      }
      case 'start':
      case 'producer_done':
      case 'join_wait':
      case 'join_done':
      case 'cancel_consumers':
      case 'main_done':
        break;
    }
    this.check(e.qsize === q.size, () => `${e.actor} ${e.event}: qsize ${e.qsize}, the model holds ${q.size}`);
    a.events++;
    a.last = e;
  }

  setView(v: SimView): void {
    this.view = v;
  }

  /** A crash that wrote no event: main's put raising (heapq TypeError on a None sentinel). */
  private silentCrashes(v: SimView): void {
    for (const av of v.actors) {
      if (av.state !== 'crashed' || av.role !== 'main') continue;
      const a = this.track(av.name);
      if (a.crashSeen) continue;
      a.crashSeen = true;
      if (av.site === 'put') {
        this.feature('main crashed in put');
        const e = av.error;
        // as the engine's PyException.describe() writes it
        this.failedPut(av.name, a, e === undefined ? '' : e.message === '' ? e.exception : `${e.exception}: ${e.message}`);
      }
    }
  }

  /** Everything the view says at a tick boundary, against the model. */
  afterTick(v: SimView, sim: Simulation): void {
    this.silentCrashes(v);
    const q = this.q;
    this.check(v.t === sim.now && v.t >= this.lastT, () => `view.t ${v.t}, now ${sim.now}, last event at ${this.lastT}`);
    this.check(v.running === null, () => `${v.running} is running between ticks`);
    // the buffer
    const order = q.leavingOrder();
    this.check(v.buffer.length === order.length && v.buffer.every((x, i) => eq(x, order[i]!)), () => `buffer ${show(v.buffer)}, model ${show(order)}`);
    this.check(v.counters.inBuffer === q.size, () => `inBuffer ${v.counters.inBuffer}, model ${q.size}`);
    if (q.maxsize > 0) this.check(q.size <= q.maxsize, () => `the buffer holds ${q.size} > maxsize ${q.maxsize}`);
    // counters
    this.check(v.counters.unfinished >= 0 && v.counters.unfinished === q.unfinished, () => `unfinished ${v.counters.unfinished}, model ${q.unfinished} (puts ${this.puts}, task_done ${this.taskDones})`);
    this.check(v.counters.produced === this.produced, () => `produced ${v.counters.produced}, trace says ${this.produced}`);
    this.check(v.counters.consumed === this.consumed, () => `consumed ${v.counters.consumed}, trace says ${this.consumed}`);
    // every item in exactly one place
    const inBuffer = new Set(q.items.map((t) => t.id));
    this.check(inBuffer.size === q.items.length, () => 'an item is in the buffer twice');
    const holders = new Map<number, string>();
    for (const [name, a] of this.actors) {
      if (a.holds === null) continue;
      this.check(!holders.has(a.holds.id) && !inBuffer.has(a.holds.id), () => `item #${a.holds!.id} is in two places (${name})`);
      holders.set(a.holds.id, name);
    }
    for (const t of this.all) {
      const l = t.loc;
      const where = l.at === 'buffer' ? inBuffer.has(t.id) : l.at === 'hand' || l.at === 'held' ? holders.get(t.id) === l.actor : !inBuffer.has(t.id) && !holders.has(t.id);
      this.check(where, () => `item #${t.id} ${show(t.value)} is marked ${show(l)} but is not there`);
    }
    // actors
    const ready = v.actors.filter((x) => x.state === 'ready').map((x) => x.name);
    this.check(show(ready) === show(v.ready), () => `ready list ${show(v.ready)}, actors in state ready ${show(ready)}`);
    let inService = 0;
    for (const av of v.actors) {
      const a = this.track(av.name);
      const last = a.last?.event ?? null;
      const st = av.state;
      const ctx = (): string => `${av.name} is ${st} (site ${av.site}${av.item !== undefined ? `, item ${show(av.item)}` : ''}), last event ${last}`;
      this.check(st !== 'running', ctx);
      if (av.kind === 'thread') {
        this.check(st === 'sleeping' || st === 'finished', ctx);
        if (st === 'finished') this.check(last === 'producer_done', ctx);
        continue;
      }
      // not started: main has not created it yet (the picture at t = 0)
      if (st === 'not_started') this.check(a.events === 0 && v.actors.every((x) => x.role === 'main' || x.state === 'not_started'), ctx);
      if (a.events === 0) this.check(st === 'not_started' || st === 'ready' || st === 'cancelled' || (st === 'waiting' && av.role === 'main') || (av.role === 'main' && DONE_STATES.has(st)), ctx);
      if (last === 'get_wait') this.check(st === 'waiting_get' || st === 'ready', ctx);
      if (last === 'put_wait') this.check(st === 'blocked_put' || st === 'ready' || (av.role === 'main' && st === 'crashed'), ctx);
      if (last === 'join_wait') this.check(st === 'waiting_join' || st === 'ready', ctx);
      if (last === 'empty') this.check(st === 'polling' || st === 'ready', ctx);
      if (last === 'exit' || last === 'main_done') this.check(st === 'finished', ctx);
      if (av.role !== 'main') {
        this.check((st === 'crashed') === (last === 'crashed'), ctx);
        this.check(st !== 'cancelled' || last === 'cancelled' || a.events === 0, ctx);
        if (last === 'cancelled') this.check(st === 'cancelled', ctx);
      }
      if (st === 'waiting_get') this.check(last === 'get_wait' && av.waitingOn === 'Queue.get', ctx);
      if (st === 'blocked_put') this.check(last === 'put_wait' && av.waitingOn === 'Queue.put' && a.holds !== null, ctx);
      if (st === 'waiting_join') this.check(last === 'join_wait' && av.waitingOn === 'Queue.join', ctx);
      if (st === 'polling') this.check(last === 'empty' && a.holds === null, ctx);
      if (st === 'busy') {
        this.check(av.role === 'consumer' && a.holds !== null && last === 'get', ctx);
        inService++;
      } else if (av.role === 'consumer' && av.site === 'blocking' && !DONE_STATES.has(st)) inService++;
      // what it holds: the model and the view agree (a crashed actor keeps showing what it last handled)
      if (st !== 'crashed' && !DONE_STATES.has(st)) {
        const held = a.holds;
        this.check((held === null) === (av.item === undefined), () => `${ctx()}: the model holds ${show(held?.value)}`);
        if (held !== null) this.check(eq(held.value, av.item!), () => `${ctx()}: the model holds ${show(held.value)}`);
        if (held !== null) this.check(st === 'blocked_put' || st === 'busy' || st === 'ready', () => `${ctx()}: holds ${show(held.value)}`);
      } else {
        this.check(a.holds === null, () => `${ctx()}: ended holding ${show(a.holds?.value)}`);
      }
    }
    this.check(v.counters.inService === inService, () => `inService ${v.counters.inService}, busy consumers ${inService}`);
    this.checkEnd(v, sim);
  }

  private checkEnd(v: SimView, sim: Simulation): void {
    const end = sim.end;
    if (end === null) {
      this.check(v.status === 'running', () => `status ${v.status} with no end record`);
      return;
    }
    this.end = end;
    this.check(v.status === end.status, () => `view status ${v.status}, end ${end.status}`);
    this.check(end.seq === this.events.length, () => `end.seq ${end.seq}, ${this.events.length} events`);
    this.check(end.t >= this.lastT, () => `end at ${end.t} before the last event ${this.lastT}`);
    const pending = v.actors.filter((a) => a.kind === 'task' && !DONE_STATES.has(a.state));
    const threads = v.actors.filter((a) => a.kind === 'thread' && a.state !== 'finished');
    if (end.status === 'hang') {
      this.feature('hang');
      this.check(end.blocked.length > 0, () => 'a hang with an empty blocked list');
      this.check(threads.length === 0, () => 'a hang with a live thread');
      const names = end.blocked.map((b) => ('task' in b ? b.task : `thread ${b.thread}`));
      this.check(show(names) === show(pending.map((a) => a.name)), () => `blocked ${show(names)}, pending tasks ${show(pending.map((a) => a.name))}`);
      for (const b of end.blocked) {
        this.check('task' in b && HANG_WAITS.test(b.waiting_on), () => `blocked entry ${show(b)}`);
        const av = v.actors.find((a) => 'task' in b && a.name === b.task)!;
        this.check('task' in b && av.waitingOn === b.waiting_on, () => `blocked ${show(b)}, the view says ${av.waitingOn}`);
        this.check(av.state !== 'ready' && av.state !== 'sleeping' && av.state !== 'busy' && av.state !== 'polling', () => `blocked ${show(b)} but ${av.state}`);
      }
      this.check(end.blocked.some((b) => 'task' in b && b.waiting_on.startsWith('Queue.')), () => `a hang with nobody on the queue: ${show(end.blocked)}`);
    } else {
      this.feature(end.status);
      this.check(end.blocked.length === 0, () => `${end.status} with blocked ${show(end.blocked)}`);
      if (end.status === 'completed' || end.status === 'error') {
        this.check(pending.length === 0 && threads.length === 0, () => `${end.status} with ${show(pending.map((a) => `${a.name}:${a.state}`))} still pending`);
      }
      if (end.status === 'error') {
        this.check(typeof end.exception === 'string' && typeof end.message === 'string', () => 'an error end without exception/message');
        this.check(v.actors.find((a) => a.role === 'main')?.state === 'crashed', () => 'an error end but main did not crash');
      }
      if (end.status === 'horizon') this.check(end.t === this.s.horizon, () => `horizon end at ${end.t}, horizon ${this.s.horizon}`);
    }
  }
}

const stringify = (records: Record[]): string => records.map((r) => JSON.stringify(r)).join('\n');

/**
 * Runs `s` tick by tick and checks every invariant after each tick; then runs it again with step() and with
 * runToEnd() and requires the same trace. Throws InvariantViolation with the place and the last events.
 */
export function checkScenario(s: Scenario, opts: { maxTicks?: number; rerun?: boolean } = {}): RunStats {
  const maxTicks = opts.maxTicks ?? 200_000;
  const c = new Checker(s);
  const sim = new Simulation(s);
  const all: Record[] = [];
  let prev = -1;
  while (sim.end === null && sim.ticks < maxTicks) {
    c.tick = sim.ticks;
    const records = sim.runToTick(sim.ticks + 1);
    c.check(sim.ticks > prev, () => 'runToTick made no progress');
    prev = sim.ticks;
    const v = sim.view();
    c.setView(v);
    for (const r of records) {
      all.push(r);
      if (r.event !== 'end') c.apply(r as TraceEvent);
    }
    c.afterTick(v, sim);
  }
  if (sim.end === null) c.fail(`still running after ${maxTicks} ticks`);
  if (opts.rerun !== false) {
    const once = stringify(all);
    const byEnd: Record[] = [];
    new Simulation(s).runToEnd((r) => byEnd.push(...r));
    c.check(stringify(byEnd) === once, () => 'runToEnd() wrote another trace than the run tick by tick');
    const bySteps: Record[] = [];
    const again = new Simulation(s);
    for (let n = 0; again.end === null && n < maxTicks; n++) bySteps.push(...again.step());
    c.check(stringify(bySteps) === once, () => 'step() wrote another trace than the run tick by tick');
  }
  const end = c.end!;
  return { status: end.status, events: c.events.length, ticks: sim.ticks, items: c.all.length, features: c.features };
}
