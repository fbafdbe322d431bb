/**
 * The pacing of a run: virtual time advances at `speed` times the wall clock, in slices of at most SLICE_MS of
 * work, so the worker never blocks for long. When the engine cannot do a second's events in a second, the clock
 * falls back to the engine's own time and the snapshot says `behind`. Snapshots go out at most every FRAME_MS.
 * In "one step per beat" the run instead advances one task slice (a Step) per beat of wall time, each with its
 * caption: paced here rather than by the page's timers, which a background tab throttles.
 */
import { Simulation } from '../engine/simulation';
import type { Record } from '../engine/simulation';
import { LIMITS } from '../scenarios/limits';
import type { LiveEdit } from '../scenarios/settings';
import type { EndRecord, Scenario } from '../scenarios/types';
import { encodeSnapshot, Pending } from './encode';
import { MetricsStream } from './metricsStream';
import { MetricsRebuild } from './metricsRebuild';
import { FIELDS } from './metricsProtocol';
import { BEAT_RANGE, SPEED_RANGE, type FromWorker } from './protocol';
import { SeekJob, type Landing } from './seekJob';
import { SEEK_SLICE_MS, SeekDriver, Slices } from './seekDriver';
import { TimeTravel, type SeekTarget } from './timeTravel';
import { SliceTail, type SliceWhy } from './slice';
import type { TraceSource } from './exportStream';
import { faultOf } from './fault';

export const SLICE_MS = 6;
export const FRAME_MS = 1000 / 60;
const TICK_MS = 4;
/** The longest wall-clock gap one tick makes up for (after a stall or a hidden tab). */
const MAX_GAP_MS = 250;
/** An unbounded queue that grows past the most a bounded one may hold is paused before it eats the tab's memory. */
const MAX_BUFFERED = LIMITS.maxsize;

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
  /** "One step per beat": wall-clock ms per task slice while playing, or null (time flows at `speed`). */
  private beatMs: number | null = null;
  /** When the last beat's slice ran (wall-clock ms). */
  private lastBeat = -Infinity;
  private vt = 0;
  private lastWall = 0;
  private lastPost = -Infinity;
  private ticking = false;
  private ids = new Map<string, number>();
  private pending = new Pending();
  private samples: { wall: number; vt: number }[] = [];
  private slow = 0;
  // time travel: the run's past, whether the charts' measurement must be rebuilt (after going back), where the
  // page cut its charts, whether the next post follows a seek, and the markers last sent
  private tt: TimeTravel | null = null;
  private scenario: Scenario | null = null;
  private metricsStale = false;
  private chartCut = Infinity;
  private seeked = false;
  private markersSent = -1;
  /** The test hook armed a fault: the next step of the engine throws (e2e/faults.spec.ts). */
  private faultArmed = false;
  /** The seek under way, in slices (seekDriver.ts). */
  private readonly seeks: SeekDriver;
  /** The charts' measurement being rebuilt after going back (the charts wait for it), in slices. */
  private rebuild: MetricsRebuild | null = null;
  private readonly rebuilding: Slices;
  /** The latest task slice, for the page's caption (slice.ts). */
  private readonly slice = new SliceTail();

  constructor(private readonly host: Host) {
    this.seeks = new SeekDriver(host, (fn) => this.guard(fn), (landing) => this.land(landing));
    this.rebuilding = new Slices(host);
  }

  load(scenario: Scenario, playing: boolean, run?: number): void {
    this.seeks.drop(false);
    this.dropRebuild();
    this.run = run ?? this.run + 1;
    this.n = 0;
    this.vt = 0;
    this.ids.clear();
    this.pending.reset();
    this.samples = [];
    this.slow = 0;
    try {
      // the lab runs a program for as long as it runs: the scenario's horizon is for finite traces (CLI, oracle)
      this.sim = new Simulation(scenario, { horizon: null, items: true });
      this.metrics = new MetricsStream(scenario, this.speed, this.run);
      this.tt = new TimeTravel(scenario);
      this.scenario = scenario;
      this.metricsStale = false;
      this.chartCut = Infinity;
      this.markersSent = -1;
    } catch (e) {
      this.sim = null;
      this.metrics = null;
      this.fail(e);
      return;
    }
    this.playing = playing;
    this.slice.reset();
    this.post(true);
    this.postSlice('load');
    this.wake();
  }

  play(): void {
    this.seeks.drop(true);
    if (this.sim === null || this.sim.end !== null) return;
    this.tt?.history.splice(0);
    this.freshMetrics();
    this.playing = true;
    // the first beat comes at once: Play answers with a slice
    this.lastBeat = -Infinity;
    this.post(true);
    this.wake();
  }

  pause(): void {
    this.playing = false;
    this.post(true);
    this.postSlice('pause');
  }

  step(): void {
    this.seeks.drop(true);
    const sim = this.sim;
    if (sim === null || sim.end !== null) return;
    this.playing = false;
    this.stepOnce(sim);
    this.post(true);
    this.postSlice('step');
  }

  /** One task slice, remembered for Step back (Step, and each beat of "one step per beat"). */
  private stepOnce(sim: Simulation): void {
    this.tt?.history.push({ tick: sim.ticks, t: this.vt });
    this.freshMetrics();
    this.guard(() => {
      this.maybeFault();
      this.collect(sim.step());
    });
    this.vt = Math.max(this.vt, sim.now);
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, speed));
    this.metrics?.setSpeed(this.speed);
    this.rebuild?.setSpeed(this.speed);
    this.samples = [];
  }

  /** "One step per beat" on (a beat in wall-clock seconds) or off (null); the run goes on from where it stands. */
  setBeat(beat: number | null): void {
    this.beatMs = beat === null ? null : Math.min(BEAT_RANGE.max, Math.max(BEAT_RANGE.min, beat)) * 1000;
    this.samples = [];
    this.slow = 0;
    if (this.playing && !this.ticking) this.wake();
    else this.lastWall = this.host.now();
  }

  live(edits: LiveEdit[]): void {
    this.seeks.drop(true);
    const sim = this.sim;
    if (sim === null || sim.end !== null) return;
    this.freshMetrics();
    for (const e of edits) {
      const done = this.guard(() => sim.live(e));
      if (done === null) {
        this.host.post({ type: 'liveRefused' }, []);
        return;
      }
      if (done === undefined) continue;
      this.tt?.live(sim, e);
      if (done.kind !== 'none') this.host.post({ type: 'note', note: { kind: 'live', done } }, []);
    }
    if (this.rebuild !== null) this.rebuild.live(edits);
    else this.metrics?.live(edits);
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
    if (this.beatMs !== null) return this.beat(sim, this.beatMs);
    const now = this.host.now();
    const target = this.vt + (Math.min(now - this.lastWall, MAX_GAP_MS) / 1000) * this.speed;
    this.lastWall = now;
    let caught = false;
    this.guard(() => {
      for (;;) {
        this.maybeFault();
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
    const end = this.stopIfDone(sim);
    this.post(end !== null || !this.playing);
    this.postSlice(end !== null ? 'end' : this.playing ? 'play' : 'pause');
    if (this.playing && !this.ticking) {
      this.ticking = true;
      this.host.later(() => this.tick(), caught ? TICK_MS : 0);
    }
    // checkpoints in the slack of a slice that caught up with the clock
    if (caught && this.host.now() - now < SLICE_MS / 2) this.guard(() => this.tt?.work(SLICE_MS / 3));
  }

  /** A beat of "one step per beat": one task slice when the beat is due, its snapshot and its caption at once. */
  private beat(sim: Simulation, beatMs: number): void {
    const now = this.host.now();
    const wait = this.lastBeat + beatMs - now;
    if (wait <= 0) {
      this.lastBeat = now;
      this.stepOnce(sim);
      const end = this.stopIfDone(sim);
      this.post(true);
      this.postSlice(end !== null ? 'end' : 'beat');
    }
    // the wall clock flows on, so leaving this mode does not make the run jump to catch up
    this.lastWall = this.host.now();
    if (this.playing && !this.ticking) {
      this.ticking = true;
      this.host.later(() => this.tick(), wait > 0 ? wait : beatMs);
    }
  }

  /** The run stops playing at its end, or when an unbounded queue grew too large; returns the end, if any. */
  private stopIfDone(sim: Simulation): EndRecord | null {
    const end = sim.end as EndRecord | null;
    if (end !== null) {
      this.vt = end.t;
      this.playing = false;
    }
    if (sim.sim.queue.maxsize === 0 && sim.sim.queue.qsize() > MAX_BUFFERED) {
      this.playing = false;
      this.host.post({ type: 'note', note: { kind: 'paused', reason: 'unboundedQueue', limit: MAX_BUFFERED } }, []);
    }
    return end;
  }

  private collect(records: Record[]): void {
    if (this.sim !== null) this.pending.addMoves(this.sim.takeMoves());
    if (this.sim !== null) this.tt?.note(this.sim, records, this.vt);
    if (this.sim !== null) this.slice.add(records, this.sim.sliceFrom);
    if (records.length > 0) {
      this.pending.add(records, this.idOf, this.scenario!.python);
      if (this.rebuild !== null) this.rebuild.add(records);
      else this.metrics?.add(records);
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
    // the moment the page shows: inside a blocking time.sleep the engine is already past it
    const view = this.guard(() => sim.view(this.vt));
    if (view === undefined) return;
    const snap = encodeSnapshot(
      view,
      {
        n: this.n++,
        run: this.run,
        t: this.vt,
        playing: this.playing,
        speed: this.speed,
        achieved: this.playing && this.beatMs === null ? this.achieved(now) : this.speed,
        behind: this.playing && this.beatMs === null && this.slow > 10,
        end: sim.end,
      },
      this.pending,
    );
    // the timeline first: after a seek the page empties its log and charts before this snapshot's lines arrive
    this.postTimeline();
    this.host.post({ type: 'snapshot', snap }, []);
    this.postMetrics(now, force);
  }

  /** The latest slice for the caption, when one is due (slice.ts): its tasks' waits read from the view now. */
  private postSlice(why: SliceWhy): void {
    const sim = this.sim;
    const now = this.host.now();
    if (sim === null || !this.slice.due(why, now)) return;
    const view = this.guard(() => sim.view());
    if (view === undefined) return;
    const byName = new Map(view.actors.map((a) => [a.name, a]));
    const slice = this.slice.take(why, this.run, sim.sim.queue.maxsize, now, (name) => {
      const a = byName.get(name);
      return a && { role: a.role, kind: a.kind, waitsOn: a.waitingOn ?? null };
    });
    this.host.post({ type: 'slice', slice }, []);
  }

  // -------------------------------------------------------------------------------------------------------------
  // time travel (timeTravel.ts)

  /** Shows the run at another moment of its past (or of its recomputed future); paused. Run in slices. */
  seek(target: SeekTarget, t?: number): void {
    const tt = this.tt;
    if (tt === null || this.sim === null) return;
    tt.history.splice(0);
    this.startJob(() => new SeekJob(tt, target, t));
  }

  /** The inverse of Step: back to where the last Step started, or to just after the event before. */
  stepBack(): void {
    const tt = this.tt;
    const sim = this.sim;
    if (tt === null || sim === null) return;
    this.seeks.drop(true);
    const back = this.guard(() => tt.backTarget(sim.ticks));
    if (back === undefined) return;
    this.startJob(() => new SeekJob(tt, { kind: 'tick', tick: back.tick }, back.t ?? undefined));
  }

  /** The page's Cancel: the seek stops and the run stays where it stood. */
  cancelSeek(): void {
    this.seeks.drop(true);
  }

  /** Where the engine stands now (after every command before this one): Copy link asks. */
  where(id: number): void {
    const sim = this.sim;
    this.host.post({ type: 'here', id, run: this.run, tick: sim?.ticks ?? 0, t: this.vt }, []);
  }

  /** A seek stops the run where it stands (it lands paused, or stays there if refused or cancelled). */
  private startJob(make: () => SeekJob): void {
    this.playing = false;
    this.seeks.start(make);
  }

  private land(landing: Landing): void {
    this.dropRebuild();
    this.sim = landing.sim;
    this.playing = false;
    this.vt = landing.t;
    this.pending.reset();
    this.pending.add(landing.records, this.idOf, this.scenario!.python);
    this.pending.moves = [];
    landing.sim.takeMoves(); // the replay's moves happened before the moment shown
    this.slice.reset();
    this.slice.add(landing.records, landing.sim.sliceFrom);
    this.metricsStale = true;
    this.chartCut = Math.min(this.chartCut, this.vt);
    this.seeked = true;
    this.samples = [];
    this.post(true);
    this.postSlice('seek');
  }

  /** After going back, the charts' measurement is rebuilt from t = 0 (in slices) before the charts move on. */
  private freshMetrics(): void {
    const sim = this.sim;
    const tt = this.tt;
    if (!this.metricsStale || sim === null || tt === null || this.scenario === null) return;
    this.metricsStale = false;
    const scenario = this.scenario;
    const rebuild = this.guard(() => new MetricsRebuild(tt, scenario, this.speed, this.run, sim.ticks));
    if (rebuild === undefined) return;
    this.metrics = null;
    this.rebuild = rebuild;
    this.rebuilding.start(() => {
      const ms = this.guard(() => rebuild.work(SEEK_SLICE_MS, () => this.host.now(), this.vt));
      if (ms === null) return false;
      this.rebuild = null;
      if (ms !== undefined) this.metrics = ms;
      return true;
    });
  }

  private dropRebuild(): void {
    this.rebuild = null;
    this.rebuilding.stop();
  }

  /** Checkpoints while the run is paused, hidden or between beats (the worker calls this every few tens of ms). */
  idle(): void {
    if ((this.playing && !this.hidden && this.beatMs === null) || this.seeks.busy) return;
    this.guard(() => this.tt?.work(SLICE_MS));
  }

  /** What a streamed trace export reads (exportStream.ts): a fresh run to where this one stands, and its events. */
  traceSource(): TraceSource | null {
    const tt = this.tt;
    const sim = this.sim;
    if (tt === null || sim === null) return null;
    return { tracer: tt.tracer(sim.ticks), events: sim.seq };
  }

  private postTimeline(): void {
    const tt = this.tt;
    const sim = this.sim;
    if (tt === null || sim === null) return;
    const markers = tt.markers();
    const changed = markers.length !== this.markersSent;
    this.markersSent = markers.length;
    const tl = {
      run: this.run,
      tick: sim.ticks,
      t: this.vt,
      max: Math.max(tt.furthestT, this.vt),
      markers: changed ? markers : null,
      seeked: this.seeked,
      back: sim.ticks > 0,
    };
    this.seeked = false;
    this.host.post({ type: 'timeline', tl }, []);
  }

  /** The measurement: chart points and figures, at their own (slower) pace. */
  private postMetrics(now: number, force: boolean): void {
    const ms = this.metrics;
    if (ms === null) return;
    const m = this.guard(() => {
      ms.advanceTo(this.vt);
      return ms.take(now, force);
    });
    if (m && this.chartCut < Infinity) m.points = pointsAfter(m.points, this.chartCut);
    if (m) this.host.post({ type: 'metrics', m }, [m.points.buffer as ArrayBuffer]);
  }

  /** Tests only: an exception inside the engine's next step (now, if the run is paused). */
  injectFault(): void {
    this.faultArmed = true;
    if (!this.playing || (this.sim !== null && this.sim.end !== null)) this.guard(() => this.maybeFault());
  }

  private maybeFault(): void {
    if (!this.faultArmed) return;
    this.faultArmed = false;
    throw new Error('injected engine fault (test hook)');
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
    this.host.post({ type: 'error', fault: faultOf(e) }, []);
  }
}

/** The chart points after time `cut` (the page keeps its own up to there). */
function pointsAfter(points: Float64Array, cut: number): Float64Array {
  let k = 0;
  while (k < points.length && points[k]! <= cut + 1e-9) k += FIELDS;
  return k === 0 ? points : points.slice(k);
}
