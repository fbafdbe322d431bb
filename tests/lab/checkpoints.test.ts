/** Seeking through parked checkpoints lands on exactly the state a fresh run reaches at the same tick. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { findPreset } from '../../src/scenarios/registry';
import { Checkpoints, MAX_PARKED } from '../../src/worker/checkpoints';

const state = (s: Simulation): string => JSON.stringify([s.ticks, s.seq, s.now, s.view()]);

describe('Checkpoints', () => {
  const scenario = structuredClone(findPreset('seed-2')!.scenario);
  scenario.producers[0]!.items.count = 400; // about 1,400 ticks
  const reference = (n: number): string => {
    const s = new Simulation(scenario, { records: false, items: true });
    s.runToTick(n);
    return state(s);
  };

  it('builds checkpoints in slices and seeks to exact states, forwards and backwards', () => {
    const cp = new Checkpoints(scenario, 100);
    let t = 0;
    // a fake clock: every call costs 1 ms, so work() returns in slices
    while (!cp.work(600, 5, () => t++));
    expect(cp.ticks()).toEqual([100, 200, 300, 400, 500, 600]);
    for (const n of [650, 120, 0, 333, 599, 600, 20]) expect(state(cp.at(n))).toBe(reference(n));
    // the checkpoints used were consumed; work() rebuilds them
    expect(cp.ticks().length).toBeLessThan(6);
    while (!cp.work(600, 50));
    expect(cp.ticks()).toEqual([100, 200, 300, 400, 500, 600]);
  });

  it('a seek past the end stops at the end', () => {
    const cp = new Checkpoints(scenario, 100);
    const s = cp.at(1e9);
    expect(s.end?.status).toBe('completed');
  });

  it('recording can be turned on after a seek and the trace goes on from there', () => {
    const cp = new Checkpoints(scenario, 100);
    const s = cp.at(250);
    s.setRecording(true);
    const rest = s.runToTick(300);
    const full = new Simulation(scenario);
    const all = full.runToTick(300);
    expect(rest).toEqual(all.slice(all.length - rest.length));
    expect(rest[0]?.seq).toBe(all.length - rest.length);
  });
});

describe('Checkpoints over a long run', () => {
  it('keep at most MAX_PARKED simulations, widening the spacing, and still seek exactly', () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    s.producers[0]!.items.count = 2000;
    const cp = new Checkpoints(s, 100);
    while (!cp.work(6000, 1e9));
    expect(cp.ticks().length).toBeLessThanOrEqual(MAX_PARKED);
    expect(cp.every).toBeGreaterThan(100);
    for (const k of cp.ticks()) expect(k % cp.every).toBe(0);
    const fresh = new Simulation(s, { records: false, items: true });
    fresh.runToTick(4321);
    expect(state(cp.at(4321))).toBe(state(fresh));
  });
});

describe('Checkpoints asked for a tick far past any run', () => {
  it('a tick of 2^53 - 1 finds its start among the parked ones, not by walking the grid down to it', () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    const cp = new Checkpoints(s, 50_000);
    // the grid from 2^53 - 1 down in steps of 50,000 is 1.8e11 slots: a walk over it never returns
    const sim = cp.at(Number.MAX_SAFE_INTEGER);
    expect(sim.end?.status).toBe('completed');
    expect(cp.take(Number.MAX_SAFE_INTEGER).ticks).toBe(0);
  });
});
