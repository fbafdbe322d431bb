/**
 * The view's bookkeeping, kept outside the run by a ViewTracker fed by the run's hooks: who is running, who ran
 * last, the loop frozen by a blocking time.sleep, and the counts. Three consumers serve with `time.sleep(1)` (the
 * catalogue's blocking-sleep entry); a spy beside the tracker notes what it said as each event was written.
 */
import { describe, expect, test } from 'vitest';
import type { Task } from '../../src/engine/asyncio/task';
import { ViewTracker, type Frozen } from '../../src/engine/metrics/viewTracker';
import type { RunObserver } from '../../src/engine/run/observer';
import { Sim } from '../../src/engine/run/sim';
import type { Scenario } from '../../src/engine/scenario';
import { Simulation } from '../../src/engine/simulation';
import { blockingSleep } from '../../src/scenarios/catalogue/entries1';

const scenario = blockingSleep.variants[0]!.scenario as Scenario;

interface Seen {
  actor: string;
  event: string;
  t: number;
  current: string | null;
  frozen: Frozen | null;
}

/** A run watched by a tracker, with what the tracker held at each event and the tasks in the order they stepped. */
function watched(s: Scenario): { sim: Sim; tracker: ViewTracker; seen: Seen[]; entered: string[] } {
  const tracker = new ViewTracker();
  const seen: Seen[] = [];
  const entered: string[] = [];
  const spy: RunObserver = {
    enterTask(t: Task<unknown>) {
      entered.push(t.name);
      tracker.enterTask(t);
    },
    leaveTask: (t) => tracker.leaveTask(t),
    blocked: (a, from, until) => tracker.blocked(a, from, until),
    event(a, event, item) {
      tracker.event(a, event, item);
      seen.push({ actor: a.name, event, t: sim.loop.now, current: tracker.current?.name ?? null, frozen: tracker.frozen });
    },
  };
  const sim = new Sim(structuredClone(s), { event: () => {}, end: () => {} }, { observer: spy });
  return { sim, tracker, seen, entered };
}

describe('the view tracker', () => {
  test('current is the task whose step writes the event, and nobody between steps', () => {
    const { sim, tracker, seen } = watched(scenario);
    expect(tracker.current).toBeNull();
    while (sim.stepHandle()) expect(tracker.current).toBeNull();
    expect(sim.end?.status).toBe('completed');
    expect(seen.length).toBeGreaterThan(40);
    for (const e of seen) expect(e.current).toBe(e.actor);
  });

  test('last ran is the task of the last step, and stays put across handles that step no task', () => {
    const { sim, tracker, entered } = watched(scenario);
    expect(tracker.lastRan).toBeNull();
    sim.stepHandle();
    expect(tracker.lastRan?.name).toBe('main');
    let quiet = 0;
    for (let before = entered.length; sim.stepHandle(); before = entered.length) {
      if (entered.length === before) quiet++;
      expect(tracker.lastRan?.name).toBe(entered.at(-1));
    }
    // the timers that end each asyncio.sleep of the producer wake it through a handle of their own
    expect(quiet).toBeGreaterThan(0);
  });

  test('frozen holds the last blocking time.sleep: who, from when, until when', () => {
    const { sim, tracker, seen } = watched(scenario);
    sim.runToEnd();
    const done = seen.filter((e) => e.event === 'done');
    expect(done).toHaveLength(10);
    // nothing froze the loop before the first item was served
    for (const e of seen.slice(0, seen.indexOf(done[0]!))) expect(e.frozen).toBeNull();
    // each item's done is written by the consumer that slept, right after the clock moved on by its second
    for (const e of done) expect(e.frozen).toEqual({ by: e.actor, from: e.t - 1, until: e.t });
    expect(tracker.frozen).toEqual(done.at(-1)!.frozen);
  });

  test('the view of a moment reads the tracker: running, last ran, frozen', () => {
    const sim = new Simulation(scenario);
    // step up to the first done: the consumer's step has just slept in time.sleep(1)
    while (!sim.step().some((r) => 'event' in r && r.event === 'done'));
    const v = sim.view();
    const c = v.actors.find((a) => a.name === v.frozen?.by);
    expect(c?.role).toBe('consumer');
    expect(v.frozen).toEqual({ by: c!.name, from: v.t - 1, until: v.t });
    expect(v.running).toBeNull();
    expect(v.lastRan).toBe(c!.name);
    expect(v.ready).not.toContain(c!.name);
    expect(v.counters).toMatchObject({ consumed: 1 });
  });

  test('counts every event, also with the trace off (a seek)', () => {
    const on = new Simulation(scenario);
    on.runToEnd(() => {});
    const off = new Simulation(scenario, { records: false });
    off.runToEnd(() => {});
    expect(on.tracker.counters).toMatchObject({ produced: 10, consumed: 10, wastedPolls: 0 });
    expect(off.tracker.counters).toEqual(on.tracker.counters);
    expect(off.view().counters).toEqual(on.view().counters);
  });
});
