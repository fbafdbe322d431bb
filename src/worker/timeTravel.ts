/**
 * Time travel for the worker: where the live run has been (ticks, seqs and times, sampled), the live edits it made
 * and at which tick, the markers of its trace, and the history of Step. A seek (seekJob.ts) starts from a parked
 * simulation of the Checkpoints and runs it on here, making the live edits at their ticks. Later events are
 * recomputed, so they are identical.
 */
import { Simulation, type Record } from '../engine/simulation';
import type { LiveEdit } from '../scenarios/settings';
import type { Scenario } from '../scenarios/types';
import { MarkerFinder, type Marker } from '../share/markers';
import { Checkpoints } from './checkpoints';

/** Ticks re-simulated with the trace on before a seek's target: the log shown at that moment. */
export const LOG_BACK = 3000;

export type SeekTarget = { kind: 'tick'; tick: number } | { kind: 'time'; t: number } | { kind: 'seq'; seq: number };

/** A fresh run reading the trace up to a tick, piece by piece (TimeTravel.tracer). */
export interface Tracer {
  /** The records of the next `ticks` ticks (fewer at the end). */
  next(ticks: number): Record[];
  readonly done: boolean;
  readonly ticks: number;
  /** The Python whose repr() the file writes items with. */
  readonly python: Scenario['python'];
}

export interface Landing {
  sim: Simulation;
  records: Record[];
  /** The clock to show: the time asked for, or the simulation's own. */
  t: number;
}

/** The most (tick, seq, time) samples kept of where the live run has been. */
const MAX_SAMPLES = 4096;

export class TimeTravel {
  private cps: Checkpoints;
  /** Flat triples (tick, seq, now) of the live run, in tick order. */
  private samples: number[] = [];
  private readonly edits: { tick: number; edit: LiveEdit }[] = [];
  private readonly applied = new WeakMap<Simulation, number>();
  private finder: MarkerFinder;
  /** Markers found before a live edit made after going back (the run's future was rewritten). */
  private kept: Marker[] = [];
  private nextSeq = 0;
  furthestTick = 0;
  furthestT = 0;
  /** Where each Step started (tick and shown clock): Step back returns there. */
  readonly history: { tick: number; t: number }[] = [];

  constructor(private readonly scenario: Scenario) {
    this.cps = new Checkpoints(scenario, undefined, null);
    this.finder = new MarkerFinder(scenario.queue.maxsize, scenario.python);
  }

  /** The live run stands at `sim` having written `records`: remember the place and read the markers. */
  note(sim: Simulation, records: readonly Record[], vt: number): void {
    let k = 0;
    while (k < records.length && records[k]!.seq < this.nextSeq) k++;
    if (k < records.length) {
      this.finder.add(k === 0 ? records : records.slice(k));
      this.nextSeq = records[records.length - 1]!.seq + 1;
    }
    if (sim.ticks > this.furthestTick) {
      this.samples.push(sim.ticks, sim.seq, sim.now);
      // a long run: keep every other sample (each is only a lower bound a seek runs on from), memory stays bounded
      if (this.samples.length > 3 * MAX_SAMPLES) this.samples = this.samples.filter((_, i) => Math.floor(i / 3) % 2 === 0);
      this.furthestTick = sim.ticks;
    }
    this.furthestT = Math.max(this.furthestT, vt);
  }

  markers(): Marker[] {
    const kinds = new Set(this.kept.map((m) => m.kind));
    return [...this.kept, ...this.finder.markers().filter((m) => !kinds.has(m.kind))];
  }

  /** A live edit made at the live run's tick; made after going back, it rewrites the run from there on. */
  live(sim: Simulation, edit: LiveEdit): void {
    const tick = sim.ticks;
    if (tick < this.furthestTick) this.truncate(sim);
    this.edits.push({ tick, edit });
    this.applied.set(sim, this.edits.length);
  }

  private truncate(sim: Simulation): void {
    this.kept = this.markers().filter((m) => m.seq < sim.seq && m.kind !== 'hang' && m.kind !== 'last_consumed');
    this.finder = new MarkerFinder(this.scenario.queue.maxsize, this.scenario.python);
    this.nextSeq = sim.seq;
    let n = this.samples.length;
    while (n > 0 && this.samples[n - 3]! > sim.ticks) n -= 3;
    this.samples.length = n;
    this.furthestTick = sim.ticks;
    this.furthestT = sim.now;
    this.cps = new Checkpoints(this.scenario, undefined, null);
    while (this.edits.length > 0 && this.edits[this.edits.length - 1]!.tick > sim.ticks) this.edits.pop();
  }

  /** Idle work: checkpoints up to where the run has been (not past its first live edit). */
  work(budgetMs: number): boolean {
    const upTo = Math.min(this.furthestTick, this.edits[0]?.tick ?? Infinity);
    return this.cps.work(upTo, budgetMs);
  }

  /** A simulation at tick n, the trace off, the run's live edits made on the way. */
  private start(n: number): Simulation {
    const sim = this.origin(n);
    this.runTo(sim, n);
    return sim;
  }

  /** The simulation a seek to tick n starts from (a parked one or a fresh one), not yet run on: the job runs it. */
  origin(n: number): Simulation {
    const first = this.edits[0]?.tick ?? Infinity;
    const sim = this.cps.take(Math.min(n, first));
    this.applied.set(sim, 0);
    this.applyDue(sim);
    return sim;
  }

  /** Runs `sim` on to tick n (or its end), the live edits made on the way; the records, when `out` is given. */
  advance(sim: Simulation, n: number, out?: Record[]): void {
    this.runTo(sim, n, out);
  }

  /** No live edit is left to make on `sim`: it may run by time, not tick by tick. */
  editsDone(sim: Simulation): boolean {
    return (this.applied.get(sim) ?? 0) >= this.edits.length;
  }

  /** Runs `sim` on to tick n, making each live edit at its tick. */
  private runTo(sim: Simulation, n: number, out?: Record[]): void {
    for (;;) {
      const i = this.applyDue(sim);
      const stop = Math.min(n, this.edits[i]?.tick ?? Infinity);
      const r = sim.runToTick(stop);
      if (out !== undefined) for (const x of r) out.push(x);
      if (sim.ticks >= n || sim.end !== null || sim.ticks < stop) {
        this.applyDue(sim);
        return;
      }
    }
  }

  /** Makes the edits due at the simulation's tick; the index of the next edit. */
  private applyDue(sim: Simulation): number {
    let i = this.applied.get(sim) ?? 0;
    while (i < this.edits.length && this.edits[i]!.tick <= sim.ticks) sim.live(this.edits[i++]!.edit);
    this.applied.set(sim, i);
    return i;
  }

  /** The latest sampled tick whose field (1 seq, 2 time) is at most x. */
  sampleBefore(field: 1 | 2, x: number): number {
    let best = 0;
    for (let k = 0; k < this.samples.length; k += 3) {
      if (this.samples[k + field]! <= x) best = this.samples[k]!;
      else break;
    }
    return best;
  }

  /** Where one Step back lands from tick `cur`: the start of the last Step, or after the event before. */
  backTarget(cur: number): { tick: number; t: number | null } {
    const h = this.history.pop();
    if (h !== undefined && h.tick <= cur) return { tick: h.tick, t: h.t };
    this.history.length = 0;
    const sim = this.start(Math.max(0, cur - LOG_BACK));
    let last = 0;
    while (sim.ticks < cur && sim.end === null) {
      const seq = sim.seq;
      this.runTo(sim, sim.ticks + 1);
      if (sim.seq > seq && sim.ticks < cur) last = sim.ticks;
    }
    return { tick: last, t: null };
  }

  /** The whole trace from t = 0 to tick n, in chunks (export): a fresh run with the trace on. */
  trace(n: number, chunk: (r: Record[]) => void): void {
    const sim = new Simulation(this.scenario, { horizon: null, items: true });
    this.applied.set(sim, 0);
    while (sim.ticks < n && sim.end === null) {
      const r: Record[] = [];
      this.runTo(sim, Math.min(n, sim.ticks + 20_000), r);
      chunk(r);
    }
  }

  /**
   * The whole trace from t = 0 to tick n a piece at a time (a streamed export, traceChunks.ts): a fresh run with
   * the trace on, making the live edits known now at their ticks. It keeps its own copy of the edits, so a live
   * edit or a new run while it is being read does not change the file.
   */
  tracer(n: number): Tracer {
    const edits = this.edits.filter((e) => e.tick <= n);
    const sim = new Simulation(this.scenario, { horizon: null, items: true });
    let i = 0;
    const due = () => {
      while (i < edits.length && edits[i]!.tick <= sim.ticks) sim.live(edits[i++]!.edit);
    };
    let stuck = false;
    return {
      python: this.scenario.python,
      get done() {
        return stuck || sim.ticks >= n || sim.end !== null;
      },
      get ticks() {
        return sim.ticks;
      },
      next(ticks: number): Record[] {
        const out: Record[] = [];
        const stop = Math.min(n, sim.ticks + ticks);
        for (;;) {
          due();
          const to = Math.min(stop, edits[i]?.tick ?? Infinity);
          const before = sim.ticks;
          for (const r of sim.runToTick(to)) out.push(r);
          // a run that cannot go on (nothing left to do) ends the trace rather than spinning
          if (sim.ticks === before && to > before && sim.end === null) stuck = true;
          if (sim.ticks >= stop || sim.end !== null || sim.ticks < to) {
            due();
            return out;
          }
        }
      },
    };
  }

  /**
   * Every record from t = 0 to tick n fed to `add` (the charts' measurement, rebuilt after going back), a chunk of
   * `chunk` ticks per call of the function returned; it returns true once all are fed (metricsRebuild.ts).
   */
  replay(n: number, add: (r: Record[]) => void, chunk = 2000): () => boolean {
    const sim = new Simulation(this.scenario, { horizon: null, items: true });
    this.applied.set(sim, 0);
    return () => {
      if (sim.ticks < n && sim.end === null) {
        const r: Record[] = [];
        this.runTo(sim, Math.min(n, sim.ticks + chunk), r);
        add(r);
      }
      return sim.ticks >= n || sim.end !== null;
    };
  }
}
