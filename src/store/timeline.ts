/**
 * The timeline slice: where the run stands on its timeline (from the worker, at a readable rate) and its markers,
 * and the time-travel actions (seek, jump to a marker, Step back). A seek clears the log: it starts again there.
 */
import type { Marker } from '../share/markers';
import type { WireTimeline } from '../worker/protocol';
import type { Ctx } from './ctx';
import { throttle } from './throttle';

const TIMELINE_MS = 100;

export function timelineActions(ctx: Ctx) {
  const { get, set } = ctx;

  /** The timeline at a readable rate, its last update always delivered (the moment a Pause stopped at). */
  const updates = throttle<WireTimeline>(
    TIMELINE_MS,
    (tl) => {
      const st = get().timeline;
      const fresh = tl.run !== st.run;
      set({
        timeline: {
          run: tl.run,
          tick: tl.tick,
          t: tl.t,
          max: fresh ? tl.max : Math.max(st.max, tl.max),
          back: tl.back,
          markers: tl.markers !== null ? tl.markers : fresh ? [] : st.markers,
        },
      });
    },
    ctx.clock,
  );

  const seekDone = (): void => set({ playing: false });

  return {
    onTimeline(tl: WireTimeline): void {
      if (tl.seeked) {
        ctx.logRing.clear();
        ctx.client?.charts.cutAt(tl.t);
        set((s) => ({ logVersion: s.logVersion + 1, t: tl.t, playing: false }));
      }
      const fresh = tl.run !== get().timeline.run;
      // markers are sent once, when they change: that update may not wait (a later one carries none)
      updates.push(tl, fresh || tl.seeked || tl.markers !== null);
    },

    seekTime(t: number): void {
      ctx.client?.send({ type: 'seek', target: { kind: 'time', t: Math.max(0, t) } });
      seekDone();
    },

    jumpTo(m: Marker): void {
      ctx.client?.send({ type: 'seek', target: { kind: 'seq', seq: m.seq } });
      seekDone();
    },

    stepBack(): void {
      ctx.client?.send({ type: 'stepBack' });
      seekDone();
    },
  };
}
