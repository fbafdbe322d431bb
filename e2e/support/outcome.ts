/** A run's end in the pitfall catalogue's terms, to compare with what each variant documents. */
import type { Expect } from '../../src/scenarios/catalogue';
import type { EndRecord } from '../../src/scenarios/types';

/** The end record as an outcome in the catalogue's terms (waits sorted), or null while it runs. */
export function outcome(end: EndRecord | null): Expect | null {
  if (end === null) return null;
  if (end.status === 'error') return { status: 'error', exception: end.exception ?? '?' };
  if (end.status === 'hang') {
    const waits = end.blocked.flatMap((b) => ('task' in b ? [{ task: b.task, waiting_on: b.waiting_on }] : []));
    return { status: 'hang', waits: waits.sort((a, b) => a.task.localeCompare(b.task)) };
  }
  return { status: end.status };
}

/** A documented outcome with its waits sorted as `outcome` sorts them. */
export const normal = (e: Expect): Expect =>
  e.status === 'hang' ? { ...e, waits: [...e.waits].sort((a, b) => a.task.localeCompare(b.task)) } : e;
