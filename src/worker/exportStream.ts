/**
 * The worker's side of a streamed trace export: one export at a time, re-simulated from t = 0 in short slices
 * between the run's own (the run goes on meanwhile), each chunk transferred to the page, at most EXPORT_WINDOW of
 * them unacknowledged. The first chunk is the sample the size estimate is made from: an export whose estimate is
 * over the page's cap is refused before any byte leaves the worker.
 */
import { EXPORT_WINDOW, type ExportEvent } from './exportProtocol';
import type { Tracer } from './timeTravel';
import { TraceChunks, type TraceFormat } from './traceChunks';
import { faultOf } from './fault';

/** Wall-clock milliseconds of export work per slice. */
export const EXPORT_SLICE_MS = 8;

export interface ExportHost {
  now(): number;
  post(ev: ExportEvent, transfer: ArrayBuffer[]): void;
  later(fn: () => void, ms: number): void;
}

/** What an export reads: a fresh run up to where the live run stands, and how many events it holds there. */
export interface TraceSource {
  tracer: Tracer;
  events: number;
}

interface Job {
  id: number;
  chunks: TraceChunks;
  inFlight: number;
  scheduled: boolean;
}

export class Exports {
  private job: Job | null = null;

  constructor(
    private readonly host: ExportHost,
    private readonly source: () => TraceSource | null,
  ) {}

  /** Whether an export is under way (tests and the bench). */
  get busy(): boolean {
    return this.job !== null;
  }

  start(id: number, format: TraceFormat, cap: number | null): void {
    this.job = null; // a new request replaces one the page gave up on
    const src = this.source();
    if (src === null) {
      this.host.post({ kind: 'empty', id }, []);
      return;
    }
    const chunks = new TraceChunks(src.tracer, format);
    const first = this.guard(id, () => chunks.next());
    if (first === undefined) return;
    const estimate = chunks.estimate(src.events);
    if (cap !== null && estimate > cap) {
      this.host.post({ kind: 'refused', id, events: src.events, estimate, cap }, []);
      return;
    }
    const job: Job = { id, chunks, inFlight: 0, scheduled: false };
    this.job = job;
    this.host.post({ kind: 'begin', id, events: src.events, estimate }, []);
    if (first !== null) this.send(job, first);
    this.schedule(job);
  }

  /** The page put a chunk away: the next may come. */
  pull(id: number): void {
    const job = this.job;
    if (job === null || job.id !== id) return;
    job.inFlight = Math.max(0, job.inFlight - 1);
    this.schedule(job);
  }

  cancel(id: number): void {
    if (this.job?.id === id) this.job = null;
  }

  private schedule(job: Job): void {
    if (job.scheduled || job.inFlight >= EXPORT_WINDOW) return;
    job.scheduled = true;
    this.host.later(() => this.slice(job), 0);
  }

  /** One slice: chunks until the window is full or the slice's time is spent. */
  private slice(job: Job): void {
    job.scheduled = false;
    if (this.job !== job) return; // cancelled or replaced
    const started = this.host.now();
    while (job.inFlight < EXPORT_WINDOW) {
      const b = this.guard(job.id, () => job.chunks.next());
      if (b === undefined) {
        this.job = null;
        return;
      }
      if (b === null) {
        this.job = null;
        this.host.post({ kind: 'end', id: job.id, lines: job.chunks.lines, bytes: job.chunks.bytes }, []);
        return;
      }
      this.send(job, b);
      if (this.host.now() - started >= EXPORT_SLICE_MS) break;
    }
    this.schedule(job);
  }

  private send(job: Job, bytes: Uint8Array): void {
    job.inFlight++;
    this.host.post({ kind: 'chunk', id: job.id, bytes, lines: job.chunks.lines }, [bytes.buffer as ArrayBuffer]);
  }

  /** Engine work: a failure ends the export with the engine's message instead of killing the worker. */
  private guard<T>(id: number, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.host.post({ kind: 'failed', id, fault: faultOf(e) }, []);
      return undefined;
    }
  }
}
