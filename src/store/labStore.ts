/**
 * One zustand store for the lab, in three slices: the controls (what the user chose), the run (what the worker
 * last said, at a readable rate) and the log (its filter and a version number). Actions live in actions.ts.
 */
import { create } from 'zustand';
import { settingsOf, type Settings } from '../scenarios/settings';
import { PRESETS } from '../scenarios/presets';
import type { EndRecord, Scenario } from '../scenarios/types';
import type { Status, WorkerNote } from '../worker/protocol';
import type { EngineFault } from '../worker/fault';
import type { Counters } from '../worker/snapshot';

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

export type LabState = ControlsSlice & RunSlice & LogSlice;

const firstPreset = PRESETS.find((p) => p.id === DEFAULT_PRESET) ?? PRESETS[0]!;

export const initialControls = (): ControlsSlice => ({
  lang: 'en',
  presetId: firstPreset.id,
  settings: settingsOf(firstPreset.scenario),
  speed: 1,
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

export const initialLog = (): LogSlice => ({ logVersion: 0, logFilter: null });

export const useLab = create<LabState>()(() => ({ ...initialControls(), ...initialRun(), ...initialLog() }));
