/**
 * The page's handle on the simulation worker. It sends commands, receives the snapshot stream and keeps the latest
 * two snapshots outside React, for the canvas to interpolate between at display rate. A hidden tab pauses the
 * stream.
 */
import { ChartData } from './chartData';
import type { Fault, FromWorker, SeekReport, ToWorker, WireSnapshot, WireTimeline } from './protocol';
import { assertNever } from './never';
import type { ExportEvent } from './exportProtocol';
import { receiveSnapshot, type LogBatch, type Snapshot } from './snapshot';
import type { WireSlice } from './slice';

type Listener<T> = (x: T) => void;

/** The heartbeat: a ping every PING_MS; a worker that has left STALL_PINGS in a row unanswered is stalled. */
export const PING_MS = 2000;
export const STALL_PINGS = 4;
/** How long Copy link waits for the worker's answer before it takes the last moment the page was told. */
const WHERE_MS = 2000;

/** Where the engine stands (the answer to `where`). */
export interface Here {
  run: number;
  tick: number;
  t: number;
}

export interface StreamStats {
  messages: number;
  bytes: number;
  since: number;
  /** Log events of the stream (lines received plus lines left out), for the soak bench. */
  events: number;
}

export class LabClient {
  prev: Snapshot | null = null;
  cur: Snapshot | null = null;
  readonly stats: StreamStats = { messages: 0, bytes: 0, since: performance.now(), events: 0 };
  /** The measurement stream, kept outside React for the charts (and read by the figures table). */
  readonly charts = new ChartData();
  private run = -1;
  private readonly snapshotListeners = new Set<Listener<Snapshot>>();
  private readonly logListeners = new Set<Listener<LogBatch>>();
  private readonly metricsListeners = new Set<Listener<ChartData>>();
  private readonly noteListeners = new Set<Listener<FromWorker & { type: 'note' | 'error' | 'liveRefused' }>>();
  /** Time travel: where the run stands on its timeline, and the trace exports the worker streams. */
  private readonly timelineListeners = new Set<Listener<WireTimeline>>();
  private readonly exportListeners = new Set<Listener<ExportEvent>>();
  private afterSeek = false;
  /** The worker died (an uncaught error, or terminated): the store starts a fresh one. */
  private readonly deathListeners = new Set<Listener<string>>();
  private dead = false;
  /** The heartbeat: pings sent, the latest answered, and whether the page was told the worker stopped answering. */
  private pings = 0;
  private pongs = 0;
  private stalled = false;
  private readonly beat: ReturnType<typeof setInterval>;
  private readonly stallListeners = new Set<Listener<boolean>>();
  private readonly seekListeners = new Set<Listener<SeekReport>>();
  private readonly sliceListeners = new Set<Listener<WireSlice>>();
  private asks = 0;
  private readonly waiting = new Map<number, (h: Here | null) => void>();
  private readonly onVisibility = () => this.send({ type: 'visibility', hidden: document.hidden });

  constructor(
    private readonly worker: Worker,
    pingMs = PING_MS,
  ) {
    this.beat = setInterval(() => this.ping(), pingMs);
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.die(e.message || 'the simulation worker failed');
    };
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisibility);
  }

  onDeath(fn: Listener<string>): () => void {
    this.deathListeners.add(fn);
    return () => this.deathListeners.delete(fn);
  }

  /** True when the worker has stopped answering the heartbeat, false when it answers again. */
  onStall(fn: Listener<boolean>): () => void {
    this.stallListeners.add(fn);
    return () => this.stallListeners.delete(fn);
  }

  /** How a seek is going (progress, landed, past the end, refused, cancelled). */
  onSeek(fn: Listener<SeekReport>): () => void {
    this.seekListeners.add(fn);
    return () => this.seekListeners.delete(fn);
  }

  /** Where the engine stands now, after every command sent before; null if it does not answer in time. */
  where(): Promise<Here | null> {
    if (this.dead) return Promise.resolve(null);
    const id = ++this.asks;
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(null), WHERE_MS);
      const done = (h: Here | null) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(h);
      };
      this.waiting.set(id, done);
      this.send({ type: 'where', id });
    });
  }

  private ping(): void {
    if (this.dead) return;
    if (this.pings - this.pongs >= STALL_PINGS && !this.stalled) {
      this.stalled = true;
      for (const fn of this.stallListeners) fn(true);
    }
    this.send({ type: 'ping', n: ++this.pings });
  }

  /** Tests only (the test hook): a fault inside the engine, or a worker that dies of an uncaught error. */
  inject(fault: Fault): void {
    this.send({ type: 'inject', fault });
  }

  /** Stops the worker for good and forgets every listener. */
  dispose(): void {
    this.dead = true;
    clearInterval(this.beat);
    for (const done of [...this.waiting.values()]) done(null);
    this.stallListeners.clear();
    this.seekListeners.clear();
    this.worker.terminate();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisibility);
    for (const s of [this.snapshotListeners, this.logListeners, this.metricsListeners, this.noteListeners]) s.clear();
    this.timelineListeners.clear();
    this.exportListeners.clear();
    this.deathListeners.clear();
  }

  private die(reason: string): void {
    if (this.dead) return;
    const listeners = [...this.deathListeners];
    this.dispose();
    for (const fn of listeners) fn(reason);
  }

  send(msg: ToWorker): void {
    if (!this.dead) this.worker.postMessage(msg);
  }

  onSnapshot(fn: Listener<Snapshot>): () => void {
    this.snapshotListeners.add(fn);
    return () => this.snapshotListeners.delete(fn);
  }

  onLog(fn: Listener<LogBatch>): () => void {
    this.logListeners.add(fn);
    return () => this.logListeners.delete(fn);
  }

  /** After each measurement message (chart points, and a few times a second new figures). */
  onMetrics(fn: Listener<ChartData>): () => void {
    this.metricsListeners.add(fn);
    return () => this.metricsListeners.delete(fn);
  }

  onNote(fn: Listener<FromWorker & { type: 'note' | 'error' | 'liveRefused' }>): () => void {
    this.noteListeners.add(fn);
    return () => this.noteListeners.delete(fn);
  }

  onTimeline(fn: Listener<WireTimeline>): () => void {
    this.timelineListeners.add(fn);
    return () => this.timelineListeners.delete(fn);
  }

  /** A streamed trace export's events (store/traceExport.ts). */
  onExport(fn: Listener<ExportEvent>): () => void {
    this.exportListeners.add(fn);
    return () => this.exportListeners.delete(fn);
  }

  /** The latest task slice, for the caption (slice.ts). */
  onSlice(fn: Listener<WireSlice>): () => void {
    this.sliceListeners.add(fn);
    return () => this.sliceListeners.delete(fn);
  }

  resetStats(): void {
    this.stats.messages = 0;
    this.stats.bytes = 0;
    this.stats.since = performance.now();
    this.stats.events = 0;
  }

  private emitNote(m: FromWorker & { type: 'note' | 'error' | 'liveRefused' }): void {
    for (const fn of this.noteListeners) fn(m);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'snapshot':
        return this.snapshot(m.snap);
      case 'metrics':
        this.stats.messages++;
        this.stats.bytes += m.m.points.byteLength + (m.m.figures === null ? 100 : 4000);
        this.charts.apply(m.m);
        for (const fn of this.metricsListeners) fn(this.charts);
        return;
      case 'timeline':
        if (m.tl.seeked) this.afterSeek = true;
        for (const fn of this.timelineListeners) fn(m.tl);
        return;
      case 'export':
        for (const fn of this.exportListeners) fn(m.ev);
        return;
      case 'pong':
        this.pongs = Math.max(this.pongs, m.n);
        if (this.stalled) {
          this.stalled = false;
          for (const fn of this.stallListeners) fn(false);
        }
        return;
      case 'seek':
        for (const fn of this.seekListeners) fn(m.report);
        return;
      case 'slice':
        for (const fn of this.sliceListeners) fn(m.slice);
        return;
      case 'here':
        this.waiting.get(m.id)?.({ run: m.run, tick: m.tick, t: m.t });
        return;
      case 'note':
      case 'error':
      case 'liveRefused':
        return this.emitNote(m);
      default:
        return assertNever(m);
    }
  }

  private snapshot(w: WireSnapshot): void {
    this.stats.messages++;
    this.stats.bytes += w.bytes;
    if (w.run !== this.run) {
      this.run = w.run;
      this.prev = null;
      this.cur = null;
    }
    const snap = receiveSnapshot(w, performance.now());
    // after a seek the scene jumps to the new moment rather than gliding there
    this.prev = this.afterSeek ? null : this.cur;
    this.afterSeek = false;
    this.cur = snap;
    const log = w.log;
    this.stats.events += log.lines.length + log.skipped;
    if (log.lines.length > 0 || log.skipped > 0) for (const fn of this.logListeners) fn(log);
    for (const fn of this.snapshotListeners) fn(snap);
  }
}

export function createClient(): LabClient {
  return new LabClient(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'queue-lab-sim' }));
}
