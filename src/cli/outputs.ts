/** What the CLI prints: the JSON trace (default), the event log (--log), the statistics (--stats), the program (--python). */
import { Metrics } from '../engine/metrics';
import type { Simulation } from '../engine/simulation';
import { generatePython } from '../python/generate';
import { formatEndReport, formatLogLine } from '../python/logLine';
import type { EndRecord, Scenario, TraceEvent } from '../scenarios/types';
import { predict } from '../theory/fromScenario';
import { statsReport } from '../theory/report';
import type { CliArgs } from './args';
import { recordSlices, traceSlices, type Slice } from './run';

type Write = (text: string) => void;

/** A mode that runs the simulation: its slices, then what it writes once the run has ended or was stopped. */
export interface RunMode {
  kind: 'run';
  slices: (sim: Simulation) => Slice;
  finish: (write: Write) => void;
}

export type Mode = { kind: 'text'; text: string } | RunMode;

export function modeOf(a: CliArgs, s: Scenario): Mode {
  if (a.stats) return statsMode(s);
  if (a.python) return { kind: 'text', text: generatePython(s) };
  if (a.log) return logMode();
  return traceMode();
}

/** The JSON Lines trace. */
function traceMode(): RunMode {
  return { kind: 'run', slices: traceSlices, finish: () => undefined };
}

/** --log: the lines the exported program prints with --fast, then its end report. */
function logMode(): RunMode {
  return {
    kind: 'run',
    slices: (sim) =>
      recordSlices(sim, (records, write) => {
        const lines: string[] = [];
        for (const r of records) {
          if (r.event === 'end') lines.push(...formatEndReport(r as EndRecord));
          else lines.push(formatLogLine(r as TraceEvent));
        }
        if (lines.length > 0) write(`${lines.join('\n')}\n`);
      }),
    finish: () => undefined,
  };
}

/** --stats: the measured figures of the whole run beside queueing theory's prediction, as JSON. */
function statsMode(s: Scenario): RunMode {
  const metrics = new Metrics(s);
  return {
    kind: 'run',
    slices: (sim) => recordSlices(sim, (r) => metrics.addAll(r)),
    finish: (write) => write(`${JSON.stringify(statsReport(s.name, metrics.snapshot(), predict(s)), null, 2)}\n`),
  };
}
