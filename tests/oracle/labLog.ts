/**
 * The lab's side of the exported-script comparison: the event log a scenario's run shows in the page (with the
 * end report), line for line what the exported script prints.
 */
import { Simulation } from '../../src/engine/simulation';
import { formatEndReport, formatLogLine } from '../../src/python/logLine';
import type { EndRecord, Scenario, TraceEvent } from '../../src/scenarios/types';

export function labLog(s: Scenario): { lines: string[]; end: EndRecord } {
  const lines: string[] = [];
  let end: EndRecord | null = null;
  new Simulation(s).runToEnd((records) => {
    for (const r of records) {
      if (r.event === 'end') {
        end = r as EndRecord;
        lines.push(...formatEndReport(end));
      } else lines.push(formatLogLine(r as TraceEvent, s.python));
    }
  });
  if (end === null) throw new Error(`${s.name}: no end`);
  return { lines, end };
}

/** The exit status the script gives for an end: 2 for a hang, 1 for an error, 0 otherwise. */
export const exitFor = (end: EndRecord): number => (end.status === 'hang' ? 2 : end.status === 'error' ? 1 : 0);

/** asyncio.run cancels leftover tasks in a set's order: the cleanup's lines compare as a multiset. */
export function sortCleanup(lines: string[], end: EndRecord & { cleanup_seq?: number }): void {
  const from = end.cleanup_seq;
  if (from !== undefined) lines.splice(from, end.seq - from, ...lines.slice(from, end.seq).sort());
}
