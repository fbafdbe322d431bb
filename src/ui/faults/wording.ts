/**
 * The worker's reports worded from data in the page's language: how a seek went, and why the lab stopped on a
 * failure of its own. Every kind is handled (a new one fails `tsc` here); tests/worker/wording.test.ts walks them.
 */
import type { LabError } from '../../store/labStore';
import { faultDetail } from '../../worker/fault';
import { assertNever } from '../../worker/never';
import type { SeekReport } from '../../worker/protocol';
import type { SeekTarget } from '../../worker/timeTravel';
import type { Dict } from '../i18n';
import { formatInt, formatUpTo } from '../i18n/numbers';
import type { WorkerWords } from './words';

/** The moment a seek was asked for. */
export function moment(w: WorkerWords, target: SeekTarget): string {
  switch (target.kind) {
    case 'tick':
      return w.tick(formatInt(target.tick));
    case 'time':
      return w.time(formatUpTo(target.t, 3));
    case 'seq':
      return w.event(formatInt(target.seq));
    default:
      return assertNever(target);
  }
}

/** How a seek went; null for one that landed where asked (nothing to say). */
export function seekText(seek: SeekReport, w: WorkerWords): string | null {
  const what = moment(w, seek.target);
  switch (seek.kind) {
    case 'landed':
      return null;
    case 'progress':
      return w.seeking(what, `${formatInt(Math.floor(seek.done * 100))}%`);
    case 'pastEnd':
      return w.pastEnd(what, formatUpTo(seek.endT, 3));
    case 'refused':
      return w.refused(what, formatInt(Math.round(seek.needed)), formatInt(seek.limit));
    case 'cancelled':
      return w.cancelled(what);
    default:
      return assertNever(seek);
  }
}

/** The error panel's first line: the page's sentence around the failure's own words (shown as they are). */
export function errorWords(e: LabError, tx: Dict): { words: (detail: string) => string; detail: string } {
  switch (e.kind) {
    case 'engineError':
      return { words: tx.engineError, detail: faultDetail(e) };
    case 'workerDied':
      return { words: (r) => tx.engineError(tx.worker.workerDied(r)), detail: e.reason };
    case 'invalidScenario':
      return { words: tx.engineError, detail: e.errors.join('; ') };
    default:
      return assertNever(e);
  }
}
