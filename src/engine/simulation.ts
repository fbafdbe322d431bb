/**
 * The engine's public face for the worker and the CLI: a run of one scenario that can be advanced by virtual time,
 * by one step, or to the end, and viewed at any moment.
 */
import type { EndRecord, Scenario } from './scenario';
import { applyLive, type LiveChange, type LiveDone } from './program/live';
import { ViewTracker } from './metrics/viewTracker';
import type { ItemMove } from './metrics/itemIds';
import { Sim } from './run/sim';
import type { TraceEncoder } from './trace/traceBytes';
import { CHUNK, RecordSink, type Record } from './trace/traceSink';
import { viewOf, type SimView } from './view';

export type { Record, ItemMove };

export class Simulation {
  readonly sim: Sim;
  /** Who runs, who ran last, the loop frozen, the counts: what a view needs and the run does not keep. */
  readonly tracker = new ViewTracker();
  private readonly records = new RecordSink();

  /**
   * `records: false` drops the trace as it is written (the position still counts: `seq`): a seek that only needs
   * the state at a tick runs several times faster without building records nobody reads. `items`: each item's
   * serial is followed (the lab's picture draws each item once by it); a run nobody draws (CLI) skips that work.
   */
  constructor(scenario: Scenario, opts: { horizon?: number | null; records?: boolean; items?: boolean } = {}) {
    // the engine mutates rates in its own copy on live changes, never the caller's scenario
    const own = structuredClone(scenario);
    this.sim = new Sim(own, this.records, { horizon: opts.horizon, observer: this.tracker });
    this.sim.recording = opts.records !== false;
    this.tracker.ids.on = opts.items === true;
    const kind = this.sim.queue.kind;
    this.tracker.ids.order = kind === 'LifoQueue' ? 'lifo' : kind === 'PriorityQueue' ? 'priority' : 'fifo';
  }

  /** Turns the trace on or off from here on (a seek runs without it, then play goes on with it). */
  setRecording(on: boolean): void {
    this.sim.recording = on;
  }

  /** How many trace records the run has written so far (the next record's seq). */
  get seq(): number {
    return this.sim.seq;
  }

  /** The seq of the first event of the latest slice that wrote events (a task's step, or a thread's run). */
  get sliceFrom(): number {
    return this.sim.sliceFrom;
  }

  get now(): number {
    return this.sim.loop.now;
  }

  get end(): EndRecord | null {
    return this.sim.end;
  }

  /** The time of the next thing that will happen, or Infinity. */
  nextTime(): number {
    return this.sim.nextTime();
  }

  private take(): Record[] {
    return this.records.take();
  }

  /** Runs every iteration due by virtual time `t`, at most `budget` of them. `done` when it got there. */
  advanceTo(t: number, budget = 100_000): { records: Record[]; done: boolean } {
    let n = 0;
    while (this.sim.end === null && this.sim.nextTime() <= t) {
      if (n++ >= budget) return { records: this.take(), done: false };
      this.sim.iterate();
    }
    return { records: this.take(), done: true };
  }

  /** Runs handles until at least one event is written (or the run ends): the Step button. */
  step(maxHandles = 100_000): Record[] {
    for (let n = 0; n < maxHandles && this.records.count === 0; n++) {
      if (!this.sim.stepHandle() && this.sim.end !== null) break;
    }
    return this.take();
  }

  /** Runs to the end; `onRecords` receives the trace in chunks so memory does not grow with the run. */
  runToEnd(onRecords: (r: Record[]) => void, maxIterations = Infinity): EndRecord | null {
    let left = maxIterations;
    for (;;) {
      left -= this.runWhile(() => this.records.count < CHUNK, left);
      if (this.sim.end !== null || left <= 0) break;
      onRecords(this.take());
    }
    onRecords(this.take());
    return this.sim.end;
  }

  /**
   * Runs iterations while `more()` holds, the run goes on and fewer than `limit` have run; returns how many ran.
   * The caller's callback stays out of this loop, so the loop is compiled once for every caller.
   */
  private runWhile(more: () => boolean, limit: number): number {
    let n = 0;
    while (n < limit && more()) {
      n++;
      if (!this.sim.iterate()) break;
    }
    return n;
  }

  /**
   * Runs to the end writing the trace as JSON Lines: `write` receives the bytes in chunks of about 256 kB (a view
   * into the encoder's buffer, valid until the call returns). No record object is made on the way.
   */
  writeToEnd(encoder: TraceEncoder, write: (bytes: Uint8Array) => void, maxIterations = Infinity): EndRecord | null {
    const before = this.take();
    if (before.length > 0) write(encoder.encode(before));
    this.sim.sink = encoder;
    try {
      let left = maxIterations;
      for (;;) {
        left -= this.runWhile(() => encoder.size < 1 << 18, left);
        if (this.sim.end !== null || left <= 0) break;
        write(encoder.take());
      }
      if (encoder.size > 0) write(encoder.take());
    } finally {
      this.sim.sink = this.records;
    }
    return this.sim.end;
  }

  /** Ticks run so far (see Sim.ticks): a position in the run that a fresh simulation can reach again. */
  get ticks(): number {
    return this.sim.ticks;
  }

  /** Runs to tick `n` exactly (or the end), returning the records written on the way. */
  runToTick(n: number): Record[] {
    while (this.sim.ticks < n && this.sim.stepHandle());
    return this.take();
  }

  /** Runs, from the start, every tick whose time is at most `t`: where a timeline drag to `t` lands. */
  runToTime(t: number, budget = Infinity): { records: Record[]; done: boolean } {
    return this.advanceTo(t, budget);
  }

  /** The run as the page shows it at `at` (default: now); see viewOf. */
  view(at?: number): SimView {
    return viewOf(this.sim, this.tracker, at);
  }

  /** The items put and got since the last take, each with its serial (the scene's flights). */
  takeMoves(): ItemMove[] {
    return this.tracker.ids.takeMoves();
  }

  /** A change Python could make to the running program; null when it could not (restart instead). */
  live(change: LiveChange): LiveDone | null {
    return applyLive(this.sim, change);
  }
}

export type { SimView, ActorView, ActorState } from './view';
export type { LiveChange, LiveDone } from './program/live';
