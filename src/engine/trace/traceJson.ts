/**
 * One trace record as a JSON line, written by hand: the trace is the engine's bulk output, and this is several
 * times faster than JSON.stringify on these small, fixed-shape objects. Output equals JSON.stringify's.
 */
import type { EndRecord, Item, TraceEvent } from '../scenario';

const num = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

function item(x: Item): string {
  if (typeof x === 'number') return num(x);
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x);
  return `[${x.map(item).join(',')}]`;
}

/**
 * `,"actor":"consumer-0","event":"get","qsize":` for an (actor, event) pair, made once per pair: the fixed middle
 * of a line in one piece instead of five (each concatenation costs about as much as the rest of the line's work).
 * Bounded: past 10,000 pairs (a scenario has far fewer), new ones are made each time.
 */
const byActor = new Map<string, Map<string, string>>();
let pairs = 0;
function middle(actor: string, event: string): string {
  let byEvent = byActor.get(actor);
  if (byEvent === undefined) {
    byEvent = new Map();
    if (pairs < 10_000) byActor.set(actor, byEvent);
  }
  let m = byEvent.get(event);
  if (m === undefined) {
    m = `,"actor":${JSON.stringify(actor)},"event":${JSON.stringify(event)},"qsize":`;
    if (pairs < 10_000) {
      byEvent.set(event, m);
      pairs++;
    }
  }
  return m;
}

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
  const head = '{"seq":' + e.seq + ',"t":' + time(e.t) + middle(e.actor, e.event) + e.qsize;
  return e.item === undefined ? head + '}' : head + ',"item":' + item(e.item) + '}';
}
