/** The whole trace from t = 0 to the moment shown, regenerated in the worker chunk by chunk into a Blob. */
import type { Scenario } from '../scenarios/types';
import { fileName, MIME, traceToCsv, traceToJsonl } from '../share/files';
import type { TimeTravel } from './timeTravel';

export function traceFile(tt: TimeTravel, scenario: Scenario, tick: number, format: 'jsonl' | 'csv'): { name: string; blob: Blob } {
  const parts: string[] = [];
  let first = true;
  tt.trace(tick, (records) => {
    parts.push(format === 'jsonl' ? traceToJsonl(records) : traceToCsv(records, scenario.python, { header: first }));
    first = false;
  });
  if (parts.length === 0 && format === 'csv') parts.push(traceToCsv([], scenario.python));
  return { name: fileName(scenario, format), blob: new Blob(parts, { type: MIME[format] }) };
}
