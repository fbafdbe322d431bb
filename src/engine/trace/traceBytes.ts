/**
 * The trace as JSON Lines in UTF-8 bytes, written straight into a buffer: what the CLI writes to a file or a pipe.
 * Each line is `traceLine(r)` and a newline, byte for byte (tests/engine/trace-json.test.ts), but no string is
 * made per line and none is encoded afterwards. As a run's TraceSink it writes each event from its fields, so no
 * record object is made either.
 */
import type { EndRecord, EventName, Item } from '../scenario';
import { EngineError } from '../asyncio/errors';
import type { Record, TraceSink } from './traceSink';
import type { Actor } from '../program/actor';
import { type ActorTails, Tails } from './traceTails';

const utf8 = new TextEncoder();

/**
 * A fixed run of bytes, copied 8 bytes at a time with unaligned stores of the words as doubles: several times
 * faster than byte by byte, and than TypedArray.set on runs this short. A double carries its 8 bytes unchanged
 * unless they spell a NaN, whose bits a store may change, and UTF-8 never does: a NaN needs a last byte of 0x7f
 * or 0xff after a byte of 0xf0 or above, and in UTF-8 a byte of 0xf0 or above starts a character whose next byte
 * is 0x80-0xbf (0xff never occurs). The last store may write up to seven bytes past the run; the next write
 * covers them, and `room` keeps that slack inside the buffer.
 */
interface Run {
  len: number;
  /** The bytes, padded to a multiple of 8, as doubles. */
  doubles: Float64Array;
}

function runOf(bytes: Uint8Array): Run {
  const padded = new Uint8Array((bytes.length + 7) & ~7);
  padded.set(bytes);
  const doubles = new Float64Array(padded.buffer);
  if (doubles.some(Number.isNaN)) throw new EngineError('a trace run that is not UTF-8');
  return { len: bytes.length, doubles };
}

const textRun = (text: string): Run => runOf(utf8.encode(text));

// the doubles above are read in the machine's order and written little-endian: the same on little-endian machines
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('TraceEncoder needs a little-endian machine');

const SEQ = utf8.encode('{"seq":');
const T = utf8.encode(',"t":');
/** The most a line needs besides its time, its tail and an item that is not a small whole number: seq, digits, `}\n`. */
const FIXED = 7 + 10 + 10 + 2;
/** The largest number `digits` writes (the rest go through JSON.stringify). */
const MAX_DIGITS = 0x7fffffff;
/** Two decimal digits per entry, as the bytes of a little-endian 16-bit store: `PAIRS[42]` writes "42". */
const PAIRS = new Uint16Array(100).map((_, i) => (48 + ((i / 10) | 0)) | ((48 + (i % 10)) << 8));

export class TraceEncoder implements TraceSink {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  /** Bytes written since the last take. */
  private n = 0;
  /** `,"actor":"consumer-0","event":"get","qsize":3` and `,"item":` or `}\n`, per actor, event and qsize. */
  private readonly tails = new Tails(textRun);
  private lastT = NaN;
  /** `,"t":` and the last time's text, reused: a run of records shares it (one loop iteration, one instant). */
  private readonly tRun: Run = asciiRun(32);
  private readonly tBytes = new Uint8Array(this.tRun.doubles.buffer);
  private lastSeq = -2;
  /** `{"seq":` and the last seq's digits: the next line's seq is one more, counted up in place like an odometer. */
  private readonly seqRun: Run = asciiRun(24);
  private readonly seqBytes = new Uint8Array(this.seqRun.doubles.buffer);

  /** How many bytes are waiting to be taken. */
  get size(): number {
    return this.n;
  }

  /** The lines written since the last take; a view into the encoder's buffer, valid until it writes again. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.n);
    this.n = 0;
    return out;
  }

  /** The lines of `records`, each ending with a newline (with anything not yet taken before them). */
  encode(records: readonly Record[]): Uint8Array {
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as Record;
      if (r.event === 'end') this.end(r);
      else this.line(r.seq, r.t, this.tails.named(r.actor), r.event, r.qsize, r.item);
    }
    return this.take();
  }

  end(r: EndRecord): void {
    this.bytes(utf8.encode(`${JSON.stringify(r)}\n`));
  }

  event(seq: number, t: number, a: Actor, event: EventName, qsize: number, item: Item | undefined): void {
    this.line(seq, t, this.tails.of(a), event, qsize, item);
  }

  private line(seq: number, t: number, m: ActorTails<Run>, event: string, qsize: number, item: Item | undefined): void {
    if (seq > MAX_DIGITS || qsize > MAX_DIGITS) {
      const r = item === undefined ? { seq, t, actor: m.name, event, qsize } : { seq, t, actor: m.name, event, qsize, item };
      this.bytes(utf8.encode(`${JSON.stringify(r)}\n`));
      return;
    }
    if (seq === this.lastSeq + 1) this.countSeq();
    else this.setSeq(seq);
    if (t !== this.lastT) this.setTime(t);
    const tr = this.tRun;
    const tail = m.get(event, qsize, item !== undefined);
    let n = this.room(FIXED + tr.len + tail.len);
    let v = this.view;
    n = copy(v, n, this.seqRun);
    n = copy(v, n, tr);
    n = copy(v, n, tail);
    if (item === undefined) {
      this.n = n;
      return;
    }
    if (typeof item === 'number' && item >= 0 && item <= MAX_DIGITS && (item | 0) === item) {
      n = digits(v, n, item);
    } else {
      this.n = n;
      this.bytes(utf8.encode(JSON.stringify(item)));
      n = this.room(2);
      v = this.view; // the buffer may have grown
    }
    v.setUint16(n, 0x0a7d, true); // }\n
    this.n = n + 2;
  }

  /** `,"t":` and JSON's text of a time, ASCII (digits, `.`, `e`, `+`, `-`, or `null`), at most 24 characters. */
  private setTime(t: number): void {
    this.lastT = t;
    const text = JSON.stringify(t);
    const b = this.tBytes;
    b.set(T, 0);
    for (let i = 0; i < text.length; i++) b[T.length + i] = text.charCodeAt(i);
    this.tRun.len = T.length + text.length;
  }

  private setSeq(seq: number): void {
    this.lastSeq = seq;
    const b = this.seqBytes;
    b.set(SEQ, 0);
    const text = String(seq);
    for (let i = 0; i < text.length; i++) b[SEQ.length + i] = text.charCodeAt(i);
    this.seqRun.len = SEQ.length + text.length;
  }

  /** seq + 1 in place: trailing nines become zeros and the digit before them goes up (all nines: one digit more). */
  private countSeq(): void {
    const b = this.seqBytes;
    let i = this.seqRun.len - 1;
    while (b[i] === 0x39) b[i--] = 0x30;
    if (i < SEQ.length) this.setSeq(this.lastSeq + 1);
    else {
      b[i] = (b[i] as number) + 1;
      this.lastSeq++;
    }
  }

  /** Appends bytes of any length. */
  private bytes(x: Uint8Array): void {
    const n = this.room(x.length);
    this.buf.set(x, n);
    this.n = n + x.length;
  }

  /** Makes room for `k` more bytes (and the slack a Run's last word may write past them); returns where they go. */
  private room(k: number): number {
    const n = this.n;
    if (n + k + 8 > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, n + k + 8));
      bigger.set(this.buf.subarray(0, n));
      this.buf = bigger;
      this.view = new DataView(bigger.buffer);
    }
    return n;
  }
}

/** A run rewritten in place, of ASCII only, with room for `size` bytes (a multiple of 8). */
function asciiRun(size: number): Run {
  return { len: 0, doubles: new Float64Array(size >> 3) };
}

function copy(v: DataView, n: number, r: Run): number {
  const d = r.doubles;
  const count = (r.len + 7) >> 3;
  for (let k = 0, at = n; k < count; k++, at += 8) v.setFloat64(at, d[k] as number, true);
  return n + r.len;
}

/** A whole number from 0 to 2^31 - 1, as JSON writes it, at `n`; returns the end. Two digits per division. */
function digits(v: DataView, n: number, x: number): number {
  const len = x < 10 ? 1 : x < 100 ? 2 : x < 1e3 ? 3 : x < 1e4 ? 4 : x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : x < 1e8 ? 8 : x < 1e9 ? 9 : 10;
  let j = n + len;
  while (x >= 100) {
    const q = (x / 100) | 0;
    j -= 2;
    v.setUint16(j, PAIRS[x - q * 100] as number, true);
    x = q;
  }
  if (x >= 10) v.setUint16(j - 2, PAIRS[x] as number, true);
  else v.setUint8(j - 1, 48 + x);
  return n + len;
}
