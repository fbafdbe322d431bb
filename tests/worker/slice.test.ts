/**
 * The caption's data (issue 15, Narration): a Step sends the events of the task slice it ran, in order, with what
 * the task waits on afterwards; while the run plays slices go out at a readable rate, and a pause sends the latest.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type Record } from '../../src/engine/simulation';
import { findPreset } from '../../src/scenarios/registry';
import type { TraceEvent } from '../../src/scenarios/types';
import type { FromWorker } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { CAPTION_MS, SLICE_CAP, SliceTail, type WireSlice } from '../../src/worker/slice';

const events = (rs: Record[]): TraceEvent[] => rs.filter((r): r is TraceEvent => r.event !== 'end');

function harness(id: string, playing = false) {
  let wall = 0;
  const timers: (() => void)[] = [];
  const out: FromWorker[] = [];
  const r = new Runner({ now: () => wall, post: (m) => out.push(m), later: (fn) => timers.push(fn) });
  r.load(findPreset(id)!.scenario, playing);
  const slices = (): { at: number; slice: WireSlice }[] =>
    out.flatMap((m) => (m.type === 'slice' ? [{ at: 0, slice: m.slice }] : []));
  return {
    r,
    slices,
    out,
    advance: (ms: number) => {
      wall += ms;
    },
    wall: () => wall,
    turn: () => timers.shift()?.(),
  };
}

describe('the engine marks where the latest slice began', () => {
  it.each(['seed-2', 'seed-3'])('%s: each Step (one handle that wrote events) begins a slice', (id) => {
    const sim = new Simulation(findPreset(id)!.scenario, { horizon: null });
    for (let k = 0; k < 200 && sim.end === null; k++) {
      const rs = events(sim.step());
      if (rs.length === 0) continue;
      expect(sim.sliceFrom).toBe(rs[0]!.seq);
      expect(new Set(rs.map((e) => e.actor)).size).toBe(1);
    }
  });

  it('seed-1 (thread producers): the events from sliceFrom on are one actor\'s, while the run plays', () => {
    const sim = new Simulation(findPreset('seed-1')!.scenario, { horizon: null });
    for (let t = 0.05; t < 20 && sim.end === null; t += 0.05) {
      const rs = events(sim.advanceTo(t).records);
      const tail = rs.filter((e) => e.seq >= sim.sliceFrom);
      if (rs.length === 0) continue;
      expect(tail.length).toBeGreaterThan(0);
      expect(new Set(tail.map((e) => e.actor)).size).toBe(1);
    }
  });
});

describe('the runner sends the latest slice', () => {
  it('a load sends an empty slice: nothing has run yet', () => {
    const h = harness('seed-3');
    expect(h.slices().map((s) => s.slice)).toEqual([{ run: 1, why: 'load', events: [], more: 0, maxsize: 3 }]);
  });

  it('each Step sends exactly the events the step wrote, in order, and what the task then waits on', () => {
    const h = harness('seed-3');
    const twin = new Simulation(findPreset('seed-3')!.scenario, { horizon: null });
    for (let k = 0; k < 30; k++) {
      const before = h.slices().length;
      h.r.step();
      const want = events(twin.step());
      const got = h.slices().slice(before);
      expect(got).toHaveLength(want.length === 0 ? 0 : 1);
      if (want.length === 0) continue;
      const slice = got[0]!.slice;
      expect(slice.why).toBe('step');
      expect(slice.maxsize).toBe(3);
      expect(slice.events.map((e) => [e.actor, e.event, e.item, e.qsize])).toEqual(want.map((e) => [e.actor, e.event, e.item, e.qsize]));
      const view = twin.view().actors.find((a) => a.name === want[0]!.actor)!;
      expect(slice.events.at(-1)!.waitsOn).toBe(view.waitingOn ?? null);
      expect(slice.events.slice(0, -1).every((e) => e.waitsOn === null)).toBe(true);
      expect(slice.events[0]!.role).toBe(view.role);
    }
  });

  it('while playing, slices go out at most every CAPTION_MS; a pause sends the latest at once', () => {
    const h = harness('mm2-blocking', true);
    for (let k = 0; k < 400; k++) {
      h.advance(16);
      h.turn();
    }
    const played = h.out.flatMap((m, i) => (m.type === 'slice' && m.slice.why === 'play' ? [i] : []));
    expect(played.length).toBeGreaterThan(1);
    expect(played.length).toBeLessThanOrEqual(Math.ceil((400 * 16) / CAPTION_MS) + 1);
    h.advance(16);
    h.turn();
    h.r.pause();
    const last = h.out.at(-1)!;
    // something ran since the last caption: the pause says what ran last
    expect(last.type === 'slice' ? last.slice.why : last.type).toBe('pause');
  });
});

describe('SliceTail', () => {
  it('keeps only the latest slice and counts what is past the cap', () => {
    const tail = new SliceTail();
    const ev = (seq: number, actor: string): TraceEvent => ({ seq, t: 0, actor, event: 'put', qsize: 0, item: seq });
    tail.add([ev(0, 'a'), ev(1, 'a')], 0);
    tail.add([ev(2, 'b'), ev(3, 'c')], 3);
    const many = Array.from({ length: SLICE_CAP + 5 }, (_, i) => ev(4 + i, 'd'));
    tail.add(many, 4);
    const s = tail.take('step', 1, 0, 0, () => ({ role: 'producer', kind: 'task', waitsOn: 'sleep' }));
    expect(s.events).toHaveLength(SLICE_CAP);
    expect(s.events.every((e) => e.actor === 'd')).toBe(true);
    expect(s.more).toBe(5);
    expect(s.events.at(-1)!.waitsOn).toBe('sleep');
  });
});
