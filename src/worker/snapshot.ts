/**
 * Main-thread side of a snapshot: the worker's plain snapshot (protocol.ts) as the scene, the store and the test
 * hook read it, stamped with the moment it arrived; its log lines go to the log on their own.
 */
import type { WireSnapshot } from './protocol';

export type { ActorSnap, Counters, LogBatch, Move } from './protocol';

export interface Snapshot extends Omit<WireSnapshot, 'log' | 'bytes'> {
  /** performance.now() on the main thread when it arrived. */
  recv: number;
}

/** The snapshot without its log lines, stamped with its arrival. */
export function receiveSnapshot(w: WireSnapshot, recv: number): Snapshot {
  const { log: _log, bytes: _bytes, ...rest } = w;
  return { ...rest, recv };
}
