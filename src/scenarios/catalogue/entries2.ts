/** Catalogue entries 7-12: a crashing consumer, unbounded growth, too few sentinels, put_nowait, queue kinds, weak task references. */
import { consumer as c, producer as p, scenario } from '../build';
import type { CatalogueEntry } from './types';

const crashBase = (guard: 'none' | 'except', name: string) =>
  scenario(name, {
    producers: [p({ items: { count: 10, value: { type: 'index' } }, interval: { dist: 'const', value: 0.25 } })],
    consumers: [c({ count: 3, service: { dist: 'const', value: 1 }, raise_on: { item: 4, exception: 'ValueError', guard } })],
    shutdown: { strategy: 'cancel_after_join' },
  });

export const consumerCrash: CatalogueEntry = {
  id: 'consumer-crash',
  title: { en: 'A consumer that raises on a bad item', zh: '遇到坏元素就抛异常的消费者' },
  watch: { en: 'consumer-1 crashes on item 4 and silently leaves; the other two carry the load. Item 4 is never marked done, so join() waits for ever.', zh: 'consumer-1 在元素 4 上崩溃并悄悄退出，另外两个继续干活。元素 4 永远不会被标记完成，所以 join() 永远等下去。' },
  variants: [
    {
      id: 'consumer-crash',
      role: 'broken',
      label: { en: 'no try/except', zh: '没有 try/except' },
      scenario: crashBase('none', 'A consumer that raises on a bad item'),
      expect: {
        status: 'hang',
        waits: [
          { task: 'main', waiting_on: 'Queue.join' },
          { task: 'consumer-0', waiting_on: 'Queue.get' },
          { task: 'consumer-2', waiting_on: 'Queue.get' },
        ],
      },
    },
    { id: 'consumer-crash-fixed', watch: { en: 'consumer-1 still fails on item 4, but except catches it and finally calls task_done(): it carries on, every item is marked done, and join() returns.', zh: 'consumer-1 仍然在元素 4 上出错，但 except 接住了它，finally 调用 task_done()：它继续工作，每个元素都被标记完成，join() 返回。' }, role: 'fixed', label: { en: 'try/except/finally', zh: 'try/except/finally' }, scenario: crashBase('except', 'try/except/finally around the processing'), expect: { status: 'completed' } },
  ],
};

const growth = (maxsize: number, name: string) =>
  scenario(name, {
    queue: { kind: 'Queue', maxsize },
    producers: [p({ items: { count: 60, value: { type: 'index' } }, interval: { dist: 'const', value: 0.1 } })],
    consumers: [c({ count: 2, service: { dist: 'const', value: 1 } })],
    shutdown: { strategy: 'cancel_after_join' },
  });

export const unboundedGrowth: CatalogueEntry = {
  id: 'unbounded-growth',
  title: { en: 'An unbounded queue with a fast producer', zh: '无界队列配快速生产者' },
  watch: { en: 'The producer puts ten items a second, the two consumers serve two: the buffer grows and grows. With maxsize the producer is held in put() instead: backpressure.', zh: '生产者每秒放十个，两个消费者每秒只处理两个：缓冲区越来越大。设置 maxsize 后，生产者会被挡在 put() 里：这就是背压。' },
  variants: [
    { id: 'unbounded-growth', role: 'broken', label: { en: 'maxsize=0', zh: 'maxsize=0' }, scenario: growth(0, 'An unbounded queue with a fast producer'), expect: { status: 'completed' } },
    { id: 'unbounded-growth-fixed', watch: { en: 'With maxsize=5 the buffer never holds more than five items: the producer waits in put() until a consumer frees a slot. That wait is backpressure.', zh: 'maxsize=5 时缓冲区最多只有五个元素：生产者在 put() 中等到消费者腾出空位。这种等待就是背压。' }, role: 'fixed', label: { en: 'maxsize=5', zh: 'maxsize=5' }, scenario: growth(5, 'A bounded queue: backpressure'), expect: { status: 'completed' } },
  ],
};

const sentinels = (count: number | null, name: string) =>
  scenario(name, {
    producers: [p({ items: { count: 9, value: { type: 'index' } }, interval: { dist: 'const', value: 0.2 } })],
    consumers: [c({ count: 3 })],
    shutdown: { strategy: 'sentinel', by: 'main', count },
  });

export const tooFewSentinels: CatalogueEntry = {
  id: 'too-few-sentinels',
  title: { en: 'Too few sentinels', zh: '哨兵太少' },
  watch: { en: 'Three consumers, two None: two consumers exit, the third waits in get() for ever, and main waits for it.', zh: '三个消费者，两个 None：两个消费者退出，第三个永远等在 get()，main 也一直等它。' },
  variants: [
    {
      id: 'too-few-sentinels',
      role: 'broken',
      label: { en: 'two None for three consumers', zh: '三个消费者两个 None' },
      scenario: sentinels(2, 'Too few sentinels'),
      expect: { status: 'hang', waits: [{ task: 'main', waiting_on: 'asyncio.gather' }, { task: 'consumer-2', waiting_on: 'Queue.get' }] },
    },
    { id: 'too-few-sentinels-fixed', watch: { en: 'One None per consumer: each of the three consumers takes one and exits, and main\'s wait ends: the program exits.', zh: '每个消费者一个 None：三个消费者各取一个后退出，main 的等待结束：程序退出。' }, role: 'fixed', label: { en: 'one None per consumer', zh: '每个消费者一个 None' }, scenario: sentinels(null, 'One sentinel per consumer'), expect: { status: 'completed' } },
  ],
};

const nowait = (put: 'nowait' | 'await', name: string) =>
  scenario(name, {
    queue: { kind: 'Queue', maxsize: 3 },
    producers: [p({ items: { count: 10, value: { type: 'index' } }, interval: { dist: 'const', value: 0.2 }, put })],
    consumers: [c({ count: 1, service: { dist: 'const', value: 1 } })],
  });

export const putNowaitFull: CatalogueEntry = {
  id: 'put-nowait-full',
  title: { en: 'put_nowait() on a full queue', zh: '对满队列调用 put_nowait()' },
  watch: { en: 'The buffer fills up; the next put_nowait() raises QueueFull, the producer crashes and gather() passes the exception to main.', zh: '缓冲区满了；下一次 put_nowait() 抛出 QueueFull，生产者崩溃，gather() 把异常传给 main。' },
  variants: [
    { id: 'put-nowait-full', role: 'broken', label: { en: 'q.put_nowait(item)', zh: 'q.put_nowait(item)' }, scenario: nowait('nowait', 'put_nowait() on a full queue'), expect: { status: 'error', exception: 'QueueFull' } },
    { id: 'put-nowait-full-fixed', watch: { en: 'await q.put(item) waits while the buffer is full instead of raising: the producer pauses until a consumer takes an item, and every item gets through.', zh: 'await q.put(item) 在缓冲区满时等待而不是抛异常：生产者暂停到消费者取走一个元素，每个元素都能送达。' }, role: 'fixed', label: { en: 'await q.put(item)', zh: 'await q.put(item)' }, scenario: nowait('await', 'await q.put() waits for a slot'), expect: { status: 'completed' } },
  ],
};

const kinds = (kind: 'Queue' | 'LifoQueue' | 'PriorityQueue', name: string) =>
  scenario(name, {
    queue: { kind, maxsize: 0 },
    producers: [
      p({
        items: { count: 8, value: kind === 'PriorityQueue' ? { type: 'priority', priority: { dist: 'randint', lo: 1, hi: 5 } } : { type: 'index' } },
      }),
    ],
    consumers: [c({ count: 1, service: { dist: 'const', value: 1 } })],
    shutdown: { strategy: 'cancel_after_join' },
  });

export const queueKinds: CatalogueEntry = {
  id: 'queue-kinds',
  title: { en: 'FIFO, LIFO and priority queues', zh: 'FIFO、LIFO 与优先级队列' },
  watch: { en: 'The same items leave in another order: first in first out, last in first out, or lowest priority number first.', zh: '同样的元素以不同顺序离开：先进先出、后进先出，或优先级数字最小的先出。' },
  variants: [
    { id: 'queue-kinds', role: 'compare', label: { en: 'Queue (FIFO)', zh: 'Queue（FIFO）' }, scenario: kinds('Queue', 'FIFO: asyncio.Queue'), expect: { status: 'completed' } },
    { id: 'queue-kinds-lifo', role: 'compare', label: { en: 'LifoQueue', zh: 'LifoQueue' }, scenario: kinds('LifoQueue', 'LIFO: asyncio.LifoQueue'), expect: { status: 'completed' } },
    { id: 'queue-kinds-priority', role: 'compare', label: { en: 'PriorityQueue', zh: 'PriorityQueue' }, scenario: kinds('PriorityQueue', 'Priority: asyncio.PriorityQueue'), expect: { status: 'completed' } },
  ],
};

const unkept = (keep: boolean, name: string) =>
  scenario(name, {
    producers: [p({ items: { count: 8, value: { type: 'index' } }, interval: { dist: 'const', value: 0.5 } })],
    consumers: [c({ count: 2, service: { dist: 'const', value: 1 } })],
    shutdown: { strategy: 'sentinel', by: 'producer', count: null },
    main: { start: 'producers_first', awaits: 'consumers', with: 'gather', keep_refs: keep },
  });

export const unkeptTask: CatalogueEntry = {
  id: 'unkept-task',
  title: { en: 'A create_task() whose result is not kept', zh: '没有保存 create_task() 的返回值' },
  watch: {
    en: 'The two runs look the same: the difference is in main. The broken program calls asyncio.create_task(producer(0, q)) and throws the Task away; the fixed one keeps it in producers.',
    zh: '两次运行看起来一模一样：区别在 main 里。有问题的程序调用 asyncio.create_task(producer(0, q)) 后把 Task 丢掉了；修正后的程序把它保存在 producers 里。',
  },
  variants: [
    { id: 'unkept-task', role: 'broken', label: { en: 'create_task() not kept', zh: '不保存 create_task()' }, scenario: unkept(false, 'A create_task() whose result is not kept'), expect: { status: 'completed' } },
    { id: 'unkept-task-fixed', watch: { en: 'The run looks the same; the difference is in main: it keeps the Task in producers, so the task cannot be garbage-collected while it runs.', zh: '运行看起来一样；区别在 main：它把 Task 保存在 producers 里，所以任务运行时不会被垃圾回收。' }, role: 'fixed', label: { en: 'producers = [create_task(...)]', zh: 'producers = [create_task(...)]' }, scenario: unkept(true, 'The task kept in a list'), expect: { status: 'completed' } },
  ],
};
