/**
 * One trace record as a JSON line, written by hand: the trace is the engine's bulk output, and this is several
 * times faster than JSON.stringify on these small, fixed-shape objects. Output equals JSON.stringify's.
 */
import type { EndRecord, Item, TraceEvent } from './scenario';

const num = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

function item(x: Item): string {
  if (typeof x === 'number') return num(x);
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x);
  return `[${x.map(item).join(',')}]`;
}

const quoted = new Map<string, string>();
const quote = (s: string): string => {
  let q = quoted.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (quoted.size < 10_000) quoted.set(s, q);
  }
  return q;
};

/**
 * The last time written and its text: runs of records share a time (one loop iteration, one virtual instant), and
 * a double's shortest round-trip text is the dearest part of a line.
 */
let lastT = 0;
let lastTText = '0';
const time = (t: number): string => {
  if (t !== lastT) {
    lastT = t;
    lastTText = num(t);
  }
  return lastTText;
};

export function traceLine(r: TraceEvent | EndRecord): string {
  if (r.event === 'end') return JSON.stringify(r);
  const e = r;
  const base = `{"seq":${e.seq},"t":${time(e.t)},"actor":${quote(e.actor)},"event":"${e.event}","qsize":${e.qsize}`;
  return e.item === undefined ? `${base}}` : `${base},"item":${item(e.item)}}`;
}
