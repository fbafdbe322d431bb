/**
 * The program's head, above its functions: the comments that say what it is and how to run it, the imports the
 * body turned out to need, the seed and the `itertools.cycle`s, and the `log` and `describe` helpers.
 */
import { pyCommentText, pyNumber } from '../literals.ts';
import { Emitter, isThreadQueue, type Context } from './emitter.ts';

/** Written after the body: the body's expressions decide which imports and cycles there are. */
export function emitHead(ctx: Context): Emitter {
  const { s } = ctx;
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
  return head;
}
