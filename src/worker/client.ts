/**
 * The page's handle on the simulation worker. It sends commands, receives the snapshot stream and keeps the latest
 * two snapshots outside React, for the canvas to interpolate between at display rate. A hidden tab pauses the
 * stream.
 */
import mitt, { type Emitter } from 'mitt';
import { ChartData } from './chartData';
import type { Fault, FromWorker, SeekReport, ToWorker, WireSnapshot, WireTimeline } from './protocol';
import { assertNever } from './never';
import type { ExportEvent } from './exportProtocol';
import { receiveSnapshot, type LogBatch, type Snapshot } from './snapshot';
import type { WireSlice } from './slice';

/** What the worker tells the page that a person reads (a live change, a pause, a refused change, an error). */
export type NoteMessage = Extract<FromWorker, { type: 'note' | 'error' | 'liveRefused' }>;

/** Every event the client emits, with its payload. */
export type ClientEvents = {
  snapshot: Snapshot;
  log: LogBatch;
  /** After each measurement message (chart points, and a few times a second new figures). */
  metrics: ChartData;
  note: NoteMessage;
  /** Time travel: where the run stands on its timeline. */
  timeline: WireTimeline;
  /** A streamed trace export's events (store/traceExport.ts). */
  export: ExportEvent;
  /** The worker died (an uncaught error, or terminated): the store starts a fresh one. */
  death: string;
  /** True when the worker has stopped answering the heartbeat, false when it answers again. */
  stall: boolean;
  /** How a seek is going (progress, landed, past the end, refused, cancelled). */
  seek: SeekReport;
  /** The latest task slice, for the caption (slice.ts). */
  slice: WireSlice;
};

/** What the store uses of a client: a fake in tests implements the same. */
export interface WorkerClient {
  readonly prev: Snapshot | null;
  readonly cur: Snapshot | null;
  readonly charts: ChartData;
  readonly stats: StreamStats;
  /** Listens to one event; returns the way to stop. */
  on<K extends keyof ClientEvents>(type: K, fn: (x: ClientEvents[K]) => void): () => void;
  send(msg: ToWorker): void;
  where(): Promise<Here | null>;
  inject(fault: Fault): void;
  resetStats(): void;
  dispose(): void;
}

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

export class LabClient implements WorkerClient {
  prev: Snapshot | null = null;
  cur: Snapshot | null = null;
  readonly stats: StreamStats = { messages: 0, bytes: 0, since: performance.now(), events: 0 };
  /** The measurement stream, kept outside React for the charts (and read by the figures table). */
  readonly charts = new ChartData();
  private run = -1;
  private readonly events: Emitter<ClientEvents> = mitt<ClientEvents>();
  private afterSeek = false;
  private dead = false;
  /** The heartbeat: pings sent, the latest answered, and whether the page was told the worker stopped answering. */
  private pings = 0;
  private pongs = 0;
  private stalled = false;
  private readonly beat: ReturnType<typeof setInterval>;
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

  on<K extends keyof ClientEvents>(type: K, fn: (x: ClientEvents[K]) => void): () => void {
    this.events.on(type, fn);
    return () => this.events.off(type, fn);
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
      this.events.emit('stall', true);
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
    this.worker.terminate();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisibility);
    this.events.all.clear();
  }

  private die(reason: string): void {
    if (this.dead) return;
    // the listeners outlive dispose() (which forgets them) for this last event
    const listeners = [...(this.events.all.get('death') ?? [])] as ((x: string) => void)[];
    this.dispose();
    for (const fn of listeners) fn(reason);
  }

  send(msg: ToWorker): void {
    if (!this.dead) this.worker.postMessage(msg);
  }

  resetStats(): void {
    this.stats.messages = 0;
    this.stats.bytes = 0;
    this.stats.since = performance.now();
    this.stats.events = 0;
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'snapshot':
        return this.snapshot(m.snap);
      case 'metrics':
        this.stats.messages++;
        this.stats.bytes += m.m.points.byteLength + (m.m.figures === null ? 100 : 4000);
        this.charts.apply(m.m);
        this.events.emit('metrics', this.charts);
        return;
      case 'timeline':
        if (m.tl.seeked) this.afterSeek = true;
        this.events.emit('timeline', m.tl);
        return;
      case 'export':
        this.events.emit('export', m.ev);
        return;
      case 'pong':
        this.pongs = Math.max(this.pongs, m.n);
        if (this.stalled) {
          this.stalled = false;
          this.events.emit('stall', false);
        }
        return;
      case 'seek':
        this.events.emit('seek', m.report);
        return;
      case 'slice':
        this.events.emit('slice', m.slice);
        return;
      case 'here':
        this.waiting.get(m.id)?.({ run: m.run, tick: m.tick, t: m.t });
        return;
      case 'note':
      case 'error':
      case 'liveRefused':
        return this.events.emit('note', m);
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
    if (log.lines.length > 0 || log.skipped > 0) this.events.emit('log', log);
    this.events.emit('snapshot', snap);
  }
}

export function createClient(): LabClient {
  return new LabClient(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'queue-lab-sim' }));
}
