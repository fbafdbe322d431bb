/**
 * Everything the page can do to the lab, as plain module functions: they talk to the worker client and update the
 * store. The worker's stream comes back through onSnapshot / onLog, thinned to a rate React can render.
 */
import { PRESETS } from '../scenarios/presets';
import { findPreset } from '../scenarios/registry';
import { applySettings, liveEdits, settingsOf, withChange, type Settings } from '../scenarios/settings';
import type { Scenario } from '../scenarios/types';
import { validateScenario } from '../scenarios/validate';
import { createClient, type LabClient } from '../worker/client';
import { assertNever } from '../worker/never';
import { SPEED_RANGE, type FromWorker } from '../worker/protocol';
import type { LogBatch, Snapshot } from '../worker/snapshot';
import { initialRun, useLab, type Lang } from './labStore';
import { LogRing } from './logRing';
import { throttle } from './throttle';
import { useWorker } from './workerStatus';
import { receiveSlice } from './caption';

/** How often the counters and the clock in React are refreshed (the canvas runs at display rate regardless). */
const STORE_MS = 100;
const LOG_MS = 250;

let client: LabClient | null = null;
let makeClient: () => LabClient = createClient;
/** When workers died lately: one that dies again and again is not restarted forever. */
let deaths: number[] = [];
let loads = 0;
let logTimer: ReturnType<typeof setTimeout> | null = null;
export const logRing = new LogRing();

export const getClient = (): LabClient | null => client;

/** Any built-in program by id: the articles' presets and every catalogue variant (the registry). */
export function presetById(id: string) {
  return findPreset(id) ?? PRESETS[0]!;
}

/** The program the current controls describe: the preset with the changed settings on top. */
export function currentScenario(): Scenario {
  const { settings } = useLab.getState();
  return applySettings(baseScenario(), settings);
}

/** The program the settings apply to: a shared or imported scenario, else the preset's. */
export function baseScenario(): Scenario {
  const { presetId, custom } = useLab.getState();
  return custom ?? presetById(presetId).scenario;
}

/** Starts the worker and the default preset; safe to call twice. */
export function startLab(make: () => LabClient = createClient): void {
  if (client !== null) return;
  makeClient = make;
  client = make();
  client.onDeath(onWorkerDeath);
  client.onStall((stalled) => useWorker.setState({ stalled }));
  client.onSeek((r) => useWorker.setState({ seek: r.kind === 'landed' ? null : r }));
  client.onSnapshot(onSnapshot);
  client.onLog(onLog);
  client.onSlice((slice) => receiveSlice(slice, loads));
  client.onNote(onNote);
  client.send({ type: 'speed', speed: useLab.getState().speed });
  load(useLab.getState().playing);
}

/** What the worker tells about the run, kept as data (the page words it). */
function onNote(m: FromWorker & { type: 'note' | 'error' | 'liveRefused' }): void {
  switch (m.type) {
    case 'note':
      return useLab.setState({ notice: m.note, ...(m.note.kind === 'paused' ? { playing: false } : {}) });
    case 'liveRefused':
      return load(useLab.getState().playing);
    case 'error':
      return useLab.setState({ error: m.fault, playing: false });
    default:
      return assertNever(m);
  }
}

/** The worker died: a fresh one runs the current scenario again (at most 3 times in 10 s, then the error panel). */
function onWorkerDeath(reason: string): void {
  client = null;
  const t = useLab.getState().t;
  const now = performance.now();
  deaths = deaths.filter((t) => now - t < 10_000);
  deaths.push(now);
  if (deaths.length > 3) {
    useLab.setState({ error: { kind: 'workerDied', reason }, playing: false });
    return;
  }
  startLab(makeClient);
  useWorker.setState({ restarted: { why: 'crashed', t }, stalled: false, seek: null });
}

/** The error panel's Restart: a fresh worker and the current scenario from t = 0, playing. */
export function restartLab(): void {
  const old = client;
  const { stalled } = useWorker.getState();
  const t = useLab.getState().t;
  client = null;
  old?.dispose();
  deaths = [];
  useLab.setState({ error: null, notice: null, playing: true });
  startLab(makeClient);
  useWorker.setState({ stalled: false, seek: null, restarted: stalled ? { why: 'stalled', t } : null });
}

/** The Cancel of a long seek: the run stays where it stood. */
export function cancelSeek(): void {
  client?.send({ type: 'cancelSeek' });
}

function load(playing: boolean): void {
  if (client === null) return;
  const checked = validateScenario(currentScenario());
  if (!checked.ok) {
    // the controls should never get here (tests/lab/settings.test.ts walks them); say so rather than run it
    useLab.setState({ error: { kind: 'invalidScenario', errors: checked.errors }, playing: false });
    return;
  }
  loads++;
  logRing.clear();
  store.drop();
  useWorker.setState({ seek: null });
  client.send({ type: 'load', scenario: checked.scenario, playing, run: loads });
  useLab.setState((s) => ({ ...initialRun(), run: loads, playing, logVersion: s.logVersion + 1 }));
}

/** The counters and the clock at a readable rate, the last update always delivered (a Pause, quick Steps). */
const store = throttle<Snapshot>(STORE_MS, (s) => {
  if (s.run < loads) return; // a run replaced while this update waited
  useLab.setState({
    run: s.run,
    t: s.t,
    status: s.status,
    end: s.end,
    counters: s.counters,
    achieved: s.achieved,
    behind: s.behind,
    ...(s.end !== null ? { playing: false } : {}),
  });
});

function onSnapshot(s: Snapshot): void {
  if (s.run < loads) return; // a snapshot of a run already replaced
  const st = useLab.getState();
  const changed = s.status !== st.status || (s.end === null) !== (st.end === null) || s.run !== st.run;
  store.push(s, changed);
}

function onLog(b: LogBatch): void {
  if (b.run < loads) return;
  if (b.skipped > 0) logRing.push('', '', b.skipped);
  for (let i = 0; i < b.lines.length; i++) logRing.push(b.lines[i]!, b.actors[i]!);
  if (logTimer === null) {
    logTimer = setTimeout(() => {
      logTimer = null;
      useLab.setState((s) => ({ logVersion: s.logVersion + 1 }));
    }, LOG_MS);
  }
}

export function play(): void {
  const st = useLab.getState();
  if (st.status !== 'running' || st.error !== null) {
    load(true);
    return;
  }
  client?.send({ type: 'play' });
  useLab.setState({ playing: true });
}

export function pause(): void {
  client?.send({ type: 'pause' });
  useLab.setState({ playing: false });
}

export function step(): void {
  if (useLab.getState().status !== 'running') return;
  client?.send({ type: 'step' });
  useLab.setState({ playing: false });
}

/** Back to t = 0 with the current settings, paused. */
export function reset(): void {
  useLab.setState({ notice: null, error: null });
  useWorker.setState({ restarted: null });
  load(false);
}

export function choosePreset(id: string): void {
  const p = presetById(id);
  useLab.setState({ presetId: p.id, settings: settingsOf(p.scenario), custom: null, notice: null, error: null });
  useWorker.setState({ restarted: null });
  load(true);
}

/** A slider or select moved: a live change where Python could make it, else a restart at t = 0. */
export function changeSetting<K extends keyof Settings>(key: K, value: Settings[K]): void {
  const st = useLab.getState();
  const base = baseScenario();
  const before = currentScenario();
  const next = withChange(base, st.settings, key, value);
  if ((Object.keys(next) as (keyof Settings)[]).every((k) => next[k] === st.settings[k])) return;
  // live only while the program runs and main has created its workers (before that, a restart is the same)
  const started = client?.cur?.actors.some((a) => a.role !== 'main') ?? false;
  const edits = st.status === 'running' && st.error === null && started ? liveEdits(before, st.settings, next) : null;
  useLab.setState({ settings: next });
  if (edits !== null) {
    if (edits.length > 0) client?.send({ type: 'live', edits });
    return;
  }
  useLab.setState({ notice: { kind: 'restart', setting: key }, error: null });
  // a run that had ended starts again, to show what the change does
  load(st.playing || st.status !== 'running' || st.error !== null);
}

export function setSpeed(asked: number): void {
  // the runner's range: a link may ask for more (link.ts reads up to 1e6), and the page shows what runs
  const speed = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, asked));
  useLab.setState({ speed });
  client?.send({ type: 'speed', speed });
}

export function setLang(lang: Lang): void {
  useLab.setState({ lang });
}

export function setLogFilter(actor: string | null): void {
  // picking a task in the log selects it too; back to all tasks drops the selection the filter made
  useLab.setState((s) => ({ logFilter: actor, selected: actor ?? (s.selected === s.logFilter ? null : s.selected) }));
}

/** The reader picked a task (or none): the code panel lights its line, the scene rings its card. */
export function selectTask(name: string | null): void {
  useLab.setState({ selected: name });
}
