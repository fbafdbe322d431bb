/**
 * Main-thread side of a snapshot: the wire format unpacked into plain objects that the scene, the store and the
 * test hook read. Actors' names and roles arrive once per run; the client keeps them in a roster.
 */
import { SEP, SITES, STATES, STATUSES, type ActorInfo, type Site, type State, type Status, type WireSnapshot } from './protocol';
import type { EndRecord } from '../scenarios/types';

export interface ActorSnap extends ActorInfo {
  state: State;
  /** Where it stands in its program (the code panel marks that line). */
  site: Site;
  /** When its sleep, poll or service ends (virtual seconds), or NaN. */
  until: number;
  item: string | null;
  waitingOn: string | null;
  error: string | null;
}

export interface Counters {
  produced: number;
  consumed: number;
  inBuffer: number;
  inService: number;
  unfinished: number;
  wastedPolls: number;
}

export interface Move {
  actor: number;
  put: boolean;
  label: string;
}

export interface Snapshot {
  n: number;
  run: number;
  t: number;
  simT: number;
  status: Status;
  playing: boolean;
  speed: number;
  achieved: number;
  behind: boolean;
  actors: ActorSnap[];
  buffer: string[];
  bufferCount: number;
  maxsize: number;
  queueKind: string;
  counters: Counters;
  running: string | null;
  lastRan: string | null;
  ready: string[];
  frozen: { by: string; from: number; until: number } | null;
  end: EndRecord | null;
  moves: Move[];
  /** performance.now() on the main thread when it arrived. */
  recv: number;
}

export interface LogBatch {
  run: number;
  lines: string[];
  actors: string[];
  skipped: number;
}

const split = (s: string, sep: string): string[] => (s === '' ? [] : s.split(sep));
const orNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

export function decodeSnapshot(w: WireSnapshot, roster: ActorInfo[], recv: number): Snapshot {
  const text = w.actorText === '' ? [] : w.actorText.split('\n');
  const actors: ActorSnap[] = [];
  for (let i = 0; i < w.state.length; i++) {
    const info = roster[i] ?? { id: i, name: `actor-${i}`, role: 'consumer' as const, kind: 'task' as const };
    const [item, waitingOn, error] = (text[i] ?? '').split(SEP);
    actors.push({
      ...info,
      state: STATES[w.state[i]!] ?? 'ready',
      site: SITES[w.site[i]!] ?? 'run',
      until: w.until[i]!,
      item: orNull(item),
      waitingOn: orNull(waitingOn),
      error: orNull(error),
    });
  }
  const c = w.counters;
  const nameOf = (id: number): string => roster[id]?.name ?? `actor-${id}`;
  const moveText = split(w.moveText, SEP);
  const moves: Move[] = Array.from(w.moves, (m, i) => ({
    actor: m >= 0 ? m : -m - 1,
    put: m >= 0,
    label: moveText[i] ?? '',
  }));
  return {
    n: w.n,
    run: w.run,
    t: w.t,
    simT: w.simT,
    status: STATUSES[w.status] ?? 'running',
    playing: w.playing,
    speed: w.speed,
    achieved: w.achieved,
    behind: w.behind,
    actors,
    buffer: w.bufferCount === 0 ? [] : w.buffer.split(SEP),
    bufferCount: w.bufferCount,
    maxsize: w.maxsize,
    queueKind: w.queueKind,
    counters: {
      produced: c[0]!,
      consumed: c[1]!,
      inBuffer: c[2]!,
      inService: c[3]!,
      unfinished: c[4]!,
      wastedPolls: c[5]!,
    },
    running: w.running < 0 ? null : nameOf(w.running),
    lastRan: w.lastActor < 0 ? null : nameOf(w.lastActor),
    ready: Array.from(w.ready, nameOf),
    frozen: w.frozen,
    end: w.end,
    moves,
    recv,
  };
}

export function decodeLog(w: WireSnapshot, roster: ActorInfo[]): LogBatch {
  return {
    run: w.run,
    lines: split(w.log, '\n'),
    actors: Array.from(w.logActor, (id) => (id < 0 ? 'loop' : (roster[id]?.name ?? ''))),
    skipped: w.logSkipped,
  };
}
