/** The CLI's other outputs (--python, --log, --stats), beside the default JSON trace. */
import { Metrics } from '../engine/metrics';
import type { Simulation, Record } from '../engine/simulation';
import { generatePython } from '../python/generate';
import { formatEndReport, formatLogLine } from '../python/logLine';
import type { EndRecord, Scenario, TraceEvent } from '../scenarios/types';
import { predict } from '../theory/fromScenario';
import { statsReport } from '../theory/report';
import type { CliArgs } from './args';

export type ExtraOutput =
  | { kind: 'text'; text: string }
  | { kind: 'records'; consume: (r: Record[], write: (s: string) => void) => void; finish: (sim: Simulation, write: (s: string) => void) => void };

export function extraOutputs(a: CliArgs, s: Scenario): ExtraOutput | null {
  if (a.stats) return statsOutput(s);
  if (a.python) return { kind: 'text', text: generatePython(s) };
  if (a.log) return logOutput();
  return null;
}

/** --log: the lines the exported program prints with --fast, then its end report. */
function logOutput(): ExtraOutput {
  return {
    kind: 'records',
    consume: (records, write) => {
      const lines: string[] = [];
      for (const r of records) {
        if (r.event === 'end') lines.push(...formatEndReport(r as EndRecord));
        else lines.push(formatLogLine(r as TraceEvent));
      }
      if (lines.length > 0) write(`${lines.join('\n')}\n`);
    },
    finish: () => undefined,
  };
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
