/**
 * The run slice's actions: the worker's lifecycle (start, a death and the fresh worker, the error panel's Restart),
 * loading the program, the transport (play, pause, step, reset) and the snapshot stream at a readable rate.
 */
import { validateScenario } from '../scenarios/validate';
import type { WorkerClient } from '../worker/client';
import type { Snapshot } from '../worker/snapshot';
import type { Ctx } from './ctx';
import { initialRun } from './labStore';
import { currentScenario } from './scenario';
import { throttle } from './throttle';

/** How often the counters and the clock in React are refreshed (the canvas runs at display rate regardless). */
const STORE_MS = 100;
/** A worker that dies more than MAX_DEATHS times within DEATH_WINDOW_MS is not restarted again: the error panel. */
const MAX_DEATHS = 3;
const DEATH_WINDOW_MS = 10_000;

export type RunActions = ReturnType<typeof runActions>;

/** `wire` connects a fresh client's events to the store (createLab.ts). */
export function runActions(ctx: Ctx, wire: (c: WorkerClient) => void) {
  const { get, set } = ctx;

  /** The counters and the clock at a readable rate, the last update always delivered (a Pause, quick Steps). */
  const snapshots = throttle<Snapshot>(
    STORE_MS,
    (s) => {
      if (s.run < ctx.loads) return; // a run replaced while this update waited
      set({
        run: s.run,
        t: s.t,
        status: s.status,
        end: s.end,
        counters: s.counters,
        achieved: s.achieved,
        behind: s.behind,
        ...(s.end !== null ? { playing: false } : {}),
      });
    },
    ctx.clock,
  );

  function onSnapshot(s: Snapshot): void {
    if (s.run < ctx.loads) return; // a snapshot of a run already replaced
    const st = get();
    const changed = s.status !== st.status || (s.end === null) !== (st.end === null) || s.run !== st.run;
    snapshots.push(s, changed);
  }

  /** Sends the program the controls describe as a new run; `playing` says whether it starts at once. */
  function load(playing: boolean): void {
    const client = ctx.client;
    if (client === null) return;
    const checked = validateScenario(currentScenario(get()));
    if (!checked.ok) {
      // the controls should never get here (tests/lab/settings.test.ts walks them); say so rather than run it
      set({ error: { kind: 'invalidScenario', errors: checked.errors }, playing: false });
      return;
    }
    ctx.loads++;
    ctx.logRing.clear();
    snapshots.drop();
    set({ seek: null });
    client.send({ type: 'load', scenario: checked.scenario, playing, run: ctx.loads });
    set((s) => ({ ...initialRun(), run: ctx.loads, playing, logVersion: s.logVersion + 1 }));
  }

  /** Starts a worker and the program the controls describe; safe to call twice. */
  function start(): void {
    if (ctx.client !== null) return;
    const client = ctx.makeClient();
    ctx.client = client;
    wire(client);
    client.on('death', onDeath);
    client.send({ type: 'speed', speed: get().speed });
    if (get().beatOn) client.send({ type: 'beat', beat: get().beat });
    load(get().playing);
  }

  /** The worker died: a fresh one runs the current scenario again (at most 3 times in 10 s, then the error panel). */
  function onDeath(reason: string): void {
    ctx.client = null;
    const t = get().t;
    const now = ctx.clock.now();
    ctx.deaths = ctx.deaths.filter((d) => now - d < DEATH_WINDOW_MS);
    ctx.deaths.push(now);
    if (ctx.deaths.length > MAX_DEATHS) {
      set({ error: { kind: 'workerDied', reason }, playing: false });
      return;
    }
    start();
    set({ restarted: { why: 'crashed', t }, stalled: false, seek: null });
  }

  return {
    start,
    load,
    onSnapshot,

    /** The error panel's Restart: a fresh worker and the current scenario from t = 0, playing. */
    restartLab(): void {
      const old = ctx.client;
      const { stalled, t } = get();
      ctx.client = null;
      old?.dispose();
      ctx.deaths = [];
      set({ error: null, notice: null, playing: true });
      start();
      set({ stalled: false, seek: null, restarted: stalled ? { why: 'stalled', t } : null });
    },

    /** The Cancel of a long seek: the run stays where it stood. */
    cancelSeek(): void {
      ctx.client?.send({ type: 'cancelSeek' });
    },

    play(): void {
      const st = get();
      if (st.status !== 'running' || st.error !== null) {
        load(true);
        return;
      }
      ctx.client?.send({ type: 'play' });
      set({ playing: true });
    },

    pause(): void {
      ctx.client?.send({ type: 'pause' });
      set({ playing: false });
    },

    step(): void {
      if (get().status !== 'running') return;
      ctx.client?.send({ type: 'step' });
      set({ playing: false });
    },

    /** Back to t = 0 with the current settings, paused. */
    reset(): void {
      set({ notice: null, error: null, restarted: null });
      load(false);
    },
  };
}
