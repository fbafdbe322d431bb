/** The clock the scene and the charts draw with moves on between the latest two snapshots, and only then. */
import { describe, expect, test } from 'vitest';
import { clockAt } from '../../src/ui/frame/clock';
import type { Snapshot } from '../../src/worker/snapshot';

describe('clockAt', () => {
  const snap = (t: number, recv: number, more: Partial<Snapshot> = {}) => ({ t, recv, run: 1, playing: true, ...more }) as Snapshot;

  test('between two snapshots, the clock moves with the wall time since the last came', () => {
    expect(clockAt(snap(10, 1000), snap(12, 1100), 1150)).toBe(11);
    expect(clockAt(snap(10, 1000), snap(12, 1100), 1100)).toBe(10);
    // no further than the last snapshot's time
    expect(clockAt(snap(10, 1000), snap(12, 1100), 5000)).toBe(12);
  });

  test('paused, first of a run, or after a new run: the last snapshot\'s time', () => {
    expect(clockAt(snap(10, 1000), snap(12, 1100, { playing: false }), 1150)).toBe(12);
    expect(clockAt(null, snap(12, 1100), 1150)).toBe(12);
    expect(clockAt(snap(10, 1000), snap(0.5, 1100, { run: 2 }), 1150)).toBe(0.5);
  });
});
