/** Time travel rests on this: a fresh simulation run to tick n is in the same state as the original at tick n. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { listPresets } from '../../src/scenarios/registry';
import { randomScenario } from '../conformance/arbitrary';

describe('ticks', () => {
  it.each(listPresets().slice(0, 12).map((p) => [p.id, p.scenario] as const))('%s: stepping and iterating meet at every tick', (_id, s) => {
    const stepper = new Simulation(s);
    const views: string[] = [];
    let records = 0;
    for (let k = 0; k < 400 && stepper.end === null; k++) {
      records += stepper.step().length;
      views.push(JSON.stringify([stepper.ticks, records, stepper.view()]));
    }
    // replay to a few of those ticks from scratch
    for (const k of [0, 7, Math.floor(views.length / 2), views.length - 1]) {
      const [tick, count] = JSON.parse(views[k]!) as [number, number];
      const fresh = new Simulation(s);
      const got = fresh.runToTick(tick).length;
      expect(JSON.stringify([fresh.ticks, got, fresh.view()])).toBe(views[k]);
      expect(got).toBe(count);
    }
  });

  it('iterate and stepHandle count ticks alike on random scenarios', () => {
    for (let seed = 0; seed < 40; seed++) {
      const s = randomScenario(seed);
      const a = new Simulation(s);
      a.runToEnd(() => undefined, 100_000);
      const b = new Simulation(s);
      b.runToTick(a.ticks);
      expect([b.ticks, b.end?.status, b.end?.t]).toEqual([a.ticks, a.end?.status, a.end?.t]);
    }
  });
});
