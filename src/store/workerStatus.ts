/**
 * The worker-status slice's actions: the page's view of the worker itself, apart from the run (a seek under way or
 * how the last one ended, a worker that stopped answering the heartbeat, a fresh worker that took over). The UI
 * words each (src/ui/faults/WorkerStatus.tsx); the store holds data, no sentences.
 */
import type { SeekReport } from '../worker/protocol';
import type { Ctx } from './ctx';

export function workerStatusActions({ set }: Ctx) {
  return {
    /** The heartbeat: true when the worker stopped answering, false when it answers again. */
    onStall(stalled: boolean): void {
      set({ stalled });
    },

    /** How a seek goes; one that landed where asked leaves nothing to say. */
    onSeek(r: SeekReport): void {
      set({ seek: r.kind === 'landed' ? null : r });
    },

    dismissSeek(): void {
      set({ seek: null });
    },

    dismissRestart(): void {
      set({ restarted: null });
    },
  };
}
