/**
 * The scenario format `queue-lab/1` and the trace, for the code outside the engine: the types live with the engine
 * that interprets them (src/engine/scenario.ts), since the engine imports nothing outside itself.
 */
export * from '../engine/scenario';
