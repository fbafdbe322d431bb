/**
 * `window.__queueLab`: a read-only window on the lab for tests and benches. `snapshot()` returns the latest state
 * as plain data (a fresh copy every call); nothing here can change the run, except `inject`, which makes the
 * faults e2e/faults.spec.ts and e2e/robustness-worker.spec.ts recover from (an exception inside the engine, a worker
 * that dies, a worker that stops without a word). `exportCap` lowers
 * a trace export's cap, so e2e sees a refusal without a run of gigabytes.
 */
import type { Lab } from '../store/createLab';
import { sceneStats } from './scene/sceneStats';
import { shownCaption } from './narration/Caption';
import { chartStats } from './charts/chartView';
import type { chartsHook } from './charts/chartsHook';
import type { Fault } from '../worker/protocol';

export function labSnapshot(lab: Lab) {
  const cur = lab.client()?.cur ?? null;
  const st = lab.store.getState();
  const tl = st.timeline;
  if (cur === null) return null;
  return structuredClone({
    t: cur.t,
    status: cur.status,
    playing: cur.playing,
    speed: cur.speed,
    run: cur.run,
    tasks: cur.actors.map((a) => ({
      name: a.name,
      role: a.role,
      kind: a.kind,
      state: a.state,
      item: a.item,
      waitingOn: a.waitingOn,
      error: a.error,
      until: Number.isNaN(a.until) ? null : a.until,
    })),
    buffer: cur.buffer,
    bufferCount: cur.bufferCount,
    maxsize: cur.maxsize,
    queueKind: cur.queueKind,
    counters: cur.counters,
    running: cur.running,
    ready: cur.ready,
    end: cur.end,
    // the preset the worker's run is of: until the worker's first snapshot of a new load, still none (the rest of
    // this view is the previous run's, and a preset id beside its end would pair a program with another's outcome)
    presetId: cur.run === st.run ? st.presetId : null,
    settings: st.settings,
    scene: sceneStats,
    /** What the caption beside the scene says, as shown (one line per sentence). */
    caption: shownCaption(),
    timeline: { t: tl.t, max: tl.max, tick: tl.tick },
  });
}

export type LabSnapshot = NonNullable<ReturnType<typeof labSnapshot>>;

function streamStats(lab: Lab) {
  const c = lab.client();
  if (c === null) return null;
  return { ...c.stats, seconds: (performance.now() - c.stats.since) / 1000, frames: sceneStats.frames };
}

// the charts' part comes with their code (chartsHook.ts, with the figures' rows), not in the page's first JavaScript
let chartsPart: typeof chartsHook | null = null;

/** Called by the charts' code when it arrives. */
export function provideChartsHook(fn: typeof chartsHook): void {
  chartsPart = fn;
}

/** The charts, or before their code is here: nothing drawn, nothing held. */
function charts(lab: Lab): ReturnType<typeof chartsHook> {
  const frozen = lab.store.getState().frozen;
  if (chartsPart !== null) return chartsPart(lab.client()?.charts ?? null, frozen);
  return { ...chartStats, frozen, bucket: null, maxsize: null, latest: null, model: null, figuresT: null, ciReady: false, rows: [] };
}

export interface QueueLabHook {
  snapshot: () => ReturnType<typeof labSnapshot>;
  stats: () => ReturnType<typeof streamStats>;
  resetStats: () => void;
  /** The live charts and the figures table (read-only copies). */
  charts: () => ReturnType<typeof chartsHook>;
  /** Tests only: 'engine-error' (the engine throws inside a step), 'worker-crash' (the worker dies), 'worker-stop' (it closes itself silently). */
  inject: (fault: Fault) => void;
  /** Tests only: the cap a trace export's download may reach (bytes; null: the real cap), to see a refusal. */
  exportCap: (bytes: number | null) => void;
}

declare global {
  interface Window {
    __queueLab?: QueueLabHook;
  }
}

/** `lab` is the page's own, made in main.tsx. */
export function installTestHook(lab: Lab): void {
  window.__queueLab = Object.freeze({
    snapshot: () => labSnapshot(lab),
    stats: () => streamStats(lab),
    resetStats: () => lab.client()?.resetStats(),
    charts: () => charts(lab),
    inject: (fault: Fault) => lab.client()?.inject(fault),
    exportCap: (bytes: number | null) => lab.actions.setExportCap(bytes),
  });
}
