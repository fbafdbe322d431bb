/**
 * Hand-written conformance scenarios: each one exercises a feature of docs/scenario.md, and the suite checks that
 * the engine's trace equals CPython's for every one of them.
 */
import type { Scenario } from '../../src/scenarios/types';
import { consumer as c, producer as p, scenario } from '../../src/scenarios/build';

const none = { strategy: 'none' } as const;

export const CASES: Scenario[] = [
  scenario('fifo, bounded, sentinels by the producer'),
  scenario('unbounded queue: put never yields', { queue: { kind: 'Queue', maxsize: 0 } }),
  scenario('maxsize 1, two consumers', { queue: { kind: 'Queue', maxsize: 1 }, consumers: [c({ count: 2 })] }),
  scenario('lifo queue', { queue: { kind: 'LifoQueue', maxsize: 3 }, consumers: [c({ count: 2, service: { dist: 'randint', lo: 1, hi: 3 } })] }),
  scenario('priority queue with drawn priorities', {
    queue: { kind: 'PriorityQueue', maxsize: 0 },
    producers: [p({ items: { count: 12, value: { type: 'priority', priority: { dist: 'randint', lo: 1, hi: 5 } } } })],
    shutdown: { strategy: 'cancel_after_join' },
  }),
  scenario('priority queue with None sentinels: TypeError', {
    queue: { kind: 'PriorityQueue', maxsize: 0 },
    producers: [p({ items: { count: 3, value: { type: 'index' } } })],
  }),
  scenario('two producers, three consumers, randint intervals', {
    producers: [p({ count: 2, interval: { dist: 'randint', lo: 1, hi: 3 } })],
    consumers: [c({ count: 3, service: { dist: 'randint', lo: 2, hi: 5 } })],
  }),
  scenario('interval after put, uniform', {
    producers: [p({ interval: { dist: 'uniform', lo: 0.1, hi: 0.9 }, interval_at: 'after_put' })],
    consumers: [c({ service: { dist: 'uniform', lo: 0.2, hi: 1.2 } })],
  }),
  scenario('exponential intervals and service', {
    queue: { kind: 'Queue', maxsize: 5 },
    producers: [p({ items: { count: 40, value: { type: 'index' } }, interval: { dist: 'expo', mean: 1 } })],
    consumers: [c({ count: 2, service: { dist: 'expo', mean: 1.5 } })],
  }),
  scenario('choice and list distributions', {
    producers: [p({ interval: { dist: 'choice', values: [0.5, 1, 2] } })],
    consumers: [c({ service: { dist: 'list', values: [3, 1, 0.25] } })],
  }),
  scenario('service time is the item', {
    queue: { kind: 'Queue', maxsize: 3 },
    producers: [p({ items: { count: 8, value: { type: 'dist', dist: { dist: 'randint', lo: 1, hi: 2 } } } })],
    consumers: [c({ service: { dist: 'item' } })],
    shutdown: { strategy: 'cancel_after_join' },
  }),
  scenario('zero service time: sleep(0) costs one iteration', {
    consumers: [c({ count: 2, service: { dist: 'const', value: 0 } })],
  }),
  scenario('formatted string items', {
    producers: [p({ count: 2, items: { count: 4, value: { type: 'format', format: 'job {n}-{i}' } } })],
  }),
  scenario('sentinels by main', {
    producers: [p({ count: 2 })],
    consumers: [c({ count: 3 })],
    shutdown: { strategy: 'sentinel', by: 'main', count: null },
  }),
  scenario('too few sentinels: a consumer never exits (hang)', {
    consumers: [c({ count: 3 })],
    shutdown: { strategy: 'sentinel', by: 'main', count: 2 },
  }),
  scenario('join then cancel', { consumers: [c({ count: 3 })], shutdown: { strategy: 'cancel_after_join' } }),
  scenario('forgotten task_done: join waits forever (hang)', {
    consumers: [c({ task_done: 'never' })],
    shutdown: { strategy: 'cancel_after_join' },
  }),
  scenario('task_done twice: ValueError', { consumers: [c({ task_done: 'twice' })], main: { start: 'producers_first', awaits: 'all', with: 'gather' } }),
  scenario('task_done twice under asyncio.wait: the consumer dies, the producer joins forever', {
    consumers: [c({ task_done: 'twice' })],
    producers: [p({ then: 'join' })],
    main: { start: 'consumers_first', awaits: 'all', with: 'wait' },
  }),
  scenario('consumer never stops (seed-3 shape): hang', {
    shutdown: none,
    main: { start: 'producers_first', awaits: 'consumers', with: 'await' },
  }),
  scenario('main awaits producers only: asyncio.run cancels the consumers', {
    shutdown: none,
    main: { start: 'producers_first', awaits: 'producers', with: 'gather' },
  }),
  scenario('put_nowait on a full queue: QueueFull', {
    producers: [p({ put: 'nowait' })],
    queue: { kind: 'Queue', maxsize: 2 },
  }),
  scenario('put_nowait with room to spare', {
    producers: [p({ put: 'nowait', interval: { dist: 'const', value: 2 } })],
  }),
  scenario('polling consumers (get_nowait + sleep)', {
    producers: [p({ interval: { dist: 'randint', lo: 1, hi: 4 } })],
    consumers: [c({ count: 3, get: { mode: 'poll', interval: 1 } })],
  }),
  scenario('polling forever until the horizon', {
    horizon: 30,
    producers: [p({ interval: { dist: 'randint', lo: 2, hi: 4 } })],
    consumers: [c({ count: 2, get: { mode: 'poll', interval: 1 } })],
    shutdown: none,
    main: { start: 'consumers_first', awaits: 'consumers', with: 'gather' },
  }),
  scenario('blocking time.sleep in a coroutine freezes the loop', {
    producers: [p({ interval: { dist: 'const', value: 0.5 } })],
    consumers: [c({ count: 2, service_call: 'time.sleep', service: { dist: 'const', value: 1 } })],
  }),
  scenario('a consumer raises on a bad item (no guard)', {
    producers: [p({ items: { count: 6, value: { type: 'index' } } })],
    consumers: [c({ count: 2, raise_on: { item: 3, exception: 'ValueError', guard: 'none' } })],
    shutdown: { strategy: 'cancel_after_join' },
    main: { start: 'producers_first', awaits: 'all', with: 'wait' },
  }),
  scenario('a consumer raises; try/finally marks the item done', {
    consumers: [c({ count: 2, raise_on: { item: 3, exception: 'ValueError', guard: 'finally' } })],
    shutdown: { strategy: 'cancel_after_join' },
  }),
  scenario('a consumer raises; try/except keeps it alive', {
    consumers: [c({ count: 2, raise_on: { item: 3, exception: 'RuntimeError', guard: 'except' } })],
    shutdown: { strategy: 'cancel_after_join' },
  }),
  scenario('main waits with asyncio.wait, consumers first', { main: { start: 'consumers_first', awaits: 'all', with: 'wait' } }),
  scenario('main awaits each task in turn', { main: { start: 'producers_first', awaits: 'all', with: 'await' } }),
  scenario('producer joins after its sentinels (article 2 shape)', {
    producers: [p({ then: 'join', items: { count: 20, value: { type: 'index' } } })],
    consumers: [c({ count: 2, service: { dist: 'const', value: 0.01 } })],
    main: { start: 'consumers_first', awaits: 'all', with: 'wait' },
  }),
  scenario('thread producer into queue.Queue with polling consumers', {
    horizon: 40,
    queue: { kind: 'queue.Queue', maxsize: 0 },
    producers: [p({ runs_in: 'thread', items: { count: null, value: { type: 'format', format: 'item {i}' } }, interval: { dist: 'randint', lo: 2, hi: 4 }, interval_at: 'after_put' })],
    consumers: [c({ count: 3, get: { mode: 'poll', interval: 1 }, service: { dist: 'const', value: 10 }, task_done: 'never' })],
    shutdown: none,
    main: { start: 'consumers_first', awaits: 'consumers', with: 'gather' },
  }),
  scenario('a finite thread producer; main exits, the thread goes on', {
    horizon: 100,
    queue: { kind: 'queue.Queue', maxsize: 0 },
    producers: [p({ runs_in: 'thread', count: 2, items: { count: 3, value: { type: 'index' } }, interval: { dist: 'const', value: 2 } })],
    consumers: [c({ count: 1, get: { mode: 'poll', interval: 1.5 }, task_done: 'never' })],
    shutdown: none,
    main: { start: 'consumers_first', awaits: 'producers', with: 'gather' },
  }),
  scenario('equal-time timers fire in scheduling order', {
    producers: [p({ count: 3, interval: { dist: 'const', value: 1 } })],
    consumers: [c({ count: 3, service: { dist: 'const', value: 1 } })],
  }),
  scenario('float accumulation in virtual time', {
    producers: [p({ items: { count: 30, value: { type: 'index' } }, interval: { dist: 'const', value: 0.1 } })],
    consumers: [c({ service: { dist: 'const', value: 0.07 } })],
  }),
  scenario('horizon cuts a long run', {
    horizon: 5.5,
    producers: [p({ items: { count: 100, value: { type: 'index' } }, interval: { dist: 'const', value: 0.25 } })],
  }),
];

/** Python 3.13 cases: Queue.shutdown. */
export const CASES_313: Scenario[] = [
  scenario('Queue.shutdown after the producers: consumers drain, then stop', {
    python: '3.13',
    consumers: [c({ count: 3 })],
    shutdown: { strategy: 'queue_shutdown', immediate: false, after: 'producers_done' },
  }),
  scenario('Queue.shutdown(immediate=True) drops what is queued', {
    python: '3.13',
    queue: { kind: 'Queue', maxsize: 0 },
    consumers: [c({ count: 2, service: { dist: 'const', value: 3 } })],
    shutdown: { strategy: 'queue_shutdown', immediate: true, after: 'producers_done' },
  }),
  scenario('Queue.shutdown after join', {
    python: '3.13',
    consumers: [c({ count: 2 })],
    shutdown: { strategy: 'queue_shutdown', immediate: false, after: 'join' },
  }),
  scenario('Queue.shutdown(immediate) with polling consumers', {
    python: '3.13',
    consumers: [c({ count: 2, get: { mode: 'poll', interval: 0.5 } })],
    producers: [p({ interval: { dist: 'const', value: 0.3 } })],
    shutdown: { strategy: 'queue_shutdown', immediate: true, after: 'producers_done' },
  }),
];
