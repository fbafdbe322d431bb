/**
 * Each built-in program's default speed (src/scenarios/paces.ts) makes its run watchable: the engine's run length
 * (to its end, or to its scenario's horizon for a run without one) takes 10 to 60 s of wall time at that speed, a
 * hang comes after several items went through, and the speed is a step the Speed slider can show.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation';
import { listPresets } from '../src/scenarios/registry';
import { PACES, paceOf } from '../src/scenarios/paces';
import { SPEEDS } from '../src/ui/controls/scales';
import { SPEED_RANGE } from '../src/worker/protocol';

/** The wall-clock seconds a run may take at its default speed. */
const WATCHABLE = { min: 10, max: 60 };

/** The run's virtual length and how many items were taken before it ended. */
function measure(id: string): { length: number; status: string; gets: number } {
  const p = listPresets().find((x) => x.id === id)!;
  const sim = new Simulation(p.scenario, { horizon: p.scenario.horizon });
  let gets = 0;
  const end = sim.runToEnd((rs) => {
    for (const r of rs) if (r.event === 'get') gets++;
  }, 5_000_000);
  if (end === null) throw new Error(`${id}: no end`);
  return { length: end.t, status: end.status, gets };
}

describe('default speeds', () => {
  it('has one for every preset and catalogue variant, and no other', () => {
    expect(Object.keys(PACES).sort()).toEqual(listPresets().map((p) => p.id).sort());
  });

  it.each(listPresets().map((p) => p.id))('%s is watched in 10 to 60 s of wall time', (id) => {
    const speed = paceOf(id);
    expect(SPEEDS).toContain(speed);
    expect(speed).toBeGreaterThanOrEqual(SPEED_RANGE.min);
    const { length, status, gets } = measure(id);
    const wall = length / speed;
    expect(wall, `${id}: ${length} s at ${speed}x`).toBeGreaterThanOrEqual(WATCHABLE.min);
    expect(wall, `${id}: ${length} s at ${speed}x`).toBeLessThanOrEqual(WATCHABLE.max);
    // a hang is shown after the program has been seen working
    if (status === 'hang') expect(gets).toBeGreaterThanOrEqual(3);
  });

  it('gives seed-2 about 30 s', () => {
    expect(measure('seed-2').length / paceOf('seed-2')).toBeCloseTo(30, 0);
  });
});
