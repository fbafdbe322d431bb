/**
 * The settings changed while the current run goes on (worker counts, rates): a running program can make these
 * changes (create_task, cancel, new draws) but a plain script cannot, so the code panel lists them beside the code.
 * A change of settings with no new run is a live change; a new run (a load) clears the list (createLab.ts).
 */
import { LIVE_KEYS, type Settings } from '../scenarios/settings';

export type LiveWhat = 'producers' | 'consumers' | 'interval' | 'service';

export interface LiveChange {
  what: LiveWhat;
  from: Settings;
  to: Settings;
}

/** Which of the four things a setting belongs to (a rate and its distribution are one thing). */
const WHAT: Record<(typeof LIVE_KEYS)[number], LiveWhat> = {
  producers: 'producers',
  consumers: 'consumers',
  interval: 'interval',
  intervalDist: 'interval',
  service: 'service',
  serviceDist: 'service',
};

const countOf = (s: Settings, what: LiveWhat): number => (what === 'producers' ? s.producers : s.consumers);
const isCount = (what: LiveWhat): boolean => what === 'producers' || what === 'consumers';

/**
 * The list after `prev` -> `next`: consecutive changes of one thing merge (a slider dragged 3 -> 4 -> ... -> 8 is
 * one change), except that a count turning back starts a new entry (tasks created, then cancelled).
 */
export function addChange(list: readonly LiveChange[], prev: Settings, next: Settings): LiveChange[] {
  const out = [...list];
  for (const key of LIVE_KEYS) {
    if (prev[key] === next[key]) continue;
    const what = WHAT[key];
    if (out.some((c) => c.what === what && c.to === next)) continue; // interval + its distribution at once
    const last = out[out.length - 1];
    const sameWay =
      last !== undefined &&
      last.what === what &&
      (!isCount(what) ||
        Math.sign(countOf(last.to, what) - countOf(last.from, what)) === Math.sign(countOf(next, what) - countOf(prev, what)));
    if (sameWay) out[out.length - 1] = { what, from: last.from, to: next };
    else out.push({ what, from: prev, to: next });
  }
  // a rate moved back to where it started is no change at all
  return out.filter((c) => isCount(c.what) || rateKey(c.from, c.what) !== rateKey(c.to, c.what));
}

export const rateKey = (s: Settings, what: LiveWhat): string =>
  what === 'interval' ? `${s.interval}/${s.intervalDist}` : `${s.service}/${s.serviceDist}`;
