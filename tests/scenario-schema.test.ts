/**
 * The scenario schema (src/scenarios/schema.ts) is the one description of a scenario: the types the app uses are
 * inferred from it (the engine keeps its own view, src/engine/scenario.ts, because it imports nothing outside
 * itself: the two must be the same types), and docs/scenario.schema.json is generated from it.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { scenarioJsonSchema, SCHEMA_FILE } from '../scripts/scenario-schema';
import type * as Engine from '../src/engine/scenario';
import { listPresets } from '../src/scenarios/registry';
import type * as Schema from '../src/scenarios/types';
import { validateScenario } from '../src/scenarios/validate';
import { KINDS, scenarioFor } from './invariants/check';

describe('the scenario types inferred from the schema', () => {
  it('are the engine’s scenario types', () => {
    expectTypeOf<Schema.Scenario>().toEqualTypeOf<Engine.Scenario>();
    expectTypeOf<Schema.ProducerGroup>().toEqualTypeOf<Engine.ProducerGroup>();
    expectTypeOf<Schema.ConsumerGroup>().toEqualTypeOf<Engine.ConsumerGroup>();
    expectTypeOf<Schema.Dist>().toEqualTypeOf<Engine.Dist>();
    expectTypeOf<Schema.ItemValue>().toEqualTypeOf<Engine.ItemValue>();
    expectTypeOf<Schema.Shutdown>().toEqualTypeOf<Engine.Shutdown>();
    expectTypeOf<Schema.QueueKind>().toEqualTypeOf<Engine.QueueKind>();
    expectTypeOf<Schema.Item>().toEqualTypeOf<Engine.Item>();
  });
});

describe('docs/scenario.schema.json', () => {
  const text = readFileSync(SCHEMA_FILE, 'utf8');

  it('is the one generated from the schema (npm run schema writes it)', () => {
    expect(text).toBe(scenarioJsonSchema());
  });

  const ajv = new Ajv({ allErrors: true, strict: true });
  const valid = ajv.compile(JSON.parse(text) as object);

  it('accepts every scenario the app accepts', () => {
    const scenarios = [...listPresets().map((p) => p.scenario), ...KINDS.flatMap((k) => Array.from({ length: 100 }, (_, seed) => scenarioFor(k, seed)))];
    for (const s of scenarios) {
      expect(validateScenario(s).ok).toBe(true);
      expect(valid(JSON.parse(JSON.stringify(s))), `${s.name}: ${ajv.errorsText(valid.errors)}`).toBe(true);
    }
  });

  it('refuses what validation refuses field by field', () => {
    const base = listPresets()[0]!.scenario;
    const broken: [string, (s: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['an unknown field', (s) => (s.extra = 1)],
      ['a missing field', (s) => delete s.seed],
      ['a count out of range', (s) => (s.producers[0].count = 65)],
      ['a fractional seed', (s) => (s.seed = 1.5)],
      ['a queue kind', (s) => (s.queue.kind = 'Deque')],
      ['no groups', (s) => (s.consumers = [])],
      ['nine groups', (s) => (s.consumers = Array.from({ length: 9 }, (_, i) => ({ ...s.consumers[0], name: `c${i}` })))],
      ['a name the program uses', (s) => (s.producers[0].name = 'queue')],
      ['a name that is no identifier', (s) => (s.producers[0].name = '1st')],
      ['a field of another distribution', (s) => (s.consumers[0].service = { dist: 'const', value: 1, lo: 0 })],
      ['an item distribution for an interval', (s) => (s.producers[0].interval = { dist: 'item' })],
      ['a format with other braces', (s) => (s.producers[0].items.value = { type: 'format', format: '{x}' })],
      ['an item nested three lists deep', (s) => (s.consumers[0].raise_on = { item: [[[1]]], exception: 'ValueError', guard: 'none' })],
      ['a horizon of 0', (s) => (s.horizon = 0)],
      ['a poll without an interval', (s) => (s.consumers[0].get = { mode: 'poll' })],
      ['an await with an interval', (s) => (s.consumers[0].get = { mode: 'await', interval: 1 })],
      ['a sentinel strategy without count', (s) => (s.shutdown = { strategy: 'sentinel', by: 'main' })],
      ['keep_refs not a boolean', (s) => (s.main.keep_refs = 'no')],
    ];
    for (const [what, change] of broken) {
      const s = structuredClone(base) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      change(s);
      expect(validateScenario(s).ok, what).toBe(false);
      expect(valid(s), what).toBe(false);
    }
  });
});
