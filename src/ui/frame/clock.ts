/**
 * The run's virtual clock at a frame: snapshots come a few times a second, so between the latest two it moves on
 * in proportion to the wall time since the last one came (countdowns and the charts' window glide at any speed).
 */
import type { Snapshot } from '../../worker/snapshot';

/** The latest two snapshots the worker sent. */
export interface SnapshotPair {
  prev: Snapshot | null;
  cur: Snapshot | null;
}

export function clockAt(prev: Snapshot | null, cur: Snapshot, now: number): number {
  if (prev === null || prev.run !== cur.run || cur.recv <= prev.recv || !cur.playing) return cur.t;
  const a = Math.max(0, Math.min(1, (now - cur.recv) / (cur.recv - prev.recv)));
  return prev.t + (cur.t - prev.t) * a;
}
