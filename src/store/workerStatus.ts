/**
 * The page's view of the worker itself, apart from the run: a seek under way or how the last one ended, whether
 * the worker has stopped answering (the heartbeat), and whether a fresh worker took over from t = 0. The UI words
 * each as it likes (src/ui/faults/WorkerStatus.tsx); the store holds data, no sentences.
 */
import { create } from 'zustand';
import type { SeekReport } from '../worker/protocol';

export interface WorkerStatus {
  /** The last report of a seek (none once one landed where asked). */
  seek: SeekReport | null;
  /** The worker has left several heartbeats unanswered. */
  stalled: boolean;
  /** A fresh worker runs the program again from t = 0: the old one crashed or stopped answering, at time `t`. */
  restarted: { why: 'crashed' | 'stalled'; t: number } | null;
}

export const useWorker = create<WorkerStatus>()(() => ({ seek: null, stalled: false, restarted: null }));
