/**
 * Runs the runner's seeks: one SeekJob at a time, SEEK_SLICE_MS of work per turn of the worker's message loop, its
 * progress reported every PROGRESS_MS, and how it ended (landed, past the end, refused, cancelled), all as data.
 */
import type { FromWorker, SeekReport } from './protocol';
import { MAX_SEEK_TICKS, type Landing, type SeekJob } from './seekJob';

/** Work per slice of a seek (or of the charts' rebuild); between slices the worker reads its messages. */
export const SEEK_SLICE_MS = 16;
/** How often a long seek reports its progress. */
const PROGRESS_MS = 100;

export interface SliceHost {
  now(): number;
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  later(fn: () => void, ms: number): void;
}

/** Calls `step` now, then again after each turn of the message loop, until it returns true or stop() is called. */
export class Slices {
  private gen = 0;

  constructor(private readonly host: SliceHost) {}

  start(step: () => boolean): void {
    const gen = ++this.gen;
    const go = (): void => {
      if (gen === this.gen && !step()) this.host.later(go, 0);
    };
    go();
  }

  stop(): void {
    this.gen++;
  }
}

export class SeekDriver {
  private job: SeekJob | null = null;
  private reported = -Infinity;
  private readonly slices: Slices;

  constructor(
    private readonly host: SliceHost,
    /** Runs engine code, reporting a failure instead of throwing (Runner.guard). */
    private readonly guard: <T>(fn: () => T) => T | undefined,
    private readonly land: (landing: Landing) => void,
  ) {
    this.slices = new Slices(host);
  }

  get busy(): boolean {
    return this.job !== null;
  }

  /** Starts a seek in place of any under way (that one silently dropped); false if the job could not be made. */
  start(make: () => SeekJob): boolean {
    this.drop(false);
    const job = this.guard(make);
    if (job === undefined) return false;
    this.job = job;
    this.reported = -Infinity;
    this.slices.start(() => this.slice(job));
    return true;
  }

  /** Stops the seek under way; `report`: tell the page (a Cancel, or Play meanwhile), not when another replaces it. */
  drop(report: boolean): void {
    const job = this.job;
    if (job === null) return;
    this.job = null;
    this.slices.stop();
    if (report) this.report({ kind: 'cancelled', target: job.asked });
  }

  /** One slice; true when the seek is over. */
  private slice(job: SeekJob): boolean {
    const r = this.guard(() => job.work(SEEK_SLICE_MS, () => this.host.now()));
    if (r === null) {
      const now = this.host.now();
      if (now - this.reported >= PROGRESS_MS) {
        this.reported = now;
        this.report({ kind: 'progress', target: job.asked, done: job.progress() });
      }
      return false;
    }
    this.job = null;
    if (r === undefined) return true;
    if (r.kind === 'refused') {
      this.report({ kind: 'refused', target: job.asked, limit: MAX_SEEK_TICKS, needed: r.needed });
      return true;
    }
    this.land(r.landing);
    const t = r.landing.t;
    this.report(r.landing.pastEnd ? { kind: 'pastEnd', target: job.asked, endT: t } : { kind: 'landed', target: job.asked });
    return true;
  }

  private report(report: SeekReport): void {
    this.host.post({ type: 'seek', report }, []);
  }
}
