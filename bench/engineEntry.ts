/** What the engine benchmark runs, bundled as it ships (see load.ts). */
export { Simulation } from '../src/engine/simulation';
export { traceLine } from '../src/engine/traceJson';
export { seed2 } from '../src/scenarios/presets';
