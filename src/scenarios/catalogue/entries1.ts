/** Catalogue entries 1-6: polling, sentinels, the consumer that never stops, task_done mistakes, blocking sleep. */
import { consumer as c, producer as p, scenario } from '../build';
import { seed2, seed3 } from '../presets';
import type { CatalogueEntry } from './types';

const pollProducer = p({ items: { count: 12, value: { type: 'index' } }, interval: { dist: 'randint', lo: 2, hi: 4 }, interval_at: 'after_put' });

export const busyPolling: CatalogueEntry = {
  id: 'busy-polling',
  title: { en: 'Busy polling', zh: '忙轮询' },
  watch: {
    en: 'Count the "empty" wake-ups of the polling consumers, and how long an item waits in the buffer before someone wakes up to take it.',
    zh: '数一数轮询消费者"empty"的空醒次数，再看每个元素在缓冲区里要等多久才有人醒来取走它。',
  },
  variants: [
    {
      id: 'busy-polling',
      role: 'broken',
      label: { en: 'get_nowait() + sleep(1)', zh: 'get_nowait() + sleep(1)' },
      scenario: scenario('Busy polling: get_nowait() + sleep(1)', {
        seed: 1,
        queue: { kind: 'Queue', maxsize: 0 },
        producers: [pollProducer],
        consumers: [c({ count: 3, get: { mode: 'poll', interval: 1 }, service: { dist: 'const', value: 3 } })],
        main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
      }),
      expect: { status: 'completed' },
    },
    {
      id: 'busy-polling-fixed',
      watch: { en: 'The three consumers wait in await q.get() without waking up: no "empty" wake-ups, and each item is taken the moment it arrives.', zh: '三个消费者在 await q.get() 中等待，不会空醒：没有"empty"，每个元素一到就被取走。' },
      role: 'fixed',
      label: { en: 'await q.get()', zh: 'await q.get()' },
      scenario: scenario('Busy polling fixed: await q.get()', {
        seed: 1,
        queue: { kind: 'Queue', maxsize: 0 },
        producers: [pollProducer],
        consumers: [c({ count: 3, service: { dist: 'const', value: 3 } })],
        main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
      }),
      expect: { status: 'completed' },
    },
  ],
};

export const sentinelJoin: CatalogueEntry = {
  id: 'sentinel-join',
  title: { en: 'Sentinels, task_done() and join()', zh: '哨兵、task_done() 与 join()' },
  watch: {
    en: 'The producer puts one None per consumer after its items, then waits in join() until every item has been marked done. Each consumer exits when it takes a None.',
    zh: '生产者放完任务后为每个消费者放一个 None，然后在 join() 中等待所有任务都被标记完成。每个消费者取到 None 就退出。',
  },
  variants: [
    { id: 'sentinel-join', role: 'fixed', label: { en: 'one None per consumer', zh: '每个消费者一个 None' }, scenario: seed2, expect: { status: 'completed' } },
    {
      id: 'sentinel-join-missing',
      watch: { en: 'No None is put: after the last item both consumers wait in get() for ever, and main waits for them: the program hangs.', zh: '没有放入 None：最后一个元素之后，两个消费者永远等在 get()，main 也在等它们：程序挂起。' },
      role: 'broken',
      label: { en: 'no sentinels', zh: '没有哨兵' },
      scenario: { ...structuredClone(seed2), name: 'Sentinels forgotten', shutdown: { strategy: 'none' } },
      expect: {
        status: 'hang',
        waits: [
          { task: 'main', waiting_on: 'asyncio.wait' },
          { task: 'consumer-0', waiting_on: 'Queue.get' },
          { task: 'consumer-1', waiting_on: 'Queue.get' },
        ],
      },
    },
  ],
};

const fix3 = (id: string, label: { en: string; zh: string }, watch: { en: string; zh: string }, over: Partial<typeof seed3>) => ({
  id,
  role: 'fixed' as const,
  label,
  watch,
  scenario: { ...structuredClone(seed3), name: `The consumer that never stops, fixed: ${label.en}`, ...over },
  expect: { status: 'completed' as const },
});

export const neverStops: CatalogueEntry = {
  id: 'never-stops',
  title: { en: 'The consumer that never stops', zh: '永不停止的消费者' },
  watch: {
    en: 'All ten items are consumed, then the consumer waits in get() and main waits for the consumer: nothing can ever run again.',
    zh: '十个元素都被消费完后，消费者等在 get()，main 在等消费者：再也没有任何东西能运行。',
  },
  variants: [
    {
      id: 'never-stops',
      role: 'broken',
      label: { en: 'while True, no way out', zh: 'while True，没有出口' },
      scenario: seed3,
      expect: { status: 'hang', waits: [{ task: 'main', waiting_on: 'task consumer' }, { task: 'consumer', waiting_on: 'Queue.get' }] },
    },
    fix3('never-stops-cancel', { en: 'join() then cancel()', zh: 'join() 后 cancel()' }, { en: 'The consumer calls task_done() after each item; main waits in join() until all ten are done, then cancels the consumer, which ends as cancelled: the program exits.', zh: '消费者每处理完一个元素就调用 task_done()；main 在 join() 中等到十个都完成，再取消消费者，消费者以 cancelled 结束：程序退出。' }, {
      shutdown: { strategy: 'cancel_after_join' },
      consumers: [{ ...seed3.consumers[0]!, task_done: 'after' }],
    }),
    fix3('never-stops-sentinel', { en: 'a None sentinel', zh: 'None 哨兵' }, { en: 'After its ten items the producer puts a None; the consumer takes it and leaves its loop, and main\'s wait ends: the program exits.', zh: '生产者放完十个元素后放一个 None；消费者取到它就退出循环，main 的等待随之结束：程序退出。' }, { shutdown: { strategy: 'sentinel', by: 'producer', count: null } }),
    fix3('never-stops-shutdown', { en: 'Queue.shutdown() (3.13)', zh: 'Queue.shutdown()（3.13 版）' }, { en: 'When the producer is done, main calls q.shutdown(): once the buffer is empty the consumer\'s get() raises QueueShutDown, the consumer ends and the program exits (Python 3.13).', zh: '生产者完成后，main 调用 q.shutdown()：缓冲区一空，消费者的 get() 就抛出 QueueShutDown，消费者结束，程序退出（Python 3.13）。' }, {
      python: '3.13',
      shutdown: { strategy: 'queue_shutdown', immediate: false, after: 'producers_done' },
    }),
  ],
};

const joinBase = scenario('task_done', {
  producers: [p({ items: { count: 8, value: { type: 'index' } }, interval: { dist: 'const', value: 0.5 } })],
  consumers: [c({ count: 2, service: { dist: 'const', value: 1 } })],
  shutdown: { strategy: 'cancel_after_join' },
});

export const forgottenTaskDone: CatalogueEntry = {
  id: 'forgotten-task-done',
  title: { en: 'A forgotten task_done()', zh: '忘了调用 task_done()' },
  watch: { en: 'The buffer empties and every item is served, yet "unfinished tasks" never drops: main waits in join() for ever.', zh: '缓冲区清空了，每个元素都处理完了，可"未完成任务"从不减少：main 永远等在 join()。' },
  variants: [
    {
      id: 'forgotten-task-done',
      role: 'broken',
      label: { en: 'no task_done()', zh: '没有 task_done()' },
      scenario: { ...structuredClone(joinBase), name: 'A forgotten task_done()', consumers: [c({ count: 2, service: { dist: 'const', value: 1 }, task_done: 'never' })] },
      expect: {
        status: 'hang',
        waits: [
          { task: 'main', waiting_on: 'Queue.join' },
          { task: 'consumer-0', waiting_on: 'Queue.get' },
          { task: 'consumer-1', waiting_on: 'Queue.get' },
        ],
      },
    },
    { id: 'forgotten-task-done-fixed', watch: { en: 'Each consumer calls task_done() after each item: "unfinished tasks" drops to 0 as the last item is served, join() returns and the program exits.', zh: '每个消费者处理完一个元素就调用 task_done()：最后一个元素处理完时"未完成任务"降到 0，join() 返回，程序退出。' }, role: 'fixed', label: { en: 'task_done() after each item', zh: '每个元素后 task_done()' }, scenario: { ...structuredClone(joinBase), name: 'task_done() after each item' }, expect: { status: 'completed' } },
  ],
};

export const taskDoneTwice: CatalogueEntry = {
  id: 'task-done-twice',
  title: { en: 'task_done() called twice', zh: 'task_done() 调用了两次' },
  watch: { en: 'The count of unfinished tasks drops twice per item until it would go below zero: ValueError, and gather() hands the exception to main.', zh: '每个元素让未完成计数减两次，直到要减到零以下：抛出 ValueError，gather() 把异常交给 main。' },
  variants: [
    {
      id: 'task-done-twice',
      role: 'broken',
      label: { en: 'task_done() twice', zh: '两次 task_done()' },
      scenario: scenario('task_done() called twice', { consumers: [c({ count: 2, task_done: 'twice' })], main: { start: 'producers_first', awaits: 'all', with: 'gather' } }),
      expect: { status: 'error', exception: 'ValueError' },
    },
    {
      id: 'task-done-twice-fixed',
      watch: { en: 'Each item is marked done once: the count of unfinished tasks reaches 0 just as the last item is served, and every task ends cleanly.', zh: '每个元素只标记一次完成：未完成计数恰好在最后一个元素处理完时降到 0，每个任务都干净地结束。' },
      role: 'fixed',
      label: { en: 'once per item', zh: '每个元素一次' },
      scenario: scenario('task_done() once per item', { consumers: [c({ count: 2 })], main: { start: 'producers_first', awaits: 'all', with: 'gather' } }),
      expect: { status: 'completed' },
    },
  ],
};

const blockingBase = (call: 'time.sleep' | 'asyncio.sleep', name: string) =>
  scenario(name, {
    producers: [p({ items: { count: 10, value: { type: 'index' } }, interval: { dist: 'const', value: 0.5 } })],
    consumers: [c({ count: 3, service: { dist: 'const', value: 1 }, service_call: call })],
    queue: { kind: 'Queue', maxsize: 3 },
  });

export const blockingSleep: CatalogueEntry = {
  id: 'blocking-sleep',
  title: { en: 'A blocking time.sleep() in a coroutine', zh: '协程里阻塞的 time.sleep()' },
  watch: { en: 'While one consumer is in time.sleep(), the loop strip stops: no other task runs, the producer does not put, the other consumers do not serve. Three consumers work like one.', zh: '一个消费者在 time.sleep() 时，事件循环停住了：其他任务都不运行，生产者不放入，其他消费者也不处理。三个消费者干的活和一个一样。' },
  variants: [
    { id: 'blocking-sleep', role: 'broken', label: { en: 'time.sleep(1)', zh: 'time.sleep(1)' }, scenario: blockingBase('time.sleep', 'A blocking time.sleep() in a coroutine'), expect: { status: 'completed' } },
    { id: 'blocking-sleep-fixed', watch: { en: 'await asyncio.sleep(1) hands the loop back: while one consumer serves, the producer and the other consumers keep running. Three consumers do three times the work.', zh: 'await asyncio.sleep(1) 把事件循环交还出去：一个消费者处理时，生产者和其他消费者照常运行。三个消费者干三倍的活。' }, role: 'fixed', label: { en: 'await asyncio.sleep(1)', zh: 'await asyncio.sleep(1)' }, scenario: blockingBase('asyncio.sleep', 'await asyncio.sleep() instead'), expect: { status: 'completed' } },
  ],
};
