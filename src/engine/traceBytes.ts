/**
 * The trace as JSON Lines in UTF-8 bytes, written straight into a buffer: what the CLI writes to a file or a pipe.
 * Each line is `traceLine(r)` and a newline, byte for byte (tests/engine/trace-json.test.ts), but no string is
 * made per line and none is encoded afterwards: about half the cost of joining the lines and writing the text.
 */
import type { EndRecord, TraceEvent } from './scenario';
import { middles } from './traceJson';

const utf8 = new TextEncoder();
const SEQ = utf8.encode('{"seq":');
const T = utf8.encode(',"t":');
const ITEM = utf8.encode(',"item":');
const CLOSE = 0x7d; // }
const NEWLINE = 0x0a;
/** Beyond this, a byte run is copied with set() rather than byte by byte. */
const SHORT = 8;

export class TraceEncoder {
  private buf = new Uint8Array(1 << 16);
  /** `,"actor":"consumer-0","event":"get","qsize":` per (actor, event), as bytes. */
  private readonly middle = middles((text) => utf8.encode(text));
  private lastT = NaN;
  private lastTBytes = utf8.encode('null');

  /** The lines of `records`, each ending with a newline; a view into the encoder's buffer, valid until next call. */
  encode(records: readonly (TraceEvent | EndRecord)[]): Uint8Array {
    let n = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as TraceEvent | EndRecord;
      if (r.event === 'end') {
        n = this.put(utf8.encode(`${JSON.stringify(r)}\n`), n);
        continue;
      }
      n = this.put(SEQ, n);
      n = this.number(r.seq, n);
      n = this.put(T, n);
      if (r.t !== this.lastT) {
        this.lastT = r.t;
        this.lastTBytes = utf8.encode(JSON.stringify(r.t));
      }
      n = this.put(this.lastTBytes, n);
      n = this.put(this.middle(r.actor, r.event), n);
      n = this.number(r.qsize, n);
      if (r.item !== undefined) {
        n = this.put(ITEM, n);
        n = typeof r.item === 'number' ? this.number(r.item, n) : this.put(utf8.encode(JSON.stringify(r.item)), n);
      }
      n = this.room(n, 2);
      this.buf[n++] = CLOSE;
      this.buf[n++] = NEWLINE;
    }
    return this.buf.subarray(0, n);
  }

  /** A number as JSON writes it: small whole numbers digit by digit, any other through JSON.stringify. */
  private number(x: number, at: number): number {
    if (!(x >= 0 && x <= 0x7fffffff && (x | 0) === x)) return this.put(utf8.encode(JSON.stringify(x)), at);
    let n = this.room(at, 10);
    const b = this.buf;
    if (x < 10) {
      b[n++] = 48 + x;
      return n;
    }
    let digits = 0;
    for (let w = x; w > 0; w = (w / 10) | 0) digits++;
    let j = n + digits;
    n = j;
    for (let v = x; v > 0; ) {
      const q = (v / 10) | 0;
      b[--j] = 48 + v - q * 10;
      v = q;
    }
    return n;
  }

  private put(bytes: Uint8Array, at: number): number {
    let n = this.room(at, bytes.length);
    const b = this.buf;
    if (bytes.length > SHORT) {
      b.set(bytes, n);
      return n + bytes.length;
    }
    for (let k = 0; k < bytes.length; k++) b[n++] = bytes[k] as number;
    return n;
  }

  /** Makes room for `k` more bytes after the first `n`; returns `n`. */
  private room(n: number, k: number): number {
    if (n + k > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, n + k));
      bigger.set(this.buf.subarray(0, n));
      this.buf = bigger;
    }
    return n;
  }
}
