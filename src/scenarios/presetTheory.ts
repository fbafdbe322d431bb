/**
 * A preset that queueing theory covers exactly: Poisson arrivals, exponential service, two consumers and a bounded
 * buffer whose full state blocks the producer in `await q.put()` (the birth-death chain of src/theory/birthDeath.ts).
 * Offered 5/s against 2 x 2.22/s: consumers busy 93% of the time, the buffer full a third of it, the producer blocked.
 */
import type { Preset } from './preset';
import { SCENARIO_SPEC, type Scenario } from './types';

export const mm2Blocking: Scenario = {
  spec: SCENARIO_SPEC,
  python: '3.11',
  name: 'Backpressure with random arrivals: M/M/2 with a buffer of 5 that blocks the producer',
  seed: 2,
  // the lab runs it for as long as it plays; CLI and CPython traces stop here
  horizon: 60,
  queue: { kind: 'Queue', maxsize: 5 },
  producers: [
    {
      name: 'producer',
      count: 1,
      runs_in: 'task',
      items: { count: null, value: { type: 'index' } },
      interval: { dist: 'expo', mean: 0.2 },
      interval_at: 'before_put',
      put: 'await',
      then: 'none',
    },
  ],
  consumers: [
    {
      name: 'consumer',
      count: 2,
      get: { mode: 'await' },
      service: { dist: 'expo', mean: 0.45 },
      service_call: 'asyncio.sleep',
      task_done: 'after',
      raise_on: null,
    },
  ],
  shutdown: { strategy: 'none' },
  main: { start: 'consumers_first', awaits: 'all', with: 'gather' },
};

export const MM2_BLOCKING_PRESET: Preset = {
  id: 'mm2-blocking',
  title: { en: 'Backpressure with random arrivals', zh: '随机到达下的背压' },
  line: {
    en: 'Items every 0.2 s on average (exponential), two consumers taking 0.45 s on average, maxsize 5: theory predicts it exactly.',
    zh: '平均每 0.2 秒一个元素（指数分布），两个消费者平均各需 0.45 秒，maxsize 5：排队论可以精确预测。',
  },
  scenario: mm2Blocking,
};
