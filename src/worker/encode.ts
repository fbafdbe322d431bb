/**
 * Worker side: a SimView and what happened since the last snapshot, packed into a WireSnapshot (typed arrays and
 * joined strings, so that a message is one small clone plus transferred buffers).
 */
import type { SimView } from '../engine/simulation';
import type { EndRecord, TraceEvent } from '../scenarios/types';
import type { PythonVersion } from '../python/logLine';
import { formatLogLine, itemLabel } from './formatLine';
import {
  BUFFER_CAP,
  LOG_CAP,
  MOVES_CAP,
  SEP,
  SITES,
  STATES,
  STATUSES,
  type ActorInfo,
  type Site,
  type State,
  type Status,
  type WireSnapshot,
} from './protocol';

const stateIndex = new Map<State, number>(STATES.map((s, i) => [s, i]));
const siteIndex = new Map<Site, number>(SITES.map((s, i) => [s, i]));
const statusIndex = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));

/** What accumulates between two snapshots: log lines and item moves. */
export class Pending {
  lines: string[] = [];
  lineActor: number[] = [];
  skipped = 0;
  moves: number[] = [];
  moveText: string[] = [];
  /** The actor of the latest event: the task that ran last (the loop strip's "last step"). */
  lastActor = -1;

  /** Adds the log lines of `records`, their items repr'd as Python `python` does. */
  add(records: (TraceEvent | EndRecord)[], idOf: (name: string) => number, python: PythonVersion): void {
    for (const r of records) {
      const id = r.event === 'end' ? -1 : idOf(r.actor);
      for (const line of formatLogLine(r, python).split('\n')) {
        this.lines.push(line);
        this.lineActor.push(id);
      }
      if (id >= 0) this.lastActor = id;
      if ((r.event === 'put' || r.event === 'get') && id >= 0 && this.moves.length < MOVES_CAP) {
        this.moves.push(r.event === 'put' ? id : -(id + 1));
        this.moveText.push(r.item === undefined ? '' : itemLabel(r.item));
      }
    }
    if (this.lines.length > LOG_CAP * 4) this.trim();
  }

  /** Keeps the newest LOG_CAP lines: at high speed nobody reads them all, and the log is bounded anyway. */
  trim(): void {
    const extra = this.lines.length - LOG_CAP;
    if (extra <= 0) return;
    this.skipped += extra;
    this.lines = this.lines.slice(extra);
    this.lineActor = this.lineActor.slice(extra);
  }

  clear(): void {
    this.lines = [];
    this.lineActor = [];
    this.skipped = 0;
    this.moves = [];
    this.moveText = [];
  }

  /** A new run: forget the last actor too. */
  reset(): void {
    this.clear();
    this.lastActor = -1;
  }
}

export interface EncodeContext {
  n: number;
  run: number;
  t: number;
  playing: boolean;
  speed: number;
  achieved: number;
  behind: boolean;
  newActors: ActorInfo[];
  end: EndRecord | null;
  idOf: (name: string) => number;
}

export function encodeSnapshot(v: SimView, ctx: EncodeContext, p: Pending): WireSnapshot {
  const n = v.actors.length;
  const state = new Uint8Array(n);
  const site = new Uint8Array(n);
  const until = new Float64Array(n);
  const text: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = v.actors[i]!;
    state[i] = stateIndex.get(a.state) ?? 0;
    site[i] = siteIndex.get(a.site) ?? 0;
    until[i] = a.until ?? NaN;
    text.push(`${a.item === undefined ? '' : itemLabel(a.item)}${SEP}${a.waitingOn ?? ''}${SEP}${a.error ?? ''}`);
  }
  const shown = v.buffer.length > BUFFER_CAP ? v.buffer.slice(0, BUFFER_CAP) : v.buffer;
  const buffer = shown.map(itemLabel).join(SEP);
  const c = v.counters;
  const counters = Float64Array.of(c.produced, c.consumed, c.inBuffer, c.inService, c.unfinished, c.wastedPolls);
  const ready = Int32Array.from(v.ready.map(ctx.idOf));
  p.trim();
  const log = p.lines.join('\n');
  const actorText = text.join('\n');
  const moveText = p.moveText.join(SEP);
  const snap: WireSnapshot = {
    n: ctx.n,
    run: ctx.run,
    t: ctx.t,
    simT: v.t,
    status: statusIndex.get(v.status) ?? 0,
    playing: ctx.playing,
    speed: ctx.speed,
    achieved: ctx.achieved,
    behind: ctx.behind,
    newActors: ctx.newActors,
    state,
    site,
    until,
    actorText,
    buffer,
    bufferCount: v.buffer.length,
    maxsize: v.maxsize,
    queueKind: v.queueKind,
    counters,
    running: v.running === null ? -1 : ctx.idOf(v.running),
    lastActor: p.lastActor,
    ready,
    frozen: v.frozen,
    end: ctx.end,
    log,
    logActor: Int16Array.from(p.lineActor),
    logSkipped: p.skipped,
    moves: Int32Array.from(p.moves),
    moveText,
    bytes: 0,
  };
  snap.bytes =
    200 +
    n * 10 +
    2 * (actorText.length + buffer.length + log.length + moveText.length) +
    4 * ready.length +
    2 * p.lineActor.length +
    4 * p.moves.length +
    ctx.newActors.length * 40 +
    (ctx.end === null ? 0 : 200);
  p.clear();
  return snap;
}
