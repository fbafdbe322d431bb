/**
 * Time travel and sharing on the page: where the run stands on its timeline (from the worker), its markers, and the
 * actions: seek, Step back, jump to a marker, Copy link / open a link, scenario files and chart exports (trace
 * exports stream: traceExport.ts).
 */
import { create } from 'zustand';
import { encodeLink, decodeLink, withFragment } from '../share/link';
import type { Marker } from '../share/markers';
import { exportScenario as scenarioText, fileName, importScenarioFile, MIME } from '../share/files';
import { settingsOf } from '../scenarios/settings';
import { findPreset } from '../scenarios/registry';
import type { Scenario } from '../scenarios/types';
import type { WireTimeline } from '../worker/protocol';
import { currentScenario, getClient, logRing, reset, setLang, setSpeed } from './actions';
import { useLab, DEFAULT_PRESET } from './labStore';

export interface TimelineState {
  run: number;
  tick: number;
  t: number;
  max: number;
  markers: Marker[];
  back: boolean;
  /** What the last link, file or copy did: a problem named, or done. The UI words the kinds. */
  share: { kind: 'linkError' | 'importError' | 'copied' | 'copyFailed' | 'imported' | 'saved'; detail: string } | null;
}

export const useTimeline = create<TimelineState>()(() => ({ run: -1, tick: 0, t: 0, max: 0, markers: [], back: false, share: null }));

let lastPush = 0;
let wired = false;

/** Listens to the worker's timeline; safe to call twice (startLab must have run). */
export function startTimeline(): void {
  const client = getClient();
  if (client === null || wired) return;
  wired = true;
  client.onTimeline(onTimeline);
}

function onTimeline(tl: WireTimeline): void {
  if (tl.seeked) {
    logRing.clear();
    getClient()?.charts.cutAt(tl.t);
    useLab.setState((s) => ({ logVersion: s.logVersion + 1, t: tl.t, playing: false }));
  }
  const st = useTimeline.getState();
  const now = performance.now();
  const fresh = tl.run !== st.run;
  if (!fresh && !tl.seeked && tl.markers === null && now - lastPush < 100) return;
  lastPush = now;
  useTimeline.setState({
    run: tl.run,
    tick: tl.tick,
    t: tl.t,
    max: fresh ? tl.max : Math.max(st.max, tl.max),
    back: tl.back,
    ...(tl.markers !== null ? { markers: tl.markers } : fresh ? { markers: [] } : {}),
  });
}

export function seekTime(t: number): void {
  getClient()?.send({ type: 'seek', target: { kind: 'time', t: Math.max(0, t) } });
  useLab.setState({ playing: false });
}

export function jumpTo(m: Marker): void {
  getClient()?.send({ type: 'seek', target: { kind: 'seq', seq: m.seq } });
  useLab.setState({ playing: false });
}

export function stepBack(): void {
  getClient()?.send({ type: 'stepBack' });
  useLab.setState({ playing: false });
}

// ---------------------------------------------------------------------------------------------------------------
// sharing

/** The link to this run at this moment, into location.hash and the clipboard. */
export async function copyLink(): Promise<void> {
  const lab = useLab.getState();
  const tl = useTimeline.getState();
  const r = await encodeLink({
    scenario: currentScenario(),
    view: { lang: lab.lang, speed: lab.speed, preset: lab.presetId, tick: tl.tick, t: tl.t },
  });
  if (!r.ok) {
    useTimeline.setState({ share: { kind: 'copyFailed', detail: r.errors.join('; ') } });
    return;
  }
  history.replaceState(null, '', withFragment(location.href, r.fragment));
  try {
    await navigator.clipboard.writeText(location.href);
    useTimeline.setState({ share: { kind: 'copied', detail: '' } });
  } catch {
    // the address bar holds the link all the same
    useTimeline.setState({ share: { kind: 'copied', detail: '' } });
  }
}

/** Opens the link in location.hash, if any: the same run at the same moment; else a message and the default lab. */
export async function openLinkFromHash(): Promise<void> {
  const hash = location.hash;
  if (!/^#v\d+=/.test(hash)) return;
  const r = await decodeLink(hash);
  if (!r.ok) {
    useTimeline.setState({ share: { kind: 'linkError', detail: r.errors.join('; ') } });
    return;
  }
  const v = r.view;
  setLang(v.lang);
  setSpeed(v.speed);
  run(r.scenario, v.preset);
  if (v.tick !== null && v.tick > 0) {
    getClient()?.send({ type: 'seek', target: { kind: 'tick', tick: v.tick }, ...(v.t !== null ? { t: v.t } : {}) });
  } else if (v.t !== null && v.t > 0) {
    getClient()?.send({ type: 'seek', target: { kind: 'time', t: v.t } });
  }
}

/** Runs a scenario from a link or a file from t = 0, paused. */
function run(s: Scenario, preset: string | null): void {
  const presetId = preset !== null && findPreset(preset) !== undefined ? preset : DEFAULT_PRESET;
  useLab.setState({ presetId, custom: s, settings: settingsOf(s), playing: false });
  reset();
}

export async function importScenario(file: Blob): Promise<void> {
  const r = await importScenarioFile(file);
  if (!r.ok) {
    useTimeline.setState({ share: { kind: 'importError', detail: r.errors.join('; ') } });
    return;
  }
  run(r.scenario, null);
  useTimeline.setState({ share: { kind: 'imported', detail: r.scenario.name } });
}

export function exportScenario(): void {
  const s = currentScenario();
  save(new Blob([scenarioText(s)], { type: MIME.scenario }), fileName(s, 'json'));
}

/** A chart as a PNG: its canvas (the first under `root`), named after the scenario. */
export function exportChartPng(canvas: HTMLCanvasElement, chart: string): void {
  const stem = fileName(currentScenario(), 'json').replace(/\.json$/, '');
  canvas.toBlob((blob) => {
    if (blob !== null) save(blob, `${stem}.${chart}.png`);
  }, 'image/png');
}

function save(blob: Blob, name: string): void {
  download(blob, name);
  useTimeline.setState({ share: { kind: 'saved', detail: name } });
}

/** Hands a Blob to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
