/** The CLI's other outputs (--python, --log, --stats), beside the default JSON trace. */
import type { Simulation, Record } from '../engine/simulation';
import type { Scenario } from '../scenarios/types';
import type { CliArgs } from './args';

export type ExtraOutput =
  | { kind: 'text'; text: string }
  | { kind: 'records'; consume: (r: Record[], write: (s: string) => void) => void; finish: (sim: Simulation, write: (s: string) => void) => void };

export function extraOutputs(a: CliArgs, _s: Scenario): ExtraOutput | null {
  if (a.python || a.log || a.stats) throw new Error('not wired yet');
  return null;
}
