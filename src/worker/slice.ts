/**
 * The caption's data: the events of the latest task slice (one step of a task, or one run of a thread to its next
 * sleep) as the trace wrote them, and what each of its tasks waits on afterwards. Data, not sentences: the page
 * words them (src/ui/narration). Sent after each Step and pause at once, while the run plays at most every
 * CAPTION_MS, so a polite live region is not asked to announce dozens of lines a second.
 */
import type { Record } from '../engine/simulation';
import type { EventName, Item, TraceEvent } from '../scenarios/types';

/** While the run plays, a slice is sent at most this often (wall-clock ms): a caption one can read. */
export const CAPTION_MS = 2500;
/** A slice's events sent at most (an unbounded queue's producer may put thousands in one step); the rest are counted. */
export const SLICE_CAP = 24;

export interface SliceEvent {
  actor: string;
  role: 'producer' | 'consumer' | 'main';
  kind: 'task' | 'thread';
  event: EventName;
  /** The event's item (absent when it has none; null is Python's None). */
  item?: Item;
  /** q.qsize() when it was written. */
  qsize: number;
  t: number;
  /** What its task awaits once the slice is over (on the task's last event of the slice only), else null. */
  waitsOn: string | null;
}

/**
 * Why the slice was sent: a Step, a beat of "one step per beat", a pause, a caption while playing, the end of the
 * run, a seek's landing, a load.
 */
export type SliceWhy = 'step' | 'beat' | 'pause' | 'play' | 'end' | 'seek' | 'load';

export interface WireSlice {
  run: number;
  why: SliceWhy;
  events: SliceEvent[];
  /** The slice's events left out after the first SLICE_CAP. */
  more: number;
  /** The queue's maxsize (0: unbounded). */
  maxsize: number;
}

/** What the tail needs to know of the run's actors after the slice. */
export interface ActorLookup {
  (name: string): { role: SliceEvent['role']; kind: SliceEvent['kind']; waitsOn: string | null } | undefined;
}

/** The latest slice's records, kept as the run writes them; `take` makes the message when one is due. */
export class SliceTail {
  private events: TraceEvent[] = [];
  private from = -1;
  private more = 0;
  /** A slice not sent yet. */
  dirty = false;
  private lastSent = -Infinity;

  /** A new run (or a seek's landing): nothing has run yet as far as the caption knows. */
  reset(): void {
    this.events = [];
    this.from = -1;
    this.more = 0;
    this.dirty = true;
    this.lastSent = -Infinity;
  }

  /** Records just written (in seq order); the latest slice began at seq `sliceFrom`. */
  add(records: readonly Record[], sliceFrom: number): void {
    if (records.length === 0) return;
    if (sliceFrom !== this.from) {
      this.events = [];
      this.more = 0;
      this.from = sliceFrom;
    }
    for (const r of records) {
      if (r.event === 'end' || r.seq < sliceFrom) continue;
      if (this.events.length < SLICE_CAP) this.events.push(r as TraceEvent);
      else this.more++;
      this.dirty = true;
    }
  }

  /** Whether a slice should go now: at once for a Step, a beat, a pause, the end or a landing; else every CAPTION_MS. */
  due(why: SliceWhy, now: number): boolean {
    return this.dirty && (why !== 'play' || now - this.lastSent >= CAPTION_MS);
  }

  take(why: SliceWhy, run: number, maxsize: number, now: number, lookup: ActorLookup): WireSlice {
    this.dirty = false;
    // the empty slice of a load does not hold back the run's first words
    if (why !== 'load') this.lastSent = now;
    const last = new Map<string, number>();
    this.events.forEach((e, i) => last.set(e.actor, i));
    const events = this.events.map((e, i): SliceEvent => {
      const a = lookup(e.actor);
      const out: SliceEvent = {
        actor: e.actor,
        role: a?.role ?? 'consumer',
        kind: a?.kind ?? 'task',
        event: e.event,
        qsize: e.qsize,
        t: e.t,
        waitsOn: last.get(e.actor) === i ? (a?.waitsOn ?? null) : null,
      };
      if (e.item !== undefined) out.item = e.item;
      return out;
    });
    return { run, why, events, more: this.more, maxsize };
  }
}
