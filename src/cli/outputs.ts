/** The CLI's other outputs (--python, --log, --stats), beside the default JSON trace. */
import { Metrics } from '../engine/metrics';
import type { Simulation, Record } from '../engine/simulation';
import type { Scenario } from '../scenarios/types';
import { predict } from '../theory/fromScenario';
import { statsReport } from '../theory/report';
import type { CliArgs } from './args';

export type ExtraOutput =
  | { kind: 'text'; text: string }
  | { kind: 'records'; consume: (r: Record[], write: (s: string) => void) => void; finish: (sim: Simulation, write: (s: string) => void) => void };

export function extraOutputs(a: CliArgs, s: Scenario): ExtraOutput | null {
  if (a.stats) return statsOutput(s);
  if (a.python || a.log) throw new Error('not wired yet');
  return null;
}

/** --stats: the measured figures of the whole run beside queueing theory's prediction, as JSON. */
function statsOutput(s: Scenario): ExtraOutput {
  const metrics = new Metrics(s);
  return {
    kind: 'records',
    consume: (r) => metrics.addAll(r),
    finish: (_sim, write) => write(`${JSON.stringify(statsReport(s.name, metrics.snapshot(), predict(s)), null, 2)}\n`),
  };
}
