/** The controls slice's actions: what the reader chose (language, preset, settings, speed, the task picked). */
import { liveEdits, settingsOf, withChange, type Settings } from '../scenarios/settings';
import { paceOf } from '../scenarios/paces';
import { BEAT_RANGE, SPEED_RANGE } from '../worker/protocol';
import type { Ctx } from './ctx';
import type { Lang } from './labStore';
import type { RunActions } from './run';
import { baseScenario, currentScenario, presetById } from './scenario';

export function controlsActions(ctx: Ctx, run: RunActions) {
  const { get, set } = ctx;
  function setSpeed(asked: number): void {
    // the runner's range: a link may ask for more (link.ts reads up to 1e6), and the page shows what runs
    const speed = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, asked));
    set({ speed });
    ctx.client?.send({ type: 'speed', speed });
  }

  return {
    setLang(lang: Lang): void {
      set({ lang });
    },

    setSpeed,

    /** "One step per beat" on or off: the worker paces the slices, so a background tab does not slow them. */
    setBeatOn(on: boolean): void {
      set({ beatOn: on });
      ctx.client?.send({ type: 'beat', beat: on ? get().beat : null });
    },

    /** The beat's length in wall-clock seconds (kept while the mode is off, for when it is turned on). */
    setBeat(asked: number): void {
      const beat = Math.min(BEAT_RANGE.max, Math.max(BEAT_RANGE.min, asked));
      set({ beat });
      if (get().beatOn) ctx.client?.send({ type: 'beat', beat });
    },

    /** The reader picked a task (or none): the code panel lights its line, the scene rings its card. */
    selectTask(name: string | null): void {
      set({ selected: name });
    },

    /** A preset runs from t = 0 at its own default speed (a link's speed is set after, so it wins). */
    choosePreset(id: string): void {
      const p = presetById(id);
      setSpeed(paceOf(p.id));
      set({ presetId: p.id, settings: settingsOf(p.scenario), custom: null, notice: null, error: null, restarted: null });
      run.load(true);
    },

    /** A slider or select moved: a live change where Python could make it, else a restart at t = 0. */
    changeSetting<K extends keyof Settings>(key: K, value: Settings[K]): void {
      const st = get();
      const before = currentScenario(st);
      const next = withChange(baseScenario(st), st.settings, key, value);
      if ((Object.keys(next) as (keyof Settings)[]).every((k) => next[k] === st.settings[k])) return;
      // live only while the program runs and main has created its workers (before that, a restart is the same)
      const started = ctx.client?.cur?.actors.some((a) => a.role !== 'main') ?? false;
      const edits = st.status === 'running' && st.error === null && started ? liveEdits(before, st.settings, next) : null;
      set({ settings: next });
      if (edits !== null) {
        if (edits.length > 0) ctx.client?.send({ type: 'live', edits });
        return;
      }
      set({ notice: { kind: 'restart', setting: key }, error: null });
      // a run that had ended starts again, to show what the change does
      run.load(st.playing || st.status !== 'running' || st.error !== null);
    },

    setFrozen(frozen: boolean): void {
      set({ frozen });
    },
  };
}
