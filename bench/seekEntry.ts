/** What the seek benchmark runs, bundled as it ships (see load.ts). */
export { Simulation } from '../src/engine/simulation';
export { seed2 } from '../src/scenarios/presets';
export { Checkpoints } from '../src/worker/checkpoints';
