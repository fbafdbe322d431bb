/**
 * The producer and consumer coroutines (a producer in a thread: a plain function), one per group, statement for
 * statement the shape in docs/scenario.md ("The program"), with their code sites.
 */
import type { ConsumerShape, ProducerShape } from '../../engine/program/shape.ts';
import { pyLiteral, pyNumber } from '../literals.ts';
import { distExpr, isThreadQueue, nameExpr, sleepStmt, valueExpr, type Context, type Emitter } from './emitter.ts';

export function emitProducer(e: Emitter, ctx: Context, ps: ProducerShape): void {
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

export function emitConsumer(e: Emitter, ctx: Context, cs: ConsumerShape): void {
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
