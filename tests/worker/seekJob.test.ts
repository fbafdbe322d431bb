/**
 * Seeks in slices with a budget (issue 13, points 2 and 14): a far target is reached with the trace off and lands on
 * exactly the state (and log) of a run stepped there tick by tick; a target out of reach is refused after a probe;
 * a run that ends before the target lands on its end.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type Record } from '../../src/engine/simulation';
import { findPreset } from '../../src/scenarios/registry';
import { MAX_SEEK_TICKS, PROBE_TICKS, SeekJob, type SeekResult } from '../../src/worker/seekJob';
import { LOG_BACK, TimeTravel, type SeekTarget } from '../../src/worker/timeTravel';

const scenario = (id: string) => findPreset(id)!.scenario;
const state = (s: Simulation): string => JSON.stringify([s.ticks, s.seq, s.now, s.view()]);

/** Runs a job to its result on a clock where every reading costs 1 ms; the number of slices it took. */
function finish(job: SeekJob, sliceMs = 16): { result: SeekResult; slices: number } {
  let wall = 0;
  for (let slices = 1; ; slices++) {
    const r = job.work(sliceMs, () => wall++);
    if (r !== null) return { result: r, slices };
  }
}

/** Where a time seek must land: a fresh run stepped tick by tick while the next thing is due by t, trace on. */
function referenceAtTime(id: string, t: number): { sim: Simulation; records: Record[] } {
  const sim = new Simulation(scenario(id), { horizon: null, items: true });
  let records: Record[] = [];
  while (sim.end === null && sim.nextTime() <= t) {
    records.push(...sim.runToTick(sim.ticks + 1));
    if (records.length > 4 * LOG_BACK) records = records.slice(-LOG_BACK);
  }
  return { sim, records: records.slice(-LOG_BACK) };
}

const seek = (id: string, target: SeekTarget, shown?: number) => finish(new SeekJob(new TimeTravel(scenario(id)), target, shown));

describe('a seek in slices', () => {
  it('a time far ahead lands exactly where stepping tick by tick does, with the same log, in many slices', () => {
    const ref = referenceAtTime('seed-1', 50_000);
    const { result, slices } = seek('seed-1', { kind: 'time', t: 50_000 });
    expect(result.kind).toBe('landed');
    if (result.kind !== 'landed') return;
    expect(state(result.landing.sim)).toBe(state(ref.sim));
    expect(result.landing.t).toBe(50_000);
    expect(result.landing.pastEnd).toBe(false);
    // the log: the last records before the moment, as the reference wrote them
    expect(result.landing.records.length).toBeGreaterThan(LOG_BACK / 2);
    expect(result.landing.records).toEqual(ref.records.slice(-result.landing.records.length));
    expect(slices).toBeGreaterThan(1);
  });

  it('a tick lands on the state a fresh run reaches there', () => {
    const ref = new Simulation(scenario('mm2-blocking'), { horizon: null, records: false, items: true });
    ref.runToTick(123_457);
    const { result } = seek('mm2-blocking', { kind: 'tick', tick: 123_457 });
    expect(result.kind === 'landed' && state(result.landing.sim)).toBe(state(ref));
  });

  it('a tick of 2^53 - 1 on a run that never ends is refused after a probe, with the ticks it would need', () => {
    const job = new SeekJob(new TimeTravel(scenario('mm2-blocking')), { kind: 'tick', tick: Number.MAX_SAFE_INTEGER });
    const { result } = finish(job);
    expect(result).toEqual({ kind: 'refused', needed: Number.MAX_SAFE_INTEGER });
  });

  it('ten million seconds of mm2-blocking are refused once the probe has measured the pace, not simulated', () => {
    const tt = new TimeTravel(scenario('mm2-blocking'));
    const job = new SeekJob(tt, { kind: 'time', t: 1e7 });
    const { result, slices } = finish(job);
    expect(result.kind).toBe('refused');
    if (result.kind !== 'refused') return;
    expect(result.needed).toBeGreaterThan(MAX_SEEK_TICKS);
    // at most a probe's worth of work (and a chunk) was done, in a slice or two
    expect(slices).toBeLessThanOrEqual(3);
    expect(job.progress()).toBeLessThan(0.01);
    expect(PROBE_TICKS).toBeLessThan(MAX_SEEK_TICKS / 1000);
  });

  it('past the end of seed-2 (t = 1e7, or tick 2^53 - 1) lands on the end, its clock at the end, its last lines kept', () => {
    const end = new Simulation(scenario('seed-2'), { horizon: null });
    const all: Record[] = [];
    end.runToEnd((r) => all.push(...r));
    for (const target of [{ kind: 'time', t: 1e7 }, { kind: 'tick', tick: Number.MAX_SAFE_INTEGER }] as const) {
      const { result } = seek('seed-2', target, 1e7);
      expect(result.kind).toBe('landed');
      if (result.kind !== 'landed') return;
      expect(result.landing.pastEnd).toBe(true);
      expect(result.landing.t).toBe(end.end!.t);
      expect(state(result.landing.sim)).toBe(state(end));
      expect(result.landing.records).toEqual(all.slice(-LOG_BACK));
    }
  });

  it('a link clock never shows past the next event of the tick it lands on', () => {
    const { result } = seek('seed-1', { kind: 'tick', tick: 40 }, 1e6);
    expect(result.kind).toBe('landed');
    if (result.kind !== 'landed') return;
    expect(result.landing.t).toBe(result.landing.sim.nextTime());
  });
});
