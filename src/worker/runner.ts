/**
 * The pacing of a run: virtual time advances at `speed` times the wall clock, in slices of at most SLICE_MS of
 * work, so the worker never blocks for long. When the engine cannot do a second's events in a second, the clock
 * falls back to the engine's own time and the snapshot says `behind`. Snapshots go out at most every FRAME_MS.
 */
import { Simulation } from '../engine/simulation';
import type { Record } from '../engine/simulation';
import type { LiveEdit } from '../scenarios/settings';
import type { EndRecord, Scenario } from '../scenarios/types';
import { encodeSnapshot, Pending } from './encode';
import { MetricsStream } from './metricsStream';
import { transferables, type ActorInfo, type FromWorker } from './protocol';

export const SLICE_MS = 6;
export const FRAME_MS = 1000 / 60;
const TICK_MS = 4;
/** The longest wall-clock gap one tick makes up for (after a stall or a hidden tab). */
const MAX_GAP_MS = 250;
/** An unbounded queue that grows past this is paused before it eats the tab's memory. */
const MAX_BUFFERED = 200_000;

export interface Host {
  now(): number;
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  later(fn: () => void, ms: number): void;
}

export class Runner {
  private sim: Simulation | null = null;
  private metrics: MetricsStream | null = null;
  private run = 0;
  private n = 0;
  private playing = false;
  private hidden = false;
  private speed = 1;
  private vt = 0;
  private lastWall = 0;
  private lastPost = -Infinity;
  private ticking = false;
  private sentActors = 0;
  private ids = new Map<string, number>();
  private pending = new Pending();
  private samples: { wall: number; vt: number }[] = [];
  private slow = 0;

  constructor(private readonly host: Host) {}

  load(scenario: Scenario, playing: boolean): void {
    this.run++;
    this.n = 0;
    this.vt = 0;
    this.sentActors = 0;
    this.ids.clear();
    this.pending.reset();
    this.samples = [];
    this.slow = 0;
    try {
      // the lab runs a program for as long as it runs: the scenario's horizon is for finite traces (CLI, oracle)
      this.sim = new Simulation(scenario, { horizon: null });
      this.metrics = new MetricsStream(scenario, this.speed, this.run);
    } catch (e) {
      this.sim = null;
      this.metrics = null;
      this.fail(e);
      return;
    }
    this.playing = playing;
    this.post(true);
    this.wake();
  }

  play(): void {
    if (this.sim === null || this.sim.end !== null) return;
    this.playing = true;
    this.post(true);
    this.wake();
  }

  pause(): void {
    this.playing = false;
    this.post(true);
  }

  step(): void {
    const sim = this.sim;
    if (sim === null || sim.end !== null) return;
    this.playing = false;
    this.guard(() => this.collect(sim.step()));
    this.vt = Math.max(this.vt, sim.now);
    this.post(true);
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(1000, Math.max(0.1, speed));
    this.metrics?.setSpeed(this.speed);
    this.samples = [];
  }

  live(edits: LiveEdit[]): void {
    const sim = this.sim;
    if (sim === null || sim.end !== null) return;
    for (const e of edits) {
      const text = this.guard(() => sim.live(e));
      if (text === null) {
        this.host.post({ type: 'liveRefused' }, []);
        return;
      }
      if (text) this.host.post({ type: 'note', kind: 'live', text }, []);
    }
    this.metrics?.live(edits);
    this.post(true);
  }

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (!hidden) this.wake();
  }

  private wake(): void {
    this.lastWall = this.host.now();
    if (!this.ticking) {
      this.ticking = true;
      this.host.later(() => this.tick(), 0);
    }
  }

  /** One slice of work: advance towards the wall clock's virtual time, then maybe post a snapshot. */
  tick(): void {
    this.ticking = false;
    const sim = this.sim;
    if (sim === null || !this.playing || this.hidden || sim.end !== null) return;
    const now = this.host.now();
    const target = this.vt + (Math.min(now - this.lastWall, MAX_GAP_MS) / 1000) * this.speed;
    this.lastWall = now;
    let caught = false;
    this.guard(() => {
      for (;;) {
        const r = sim.advanceTo(target, 256);
        this.collect(r.records);
        if (r.done) {
          caught = true;
          break;
        }
        if (this.host.now() - now >= SLICE_MS) break;
      }
    });
    this.vt = caught ? target : Math.max(this.vt, sim.now);
    this.slow = caught ? Math.max(0, this.slow - 1) : Math.min(30, this.slow + 2);
    const end = sim.end as EndRecord | null;
    if (end !== null) {
      this.vt = end.t;
      this.playing = false;
    }
    if (sim.sim.queue.qsize() > MAX_BUFFERED) {
      this.playing = false;
      this.host.post({ type: 'note', kind: 'paused', text: `paused: the unbounded queue holds over ${MAX_BUFFERED} items` }, []);
    }
    this.post(end !== null || !this.playing);
    if (this.playing && !this.ticking) {
      this.ticking = true;
      this.host.later(() => this.tick(), caught ? TICK_MS : 0);
    }
  }

  private collect(records: Record[]): void {
    if (records.length > 0) {
      this.pending.add(records, this.idOf);
      this.metrics?.add(records);
    }
  }

  private readonly idOf = (name: string): number => {
    const id = this.ids.get(name);
    if (id !== undefined) return id;
    // a task created since the names were last read
    this.syncIds();
    return this.ids.get(name) ?? -1;
  };

  private syncIds(): void {
    const actors = this.sim?.sim.actors ?? [];
    for (let i = this.ids.size; i < actors.length; i++) this.ids.set(actors[i]!.name, actors[i]!.id);
  }

  /** The actors the page has not been told about yet. */
  private newActors(): ActorInfo[] {
    const actors = this.sim?.sim.actors ?? [];
    this.syncIds();
    const fresh = actors.slice(this.sentActors).map((a) => ({ id: a.id, name: a.name, role: a.role, kind: a.kind }));
    this.sentActors = actors.length;
    return fresh;
  }

  private achieved(now: number): number {
    this.samples.push({ wall: now, vt: this.vt });
    while (this.samples.length > 2 && now - this.samples[0]!.wall > 1000) this.samples.shift();
    const first = this.samples[0]!;
    const dt = now - first.wall;
    return dt < 200 ? this.speed : ((this.vt - first.vt) / dt) * 1000;
  }

  private post(force: boolean): void {
    const sim = this.sim;
    if (sim === null) return;
    const now = this.host.now();
    if (!force && now - this.lastPost < FRAME_MS - 1) return;
    this.lastPost = now;
    const view = this.guard(() => sim.view());
    if (view === undefined) return;
    const snap = encodeSnapshot(
      view,
      {
        n: this.n++,
        run: this.run,
        t: this.vt,
        playing: this.playing,
        speed: this.speed,
        achieved: this.playing ? this.achieved(now) : this.speed,
        behind: this.playing && this.slow > 10,
        newActors: this.newActors(),
        end: sim.end,
        idOf: this.idOf,
      },
      this.pending,
    );
    this.host.post({ type: 'snapshot', snap }, transferables(snap));
    this.postMetrics(now, force);
  }

  /** The measurement: chart points and figures, at their own (slower) pace. */
  private postMetrics(now: number, force: boolean): void {
    const ms = this.metrics;
    if (ms === null) return;
    const m = this.guard(() => {
      ms.advanceTo(this.vt);
      return ms.take(now, force);
    });
    if (m) this.host.post({ type: 'metrics', m }, [m.points.buffer as ArrayBuffer]);
  }

  /** Runs engine code; an engine failure stops the run and reaches the page instead of killing the worker. */
  private guard<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.fail(e);
      return undefined;
    }
  }

  private fail(e: unknown): void {
    this.playing = false;
    this.host.post({ type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }, []);
  }
}
