/**
 * Time travel by re-simulation. The engine's state cannot be copied (its tasks are generators), but a simulation
 * parked at tick k is an exact checkpoint: to show tick n, take the nearest parked one at or before n and run it on
 * with the trace off. The one taken is consumed; `work()` rebuilds missing checkpoints in idle time, each from the
 * one before it, so a seek anywhere costs at most `every` ticks of re-simulation. Each parked simulation holds a
 * whole program state (an unbounded queue may hold many items), so at most MAX_PARKED are kept: as a run grows, the
 * spacing doubles and every other checkpoint goes, and memory stays bounded however long the run.
 */
import { Simulation } from '../engine/simulation';
import type { Scenario } from '../scenarios/types';

export const MAX_PARKED = 24;

export class Checkpoints {
  /** Parked simulations by the tick they stand at. */
  private readonly parked = new Map<number, Simulation>();

  constructor(
    private readonly scenario: Scenario,
    /** Ticks between checkpoints; doubles as the run grows (see MAX_PARKED). */
    public every = 50_000,
    /** The horizon of the run being travelled (the lab runs with none: null). */
    private readonly horizon?: number | null,
  ) {}

  private fresh(): Simulation {
    return new Simulation(this.scenario, this.horizon === undefined ? { records: false, items: true } : { records: false, items: true, horizon: this.horizon });
  }

  /** A simulation standing exactly at tick n (or at the end, if the run ends before), with the trace off. */
  at(n: number): Simulation {
    const sim = this.take(n);
    sim.runToTick(n);
    return sim;
  }

  /**
   * The parked simulation nearest at or before tick n (consumed), or a fresh one: not yet run on to n, so a seek
   * can run it in slices. The parked ones are searched, not the grid: n may be as large as 2^53 - 1.
   */
  take(n: number): Simulation {
    let best = -1;
    for (const k of this.parked.keys()) if (k <= n && k > best) best = k;
    const sim = best < 0 ? undefined : this.parked.get(best);
    if (sim === undefined) return this.fresh();
    this.parked.delete(best);
    return sim;
  }

  /** A checkpoint being built, across calls of work(). */
  private building: { target: number; sim: Simulation } | null = null;

  /**
   * Idle work: parks a simulation at every multiple of `every` up to `upTo` ticks, spending about `budgetMs`.
   * Each is built from the start (a parked one cannot be copied), in slices, so the total for checkpoints every
   * E ticks up to N is about N^2 / 2E ticks, paid once while the user watches. True when all are in place.
   */
  work(upTo: number, budgetMs: number, now: () => number = () => performance.now()): boolean {
    const started = now();
    for (;;) {
      if (this.building === null) {
        const target = this.missing(upTo);
        if (target === null) return true;
        this.building = { target, sim: this.fresh() };
      }
      const b = this.building;
      while (b.sim.ticks < b.target && b.sim.end === null) {
        b.sim.runToTick(Math.min(b.target, b.sim.ticks + 2000));
        if (now() - started > budgetMs) return false;
      }
      this.parked.set(b.target, b.sim);
      this.building = null;
      if (now() - started > budgetMs) return this.missing(upTo) === null;
    }
  }

  /** Widens the spacing until the checkpoints up to `upTo` fit in MAX_PARKED, dropping those off the new grid. */
  private fit(upTo: number): void {
    if (Math.floor(upTo / this.every) <= MAX_PARKED) return;
    while (Math.floor(upTo / this.every) > MAX_PARKED) this.every *= 2;
    for (const k of [...this.parked.keys()]) if (k % this.every !== 0) this.parked.delete(k);
    if (this.building !== null && this.building.target % this.every !== 0) this.building = null;
  }

  private missing(upTo: number): number | null {
    this.fit(upTo);
    for (let k = this.every; k <= upTo; k += this.every) if (!this.parked.has(k)) return k;
    return null;
  }

  /** Ticks that have a parked checkpoint (for tests and the benchmark). */
  ticks(): number[] {
    return [...this.parked.keys()].sort((a, b) => a - b);
  }
}
