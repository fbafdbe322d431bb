/**
 * The notes under the controls, worded from data in the page's language: why the run restarted, what a live change
 * did, why the run paused by itself. A live change that creates or cancels tasks is told as Python would do it
 * (`consumer-3.cancel()`, `asyncio.create_task(consumer(...)) x2`: code, the same in every language).
 */
import type { Notice } from '../../store/labStore';
import type { WorkerNote } from '../../worker/protocol';
import { assertNever } from '../../worker/never';
import type { Dict } from '../i18n';
import { formatInt } from '../i18n/numbers';

type LiveDone = Extract<WorkerNote, { kind: 'live' }>['done'];
type Pause = Extract<WorkerNote, { kind: 'paused' }>;

/** The note's sentence. */
export function noticeText(n: Notice, tx: Dict): string {
  switch (n.kind) {
    case 'restart':
      return tx.restarted(tx[n.setting]);
    case 'live':
      return tx.live(liveText(n.done, tx));
    case 'paused':
      return tx.paused(pauseText(n, tx));
    default:
      return assertNever(n);
  }
}

/** What a live change did, in words (or Python code). */
export function liveText(d: LiveDone, tx: Dict): string {
  switch (d.kind) {
    case 'dist':
      return d.role === 'producer' ? tx.teach.notes.interval : tx.teach.notes.service;
    case 'created':
      return `asyncio.create_task(${d.coroutine}(...)) x${d.count}`;
    case 'cancelled':
      return `${d.tasks.join(', ')}.cancel()`;
    default:
      return assertNever(d);
  }
}

/** Why the run paused by itself. */
export function pauseText(p: Pause, tx: Dict): string {
  switch (p.reason) {
    case 'unboundedQueue':
      return tx.teach.notes.tooMany(formatInt(p.limit));
    default:
      return assertNever(p.reason);
  }
}
