import { describe, expect, test } from 'vitest';
import { seed1, seed2, seed3 } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import type { FromWorker, WireSnapshot } from '../../src/worker/protocol';
import { Runner, SLICE_MS } from '../../src/worker/runner';

/**
 * A runner on a fake wall clock: timers run in order, each costing `cost` ms of wall time; every reading of the
 * clock costs `perRead` ms more (work takes time).
 */
function harness(cost = 0.5, perRead = 0) {
  let wall = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const out: FromWorker[] = [];
  const runner = new Runner({ now: () => (wall += perRead), post: (m) => out.push(m), later: (fn, ms) => timers.push({ at: wall + ms, fn }) });
  const runFor = (ms: number): void => {
    const end = wall + ms;
    while (timers.length > 0 && wall < end) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers.shift()!;
      wall = Math.max(wall, t.at) + cost;
      t.fn();
    }
    wall = Math.max(wall, end);
  };
  const snaps = (): WireSnapshot[] => out.flatMap((m) => (m.type === 'snapshot' ? [m.snap] : []));
  return { runner, runFor, snaps, out, now: () => wall };
}

const start = (h: ReturnType<typeof harness>, s: Scenario, speed: number) => {
  h.runner.setSpeed(speed);
  h.runner.load(s, true);
};

describe('runner: pacing against the wall clock', () => {
  test('seed-2 at 1000x completes with 60 consumed, and says so in its last snapshot', () => {
    const h = harness();
    start(h, seed2, 1000);
    h.runFor(2000);
    const last = h.snaps().at(-1)!;
    expect(last.end?.status).toBe('completed');
    expect(last.counters.consumed).toBe(60);
    expect(last.playing).toBe(false);
  });

  test('seed-3 ends in a hang with the consumer waiting in Queue.get', () => {
    const h = harness();
    start(h, seed3, 1000);
    h.runFor(2000);
    const end = h.snaps().at(-1)!.end;
    expect(end?.status).toBe('hang');
    expect(end?.blocked).toContainEqual({ task: 'consumer', waiting_on: 'Queue.get' });
  });

  test('virtual time follows speed x wall time, at most 60 snapshots a second', () => {
    const h = harness();
    start(h, seed1, 10);
    h.runFor(1000);
    const n0 = h.snaps().length;
    const t0 = h.snaps().at(-1)!.t;
    h.runFor(2000);
    const t1 = h.snaps().at(-1)!.t;
    expect(t1 - t0).toBeGreaterThan(19);
    expect(t1 - t0).toBeLessThan(21);
    expect(h.snaps().length - n0).toBeLessThanOrEqual(121);
    expect(h.snaps().length - n0).toBeGreaterThan(60);
  });

  test('pause stops the clock; a step runs one event and stays paused', () => {
    const h = harness();
    start(h, seed1, 10);
    h.runFor(500);
    h.runner.pause();
    const t = h.snaps().at(-1)!.t;
    h.runFor(1000);
    expect(h.snaps().at(-1)!.t).toBe(t);
    h.runner.step();
    const s = h.snaps().at(-1)!;
    expect(s.playing).toBe(false);
    expect(s.log.lines.length).toBeGreaterThanOrEqual(1);
  });

  test('a hidden tab stops the stream, and the clock does not jump when it comes back', () => {
    const h = harness();
    start(h, seed1, 1);
    h.runFor(500);
    h.runner.setHidden(true);
    const n = h.snaps().length;
    const t = h.snaps().at(-1)!.t;
    h.runFor(5000);
    expect(h.snaps().length).toBe(n);
    h.runner.setHidden(false);
    h.runFor(100);
    expect(h.snaps().at(-1)!.t - t).toBeLessThan(0.5);
  });

  test('live consumers: new actors arrive in the stream and the run goes on', () => {
    const h = harness();
    start(h, seed1, 1);
    h.runFor(300);
    const run = h.snaps().at(-1)!.run;
    h.runner.live([{ type: 'workers', role: 'consumer', count: 8 }]);
    h.runFor(100);
    const names = h.snaps().at(-1)!.actors.map((a) => a.name);
    expect(names.filter((n) => n.startsWith('customer'))).toHaveLength(8);
    expect(h.snaps().at(-1)!.run).toBe(run);
    const live = h.out.flatMap((m) => (m.type === 'note' && m.note.kind === 'live' ? [m.note.done] : []));
    expect(live).toEqual([{ kind: 'created', coroutine: 'customer', count: 5 }]);
  });

  test('a slice of work never runs much past SLICE_MS; a heavy load says it is behind', () => {
    const h = harness(0.01, 2);
    const heavy: Scenario = structuredClone(seed2);
    heavy.producers[0]!.items.count = null;
    heavy.producers[0]!.interval = { dist: 'const', value: 0.0001 };
    heavy.consumers[0]!.count = 50;
    heavy.consumers[0]!.service = { dist: 'const', value: 0.0001 };
    start(h, heavy, 1000);
    h.runFor(400);
    const last = h.snaps().at(-1)!;
    expect(last.behind).toBe(true);
    expect(last.achieved).toBeLessThan(1000);
    expect(SLICE_MS).toBeLessThanOrEqual(8);
  });
});

describe('runner: one step per beat', () => {
  const slices = (h: ReturnType<typeof harness>) => h.out.flatMap((m) => (m.type === 'slice' ? [m.slice] : []));
  const ticks = (h: ReturnType<typeof harness>) => h.out.flatMap((m) => (m.type === 'timeline' ? [m.tl.tick] : []));

  test('advances one task slice per beat, each with its caption, whatever the speed', () => {
    const h = harness();
    h.runner.setBeat(0.5);
    start(h, seed2, 1000); // at 1000x seed-2 would be over within a second of wall time
    h.runFor(2100);
    const beats = slices(h).filter((s) => s.why === 'beat');
    // at 0, 500, 1000, 1500 and 2000 ms (the harness may run the timer due just after)
    expect(beats.length).toBeGreaterThanOrEqual(5);
    expect(beats.length).toBeLessThanOrEqual(6);
    for (const b of beats) expect(b.events.length).toBeGreaterThan(0);
    // each beat says a different slice: its first event is a later one
    const firsts = beats.map((b) => `${b.events[0]!.actor} ${b.events[0]!.event} ${b.events[0]!.t}`);
    expect(new Set(firsts).size).toBe(beats.length);
    const last = h.snaps().at(-1)!;
    expect(last.end).toBeNull();
    expect(last.playing).toBe(true);
    expect(last.behind).toBe(false);
  });

  test('Pause stops the beats, Step and Step back work as usual', () => {
    const h = harness();
    h.runner.setBeat(0.25);
    start(h, seed3, 1);
    h.runFor(800);
    h.runner.pause();
    const paused = ticks(h).at(-1)!;
    const n = slices(h).length;
    const beats = slices(h).filter((s) => s.why === 'beat').length;
    expect(beats).toBeGreaterThanOrEqual(4);
    h.runFor(2000);
    expect(ticks(h).at(-1)).toBe(paused);
    expect(slices(h).filter((s) => s.why === 'beat')).toHaveLength(beats);
    h.runner.step();
    expect(slices(h).at(-1)!.why).toBe('step');
    expect(slices(h).length).toBe(n + 1);
    h.runner.stepBack();
    h.runFor(2000);
    expect(ticks(h).at(-1)).toBe(paused);
    h.runner.stepBack();
    h.runFor(2000);
    // back to where the last beat began
    expect(ticks(h).at(-1)!).toBeLessThan(paused);
    expect(h.snaps().at(-1)!.playing).toBe(false);
  });

  test('is paced by the worker even when nothing else happens, and not while the tab is hidden', () => {
    const h = harness();
    h.runner.setBeat(1);
    start(h, seed3, 1);
    h.runFor(100);
    h.runner.setHidden(true);
    const n = slices(h).filter((s) => s.why === 'beat').length;
    expect(n).toBeGreaterThanOrEqual(1);
    h.runFor(5000);
    expect(slices(h).filter((s) => s.why === 'beat')).toHaveLength(n);
    h.runner.setHidden(false);
    h.runFor(1500);
    expect(slices(h).filter((s) => s.why === 'beat').length).toBeGreaterThanOrEqual(n + 2);
  });

  test('turned off while playing, time flows on at the speed from where the beats left it', () => {
    const h = harness();
    h.runner.setBeat(0.5);
    start(h, seed1, 1);
    h.runFor(1200);
    const t = h.snaps().at(-1)!.t;
    const beats = slices(h).filter((s) => s.why === 'beat').length;
    h.runner.setBeat(null);
    h.runFor(2000);
    const after = h.snaps().at(-1)!.t;
    expect(after - t).toBeGreaterThan(1.5);
    expect(after - t).toBeLessThan(2.6);
    expect(slices(h).filter((s) => s.why === 'beat')).toHaveLength(beats);
  });
});
