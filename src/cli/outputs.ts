/** What the CLI prints: the JSON trace (default), the event log (--log), the statistics (--stats), the program (--python). */
import { Metrics } from '../engine/metrics/metrics';
import type { Simulation } from '../engine/simulation';
import { generatePython } from '../python/generate';
import { formatEndReport, formatLogLine, pyFixed } from '../python/logLine';
import type { EndRecord, Scenario, TraceEvent } from '../scenarios/types';
import { predict } from '../theory/fromScenario';
import { statsReport } from '../theory/report';
import type { CliArgs } from './args';
import { recordSlices, traceSlices, type LimitRecord, type RunEnd, type Slice } from './run';

type Write = (text: string) => void;

/** A mode that runs the simulation: its slices, then what it writes once the run has ended or was stopped. */
export interface RunMode {
  kind: 'run';
  slices: (sim: Simulation) => Slice;
  finish: (end: RunEnd, write: Write) => void;
}

export type Mode = { kind: 'text'; text: string } | RunMode;

export function modeOf(a: CliArgs, s: Scenario): Mode {
  if (a.stats) return statsMode(s);
  if (a.python) return { kind: 'text', text: generatePython(s) };
  if (a.log) return logMode(s);
  return traceMode();
}

/** The JSON Lines trace; a run stopped at the limit ends with the LimitRecord. */
function traceMode(): RunMode {
  return {
    kind: 'run',
    slices: traceSlices,
    finish: (end, write) => {
      if (end.status === 'limit') write(`${JSON.stringify(end)}\n`);
    },
  };
}

/** --log: the lines the exported program prints with --fast, then its end report (and the CLI's own for the limit). */
function logMode(s: Scenario): RunMode {
  return {
    kind: 'run',
    slices: (sim) =>
      recordSlices(sim, (records, write) => {
        const lines: string[] = [];
        for (const r of records) {
          if (r.event === 'end') lines.push(...formatEndReport(r as EndRecord));
          else lines.push(formatLogLine(r as TraceEvent, s.python));
        }
        if (lines.length > 0) write(`${lines.join('\n')}\n`);
      }),
    finish: (end, write) => {
      if (end.status === 'limit') write(`${limitLine(end)}\n`);
    },
  };
}

export function limitLine(end: LimitRecord): string {
  return `limit at t=${pyFixed(end.t)}: stopped after ${end.iterations} loop iterations, the program was still running`;
}

/** --stats: the measured figures of the whole run beside queueing theory's prediction, as JSON (not for a stopped run). */
function statsMode(s: Scenario): RunMode {
  const metrics = new Metrics(s);
  return {
    kind: 'run',
    slices: (sim) => recordSlices(sim, (r) => metrics.addAll(r)),
    finish: (end, write) => {
      if (end.status !== 'limit') write(`${JSON.stringify(statsReport(s.name, metrics.snapshot(), predict(s)), null, 2)}\n`);
    },
  };
}
