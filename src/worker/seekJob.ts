/**
 * One seek, run in slices so the worker keeps answering meanwhile (Pause, Cancel, a new load): it takes a parked
 * simulation from the checkpoints, runs it with the trace off to LOG_BACK ticks before the target, then with the
 * trace on up to the target, whose records rebuild the log. A time far ahead of where the run has been is reached
 * with the trace off ("coasting") until close, the window sized from the records per second measured on the way.
 *
 * The budget: a seek re-runs at most MAX_SEEK_TICKS ticks. Once it has run PROBE_TICKS (or its first slice), a
 * target it would need more for is refused at once, with the estimate; a run whose rate changes is stopped at the
 * limit all the same. A run that ends before the target lands on its end (`pastEnd`), with its last log lines.
 */
import type { Record, Simulation } from '../engine/simulation';
import { LOG_BACK, type SeekTarget, type TimeTravel } from './timeTravel';

/**
 * The most ticks one seek re-runs: about the ticks of a run of the largest documented buffer filled and drained
 * ten times over (LIMITS.maxsize 1,000,000 items, ~5 ticks an item), 15 s to a minute of work on a laptop
 * (3 M ticks a second for mm2-blocking, 1 M for seed-1 with the trace off). docs/scenario.md says so.
 */
export const MAX_SEEK_TICKS = 50_000_000;
/** Ticks run between two looks at the clock. */
const CHUNK = 2000;
/** Ticks run before judging whether the target is in reach (the rate is measured over them). */
export const PROBE_TICKS = 20_000;

export interface Landing {
  sim: Simulation;
  records: Record[];
  /** The clock to show: the time asked for, or the simulation's own; never past the run's end. */
  t: number;
  /** The run ended before the moment asked: it is shown at its end. */
  pastEnd: boolean;
}

export type SeekResult = { kind: 'landed'; landing: Landing } | { kind: 'refused'; needed: number };

type Phase = 'approach' | 'record' | 'coast';

export class SeekJob {
  private sim: Simulation;
  private phase: Phase;
  /** The tick the trace goes on at, and the sampled tick the target is at or after. */
  private from = 0;
  private base = 0;
  private records: Record[] = [];
  private readonly startTick: number;
  private readonly startNow: number;
  private readonly startSeq: number;
  /** The run ended on the way: the seek goes again to its end tick, to show the log before it. */
  private pastEnd = false;
  private aim: SeekTarget;
  /** Virtual seconds before the target at which coasting stops and the trace goes on again. */
  private window = 0;

  constructor(
    private readonly tt: TimeTravel,
    /** The moment asked for; `shown` is the clock a shared link asks to show there (a tick seek's). */
    readonly asked: SeekTarget,
    private readonly shown?: number,
  ) {
    this.aim = asked;
    this.sim = this.begin(asked);
    this.phase = this.sim.ticks < this.from ? 'approach' : 'record';
    if (this.phase === 'record') this.sim.setRecording(true);
    this.startTick = this.sim.ticks;
    this.startNow = this.sim.now;
    this.startSeq = this.sim.seq;
  }

  private begin(target: SeekTarget): Simulation {
    this.base =
      target.kind === 'tick' ? target.tick : target.kind === 'seq' ? this.tt.sampleBefore(1, target.seq) : this.tt.sampleBefore(2, target.t);
    this.from = Math.max(0, this.base - LOG_BACK);
    this.records = [];
    return this.tt.origin(this.from);
  }

  /** How far it has got, from 0 to 1 (an estimate for a time far ahead). */
  progress(): number {
    const sim = this.sim;
    const a = this.aim;
    const f =
      a.kind === 'time' ? (sim.now - this.startNow) / Math.max(1e-9, a.t - this.startNow) : (sim.ticks - this.startTick) / Math.max(1, this.base - this.startTick);
    return Math.min(0.99, Math.max(0, f));
  }

  /** Works for about `budgetMs`; the result when done, else null (call again). */
  work(budgetMs: number, now: () => number): SeekResult | null {
    const started = now();
    for (;;) {
      if (this.sim.end !== null && !this.pastEnd && this.ranOut()) {
        // ended before the target: go again to the end tick with the trace on near it (the log before the end)
        this.pastEnd = true;
        this.aim = { kind: 'tick', tick: this.sim.ticks };
        this.sim = this.begin(this.aim);
        this.phase = this.sim.ticks < this.from ? 'approach' : 'record';
        if (this.phase === 'record') this.sim.setRecording(true);
      }
      if (this.arrived()) return { kind: 'landed', landing: this.landing() };
      this.slice();
      if (this.records.length > 2 * LOG_BACK) this.records = this.records.slice(this.records.length - LOG_BACK);
      const needed = this.needed();
      if (needed > MAX_SEEK_TICKS && this.sim.end === null) return { kind: 'refused', needed };
      if (now() - started >= budgetMs) return null;
    }
  }

  /** The run ended short of the moment asked (not merely at it). */
  private ranOut(): boolean {
    const a = this.aim;
    if (a.kind === 'tick') return this.sim.ticks < a.tick;
    if (a.kind === 'seq') return this.sim.seq <= a.seq;
    return this.sim.now < a.t;
  }

  private arrived(): boolean {
    const sim = this.sim;
    if (this.phase !== 'record') return false;
    if (sim.end !== null) return true;
    const a = this.aim;
    if (a.kind === 'tick') return sim.ticks >= a.tick;
    if (sim.ticks < this.base) return false;
    return a.kind === 'seq' ? sim.seq > a.seq : sim.nextTime() > a.t;
  }

  /** Ticks the whole seek needs (an estimate for a time far ahead, once measured); Infinity never. */
  private needed(): number {
    const sim = this.sim;
    const spent = sim.ticks - this.startTick;
    const a = this.aim;
    if (spent < PROBE_TICKS || a.kind === 'seq') return spent;
    if (a.kind === 'tick') return Math.max(spent, a.tick - this.startTick);
    const dt = sim.now - this.startNow;
    // a time ahead at the pace so far (no estimate while virtual time stands still: the limit still holds)
    return dt > 0 ? Math.max(spent, spent * ((a.t - this.startNow) / dt)) : spent;
  }

  /** One chunk of the current phase. */
  private slice(): void {
    const sim = this.sim;
    const tt = this.tt;
    if (this.phase === 'approach') {
      tt.advance(sim, Math.min(this.from, sim.ticks + CHUNK));
      if (sim.ticks >= this.from || sim.end !== null) this.record();
      return;
    }
    if (this.phase === 'coast') {
      const a = this.aim as { kind: 'time'; t: number };
      const until = a.t - this.window;
      if (tt.editsDone(sim)) sim.advanceTo(until, CHUNK);
      else for (let k = 0; k < CHUNK && sim.end === null && sim.nextTime() <= until; k++) tt.advance(sim, sim.ticks + 1);
      if (sim.end !== null || sim.nextTime() > until) this.record();
      return;
    }
    if (sim.ticks < this.base) {
      tt.advance(sim, Math.min(this.base, sim.ticks + CHUNK), this.records);
      return;
    }
    const a = this.aim;
    for (let k = 0; k < CHUNK && !this.arrived(); k++) tt.advance(sim, sim.ticks + 1, this.records);
    if (a.kind === 'time' && !this.arrived()) this.maybeCoast(a.t);
  }

  private record(): void {
    this.phase = 'record';
    this.sim.setRecording(true);
  }

  /** Far from a time target: the trace off until LOG_BACK records' worth (twice, at the pace so far) before it. */
  private maybeCoast(t: number): void {
    const sim = this.sim;
    const records = sim.seq - this.startSeq;
    if (records < LOG_BACK) return;
    const perRecord = (sim.now - this.startNow) / records;
    const window = 2 * LOG_BACK * perRecord;
    if (!(window > 0) || t - sim.now < 2 * window) return;
    this.window = window;
    this.phase = 'coast';
    sim.setRecording(false);
    this.records = [];
  }

  private landing(): Landing {
    const sim = this.sim;
    const records = this.records.length > LOG_BACK ? this.records.slice(this.records.length - LOG_BACK) : this.records;
    const end = sim.end;
    let t: number;
    if (end !== null) t = end.t;
    else if (this.asked.kind === 'time') t = Math.max(sim.now, this.asked.t);
    else if (this.shown !== undefined) t = Math.min(Math.max(sim.now, this.shown), sim.nextTime());
    else t = sim.now;
    return { sim, records, t, pastEnd: this.pastEnd };
  }
}
