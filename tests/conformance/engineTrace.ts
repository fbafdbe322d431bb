/** The engine's trace of a scenario, in the shape the oracle comparison takes. */
import { Simulation } from '../../src/engine/simulation';
import type { EndRecord, Scenario, TraceEvent } from '../../src/scenarios/types';
import type { Trace } from '../oracle/compareTraces';

export function engineTrace(s: Scenario, maxIterations = 5_000_000): Trace {
  const events: TraceEvent[] = [];
  let end: EndRecord | null = null;
  new Simulation(s).runToEnd((records) => {
    for (const r of records) {
      if (r.event === 'end') end = r as EndRecord;
      else events.push(r as TraceEvent);
    }
  }, maxIterations);
  return { events, end };
}
