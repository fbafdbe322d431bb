/**
 * The end of a run as the trace's last record says it: how it ended, and for a hang what each task still waits on.
 */
import type { Actor } from '../program/actor';
import type { BlockedEntry, EndRecord, EndStatus, WaitingOn } from '../scenario';
import { Task } from '../asyncio/task';

/** What a pending task waits on, in the hang report's words. */
export function waitingOn(t: Task<unknown>): WaitingOn {
  const f = t.futWaiter;
  if (f === null) return 'sleep';
  if (f instanceof Task) return `task ${f.name}`;
  return (f.label || 'sleep') as WaitingOn;
}

/** The end record; `cleanupSeq` is the seq of asyncio.run's first cleanup event, if it got that far. */
export function endRecord(
  seq: number,
  t: number,
  status: EndStatus,
  actors: readonly Actor[],
  cleanupSeq: number | null,
  extra: { exception?: string; message?: string } = {},
): EndRecord {
  const blocked: BlockedEntry[] = [];
  if (status === 'hang') {
    for (const a of actors) {
      if (a.task !== null && !a.task.done()) blocked.push({ task: a.name, waiting_on: waitingOn(a.task) });
    }
  }
  const end: EndRecord = { seq, t, actor: 'loop', event: 'end', status, blocked, ...extra };
  if (cleanupSeq !== null) end.cleanup_seq = cleanupSeq;
  return end;
}
