/**
 * The three programs of the founding articles (../shared/seeds), as scenarios. Each stays faithful to its article's
 * code; where the article leaves something open (an unseeded random, a print), the choice is said in `note`.
 */
import type { Preset } from './preset';
import { MM2_BLOCKING_PRESET } from './presetTheory';
import { SCENARIO_SPEC, type Scenario } from './types';

export type { Preset };

const base = {
  spec: SCENARIO_SPEC,
  python: '3.11',
} as const;

/** Article 1: a thread producer every randint(2, 4) s into queue.Queue; three consumers poll with get(block=False). */
export const seed1: Scenario = {
  ...base,
  name: 'Busy polling: a thread producer and three polling consumers',
  seed: 1,
  horizon: 120,
  queue: { kind: 'queue.Queue', maxsize: 0 },
  producers: [
    {
      name: 'producer',
      count: 1,
      runs_in: 'thread',
      items: { count: null, value: { type: 'format', format: '产品 {i}' } },
      interval: { dist: 'randint', lo: 2, hi: 4 },
      interval_at: 'after_put',
      put: 'await',
      then: 'none',
    },
  ],
  consumers: [
    {
      name: 'customer',
      count: 3,
      get: { mode: 'poll', interval: 1 },
      service: { dist: 'const', value: 10 },
      service_call: 'asyncio.sleep',
      task_done: 'never',
      raise_on: null,
    },
  ],
  shutdown: { strategy: 'none' },
  main: { start: 'consumers_first', awaits: 'consumers', with: 'gather' },
};

/** Article 2: asyncio.Queue(maxsize=num_consumers), two consumers, 60 items, a None per worker, task_done, join. */
export const seed2: Scenario = {
  ...base,
  name: 'Sentinels, task_done and join: a clean exit',
  seed: 2,
  horizon: null,
  queue: { kind: 'Queue', maxsize: 2 },
  producers: [
    {
      name: 'producer',
      count: 1,
      runs_in: 'task',
      items: { count: 60, value: { type: 'index' } },
      interval: null,
      interval_at: 'before_put',
      put: 'await',
      then: 'join',
    },
  ],
  consumers: [
    {
      name: 'consumer',
      count: 2,
      get: { mode: 'await' },
      service: { dist: 'const', value: 0.01 },
      service_call: 'asyncio.sleep',
      task_done: 'after',
      raise_on: null,
    },
  ],
  shutdown: { strategy: 'sentinel', by: 'producer', count: null },
  main: { start: 'consumers_first', awaits: 'all', with: 'wait' },
};

/** Article 3: maxsize=3, ten items of randint(1, 2), one consumer that never stops: the program hangs. */
export const seed3: Scenario = {
  ...base,
  name: 'The consumer that never stops: a hang',
  seed: 3,
  horizon: null,
  queue: { kind: 'Queue', maxsize: 3 },
  producers: [
    {
      name: 'producer',
      count: 1,
      runs_in: 'task',
      items: { count: 10, value: { type: 'dist', dist: { dist: 'randint', lo: 1, hi: 2 } } },
      interval: null,
      interval_at: 'before_put',
      put: 'await',
      then: 'none',
    },
  ],
  consumers: [
    {
      name: 'consumer',
      count: 1,
      get: { mode: 'await' },
      service: { dist: 'item' },
      service_call: 'asyncio.sleep',
      task_done: 'never',
      raise_on: null,
    },
  ],
  shutdown: { strategy: 'none' },
  main: { start: 'producers_first', awaits: 'consumers', with: 'await' },
};

export const PRESETS: Preset[] = [
  {
    id: 'seed-1',
    article: 1,
    title: { en: 'Busy polling', zh: '忙轮询' },
    line: {
      en: 'A thread puts a message into a queue.Queue every 2-4 s; three consumers (the article calls them customer) poll it with q.get(block=False) and sleep 1 s when it is empty. Item labels such as "产品 13" (product 13) are the article\'s own.',
      zh: '一个线程每 2-4 秒往 queue.Queue 放一个消息；三个消费者（文章中叫 customer）用 q.get(block=False) 轮询，队列为空时睡 1 秒。',
    },
    scenario: seed1,
  },
  {
    id: 'seed-2',
    article: 2,
    title: { en: 'Sentinels and join', zh: '哨兵与 join' },
    line: {
      en: 'A bounded queue (maxsize 2), 60 items, one None per consumer, task_done() and join(): a clean exit.',
      zh: '有界队列（maxsize 2）、60 个任务、每个消费者一个 None、task_done() 与 join()：干净退出。',
    },
    scenario: seed2,
  },
  {
    id: 'seed-3',
    article: 3,
    title: { en: 'The consumer that never stops', zh: '永不停止的消费者' },
    line: {
      en: 'maxsize 3, ten items, one consumer in while True: await q.get() waits forever: the program hangs.',
      zh: 'maxsize 3、十个元素、一个 while True 的消费者永远等在 await q.get()：程序挂起。',
    },
    scenario: seed3,
  },
  MM2_BLOCKING_PRESET,
];
