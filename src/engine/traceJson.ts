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

/**
 * `,"actor":"consumer-0","event":"get","qsize":` for an (actor, event) pair, as `make` writes it, made once per
 * pair: the fixed middle of a line in one piece instead of five (each concatenation costs about as much as the
 * rest of the line's work). Bounded: past 10,000 pairs (a scenario has far fewer), new ones are made each time.
 */
export function middles<V>(make: (quoted: string) => V): (actor: string, event: string) => V {
  const byActor = new Map<string, Map<string, V>>();
  let count = 0;
  // runs of records share an actor (a consumer's done, task_done and get): the last one's map, without a lookup
  let lastActor: string | null = null;
  let lastByEvent: Map<string, V> = new Map();
  return (actor, event) => {
    let byEvent = lastByEvent;
    if (actor !== lastActor) {
      const known = byActor.get(actor);
      if (known === undefined) {
        byEvent = new Map();
        if (count < 10_000) byActor.set(actor, byEvent);
      } else {
        byEvent = known;
      }
      lastActor = actor;
      lastByEvent = byEvent;
    }
    let m = byEvent.get(event);
    if (m === undefined) {
      m = make(`,"actor":${JSON.stringify(actor)},"event":${JSON.stringify(event)},"qsize":`);
      if (count < 10_000) {
        byEvent.set(event, m);
        count++;
      }
    }
    return m;
  };
}

const middle = middles((text) => text);

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
