import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/worker/runner';
import { findPreset } from '../../src/scenarios/registry';
import type { FromWorker, WireSnapshot, WireTimeline } from '../../src/worker/protocol';

function lab(id: string) {
  const msgs: FromWorker[] = [];
  const r = new Runner({ now: () => 0, post: (m) => msgs.push(m), later: () => {} });
  r.load(findPreset(id)!.scenario, false);
  const snap = (): WireSnapshot => (msgs.filter((m) => m.type === 'snapshot').at(-1) as { snap: WireSnapshot }).snap;
  const tl = (): WireTimeline => (msgs.filter((m) => m.type === 'timeline').at(-1) as { tl: WireTimeline }).tl;
  const state = () => {
    const s = snap();
    const actors = s.actors.map((a) => [a.state, a.site, a.item, a.waitingOn, a.error]);
    return JSON.stringify({ t: s.t, actors, c: s.counters, b: s.buffer, tick: tl().tick });
  };
  return { r, snap, tl, state };
}

describe('time travel in the worker', () => {
  it('Step back five times undoes five Steps exactly', () => {
    const { r, state } = lab('seed-2');
    for (let i = 0; i < 9; i++) r.step();
    const before = state();
    for (let i = 0; i < 5; i++) r.step();
    expect(state()).not.toBe(before);
    for (let i = 0; i < 5; i++) r.stepBack();
    expect(state()).toBe(before);
  });

  it('a seek to a tick lands where the run stood, log lines included', () => {
    const a = lab('seed-1');
    for (let i = 0; i < 40; i++) a.r.step();
    const here = a.state();
    const tick = a.tl().tick;
    for (let i = 0; i < 30; i++) a.r.step();
    a.r.seek({ kind: 'tick', tick });
    expect(a.tl().seeked).toBe(true);
    expect(a.state().replace(/"t":[^,]+,/, '')).toBe(here.replace(/"t":[^,]+,/, ''));
    expect(a.snap().log.lines.length).toBeGreaterThan(0);
  });
});
