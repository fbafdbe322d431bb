/**
 * Text for the log and the scene. Log lines are exactly what the exported Python program prints
 * (src/python/logLine.ts); the scene's item labels are shorter.
 */
import { formatEndReport, formatLogLine as pyLogLine, formatTime, type PythonVersion } from '../python/logLine.ts';
import type { EndRecord, Item, TraceEvent } from '../scenarios/types';

/** A short label for an item in the scene: numbers to 3 significant digits, strings bare, None, tuples. */
export function itemLabel(x: Item): string {
  if (x === null) return 'None';
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return `(${x.map(itemLabel).join(',')})`;
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

/** One log line (items repr'd as Python `python` does); the end of the run gets the program's end report (or `end completed`). */
export function formatLogLine(ev: TraceEvent | EndRecord, python: PythonVersion): string {
  if (ev.event !== 'end') return pyLogLine(ev as TraceEvent, python);
  const e = ev as EndRecord;
  const report = formatEndReport(e);
  return report.length > 0 ? report.join('\n') : `${formatTime(e.t)}s  loop  end ${e.status}`;
}
