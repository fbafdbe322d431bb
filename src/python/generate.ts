/**
 * Scenario -> a plain asyncio program, statement for statement the shape in docs/scenario.md ("The program").
 *
 * `generateProgram(s)` returns the code and `sites`: named places in it (1-based line numbers) for the code
 * panel. Keys, per group name G (and `main`):
 *   statements  G.def G.loop G.sleep G.item G.put G.sentinel.put G.join            (producers)
 *               G.def G.loop G.get G.get_nowait G.poll_sleep G.raise G.service
 *               G.task_done G.task_done_2 G.sentinel.task_done G.exit           (consumers)
 *               main.def main.queue main.consumers main.producers main.threads main.gather_producers
 *               (with main.keep_refs false, main.producers is the first bare create_task line)
 *               main.sentinel.put main.join main.cancel main.shutdown main.await   run (asyncio.run)
 *   log calls   G.log.<event> for every `log(...)`, e.g. producer.log.put, consumer.log.get_wait;
 *               the ones in the sentinel code are G.log.sentinel.<event> (put_wait, put, task_done, exit).
 * A key is absent when the scenario has no such statement.
 *
 * Numbers are written with JS `String(x)`, so integral values stay Python ints (`2`, not `2.0`).
 */
import type { Dist, ItemValue, ProducerGroup, Scenario } from '../scenarios/types.ts';
import { programShape, type ConsumerShape, type ProducerShape, type ProgramShape } from '../engine/program/shape.ts';
import type { CodeSite } from './codeSites.ts';
import { FAST_CLOCK } from './fastClock.ts';
import { pyCommentText, pyFString, pyLiteral, pyNumber } from './literals.ts';

export interface PythonProgram {
  code: string;
  /** Named code sites -> 1-based line numbers (see the file comment for the keys). */
  sites: Record<string, number>;
}

/** The exported program as text. */
export function generatePython(s: Scenario): string {
  return generateProgram(s).code;
}

/** Named code sites of the exported program -> 1-based line numbers. */
export function sourceLines(s: Scenario): Record<string, number> {
  return generateProgram(s).sites;
}

/**
 * Names a group may not take: the program's own names (modules, functions, variables, loop variables), Python's
 * keywords and builtins (the --fast block uses builtins too), and anything starting with `_` (the --fast block).
 */
import { PROGRAM_NAMES } from '../scenarios/limits.ts';
export { PROGRAM_NAMES };

class Emitter {
  readonly lines: string[] = [];
  readonly sites: Record<string, number> = {};

  line(indent: number, text: string, ...sites: CodeSite[]): void {
    this.lines.push('    '.repeat(indent) + text);
    for (const site of sites) {
      if (!(site in this.sites)) this.sites[site] = this.lines.length;
    }
  }

  /** A `log(q, who, event[, item])` call, recorded as site `<owner>.log.<event>` (or `...sentinel.<event>`). */
  log(indent: number, owner: string, who: string, event: string, item?: string, sentinel = false): void {
    const args = item === undefined ? '' : `, ${item}`;
    this.line(indent, `log(q, ${who}, '${event}'${args})`, `${owner}.log.${sentinel ? 'sentinel.' : ''}${event}`);
  }

  blank(count = 1): void {
    for (let k = 0; k < count; k++) this.lines.push('');
  }
}

interface Context {
  s: Scenario;
  /** What the program is, as the engine runs it (start order, sentinels, task_done counts, ...). */
  shape: ProgramShape;
  usesRandom: boolean;
  /** Module-level `itertools.cycle` per place a `list` distribution is used. */
  cycles: { name: string; values: number[]; what: string }[];
}

function distExpr(ctx: Context, d: Dist, cycleName: string, what: string): string {
  switch (d.dist) {
    case 'const':
      return pyNumber(d.value);
    case 'randint':
      ctx.usesRandom = true;
      return `random.randint(${pyNumber(d.lo)}, ${pyNumber(d.hi)})`;
    case 'uniform':
      ctx.usesRandom = true;
      return `random.uniform(${pyNumber(d.lo)}, ${pyNumber(d.hi)})`;
    case 'expo':
      ctx.usesRandom = true;
      return `random.expovariate(1 / ${pyNumber(d.mean)})`;
    case 'choice':
      ctx.usesRandom = true;
      return `random.choice([${d.values.map(pyNumber).join(', ')}])`;
    case 'list':
      ctx.cycles.push({ name: cycleName, values: d.values, what });
      return `next(${cycleName})`;
    case 'item':
      return 'item';
  }
}

function valueExpr(ctx: Context, g: ProducerGroup, v: ItemValue): string {
  switch (v.type) {
    case 'index':
      return 'i';
    case 'format':
      return pyFString(v.format);
    case 'dist':
      return distExpr(ctx, v.dist, `${g.name}_values`, `${g.name}'s items`);
    case 'priority':
      return `(${distExpr(ctx, v.priority, `${g.name}_priorities`, `${g.name}'s priorities`)}, i)`;
  }
}

function nameExpr(g: { name: string; count: number }): string {
  return g.count === 1 ? `'${g.name}'` : `f'${g.name}-{n}'`;
}

const isThreadQueue = (s: Scenario): boolean => s.queue.kind === 'queue.Queue';

/** The sleep call for a delay expression: asyncio.sleep in a coroutine, time.sleep in a thread. */
function sleepStmt(thread: boolean, expr: string): string {
  return thread ? `time.sleep(${expr})` : `await asyncio.sleep(${expr})`;
}

function emitProducer(e: Emitter, ctx: Context, ps: ProducerShape): void {
  const { s } = ctx;
  const g = ps.group;
  const thread = ps.thread;
  const G = g.name;
  const body = thread ? 2 : 3;
  e.line(0, `${thread ? 'def' : 'async def'} ${G}(n, q):`, `${G}.def`);
  e.line(1, `name = ${nameExpr(g)}`);
  e.log(1, G, 'name', 'start');
  if (!thread) e.line(1, 'try:');
  const loopIndent = body - 1;
  if (g.items.count === null) {
    e.line(loopIndent, 'i = 0');
    e.line(loopIndent, 'while True:', `${G}.loop`);
  } else {
    e.line(loopIndent, `for i in range(${g.items.count}):`, `${G}.loop`);
  }
  const interval = g.interval === null ? null : distExpr(ctx, g.interval, `${G}_intervals`, `${G}'s intervals`);
  if (interval !== null && g.interval_at === 'before_put') e.line(body, sleepStmt(thread, interval), `${G}.sleep`);
  e.line(body, `item = ${valueExpr(ctx, g, g.items.value)}`, `${G}.item`);
  if (thread) {
    e.line(body, 'q.put(item)', `${G}.put`);
  } else {
    e.line(body, 'if q.full():');
    e.log(body + 1, G, 'name', 'put_wait', 'item');
    const put = isThreadQueue(s) || g.put === 'nowait' ? 'q.put_nowait(item)' : 'await q.put(item)';
    e.line(body, put, `${G}.put`);
  }
  e.log(body, G, 'name', 'put', 'item');
  if (interval !== null && g.interval_at === 'after_put') e.line(body, sleepStmt(thread, interval), `${G}.sleep`);
  if (g.items.count === null) {
    e.line(body, 'i += 1');
  } else {
    e.log(loopIndent, G, 'name', 'producer_done');
    if (ps.putsSentinels) {
      e.line(loopIndent, `for _ in range(${ctx.shape.sentinels}):  # None tells a consumer to stop`);
      e.line(body, 'if q.full():');
      e.log(body + 1, G, 'name', 'put_wait', 'None', true);
      e.line(body, isThreadQueue(s) ? 'q.put_nowait(None)' : 'await q.put(None)', `${G}.sentinel.put`);
      e.log(body, G, 'name', 'put', 'None', true);
    }
    if (g.then === 'join' && !thread) {
      e.log(loopIndent, G, 'name', 'join_wait');
      e.line(loopIndent, 'await q.join()  # until every item got its task_done()', `${G}.join`);
      e.log(loopIndent, G, 'name', 'join_done');
    }
  }
  if (!thread) {
    e.line(1, 'except asyncio.CancelledError:');
    e.log(2, G, 'name', 'cancelled');
    e.line(2, 'raise');
    e.line(1, 'except Exception as exc:');
    e.log(2, G, 'name', 'crashed', 'describe(exc)');
    e.line(2, 'raise');
  }
}

function emitConsumer(e: Emitter, ctx: Context, cs: ConsumerShape): void {
  const { s } = ctx;
  const c = cs.group;
  const G = c.name;
  const threadQueue = isThreadQueue(s);
  e.line(0, `async def ${G}(n, q):`, `${G}.def`);
  e.line(1, `name = ${nameExpr(c)}`);
  e.log(1, G, 'name', 'start');
  e.line(1, 'try:');
  e.line(2, 'while True:', `${G}.loop`);
  if (c.get.mode === 'await') {
    e.line(3, 'if q.empty():');
    e.log(4, G, 'name', 'get_wait');
    e.line(3, 'item = await q.get()', `${G}.get`);
  } else {
    e.line(3, 'try:');
    e.line(4, threadQueue ? 'item = q.get(block=False)' : 'item = q.get_nowait()', `${G}.get_nowait`);
    e.line(3, threadQueue ? 'except queue.Empty:' : 'except asyncio.QueueEmpty:');
    e.log(4, G, 'name', 'empty');
    e.line(4, `await asyncio.sleep(${pyNumber(c.get.interval)})`, `${G}.poll_sleep`);
    e.line(4, 'continue');
  }
  e.log(3, G, 'name', 'get', 'item');
  const taskDones = cs.taskDones;
  if (cs.stopsOnNone) {
    e.line(3, 'if item is None:  # the signal to stop');
    if (taskDones > 0) {
      e.line(4, 'q.task_done()', `${G}.sentinel.task_done`);
      e.log(4, G, 'name', 'task_done', 'None', true);
    }
    e.log(4, G, 'name', 'exit', undefined, true);
    e.line(4, 'return', `${G}.exit`);
  }
  const service = distExpr(ctx, c.service, `${G}_service_times`, `${G}'s service times`);
  const serviceStmt = c.service_call === 'time.sleep'
    ? `time.sleep(${service})  # blocks the whole event loop`
    : `await asyncio.sleep(${service})`;
  const raiseOn = c.raise_on;
  const raiseLines = (indent: number): void => {
    if (raiseOn === null) return;
    e.line(indent, `if item == ${pyLiteral(raiseOn.item)}:`);
    e.line(indent + 1, `raise ${raiseOn.exception}(f'bad item {item!r}')`, `${G}.raise`);
  };
  const taskDoneLines = (indent: number): void => {
    for (let k = 0; k < taskDones; k++) {
      e.line(indent, 'q.task_done()', k === 0 ? `${G}.task_done` : `${G}.task_done_2`);
      e.log(indent, G, 'name', 'task_done', 'item');
    }
  };
  const guard = cs.guard;
  if (raiseOn === null || guard === 'none') {
    raiseLines(3);
    e.line(3, serviceStmt, `${G}.service`);
    e.log(3, G, 'name', 'done', 'item');
    taskDoneLines(3);
  } else {
    // The processing is wrapped; the finally clause marks the item done whatever happened.
    e.line(3, 'try:');
    raiseLines(4);
    e.line(4, serviceStmt, `${G}.service`);
    e.log(4, G, 'name', 'done', 'item');
    if (guard === 'except') {
      e.line(3, `except ${raiseOn.exception} as exc:`);
      e.log(4, G, 'name', 'error', 'describe(exc)');
    }
    e.line(3, 'finally:');
    e.line(4, 'q.task_done()', `${G}.task_done`);
    e.log(4, G, 'name', 'task_done', 'item');
  }
  if (cs.catchesShutdown) {
    e.line(1, threadQueue ? 'except queue.ShutDown:' : 'except asyncio.QueueShutDown:');
    e.log(2, G, 'name', 'shutdown_exc');
    e.log(2, G, 'name', 'exit');
  }
  e.line(1, 'except asyncio.CancelledError:');
  e.log(2, G, 'name', 'cancelled');
  e.line(2, 'raise');
  e.line(1, 'except Exception as exc:');
  e.log(2, G, 'name', 'crashed', 'describe(exc)');
  e.line(2, 'raise');
}

/** `[create_task(...) ...]` for groups of tasks, one line per group. */
function taskList(groups: { name: string; count: number }[], site: CodeSite, e: Emitter, variable: string): void {
  const one = (g: { name: string; count: number }): string =>
    `asyncio.create_task(${g.name}(0, q), name='${g.name}')`;
  const many = (g: { name: string; count: number }): string =>
    `asyncio.create_task(${g.name}(n, q), name=f'${g.name}-{n}') for n in range(${g.count})`;
  if (groups.length === 0) {
    e.line(1, `${variable} = []`, site);
  } else if (groups.length === 1 && (groups[0] as { count: number }).count === 1) {
    e.line(1, `${variable} = [${one(groups[0] as { name: string; count: number })}]`, site);
  } else if (groups.length === 1) {
    e.line(1, `${variable} = [`, site);
    e.line(2, many(groups[0] as { name: string; count: number }));
    e.line(1, ']');
  } else {
    e.line(1, `${variable} = [`, site);
    for (const g of groups) e.line(2, g.count === 1 ? `${one(g)},` : `*[${many(g)}],`);
    e.line(1, ']');
  }
}

/** main.keep_refs false: the tasks are created and their Task objects dropped (validation keeps main from needing them). */
function unkeptTasks(groups: { name: string; count: number }[], site: CodeSite, e: Emitter): void {
  e.line(1, '# the Task objects are not kept: the event loop holds only weak references to its tasks');
  for (const g of groups) {
    if (g.count === 1) {
      e.line(1, `asyncio.create_task(${g.name}(0, q), name='${g.name}')`, site);
    } else {
      e.line(1, `for n in range(${g.count}):`, site);
      e.line(2, `asyncio.create_task(${g.name}(n, q), name=f'${g.name}-{n}')`);
    }
  }
}

function emitMain(e: Emitter, ctx: Context): void {
  const { s } = ctx;
  const queueExpr = ((): string => {
    const size = s.queue.maxsize > 0 ? `maxsize=${pyNumber(s.queue.maxsize)}` : '';
    return s.queue.kind === 'queue.Queue' ? `queue.Queue(${size})` : `asyncio.${s.queue.kind}(${size})`;
  })();
  const taskProducers = s.producers.filter((p) => p.runs_in === 'task');
  const threadProducers = s.producers.filter((p) => p.runs_in === 'thread');
  e.line(0, 'async def main():', 'main.def');
  e.line(1, `q = ${queueExpr}`, 'main.queue');
  const consumersLine = (): void => taskList(s.consumers, 'main.consumers', e, 'consumers');
  const sd0 = s.shutdown;
  const tailUsesProducers =
    !(sd0.strategy === 'none' || (sd0.strategy === 'sentinel' && sd0.by === 'producer')) || s.main.awaits !== 'consumers';
  const producersLine = (): void => {
    if (s.main.keep_refs === false) {
      unkeptTasks(taskProducers, 'main.producers', e);
      return;
    }
    if (taskProducers.length > 0 || tailUsesProducers) taskList(taskProducers, 'main.producers', e, 'producers');
  };
  for (const which of ctx.shape.startOrder) (which === 'consumers' ? consumersLine : producersLine)();
  for (const g of threadProducers) {
    if (g.count === 1) {
      e.line(1, `threading.Thread(target=${g.name}, args=(0, q), name='${g.name}').start()`, 'main.threads');
    } else {
      e.line(1, `for n in range(${g.count}):`, 'main.threads');
      e.line(2, `threading.Thread(target=${g.name}, args=(n, q), name=f'${g.name}-{n}').start()`);
    }
  }
  const all = ctx.shape.startOrder.join(' + ');
  const awaitTasks = (which: 'all' | 'consumers' | 'producers'): void => {
    const list = which === 'all' ? all : which;
    const starred = which === 'all'
      ? ctx.shape.startOrder.map((w) => `*${w}`).join(', ')
      : `*${which}`;
    if (s.main.with === 'wait') {
      e.line(1, `await asyncio.wait(${list})`, 'main.await');
    } else if (s.main.with === 'gather') {
      e.line(1, `await asyncio.gather(${starred})`, 'main.await');
    } else {
      e.line(1, `for task in ${list}:`);
      e.line(2, 'await task', 'main.await');
    }
  };
  const joinLines = (): void => {
    e.log(1, 'main', "'main'", 'join_wait');
    e.line(1, 'await q.join()  # until every item got its task_done()', 'main.join');
    e.log(1, 'main', "'main'", 'join_done');
  };
  const sd = s.shutdown;
  switch (sd.strategy) {
    case 'none':
      awaitTasks(s.main.awaits);
      break;
    case 'sentinel':
      if (sd.by === 'producer') {
        awaitTasks(s.main.awaits);
      } else {
        e.line(1, 'await asyncio.gather(*producers)', 'main.gather_producers');
        e.line(1, `for _ in range(${ctx.shape.sentinels}):  # None tells a consumer to stop`);
        e.line(2, 'if q.full():');
        e.log(3, 'main', "'main'", 'put_wait', 'None', true);
        e.line(2, isThreadQueue(s) ? 'q.put_nowait(None)' : 'await q.put(None)', 'main.sentinel.put');
        e.log(2, 'main', "'main'", 'put', 'None', true);
        awaitTasks('consumers');
      }
      break;
    case 'cancel_after_join':
      e.line(1, 'await asyncio.gather(*producers)', 'main.gather_producers');
      joinLines();
      e.line(1, 'for task in consumers:');
      e.line(2, 'task.cancel()', 'main.cancel');
      e.log(1, 'main', "'main'", 'cancel_consumers');
      e.line(1, 'await asyncio.gather(*consumers, return_exceptions=True)', 'main.await');
      break;
    case 'queue_shutdown':
      e.line(1, 'await asyncio.gather(*producers)', 'main.gather_producers');
      if (sd.after === 'join') joinLines();
      e.line(1, `q.shutdown(immediate=${sd.immediate ? 'True' : 'False'})`, 'main.shutdown');
      e.log(1, 'main', "'main'", 'shutdown');
      e.line(1, 'await asyncio.gather(*consumers, return_exceptions=True)', 'main.await');
      break;
  }
  e.log(1, 'main', "'main'", 'main_done');
}

function checkScenario(s: Scenario): void {
  const seen = new Set<string>();
  for (const g of [...s.producers, ...s.consumers]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(g.name)) throw new Error(`group name ${JSON.stringify(g.name)} is not a Python identifier`);
    if (PROGRAM_NAMES.has(g.name) || g.name.startsWith('_')) {
      throw new Error(`group name ${JSON.stringify(g.name)} is a name the program already uses`);
    }
    if (seen.has(g.name)) throw new Error(`two groups are named ${JSON.stringify(g.name)}`);
    seen.add(g.name);
  }
}

function seenName(s: Scenario, name: string): boolean {
  return [...s.producers, ...s.consumers].some((g) => g.name === name);
}

/** The program and its named code sites. */
export function generateProgram(s: Scenario): PythonProgram {
  checkScenario(s);
  const ctx: Context = { s, shape: programShape(s), usesRandom: false, cycles: [] };
  // The functions first (they decide which imports and cycles are needed), then the head in front.
  const body = new Emitter();
  for (const p of ctx.shape.producers) {
    emitProducer(body, ctx, p);
    body.blank(2);
  }
  for (const c of ctx.shape.consumers) {
    emitConsumer(body, ctx, c);
    body.blank(2);
  }
  emitMain(body, ctx);
  body.blank(2);
  body.line(0, "if __name__ == '__main__' and '--fast' not in sys.argv:  # --fast: see the end of the file");
  body.line(1, 'asyncio.run(main())', 'run');

  const head = new Emitter();
  // Lines 1-2 are where CPython looks for a coding declaration (PEP 263): a fixed one, and no user text there.
  head.line(0, '# -*- coding: utf-8 -*-');
  head.line(0, '# Exported from Queue Lab.');
  const title = pyCommentText(s.name) || 'scenario';
  head.line(0, `# ${title}: a producer/consumer program with ${s.queue.kind === 'queue.Queue' ? 'queue.Queue' : `asyncio.${s.queue.kind}`}.`);
  head.line(0, `# Python ${s.python}${s.shutdown.strategy === 'queue_shutdown' ? ' or later (Queue.shutdown is new in 3.13)' : ''}.`);
  head.line(0, '#   python3 program.py          runs in real time, one line per event');
  head.line(0, '#   python3 program.py --fast   runs on a virtual clock: the same lines at once');
  const imports = ['asyncio'];
  if (ctx.cycles.length > 0) imports.push('itertools');
  if (isThreadQueue(s)) imports.push('queue');
  if (ctx.usesRandom) imports.push('random');
  imports.push('sys');
  if (s.producers.some((p) => p.runs_in === 'thread')) imports.push('threading');
  imports.push('time');
  for (const m of imports) head.line(0, `import ${m}`);
  head.blank();
  if (ctx.usesRandom) head.line(0, `random.seed(${s.seed})`);
  for (const c of ctx.cycles) {
    head.line(0, `${c.name} = itertools.cycle([${c.values.map(pyNumber).join(', ')}])  # ${c.what}, in turn`);
  }
  head.line(0, 'START = time.monotonic()');
  head.line(0, 'MISSING = object()');
  head.blank(2);
  head.line(0, 'def log(q, name, event, item=MISSING):');
  head.line(1, '"""Print one event: seconds since the start, who, what (and the item)."""');
  head.line(1, "line = f'{time.monotonic() - START:8.3f}s  {name}  {event}'");
  head.line(1, 'if item is not MISSING:');
  head.line(2, "line += f' {item!r}'");
  head.line(1, 'print(line)');
  head.blank(2);
  head.line(0, 'def describe(exc):');
  head.line(1, `"""'ValueError: bad item 3', or only the class name when there is no message."""`);
  head.line(1, "return f'{type(exc).__name__}: {exc}' if str(exc) else type(exc).__name__");
  head.blank(2);

  for (const c of ctx.cycles) {
    if (seenName(s, c.name)) throw new Error(`group name ${JSON.stringify(c.name)} is a name the program already uses`);
  }
  const offset = head.lines.length;
  const sites: Record<string, number> = {};
  for (const [k, v] of Object.entries(body.sites)) sites[k] = v + offset;
  const horizon = s.horizon === null ? 'None' : pyNumber(s.horizon);
  const code = [
    ...head.lines,
    ...body.lines,
    '',
    '',
    FAST_CLOCK.trimEnd(),
    '',
    '',
    "if __name__ == '__main__' and '--fast' in sys.argv:",
    `    _run_fast(main, horizon=${horizon})`,
    '',
  ].join('\n');
  return { code, sites };
}
