/** What the engine benchmark runs, bundled as it ships (see load.ts). */
export { Simulation } from '../src/engine/simulation';
export { TraceEncoder } from '../src/engine/trace/traceBytes';
export { seed2 } from '../src/scenarios/presets';
