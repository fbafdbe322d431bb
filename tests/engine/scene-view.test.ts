/**
 * The view the scene draws: at t = 0 every worker main will create is there, not started yet, under the id and
 * name it will have; inside a blocking time.sleep the sleeper is in time.sleep with its item in service; at a hang
 * the end record names what every task, main's included, waits on.
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { allVariants } from '../../src/scenarios/catalogue';
import { PRESETS } from '../../src/scenarios/presets';

const variant = (id: string) => allVariants().find((v) => v.variant.id === id)!.variant.scenario;

describe('t = 0: the workers main will create', () => {
  const cases = [...PRESETS.map((p) => [p.id, p.scenario] as const), ...allVariants().map((v) => [v.variant.id, v.variant.scenario] as const)];
  test.each(cases)('%s: named, not started, with the ids main gives them', (_id, scenario) => {
    const sim = new Simulation(structuredClone(scenario), { horizon: null });
    const before = sim.view().actors;
    expect(before[0]).toMatchObject({ id: 0, name: 'main', role: 'main', state: 'ready' });
    expect(before.length).toBeGreaterThan(1);
    for (const a of before.slice(1)) expect(a.state).toBe('not_started');
    sim.step(); // main's first step creates them all
    const after = sim.view().actors.map(({ id, name, role, kind }) => ({ id, name, role, kind }));
    expect(after).toEqual(before.map(({ id, name, role, kind }) => ({ id, name, role, kind })));
    expect(sim.view().actors.some((a) => a.state === 'not_started')).toBe(false);
  });
});

describe('inside a blocking time.sleep', () => {
  test('the sleeper is in time.sleep, its item in service and not yet consumed', () => {
    const sim = new Simulation(structuredClone(variant('blocking-sleep')), { horizon: null });
    while (sim.tracker.frozen === null && sim.end === null) sim.step();
    const f = sim.tracker.frozen!;
    expect(f).not.toBeNull();
    const after = sim.view();
    const inside = sim.view(f.from);
    const me = inside.actors.find((a) => a.name === f.by)!;
    expect(me.state).toBe('blocking');
    expect(after.actors.find((a) => a.name === f.by)!.state).not.toBe('blocking');
    expect(inside.counters.inService).toBe(after.counters.inService + 1);
    expect(inside.counters.consumed).toBe(after.counters.consumed - 1);
    // the moment it wakes, the engine's own view
    expect(sim.view(f.until)).toEqual(after);
  });
});

describe('at seed-3 hang', () => {
  test('the end record says what main and the consumer wait on', () => {
    const seed3 = PRESETS.find((p) => p.id === 'seed-3')!.scenario;
    const sim = new Simulation(structuredClone(seed3), { horizon: null });
    while (sim.end === null) sim.step();
    expect(sim.end?.status).toBe('hang');
    expect(sim.end?.blocked).toEqual([
      { task: 'main', waiting_on: 'task consumer' },
      { task: 'consumer', waiting_on: 'Queue.get' },
    ]);
    const v = sim.view();
    expect(v.actors.find((a) => a.name === 'main')).toMatchObject({ state: 'waiting', waitingOn: 'task consumer' });
  });
});
