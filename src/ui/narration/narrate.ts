/**
 * A slice's events (src/worker/slice.ts) into the caption's sentences: each names the task, the statement of the
 * exported program the event reports on (its line, found through the program's code sites) and what followed.
 */
import { eventCodeSites } from '../../python/codeSites';
import { pyRepr, type PythonVersion } from '../../python/logLine';
import type { PythonProgram } from '../../python/generate';
import type { SliceEvent } from '../../worker/slice';
import { groupOf } from '../code/marks';
import { SAYS_ITS_WAIT, type EventFacts, type NarrationWords } from './facts';

export interface CaptionLine {
  task: string;
  /** The statement, as the program writes it. */
  call: string;
  /** What follows the call: the item, the consequence, what the task does next. */
  tail: string;
  /** The whole sentence. */
  text: string;
}

/**
 * A line of the program without its indentation, trailing comment (the generator puts two spaces before `#`) and a
 * header's colon (`async def consumer(n, q)`), so the sentence's own colon follows it.
 */
const statement = (line: string): string =>
  line
    .trim()
    .replace(/\s{2,}#\s.*$/, '')
    .replace(/:$/, '');

/** The statement an event reports on, from the program's named lines; the bare event name if the program has none. */
export function callOf(ev: SliceEvent, program: PythonProgram): string {
  const lines = program.code.split('\n');
  const none = ev.item === null;
  for (const key of eventCodeSites(ev.role, groupOf({ name: ev.actor, role: ev.role }), ev.event, none)) {
    const n = program.sites[key];
    if (n !== undefined && lines[n - 1] !== undefined) return statement(lines[n - 1]!);
  }
  return ev.event;
}

export function factsOf(ev: SliceEvent, call: string, maxsize: number, python: PythonVersion): EventFacts {
  const described = ev.event === 'error' || ev.event === 'crashed';
  const item = ev.item === undefined ? null : described && typeof ev.item === 'string' ? ev.item : pyRepr(ev.item, python);
  return { task: ev.actor, call, item, none: ev.item === null, qsize: ev.qsize, maxsize, waitsOn: ev.waitsOn };
}

/** One event's sentence. */
export function sentence(f: EventFacts, event: SliceEvent['event'], w: NarrationWords): CaptionLine {
  const said = w.events[event](f);
  const consequence = f.waitsOn !== null && !SAYS_ITS_WAIT.has(event) ? w.and(said, w.then(f.waitsOn)) : said;
  const named = f.item !== null && /\bitem\b/.test(f.call) && event !== 'error' && event !== 'crashed';
  const tail = w.tail(named ? w.itemClause(f.item!) : '', consequence);
  return { task: f.task, call: f.call, tail, text: `${f.task}${w.afterTask}${f.call}${tail}` };
}

export function captionLines(events: readonly SliceEvent[], maxsize: number, program: PythonProgram, python: PythonVersion, w: NarrationWords): CaptionLine[] {
  return events.map((ev) => sentence(factsOf(ev, callOf(ev, program), maxsize, python), ev.event, w));
}
