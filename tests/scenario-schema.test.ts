/**
 * The scenario schema (src/scenarios/schema.ts) is the one description of a scenario: the types the app uses are
 * inferred from it, and they are the engine's own view of a scenario (src/engine/scenario.ts), which the engine
 * keeps because it imports nothing outside itself.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type * as Engine from '../src/engine/scenario';
import type * as Schema from '../src/scenarios/types';

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
