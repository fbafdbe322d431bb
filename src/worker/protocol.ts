/**
 * The messages between the page and the simulation worker: commands one way, a stream of snapshots (plain
 * structured data) and reports the other. Only chart points are big enough to be transferred (metricsProtocol.ts).
 */
import type { EndRecord, Scenario } from '../scenarios/types';
import type { LiveEdit } from '../scenarios/settings';
import type { WireMetrics } from './metricsProtocol';
import type { Marker } from '../share/markers';
import type { SeekTarget } from './timeTravel';
import type { ExportEvent, ExportRequest } from './exportProtocol';
import type { ActorState, LiveDone } from '../engine/simulation';
import type { Site } from '../engine/program/sites';
import type { EngineFault } from './fault';
import type { WireSlice } from './slice';

export type ToWorker =
  /** `run` numbers the run (the page's count of loads, so a fresh worker after a crash carries on from it). */
  | { type: 'load'; scenario: Scenario; playing: boolean; run?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: number }
  /** One task slice per beat of `beat` wall-clock seconds while playing (null: virtual time flows at the speed). */
  | { type: 'beat'; beat: number | null }
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

/** What the worker tells the page about the run, as data: the page words it (ui/teach/notes.ts). */
export type WorkerNote =
  /** A live change made while the program runs (one that changed nothing is not told). */
  | { kind: 'live'; done: Exclude<LiveDone, { kind: 'none' }> }
  /** The run paused itself: an unbounded queue grew past `limit` items, before it eats the tab's memory. */
  | { kind: 'paused'; reason: 'unboundedQueue'; limit: number };

export type FromWorker =
  | { type: 'snapshot'; snap: WireSnapshot }
  /** Chart points and figures (metricsProtocol.ts). */
  | { type: 'metrics'; m: WireMetrics }
  | { type: 'note'; note: WorkerNote }
  /** The running program could not make this change (see Simulation.live): the page restarts instead. */
  | { type: 'liveRefused' }
  /** The engine failed (the run stops where it stood). */
  | { type: 'error'; fault: EngineFault }
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

/** The engine's actor states (the scene draws each its own way). */
export type { ActorState as State } from '../engine/simulation';

/** Where each actor stands in its program: the engine's one list (the code panel marks the line). */
export { SITES, type Site } from '../engine/program/sites';

export type Status = 'running' | 'completed' | 'hang' | 'horizon' | 'error';

/** Actor roles and kinds. */
export interface ActorInfo {
  id: number;
  name: string;
  role: 'producer' | 'consumer' | 'main';
  kind: 'task' | 'thread';
}

/** The Python exception that ended a task: its class and message, as data (the page words the state around it). */
export interface PyError {
  exception: string;
  message: string;
}

export interface ActorSnap extends ActorInfo {
  state: ActorState;
  /** Where it stands in its program (the code panel marks that line). */
  site: Site;
  /** When its sleep, poll or service ends (virtual seconds), or NaN. */
  until: number;
  item: string | null;
  /** The serial of the item it holds (got from the queue), or -1: an item's identity, unlike its label. */
  serial: number;
  waitingOn: string | null;
  error: PyError | null;
}

export interface Counters {
  produced: number;
  consumed: number;
  inBuffer: number;
  inService: number;
  unfinished: number;
  wastedPolls: number;
}

/** An item that moved since the previous snapshot: put (or got) by actor id `actor`. */
export interface Move {
  actor: number;
  put: boolean;
  label: string;
  /** The item's serial (its identity: equal labels are distinct items). */
  serial: number;
}

/** Log lines since the previous snapshot, the actor of each ('loop' for the loop's own), and how many were left out. */
export interface LogBatch {
  run: number;
  lines: string[];
  actors: string[];
  skipped: number;
}

/**
 * One moment of the run, as plain structured data: a few hundred small values at most, which structured clone
 * copies faster than the page could unpack a packed form (bench:ui, see the commit that made it plain).
 */
export interface WireSnapshot {
  /** Increases with every snapshot of a run; 0 starts a new run (a load). */
  n: number;
  run: number;
  /** Virtual time shown by the clock (it flows between events), and the engine's own time. */
  t: number;
  simT: number;
  status: Status;
  playing: boolean;
  speed: number;
  /** The speed reached over the last second; below `speed` when the engine cannot keep up. */
  achieved: number;
  behind: boolean;
  actors: ActorSnap[];
  /** The buffer in leaving order (at most BUFFER_CAP labels), and the true count. */
  buffer: string[];
  /** Each labelled buffer item's serial, in the same order (-1: one never seen put). */
  bufferKeys: number[];
  bufferCount: number;
  maxsize: number;
  queueKind: string;
  counters: Counters;
  running: string | null;
  /** The task of the latest event. */
  lastRan: string | null;
  ready: string[];
  frozen: { by: string; from: number; until: number } | null;
  end: EndRecord | null;
  moves: Move[];
  log: LogBatch;
  /** Approximate size of this message in bytes (for the bench). */
  bytes: number;
}

/** The speeds (virtual seconds per wall-clock second) the runner plays at; others are brought into this range. */
export const SPEED_RANGE = { min: 0.01, max: 1000 } as const;

/** The beats (wall-clock seconds per task slice) of "one step per beat"; others are brought into this range. */
export const BEAT_RANGE = { min: 0.25, max: 3 } as const;

export const BUFFER_CAP = 256;
export const LOG_CAP = 256;
export const MOVES_CAP = 48;
