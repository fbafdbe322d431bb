/** Small builders for scenarios: a base program and the overrides that make each variant (catalogue, tests). */
import { SCENARIO_SPEC, type ConsumerGroup, type ProducerGroup, type Scenario } from './types';

export const producer = (o: Partial<ProducerGroup> = {}): ProducerGroup => ({
  name: 'producer',
  count: 1,
  runs_in: 'task',
  items: { count: 10, value: { type: 'index' } },
  interval: null,
  interval_at: 'before_put',
  put: 'await',
  then: 'none',
  ...o,
});

export const consumer = (o: Partial<ConsumerGroup> = {}): ConsumerGroup => ({
  name: 'consumer',
  count: 1,
  get: { mode: 'await' },
  service: { dist: 'const', value: 1 },
  service_call: 'asyncio.sleep',
  task_done: 'after',
  raise_on: null,
  ...o,
});

export function scenario(name: string, o: Partial<Scenario> = {}): Scenario {
  return {
    spec: SCENARIO_SPEC,
    name,
    python: '3.11',
    seed: 7,
    horizon: null,
    queue: { kind: 'Queue', maxsize: 2 },
    producers: [producer()],
    consumers: [consumer()],
    shutdown: { strategy: 'sentinel', by: 'producer', count: null },
    main: { start: 'producers_first', awaits: 'all', with: 'gather' },
    ...o,
  };
}
