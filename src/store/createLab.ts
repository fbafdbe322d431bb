/**
 * One lab: its store (made of the slices in labStore.ts), its actions (one file per slice) and everything they
 * keep between calls (the worker client, the log ring, the recent deaths, the throttles, the export job, the
 * address bookkeeping). The page makes one in main.tsx; a test makes one per case with a fake client.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkerClient } from '../worker/client';
import { addressActions } from './address';
import { captionActions } from './caption';
import { controlsActions } from './controls';
import type { Ctx } from './ctx';
import { figuresSource } from './figures';
import { initialState, type LabState } from './labStore';
import { addChange } from './liveChanges';
import { logActions } from './log';
import { pageActions } from './page';
import { LogRing } from './logRing';
import { onNote } from './notes';
import { runActions } from './run';
import { shareActions } from './share';
import { timelineActions } from './timeline';
import type { Clock } from './throttle';
import { exportActions } from './traceExport';
import { workerStatusActions } from './workerStatus';

const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface LabOptions {
  /** The clock of the throttles, the log's refresh and the deaths' window (tests pass a fake one). */
  clock?: Clock;
}

export function createLab(makeClient: () => WorkerClient, { clock = realClock }: LabOptions = {}) {
  const store = createStore<LabState>()(() => initialState());
  const ctx: Ctx = {
    store,
    get: store.getState,
    set: store.setState,
    client: null,
    makeClient,
    loads: 0,
    deaths: [],
    clock,
    logRing: new LogRing(),
  };
  const log = logActions(ctx);
  const worker = workerStatusActions(ctx);
  const timeline = timelineActions(ctx);
  const caption = captionActions(ctx);
  const run = runActions(ctx, (c) => {
    c.on('snapshot', run.onSnapshot);
    c.on('log', log.onLog);
    c.on('note', (m) => onNote(ctx, m, run.load));
    c.on('timeline', timeline.onTimeline);
    c.on('stall', worker.onStall);
    c.on('seek', worker.onSeek);
    c.on('slice', caption.onSlice);
  });
  const controls = controlsActions(ctx, run);
  const address = addressActions(ctx, { setLang: controls.setLang, setSpeed: controls.setSpeed, reset: run.reset });

  // the live changes of the current run: a new run clears them, a change of settings within it adds one
  store.subscribe((s, prev) => {
    let next = s.liveChanges;
    if (s.run !== prev.run) next = [];
    else if (s.settings !== prev.settings) next = addChange(s.liveChanges, prev.settings, s.settings);
    if (next !== s.liveChanges && (next.length > 0 || s.liveChanges.length > 0)) store.setState({ liveChanges: next });
  });

  const { onTimeline: _t, ...timeActions } = timeline;
  const { onSnapshot: _s, load: _l, ...runPublic } = run;
  const { onLog: _g, ...logPublic } = log;
  const { onStall: _st, onSeek: _sk, ...workerPublic } = worker;
  const actions = {
    ...controls,
    ...runPublic,
    ...logPublic,
    ...workerPublic,
    ...timeActions,
    ...shareActions(ctx),
    ...exportActions(ctx),
    ...address,
    ...pageActions(ctx, controls.choosePreset),
  };

  return {
    store: store as StoreApi<LabState>,
    actions,
    /** The event log's lines (the store's logVersion says when they change). */
    logRing: ctx.logRing,
    /** The worker client of the current run, for what reads the stream at display rate (the canvas, the charts). */
    client: (): WorkerClient | null => ctx.client,
    figures: figuresSource(ctx),
  };
}

export type Lab = ReturnType<typeof createLab>;
export type LabActions = Lab['actions'];
