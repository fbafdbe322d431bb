/**
 * `async def main()`: the queue, the tasks and threads in the program's start order, then how it awaits them and
 * shuts the queue's users down (sentinels, cancel after join, Queue.shutdown), with their code sites.
 */
import type { CodeSite } from '../codeSites.ts';
import { pyNumber } from '../literals.ts';
import { isThreadQueue, type Context, type Emitter } from './emitter.ts';

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

export function emitMain(e: Emitter, ctx: Context): void {
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
