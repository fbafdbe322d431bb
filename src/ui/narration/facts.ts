/**
 * What the caption says about one event, as facts (the words modules, words.ts and words.zh.ts, make sentences of
 * them): the task, the Python statement the event reports on, the item as Python writes it, the queue's fill.
 */
import type { EventName } from '../../scenarios/types';

export interface EventFacts {
  task: string;
  /** The statement as the exported program writes it, e.g. `await q.put(item)`. */
  call: string;
  /** The item as Python's repr (an exception's description for `error` and `crashed`), or null when it has none. */
  item: string | null;
  /** The item is the `None` sentinel. */
  none: boolean;
  qsize: number;
  /** 0: an unbounded queue. */
  maxsize: number;
  /** What the task awaits once the slice is over (its last event of the slice only), in the hang report's words. */
  waitsOn: string | null;
}

/** One language's caption: its heading, its frame and a consequence for every event the trace can hold. */
export interface NarrationWords {
  title: string;
  /** Before anything has run. */
  empty: string;
  /** A slice longer than the caption shows. */
  more: (n: number) => string;
  /** The heading of the latest log lines under the caption. */
  recent: string;
  /** `(item = 2)` after a call that names `item`. */
  itemClause: (item: string) => string;
  /** The sentence's end after the call: the item clause, then the consequence. */
  tail: (itemClause: string, consequence: string) => string;
  /** Between the task and the call. */
  afterTask: string;
  /** What the task does once the slice is over, added to events that are not themselves a wait. */
  then: (waitsOn: string) => string;
  /** Joins the consequence and what follows it. */
  and: (consequence: string, then: string) => string;
  events: Record<EventName, (f: EventFacts) => string>;
}

/** Events that already say the task waits (or ends): nothing is added about what it does next. */
export const SAYS_ITS_WAIT: ReadonlySet<EventName> = new Set<EventName>([
  'put_wait',
  'get_wait',
  'join_wait',
  'empty',
  'exit',
  'cancelled',
  'crashed',
  'main_done',
]);
