/**
 * The messages between the page and the simulation worker: commands one way, a stream of compact snapshots the
 * other. Snapshots carry typed arrays (transferred, not copied) and a few joined strings.
 */
import type { EndRecord, Scenario } from '../scenarios/types';
import type { LiveEdit } from '../scenarios/settings';
import type { WireMetrics } from './metricsProtocol';
import type { Marker } from '../share/markers';
import type { SeekTarget } from './timeTravel';
import type { ExportEvent, ExportRequest } from './exportProtocol';
import type { WireSlice } from './slice';

export type ToWorker =
  /** `run` numbers the run (the page's count of loads, so a fresh worker after a crash carries on from it). */
  | { type: 'load'; scenario: Scenario; playing: boolean; run?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: number }
  | { type: 'live'; edits: LiveEdit[] }
  | { type: 'visibility'; hidden: boolean }
  /** Time travel: to a tick, a time or just after an event (seq); `t` sets the clock shown (a shared link's). */
  | { type: 'seek'; target: SeekTarget; t?: number }
  | { type: 'stepBack' }
  /** Stops the seek under way (the run stays where it stood before it). */
  | { type: 'cancelSeek' }
  /** The page's heartbeat: the worker answers `pong` with the same n (client.ts notices one that stops). */
  | { type: 'ping'; n: number }
  /** Where the engine stands now (Copy link): answered by `here` with the same id, after every earlier command. */
  | { type: 'where'; id: number }
  /** A streamed trace export (exportProtocol.ts). */
  | ExportRequest
  /** Tests only (reached through `window.__queueLab.inject`): make the engine throw, or the worker die. */
  | { type: 'inject'; fault: Fault };

/** The faults the test hook can inject (e2e/faults.spec.ts; 'worker-stop': the worker closes itself, silently). */
export type Fault = 'engine-error' | 'worker-crash' | 'worker-stop';

/** How a seek is going, as data (the page words it): under way, done, past the run's end, refused, cancelled. */
export type SeekReport =
  | { kind: 'progress'; target: SeekTarget; done: number }
  | { kind: 'landed'; target: SeekTarget }
  | { kind: 'pastEnd'; target: SeekTarget; endT: number }
  /** Out of reach: it would re-run about `needed` ticks, more than `limit`. */
  | { kind: 'refused'; target: SeekTarget; limit: number; needed: number }
  | { kind: 'cancelled'; target: SeekTarget };

export type FromWorker =
  | { type: 'snapshot'; snap: WireSnapshot }
  /** Chart points and figures (metricsProtocol.ts). */
  | { type: 'metrics'; m: WireMetrics }
  | { type: 'note'; kind: 'live' | 'paused'; text: string }
  /** The running program could not make this change (see Simulation.live): the page restarts instead. */
  | { type: 'liveRefused' }
  | { type: 'error'; message: string }
  | { type: 'timeline'; tl: WireTimeline }
  | { type: 'seek'; report: SeekReport }
  | { type: 'pong'; n: number }
  | { type: 'here'; id: number; run: number; tick: number; t: number }
  /** The latest task slice's events, for the caption (slice.ts). */
  | { type: 'slice'; slice: WireSlice }

  /** A streamed trace export's progress, chunks and outcome (exportProtocol.ts). */
  | { type: 'export'; ev: ExportEvent };

/** Where the run stands on its timeline, sent with each snapshot. */
export interface WireTimeline {
  run: number;
  tick: number;
  t: number;
  /** The furthest virtual time the run has reached. */
  max: number;
  /** The markers, when they changed (else null). */
  markers: Marker[] | null;
  /** A seek landed here: the log and the charts start again from this moment. */
  seeked: boolean;
  /** Step back can go somewhere. */
  back: boolean;
}

/** The order of the engine's actor states; a snapshot sends each actor's state as its index here. */
export const STATES = [
  'ready',
  'running',
  'sleeping',
  'blocked_put',
  'waiting_get',
  'polling',
  'busy',
  'blocking',
  'waiting_join',
  'waiting',
  'finished',
  'cancelled',
  'crashed',
] as const;
export type State = (typeof STATES)[number];

/** Where each actor stands in its program: the engine's one list; a snapshot sends a site as its index in it. */
export { SITES, type Site } from '../engine/program/sites';

export const STATUSES = ['running', 'completed', 'hang', 'horizon', 'error'] as const;
export type Status = (typeof STATUSES)[number];

/** Actor roles and kinds, sent once per actor (actors are only ever added). */
export interface ActorInfo {
  id: number;
  name: string;
  role: 'producer' | 'consumer' | 'main';
  kind: 'task' | 'thread';
}

/** Separates fields inside the joined strings of a snapshot. */
export const SEP = '\u001f';

export interface WireSnapshot {
  /** Increases with every snapshot of a run; 0 starts a new run (a load). */
  n: number;
  run: number;
  /** Virtual time shown by the clock (it flows between events), and the engine's own time. */
  t: number;
  simT: number;
  status: number; // index in STATUSES
  playing: boolean;
  speed: number;
  /** The speed reached over the last second; below `speed` when the engine cannot keep up. */
  achieved: number;
  behind: boolean;
  /** Actors created since the previous snapshot of this run. */
  newActors: ActorInfo[];
  /** Per actor, by id: state index, sleep end (NaN if none), and `item SEP waitingOn SEP error` joined by '\n'. */
  state: Uint8Array;
  /** Per actor, by id: its place in the program, as an index in SITES (the code panel marks its line). */
  site: Uint8Array;
  until: Float64Array;
  actorText: string;
  /** The buffer in leaving order: item labels joined by SEP (at most BUFFER_CAP), and the true count. */
  buffer: string;
  bufferCount: number;
  maxsize: number;
  queueKind: string;
  /** produced, consumed, inBuffer, inService, unfinished, wastedPolls */
  counters: Float64Array;
  running: number; // actor id, or -1
  lastActor: number; // the actor of the latest event, or -1
  ready: Int32Array;
  frozen: { by: string; from: number; until: number } | null;
  end: EndRecord | null;
  /** Log lines since the previous snapshot ('\n'-joined), the actor id of each, and how many were left out. */
  log: string;
  logActor: Int16Array;
  logSkipped: number;
  /** Items that moved since the previous snapshot: +actor id for a put, -(actor id + 1) for a get. */
  moves: Int32Array;
  moveText: string;
  /** Approximate size of this message in bytes (for the bench). */
  bytes: number;
}

/** The speeds (virtual seconds per wall-clock second) the runner plays at; others are brought into this range. */
export const SPEED_RANGE = { min: 0.1, max: 1000 } as const;

export const BUFFER_CAP = 256;
export const LOG_CAP = 256;
export const MOVES_CAP = 48;

export function transferables(s: WireSnapshot): ArrayBuffer[] {
  return [s.state, s.site, s.until, s.counters, s.ready, s.logActor, s.moves].map((a) => a.buffer as ArrayBuffer);
}
