/**
 * The scenario format `queue-lab/1` and the trace, for the code outside the engine. The scenario's types are
 * inferred from its schema (schema.ts); the trace's live with the engine that writes it (src/engine/scenario.ts),
 * since the engine imports nothing outside itself.
 */
export { SCENARIO_SPEC } from './schema';
export type { ConsumerGroup, Dist, DistKind, Item, ItemValue, ProducerGroup, QueueKind, Scenario, Shutdown } from './schema';
export type { BlockedEntry, EndRecord, EndStatus, EventName, TraceEvent, WaitingOn } from '../engine/scenario';
