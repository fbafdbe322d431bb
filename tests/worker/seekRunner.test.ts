/**
 * The runner's seeks (issue 13, points 2 and 14): a long seek goes in slices, leaving the worker's message loop
 * free between them (Cancel, Pause, a new load get through), reports its progress as data, and lands; a moment out of
 * reach is refused at once; a seek past the end shows the end, its clock never past it.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/scenarios/registry';
import type { FromWorker, SeekReport, WireSnapshot, WireTimeline } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { MAX_SEEK_TICKS } from '../../src/worker/seekJob';

/** A runner whose timers wait until run; every reading of the clock costs 1 ms (work takes time). */
function harness(id: string) {
  let wall = 0;
  const timers: (() => void)[] = [];
  const out: FromWorker[] = [];
  const r = new Runner({ now: () => wall++, post: (m) => out.push(m), later: (fn) => timers.push(fn) });
  r.load(findPreset(id)!.scenario, false);
  /** Runs the pending timers (the worker's message loop turning), at most n. */
  const turn = (n = Infinity): number => {
    let k = 0;
    while (timers.length > 0 && k < n) {
      timers.shift()!();
      k++;
    }
    return k;
  };
  const reports = (): SeekReport[] => out.flatMap((m) => (m.type === 'seek' ? [m.report] : []));
  const snap = (): WireSnapshot => (out.filter((m) => m.type === 'snapshot').at(-1) as { snap: WireSnapshot }).snap;
  const tl = (): WireTimeline => (out.filter((m) => m.type === 'timeline').at(-1) as { tl: WireTimeline }).tl;
  return { r, turn, reports, snap, tl, out };
}

describe('seeks in the runner', () => {
  it('a long seek returns to the message loop between slices, reports progress, and lands', () => {
    const h = harness('seed-1');
    h.r.seek({ kind: 'time', t: 200_000 });
    // the seek has not finished: the worker is free to read its next message
    expect(h.reports().some((x) => x.kind === 'landed')).toBe(false);
    const slices = h.turn();
    expect(slices).toBeGreaterThan(3);
    const progress = h.reports().filter((x) => x.kind === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((x) => x.kind === 'progress' && x.done >= 0 && x.done < 1)).toBe(true);
    expect(h.reports().at(-1)).toEqual({ kind: 'landed', target: { kind: 'time', t: 200_000 } });
    expect(h.snap().t).toBe(200_000);
    expect(h.tl().seeked).toBe(true);
  });

  it('Cancel between slices stops the seek: the run stays where it stood, and the page is told', () => {
    const h = harness('seed-1');
    for (let i = 0; i < 5; i++) h.r.step();
    const before = h.tl();
    h.r.seek({ kind: 'time', t: 200_000 });
    h.turn(2);
    h.r.cancelSeek();
    expect(h.turn()).toBe(1); // the slice already queued finds the seek gone and does nothing
    expect(h.reports().at(-1)).toEqual({ kind: 'cancelled', target: { kind: 'time', t: 200_000 } });
    h.r.where(7);
    const here = h.out.at(-1);
    expect(here).toEqual({ type: 'here', id: 7, run: before.run, tick: before.tick, t: before.t });
  });

  it('a new load between slices drops the seek without a word', () => {
    const h = harness('seed-1');
    h.r.seek({ kind: 'time', t: 200_000 });
    h.r.load(findPreset('seed-2')!.scenario, false);
    h.turn();
    expect(h.reports().filter((x) => x.kind !== 'progress')).toEqual([]);
    expect(h.tl().t).toBe(0);
  });

  it('ten million seconds of mm2-blocking are refused at once, naming the moment and the limit', () => {
    const h = harness('mm2-blocking');
    h.r.seek({ kind: 'time', t: 1e7 });
    h.turn(5);
    const last = h.reports().at(-1)!;
    expect(last.kind).toBe('refused');
    expect(last).toMatchObject({ target: { kind: 'time', t: 1e7 }, limit: MAX_SEEK_TICKS });
    expect(h.tl().t).toBe(0);
  });

  it('a link to t = 1e7 on seed-2 lands on the end: the clock at the end, never past it', () => {
    const h = harness('seed-2');
    h.r.seek({ kind: 'time', t: 1e7 });
    h.turn();
    const s = h.snap();
    expect(s.end?.status).toBe('completed');
    expect(s.t).toBe(s.end!.t);
    expect(h.tl().t).toBe(s.end!.t);
    expect(h.reports().at(-1)).toEqual({ kind: 'pastEnd', target: { kind: 'time', t: 1e7 }, endT: s.end!.t });
  });

  it('tick 2^53 - 1 with t = 1e7 on seed-2 lands on the end too', () => {
    const h = harness('seed-2');
    h.r.seek({ kind: 'tick', tick: Number.MAX_SAFE_INTEGER }, 1e7);
    h.turn();
    const s = h.snap();
    expect(s.t).toBe(s.end!.t);
    expect(h.reports().at(-1)?.kind).toBe('pastEnd');
  });

  it('Play after a far seek rebuilds the charts in slices: the worker answers meanwhile, and the charts come back', () => {
    const h = harness('seed-1');
    h.r.seek({ kind: 'time', t: 200_000 });
    h.turn();
    const before = h.out.length;
    h.r.play();
    // the measurement from t = 0 is not rebuilt inside the Play message: the next message is read first
    h.r.where(1);
    expect(h.out.slice(before).some((m) => m.type === 'here')).toBe(true);
    const metricsAt = () => h.out.slice(before).findIndex((m) => m.type === 'metrics');
    expect(metricsAt()).toBe(-1);
    h.turn(40);
    expect(metricsAt()).toBeGreaterThan(-1);
  });
});
