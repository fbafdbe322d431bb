/**
 * The shape of the lab's one store: each slice's state and its starting value. The slices' actions are made by
 * createLab.ts (one file per slice), which also owns the worker client and the bookkeeping around it.
 */
import type { WireSlice } from '../worker/slice';
import { settingsOf, type Settings } from '../scenarios/settings';
import { PRESETS } from '../scenarios/presets';
import { paceOf } from '../scenarios/paces';
import type { EndRecord, Scenario } from '../scenarios/types';
import type { Marker } from '../share/markers';
import type { LinkProblem } from '../share/link';
import type { SeekReport, Status, WorkerNote } from '../worker/protocol';
import type { EngineFault } from '../worker/fault';
import type { Counters } from '../worker/snapshot';
import type { TraceFormat } from '../worker/traceChunks';
import type { LiveChange } from './liveChanges';

export const DEFAULT_PRESET = 'seed-1';

/** What the page says under the controls; the UI words it (the store holds no English). */
export type Notice = { kind: 'restart'; setting: keyof Settings } | WorkerNote;

/** Why the lab stopped on a failure of its own, as data: the error panel words it and shows the stack. */
export type LabError =
  | EngineFault
  /** Workers died again and again; `reason` is the last one's error event message. */
  | { kind: 'workerDied'; reason: string }
  /** The controls made a scenario the validator refuses (its messages). */
  | { kind: 'invalidScenario'; errors: string[] };

export type Lang = 'en' | 'zh';

export interface ControlsSlice {
  lang: Lang;
  presetId: string;
  settings: Settings;
  speed: number;
  /** "One step per beat": while playing, one task slice per `beat` wall-clock seconds (the worker paces it). */
  beatOn: boolean;
  beat: number;
  playing: boolean;
  /** Why the run last restarted at t = 0 (a setting Python cannot change while it runs), or a live change made. */
  notice: Notice | null;
  /** The task the reader picked (a card in the scene, the log's filter, a mark in the code): its line is lit. */
  selected: string | null;
  /** A scenario from a shared link or a file, in place of the preset's (its settings apply on top of it). */
  custom: Scenario | null;
  /** Where `custom` came from: the Preset box names an imported file as such. */
  source: 'link' | 'file';
}

export interface RunSlice {
  run: number;
  t: number;
  status: Status;
  end: EndRecord | null;
  counters: Counters;
  achieved: number;
  behind: boolean;
  error: LabError | null;
}

export interface LogSlice {
  logVersion: number;
  logFilter: string | null;
}

/** Where the run stands on its timeline (from the worker, at a readable rate), and its markers. */
export interface TimelineView {
  run: number;
  tick: number;
  t: number;
  max: number;
  markers: Marker[];
  back: boolean;
}

/** What the last link, file or copy did: a problem named, or done. The UI words the kinds. */
export interface ShareState {
  kind: 'linkError' | 'importError' | 'copied' | 'copyFailed' | 'imported' | 'saved';
  detail: string;
  /** A link's problem, in kinds the page words (the detail says it in English). */
  problem?: LinkProblem;
  /** The page kept what it had (a link opened in a running page), rather than starting on the default. */
  kept?: boolean;
}

export interface TimelineSlice {
  timeline: TimelineView;
  share: ShareState | null;
}

/**
 * The page's view of the worker itself, apart from the run: a seek under way or how the last one ended, whether
 * the worker has stopped answering (the heartbeat), and whether a fresh worker took over from t = 0.
 */
export interface WorkerSlice {
  /** The last report of a seek (none once one landed where asked). */
  seek: SeekReport | null;
  /** The worker has left several heartbeats unanswered. */
  stalled: boolean;
  /** A fresh worker runs the program again from t = 0: the old one crashed or stopped answering, at time `t`. */
  restarted: { why: 'crashed' | 'stalled'; t: number } | null;
}

export interface ExportProgress {
  id: number;
  format: TraceFormat;
  name: string;
  /** Lines written so far, of `events` (null until the worker has begun). */
  lines: number;
  events: number | null;
  bytes: number;
  /** Written to a file the user chose, rather than downloaded at the end. */
  toFile: boolean;
}

export type ExportOutcome =
  | { kind: 'saved'; name: string; lines: number; bytes: number }
  | { kind: 'cancelled' }
  | { kind: 'refused'; events: number; estimate: number; cap: number }
  /** The engine or the file failed; `detail` is their own message. */
  | { kind: 'failed'; detail: string };

/** The trace export under way (one at a time), and how the last one ended. */
export interface ExportSlice {
  exportProgress: ExportProgress | null;
  exportOutcome: ExportOutcome | null;
}

/** The caption's: the latest task slice the worker sent, as data (store/caption.ts receives it). */
export interface CaptionSlice {
  /** The latest slice of the current run, or null before its load's first word. */
  caption: WireSlice | null;
}

/** How the page shows the run: the charts' Freeze, and the live changes made to the current run. */
export interface ViewSlice {
  frozen: boolean;
  liveChanges: LiveChange[];
}

/** The page's layout: the normal lab, presenter mode or embed mode (store/page.ts). */
export type ViewMode = 'lab' | 'presenter' | 'embed';

/** How the page is laid out, and which overlays are open. */
export interface PageSlice {
  mode: ViewMode;
  catalogueOpen: boolean;
  helpOpen: boolean;
}

export type LabState = ControlsSlice &
  RunSlice &
  LogSlice &
  TimelineSlice &
  WorkerSlice &
  ExportSlice &
  ViewSlice &
  PageSlice &
  CaptionSlice;

const firstPreset = PRESETS.find((p) => p.id === DEFAULT_PRESET) ?? PRESETS[0]!;

export const initialControls = (): ControlsSlice => ({
  lang: 'en',
  presetId: firstPreset.id,
  settings: settingsOf(firstPreset.scenario),
  speed: paceOf(firstPreset.id),
  beatOn: false,
  beat: 1,
  playing: true,
  notice: null,
  selected: null,
  custom: null,
  source: 'link',
});

export const initialRun = (): RunSlice => ({
  run: 0,
  t: 0,
  status: 'running',
  end: null,
  counters: { produced: 0, consumed: 0, inBuffer: 0, inService: 0, unfinished: 0, wastedPolls: 0 },
  achieved: 1,
  behind: false,
  error: null,
});

export const initialState = (): LabState => ({
  ...initialControls(),
  ...initialRun(),
  logVersion: 0,
  logFilter: null,
  timeline: { run: -1, tick: 0, t: 0, max: 0, markers: [], back: false },
  share: null,
  seek: null,
  stalled: false,
  restarted: null,
  exportProgress: null,
  exportOutcome: null,
  frozen: false,
  liveChanges: [],
  caption: null,
  mode: 'lab',
  catalogueOpen: false,
  helpOpen: false,
});
