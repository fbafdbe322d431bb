/**
 * Trace comparison, as docs/scenario.md ("Comparing traces") defines it:
 * - events in order: `(actor, event, item)` equal, `t` numerically equal, `qsize` equal;
 * - except the events after `main_done` (or, when main raised, after asyncio.run's cleanup began: the Python
 *   end record's `cleanup_seq`), which are compared as multisets: asyncio.run cancels the leftover tasks in the
 *   iteration order of a set;
 * - the end records: `status`, `t`, the set of blocked `(task, waiting_on)` (and threads), and for an error the
 *   exception's class and message.
 * Returns null when equal, else a readable report of the first difference with three events of context.
 */
import type { BlockedEntry, EndRecord, Item, TraceEvent } from '../../src/scenarios/types.ts';
import { pyRepr } from '../../src/python/logLine.ts';

export interface Trace {
  events: TraceEvent[];
  end: (EndRecord & { cleanup_seq?: number }) | null;
}

const CONTEXT = 3;

function itemEqual(a: Item | undefined, b: Item | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => itemEqual(x, b[k]));
  }
  return a === b;
}

/** Whether two events are the same event at the same time with the same queue size. */
export function eventsEqual(a: TraceEvent, b: TraceEvent): boolean {
  return (
    a.actor === b.actor &&
    a.event === b.event &&
    itemEqual('item' in a ? a.item : undefined, 'item' in b ? b.item : undefined) &&
    a.t === b.t &&
    a.qsize === b.qsize
  );
}

/** One event as a line of the report: `#seq  t  actor  event [item]  (qsize n)`. */
export function describeEvent(e: TraceEvent | undefined): string {
  if (e === undefined) return '(nothing)';
  // a report line, not a log line: 3.11's repr, the oldest Unicode table, escapes the most
  const item = 'item' in e && e.item !== undefined ? ` ${pyRepr(e.item, '3.11')}` : '';
  return `#${e.seq}  t=${e.t}  ${e.actor}  ${e.event}${item}  (qsize ${e.qsize})`;
}

/** Where the unordered tail begins: after main_done, else where asyncio.run's cleanup began, else the end. */
function orderedLength(t: Trace, other: Trace): number {
  const done = t.events.findIndex((e) => e.actor === 'main' && e.event === 'main_done');
  if (done >= 0) return done + 1;
  // main raised (no main_done): the Python side marks where asyncio.run's cleanup began. The end status may still
  // be 'horizon' when threads outlive main.
  const cleanup = t.end?.cleanup_seq ?? other.end?.cleanup_seq;
  return cleanup === undefined ? t.events.length : Math.min(cleanup, t.events.length);
}

function context(events: TraceEvent[], at: number): string[] {
  const lines: string[] = [];
  for (let k = Math.max(0, at - CONTEXT); k <= Math.min(events.length - 1, at + CONTEXT); k++) {
    lines.push(`${k === at ? '>' : ' '} ${describeEvent(events[k])}`);
  }
  if (at >= events.length) lines.push(`> (the trace ends after ${events.length} events)`);
  return lines;
}

function eventKey(e: TraceEvent): string {
  return JSON.stringify([e.actor, e.event, 'item' in e ? (e.item ?? null) : '<none>', 'item' in e, e.t, e.qsize]);
}

function blockedKey(b: BlockedEntry): string {
  return 'task' in b ? `${b.task}: ${b.waiting_on}` : `thread ${b.thread}: ${b.state} until ${b.wakes_at}`;
}

function compareEnds(a: Trace['end'], b: Trace['end'], names: [string, string]): string | null {
  if (a === null || b === null) {
    if (a === b) return null;
    return `end record: ${names[0]} ${a === null ? 'has none' : `says ${a.status}`}, ${names[1]} ${b === null ? 'has none' : `says ${b.status}`}`;
  }
  const diffs: string[] = [];
  if (a.status !== b.status) diffs.push(`status: ${names[0]} ${a.status}, ${names[1]} ${b.status}`);
  if (a.t !== b.t) diffs.push(`t: ${names[0]} ${a.t}, ${names[1]} ${b.t}`);
  const ka = a.blocked.map(blockedKey).sort();
  const kb = b.blocked.map(blockedKey).sort();
  if (JSON.stringify(ka) !== JSON.stringify(kb)) {
    diffs.push(`blocked: ${names[0]} [${ka.join('; ')}], ${names[1]} [${kb.join('; ')}]`);
  }
  if (a.status === 'error' && b.status === 'error') {
    if (a.exception !== b.exception) diffs.push(`exception: ${names[0]} ${a.exception}, ${names[1]} ${b.exception}`);
    if (a.message !== b.message) diffs.push(`message: ${names[0]} ${JSON.stringify(a.message)}, ${names[1]} ${JSON.stringify(b.message)}`);
  }
  return diffs.length === 0 ? null : `end records differ:\n  ${diffs.join('\n  ')}`;
}

/** null when the traces are equal under the comparison rules, else a report of the first difference. */
export function compareTraces(a: Trace, b: Trace, names: [string, string] = ['a', 'b']): string | null {
  const na = orderedLength(a, b);
  const nb = orderedLength(b, a);
  const ordered = Math.min(na, nb);
  for (let k = 0; k <= ordered; k++) {
    if (k === ordered) {
      if (na === nb) break;
      // One trace's ordered part is longer: the first event that only one side has in order.
    } else if (eventsEqual(a.events[k] as TraceEvent, b.events[k] as TraceEvent)) {
      continue;
    }
    return [
      `traces differ at event ${k} (${names[0]}: ${a.events.length} events, ${names[1]}: ${b.events.length}):`,
      `${names[0]}:`,
      ...context(a.events, k),
      `${names[1]}:`,
      ...context(b.events, k),
    ].join('\n');
  }
  // The unordered tail: the same events, in any order.
  const tailA = a.events.slice(na);
  const tailB = b.events.slice(nb);
  const count = new Map<string, number>();
  for (const e of tailA) count.set(eventKey(e), (count.get(eventKey(e)) ?? 0) + 1);
  for (const e of tailB) count.set(eventKey(e), (count.get(eventKey(e)) ?? 0) - 1);
  const onlyA = tailA.filter((e) => (count.get(eventKey(e)) ?? 0) > 0);
  const onlyB = tailB.filter((e) => (count.get(eventKey(e)) ?? 0) < 0);
  if (onlyA.length > 0 || onlyB.length > 0) {
    const show = (list: TraceEvent[]): string[] => list.slice(0, 6).map((e) => `  ${describeEvent(e)}`);
    return [
      `the events after event ${ordered} (compared in any order) differ:`,
      `only in ${names[0]} (${onlyA.length}):`,
      ...show(onlyA),
      `only in ${names[1]} (${onlyB.length}):`,
      ...show(onlyB),
    ].join('\n');
  }
  return compareEnds(a.end, b.end, names);
}
