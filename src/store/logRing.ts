/**
 * The event log: the newest LOG_KEEP lines with the task each belongs to, kept outside React (a copy per update
 * would cost more than the log is worth); the store holds a version number that changes when lines arrive.
 */
export const LOG_KEEP = 5000;

export interface LogEntry {
  line: string;
  actor: string; // '' for notes that belong to no task
  /** A note in place of events left out (the page words it). */
  skipped?: number;
}

export class LogRing {
  private readonly buf: LogEntry[] = [];
  private start = 0;
  /** Every task name seen since the last clear, in order of appearance. */
  readonly actors: string[] = [];
  private readonly seen = new Set<string>();
  /** Lines pushed since the last clear, and clears so far: where a reader that appends stands. */
  pushed = 0;
  generation = 0;

  get size(): number {
    return this.buf.length;
  }

  push(line: string, actor: string, skipped?: number): void {
    const e: LogEntry = skipped === undefined ? { line, actor } : { line, actor, skipped };
    if (this.buf.length < LOG_KEEP) this.buf.push(e);
    else {
      this.buf[this.start] = e;
      this.start = (this.start + 1) % LOG_KEEP;
    }
    this.pushed++;
    if (actor !== '' && actor !== 'loop' && !this.seen.has(actor)) {
      this.seen.add(actor);
      this.actors.push(actor);
    }
  }

  clear(): void {
    this.buf.length = 0;
    this.start = 0;
    this.actors.length = 0;
    this.seen.clear();
    this.pushed = 0;
    this.generation++;
  }

  /** The newest `limit` lines (oldest first) whose task is `actor` (all when null); notes always match. */
  tail(actor: string | null, limit: number): LogEntry[] {
    return this.newest(actor, limit, this.buf.length);
  }

  /**
   * The lines pushed after the first `pushed` (oldest first, at most `limit`, filtered as `tail`), or null when
   * some of them have left the ring already (read the tail instead).
   */
  since(pushed: number, actor: string | null, limit: number): LogEntry[] | null {
    const fresh = this.pushed - pushed;
    if (fresh < 0 || fresh > this.buf.length) return null;
    return this.newest(actor, limit, fresh);
  }

  private newest(actor: string | null, limit: number, among: number): LogEntry[] {
    const out: LogEntry[] = [];
    const n = this.buf.length;
    for (let k = n - 1; k >= n - among && out.length < limit; k--) {
      const e = this.buf[(this.start + k) % n]!;
      if (actor === null || e.actor === actor || e.actor === '' || e.actor === 'loop') out.push(e);
    }
    return out.reverse();
  }
}
