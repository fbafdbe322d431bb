/**
 * Snapshots cross the worker boundary as plain structured data: what the page receives after structured clone is
 * exactly what the worker built, with nothing to transfer and nothing to unpack (a crashed task's exception as
 * its class and message, not a sentence to split).
 */
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenarios/types';
import { seed2 } from '../../src/scenarios/presets';
import type { FromWorker, WireSnapshot } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { receiveSnapshot } from '../../src/worker/snapshot';

function run(s: Scenario, steps: number): { snaps: WireSnapshot[]; transfers: ArrayBuffer[][] } {
  const snaps: WireSnapshot[] = [];
  const transfers: ArrayBuffer[][] = [];
  const r = new Runner({
    now: () => 0,
    post: (m: FromWorker, t) => {
      if (m.type !== 'snapshot') return;
      snaps.push(m.snap);
      transfers.push(t);
    },
    later: () => {},
  });
  r.load(s, false);
  for (let k = 0; k < steps; k++) r.step();
  return { snaps, transfers };
}

describe('a snapshot across the boundary', () => {
  test('survives structured clone unchanged and transfers nothing', () => {
    const { snaps, transfers } = run(seed2, 60);
    expect(snaps.length).toBe(61);
    for (const w of snaps) {
      const copy = structuredClone(w);
      expect(copy).toEqual(w);
      const page = receiveSnapshot(copy, 7);
      expect(page).toEqual({ ...Object.fromEntries(Object.entries(w).filter(([k]) => k !== 'log' && k !== 'bytes')), recv: 7 });
    }
    expect(transfers.every((t) => t.length === 0)).toBe(true);
    // the log arrives once: every line of the run's first 60 steps, each with its actor
    const lines = snaps.flatMap((w) => w.log.lines);
    const actors = snaps.flatMap((w) => w.log.actors);
    expect(lines.length).toBe(actors.length);
    expect(lines.length).toBeGreaterThan(10);
    const names = new Set(snaps.at(-1)!.actors.map((a) => a.name));
    expect(actors.every((a) => names.has(a))).toBe(true);
  });

  test("a crashed task's exception is its class and message", () => {
    const s = structuredClone(seed2);
    // a consumer that calls task_done() once too often crashes with ValueError (asyncio's own message)
    s.consumers[0]!.task_done = 'twice';
    const { snaps } = run(s, 400);
    const crashed = snaps.at(-1)!.actors.filter((a) => a.state === 'crashed');
    expect(crashed.length).toBeGreaterThan(0);
    expect(crashed[0]!.error).toEqual({ exception: 'ValueError', message: 'task_done() called too many times' });
  });
});
