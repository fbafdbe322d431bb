/**
 * The scene in words, for the canvas's text alternative and the polite live region: the clock and the run's state,
 * the buffer, the counts, and how many producers and consumers are in each state.
 */
import type { ActorSnap, Snapshot } from '../../worker/snapshot';
import type { Dict } from '../i18n';
import { formatFixed, formatInt } from '../i18n/numbers';
import { stateWords } from '../scene/actorCard';
import type { SummaryFacts } from '../teach/words';

function states(actors: ActorSnap[], tx: Dict): string {
  if (actors.length === 0) return tx.teach.noTasks;
  const groups = new Map<string, number>();
  for (const a of actors) {
    const w = stateWords(a, tx);
    groups.set(w, (groups.get(w) ?? 0) + 1);
  }
  return [...groups.entries()].map(([w, n]) => tx.teach.countOf(formatInt(n), w)).join(tx.teach.listJoin);
}

export function summarize(s: Snapshot, tx: Dict): string {
  const end = s.end;
  const status: SummaryFacts['status'] = s.status !== 'running' ? s.status : s.playing ? 'running' : 'paused';
  const blocked =
    end !== null && end.status === 'hang'
      ? end.blocked.flatMap((b) => ('task' in b ? [tx.teach.waitsOn(b.task, b.waiting_on)] : [])).join(tx.teach.listJoin)
      : '';
  return tx.teach.summary({
    t: formatFixed(s.t, 1),
    status,
    buffer: formatInt(s.bufferCount),
    maxsize: s.maxsize > 0 ? formatInt(s.maxsize) : null,
    produced: formatInt(s.counters.produced),
    consumed: formatInt(s.counters.consumed),
    producers: states(s.actors.filter((a) => a.role === 'producer'), tx),
    consumers: states(s.actors.filter((a) => a.role === 'consumer'), tx),
    exception: end?.status === 'error' ? (end.exception ?? null) : null,
    blocked,
  });
}
