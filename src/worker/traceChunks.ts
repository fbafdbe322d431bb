/**
 * A trace export as a stream of byte chunks (JSON Lines or CSV, UTF-8). The run is re-simulated from t = 0 a few
 * thousand ticks at a time (TimeTravel.tracer) rather than kept, so neither the worker nor the page ever holds the
 * whole file: a long run's trace is gigabytes. The chunks joined are the file byte for byte, the same as the text
 * of traceToJsonl / traceToCsv over all the records (tests/worker/traceChunks.test.ts).
 */
import { TraceEncoder } from '../engine/trace/traceBytes';
import type { Record } from '../engine/simulation';
import { CSV_HEADER, traceToCsv } from '../share/files';
import type { Tracer } from './timeTravel';

export type TraceFormat = 'jsonl' | 'csv';

/** About how many bytes a chunk holds (a few ms of work; the last holds fewer, a piece of ticks may go over). */
export const CHUNK_BYTES = 1 << 18;
/** Ticks re-simulated between two looks at the chunk's size. */
const TICKS = 2000;
/** The longest text of a time the lab writes: `0.` and 17 significant digits (later times have fewer). */
const T_TEXT = 19;
/** Numbers in a line that can grow with the run: seq, qsize and a counted item. */
const GROWING = 3;

const utf8 = new TextEncoder();
const HEADER = utf8.encode(`${CSV_HEADER}\n`);

/** What the first chunk measured, for the size estimate. */
interface Sample {
  lines: number;
  bytes: number;
  /** Characters of the times' text, summed. */
  tText: number;
  lastSeq: number;
}

export class TraceChunks {
  /** Records written so far (the CSV header is not one). */
  lines = 0;
  /** Bytes handed out so far. */
  bytes = 0;
  private readonly encoder = new TraceEncoder();
  private started = false;
  private sample: Sample | null = null;

  constructor(
    private readonly tracer: Tracer,
    readonly format: TraceFormat,
  ) {}

  /** Every byte has been handed out. */
  get done(): boolean {
    return this.started && this.tracer.done;
  }

  /** The next chunk (a fresh buffer, free to transfer), or null when the file is complete. */
  next(): Uint8Array | null {
    if (this.done) return null;
    const parts: Uint8Array[] = [];
    let size = 0;
    // the first chunk is the sample the size estimate is made from
    const sample = this.started ? null : { lines: 0, bytes: 0, tText: 0, lastSeq: -1 };
    this.started = true;
    if (sample !== null && this.format === 'csv') {
      parts.push(HEADER);
      size += HEADER.length;
    }
    while (size < CHUNK_BYTES && !this.tracer.done) {
      const records = this.tracer.next(TICKS);
      if (records.length === 0) continue;
      const b = this.encode(records);
      if (sample !== null) measure(sample, records, b.length);
      parts.push(b);
      size += b.length;
      this.lines += records.length;
    }
    if (sample !== null) this.sample = sample;
    this.bytes += size;
    return join(parts, size);
  }

  /**
   * An upper estimate of the whole file's bytes when it holds `total` records, from the first chunk (call after
   * it): its mean bytes per line, plus room for each growing number to gain digits and for every time to be
   * written at full length. Exact when the first chunk was the whole file.
   */
  estimate(total: number): number {
    const s = this.sample;
    if (this.done || s === null || s.lines === 0) return this.bytes;
    const grow = GROWING * Math.max(0, digits(Math.max(0, total - 1)) - digits(Math.max(0, s.lastSeq)));
    const perLine = s.bytes / s.lines + grow + Math.max(0, T_TEXT - s.tText / s.lines);
    const header = this.format === 'csv' ? HEADER.length : 0;
    return Math.ceil(header + total * perLine);
  }

  private encode(records: Record[]): Uint8Array {
    if (this.format === 'jsonl') return this.encoder.encode(records).slice();
    return utf8.encode(traceToCsv(records, this.tracer.python, { header: false }));
  }
}

/** Adds a piece of the first chunk to the sample. */
function measure(s: Sample, records: Record[], bytes: number): void {
  s.lines += records.length;
  s.bytes += bytes;
  for (const r of records) s.tText += JSON.stringify(r.t).length;
  s.lastSeq = records[records.length - 1]!.seq;
}

function digits(x: number): number {
  return String(Math.floor(x)).length;
}

/** The parts as one fresh buffer (the header is shared, so never handed out itself). */
function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== HEADER) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
