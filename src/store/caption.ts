/**
 * The caption slice: the latest task slice the worker sent (src/worker/slice.ts), as data; the page words it
 * (src/ui/narration). A Step's slice (or a beat's, in "one step per beat") also picks its task, so the scene rings
 * its card and the code panel lights its line beside the words.
 */
import type { WireSlice } from '../worker/slice';
import type { Ctx } from './ctx';

export function captionActions(ctx: Ctx) {
  return {
    /** A slice from the worker (a slice of a run already replaced is dropped). */
    onSlice(slice: WireSlice): void {
      if (slice.run < ctx.loads) return;
      const last = slice.events.at(-1);
      ctx.set((slice.why === 'step' || slice.why === 'beat') && last !== undefined ? { caption: slice, selected: last.actor } : { caption: slice });
    },
  };
}
