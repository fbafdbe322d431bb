/**
 * What the worker tells the page that a person reads (a live change made, a pause at a breakpoint, a live change
 * refused, an error), into the store: the one place that reads these messages.
 */
import type { NoteMessage } from '../worker/client';
import { assertNever } from '../worker/never';
import type { Ctx } from './ctx';

export function onNote(ctx: Ctx, m: NoteMessage, load: (playing: boolean) => void): void {
  switch (m.type) {
    case 'note':
      ctx.set({ notice: m.note, ...(m.note.kind === 'paused' ? { playing: false } : {}) });
      return;
    case 'liveRefused':
      // the worker could not make the change live: the same settings from t = 0
      load(ctx.get().playing);
      return;
    case 'error':
      ctx.set({ error: m.fault, playing: false });
      return;
    default:
      assertNever(m);
  }
}
