/**
 * Worker side: a SimView and what happened since the last snapshot, as one plain snapshot (WireSnapshot). Plain
 * objects, not a packed form: at most a few hundred small values a frame, which structured clone copies for less
 * than the page paid to unpack them (bench:ui).
 */
import type { ItemMove, SimView } from '../engine/simulation';
import type { EndRecord, TraceEvent } from '../scenarios/types';
import type { PythonVersion } from '../python/logLine';
import { formatLogLine, itemLabel } from './formatLine';
import { BUFFER_CAP, LOG_CAP, MOVES_CAP, type ActorSnap, type Move, type WireSnapshot } from './protocol';

/** What accumulates between two snapshots: log lines and item moves. */
export class Pending {
  lines: string[] = [];
  /** The actor of each line ('loop' for the end of the run). */
  lineActor: string[] = [];
  skipped = 0;
  moves: Move[] = [];
  /** The actor of the latest event: the task that ran last (the loop strip's "last step"). */
  lastActor: string | null = null;

  /** Adds the log lines of `records`, their items repr'd as Python `python` does. */
  add(records: (TraceEvent | EndRecord)[], idOf: (name: string) => number, python: PythonVersion): void {
    for (const r of records) {
      const actor = r.event === 'end' ? 'loop' : r.actor;
      for (const line of formatLogLine(r, python).split('\n')) {
        this.lines.push(line);
        this.lineActor.push(actor);
      }
      if (r.event === 'end') continue;
      const id = idOf(r.actor);
      if (id >= 0) this.lastActor = r.actor;
    }
    if (this.lines.length > LOG_CAP * 4) this.trim();
  }

  /** Adds the items moved (the engine's record: the trace does not carry an item's serial). */
  addMoves(moves: ItemMove[]): void {
    for (const m of moves) {
      if (this.moves.length >= MOVES_CAP) break;
      this.moves.push({ actor: m.actor, put: m.put, label: itemLabel(m.item), serial: m.serial });
    }
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
  }

  /** A new run: forget the last actor too. */
  reset(): void {
    this.clear();
    this.lastActor = null;
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
  end: EndRecord | null;
}

/** Rough bytes of a string in a structured clone (two per UTF-16 unit, a few for its header). */
const str = (s: string | null): number => (s === null ? 4 : 8 + 2 * s.length);

export function encodeSnapshot(v: SimView, ctx: EncodeContext, p: Pending): WireSnapshot {
  let bytes = 400;
  const actors: ActorSnap[] = v.actors.map((a) => {
    const snap: ActorSnap = {
      id: a.id,
      name: a.name,
      role: a.role,
      kind: a.kind,
      state: a.state,
      site: a.site,
      until: a.until ?? NaN,
      item: a.item === undefined ? null : itemLabel(a.item),
      serial: a.serial ?? -1,
      waitingOn: a.waitingOn ?? null,
      error: a.error ?? null,
    };
    bytes += 120 + str(snap.name) + str(snap.item) + str(snap.waitingOn) + (snap.error === null ? 0 : 100);
    return snap;
  });
  const buffer = (v.buffer.length > BUFFER_CAP ? v.buffer.slice(0, BUFFER_CAP) : v.buffer).map(itemLabel);
  const bufferKeys = v.bufferSerials.slice(0, buffer.length);
  p.trim();
  const log = { run: ctx.run, lines: p.lines, actors: p.lineActor, skipped: p.skipped };
  for (const s of buffer) bytes += str(s) + 8;
  for (const s of v.ready) bytes += str(s);
  for (let i = 0; i < log.lines.length; i++) bytes += str(log.lines[i]!) + str(log.actors[i]!);
  for (const m of p.moves) bytes += 48 + str(m.label);
  const snap: WireSnapshot = {
    n: ctx.n,
    run: ctx.run,
    t: ctx.t,
    simT: v.t,
    status: v.status,
    playing: ctx.playing,
    speed: ctx.speed,
    achieved: ctx.achieved,
    behind: ctx.behind,
    actors,
    buffer,
    bufferKeys,
    bufferCount: v.buffer.length,
    maxsize: v.maxsize,
    queueKind: v.queueKind,
    counters: { ...v.counters },
    running: v.running,
    lastRan: p.lastActor,
    ready: v.ready,
    frozen: v.frozen,
    end: ctx.end,
    moves: p.moves,
    log,
    bytes: bytes + (ctx.end === null ? 0 : 200),
  };
  p.clear();
  return snap;
}
