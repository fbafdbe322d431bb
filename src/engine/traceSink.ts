/**
 * Where a run's trace goes as it is written: the record objects the lab and the tests read (RecordSink), or JSON
 * Lines bytes for a file or a pipe (TraceEncoder, traceBytes.ts), written straight from the event's fields with
 * no object in between.
 */
import type { EndRecord, EventName, Item, TraceEvent } from './scenario';

export type Record = TraceEvent | EndRecord;

export interface TraceSink {
  /** One event record; `item` undefined when the event has none. */
  event(seq: number, t: number, actor: string, event: EventName, qsize: number, item: Item | undefined): void;
  end(r: EndRecord): void;
}

/** Keeps the records as objects until they are taken. */
export class RecordSink implements TraceSink {
  out: Record[] = [];

  event(seq: number, t: number, actor: string, event: EventName, qsize: number, item: Item | undefined): void {
    // two literals, not one and an added field: a field added later lives outside the object (one more allocation)
    this.out.push(item === undefined ? { seq, t, actor, event, qsize } : { seq, t, actor, event, qsize, item });
  }

  end(r: EndRecord): void {
    this.out.push(r);
  }

  /** The records written since the last take. */
  take(): Record[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
