/**
 * Where a run's trace goes as it is written: the record objects the lab and the tests read (RecordSink), or JSON
 * Lines bytes for a file or a pipe (TraceEncoder, traceBytes.ts), written straight from the event's fields with
 * no object in between.
 */
import type { Actor } from '../program/actor';
import type { EndRecord, EventName, Item, TraceEvent } from '../scenario';

export type Record = TraceEvent | EndRecord;

export interface TraceSink {
  /** One event record of actor `a`; `item` undefined when the event has none. */
  event(seq: number, t: number, a: Actor, event: EventName, qsize: number, item: Item | undefined): void;
  end(r: EndRecord): void;
}

/** How many records runToEnd hands on at a time. */
export const CHUNK = 4096;
/** A chunk's array is made this big: one iteration can write records past CHUNK before it is taken (beyond this the array grows). */
const CAPACITY = CHUNK + 1024;

/**
 * Keeps the records as objects until they are taken, in an array made at its full size and filled by index: a
 * push onto an array that starts empty was a tenth of the engine's time (V8 calls the builtin for it).
 */
export class RecordSink implements TraceSink {
  private out: Record[] = new Array<Record>(CAPACITY);
  /** Records written since the last take. */
  count = 0;

  event(seq: number, t: number, a: Actor, event: EventName, qsize: number, item: Item | undefined): void {
    const actor = a.name;
    // two literals, not one and an added field: a field added later lives outside the object (one more allocation)
    this.out[this.count++] = item === undefined ? { seq, t, actor, event, qsize } : { seq, t, actor, event, qsize, item };
  }

  end(r: EndRecord): void {
    this.out[this.count++] = r;
  }

  /** The records written since the last take. */
  take(): Record[] {
    if (this.count === 0) return [];
    const out = this.out;
    out.length = this.count;
    this.out = new Array<Record>(CAPACITY);
    this.count = 0;
    return out;
  }
}
