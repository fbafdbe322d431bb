/**
 * Time travel and sharing on the page: where the run stands on its timeline (from the worker), its markers, and the
 * actions: seek, Step back, jump to a marker, Copy link, scenario export and chart exports (links and imports are
 * opened in address.ts; trace exports stream: traceExport.ts).
 */
import { create } from 'zustand';
import { encodeLink, withFragment, type LinkProblem } from '../share/link';
import type { Marker } from '../share/markers';
import { exportScenario as scenarioText, fileName, MIME } from '../share/files';
import type { WireTimeline } from '../worker/protocol';
import { currentScenario, getClient, logRing } from './actions';
import { useLab } from './labStore';
import { throttle } from './throttle';

export interface TimelineState {
  run: number;
  tick: number;
  t: number;
  max: number;
  markers: Marker[];
  back: boolean;
  /** What the last link, file or copy did: a problem named, or done. The UI words the kinds. */
  share: {
    kind: 'linkError' | 'importError' | 'copied' | 'copyFailed' | 'imported' | 'saved';
    detail: string;
    /** A link's problem, in kinds the page words (the detail says it in English). */
    problem?: LinkProblem;
    /** The page kept what it had (a link opened in a running page), rather than starting on the default. */
    kept?: boolean;
  } | null;
}

export const useTimeline = create<TimelineState>()(() => ({ run: -1, tick: 0, t: 0, max: 0, markers: [], back: false, share: null }));

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
  const fresh = tl.run !== useTimeline.getState().run;
  // markers are sent once, when they change: that update may not wait (a later one carries none)
  timeline.push(tl, fresh || tl.seeked || tl.markers !== null);
}

/** The timeline at a readable rate, its last update always delivered (the moment a Pause stopped at). */
const timeline = throttle<WireTimeline>(100, (tl) => {
  const st = useTimeline.getState();
  const fresh = tl.run !== st.run;
  useTimeline.setState({
    run: tl.run,
    tick: tl.tick,
    t: tl.t,
    max: fresh ? tl.max : Math.max(st.max, tl.max),
    back: tl.back,
    ...(tl.markers !== null ? { markers: tl.markers } : fresh ? { markers: [] } : {}),
  });
});

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
  // the engine's own moment (asked after every command before, a Pause included), not the page's thinned copy
  const here = (await getClient()?.where()) ?? null;
  const lab = useLab.getState();
  const tl = useTimeline.getState();
  const at = here !== null && here.run === lab.run ? here : tl;
  const r = await encodeLink({
    scenario: currentScenario(),
    view: { lang: lab.lang, speed: lab.speed, preset: lab.presetId, tick: at.tick, t: at.t },
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
