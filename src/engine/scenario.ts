/**
 * The scenario format `queue-lab/1`: one JSON document that the engine interprets and that
 * src/python turns into the equivalent asyncio program. docs/scenario.md is the reference.
 */

export const SCENARIO_SPEC = 'queue-lab/1';

/** A distribution of numbers; every draw uses the one shared `random.Random(seed)`. */
export type Dist =
  | { dist: 'const'; value: number }
  | { dist: 'randint'; lo: number; hi: number } // random.randint(lo, hi), inclusive
  | { dist: 'uniform'; lo: number; hi: number } // random.uniform(lo, hi)
  | { dist: 'expo'; mean: number } // random.expovariate(1 / mean)
  | { dist: 'choice'; values: number[] } // random.choice([...])
  | { dist: 'list'; values: number[] } // values[k % len], one counter per place it is used
  | { dist: 'item' }; // the item's own value (service time only)

export type DistKind = Dist['dist'];

/** What a producer puts: its own index i (0-based), a formatted string, or a draw. */
export type ItemValue =
  | { type: 'index' } // i
  | { type: 'format'; format: string } // f-string with {i} (item index) and {n} (producer number)
  | { type: 'dist'; dist: Dist }
  | { type: 'priority'; priority: Dist }; // a tuple (priority, i)

export interface ProducerGroup {
  name: string; // python identifier; tasks are `name` (count 1) or `name-0`, `name-1`, ...
  count: number;
  runs_in: 'task' | 'thread'; // thread: threading.Thread + time.sleep + queue.Queue.put
  items: { count: number | null; value: ItemValue }; // count null: `while True`
  interval: Dist | null; // sleep between puts; null: no sleep at all
  interval_at: 'before_put' | 'after_put';
  put: 'await' | 'nowait';
  then: 'none' | 'join'; // 'join': await q.join() at the end (the second article)
}

export interface ConsumerGroup {
  name: string;
  count: number;
  get: { mode: 'await' } | { mode: 'poll'; interval: number };
  service: Dist;
  service_call: 'asyncio.sleep' | 'time.sleep'; // time.sleep blocks the whole loop
  task_done: 'after' | 'never' | 'twice';
  /** The consumer raises `exception` on this item; `guard` says how the code handles it. */
  raise_on: { item: Item; exception: 'ValueError' | 'RuntimeError'; guard: 'none' | 'finally' | 'except' } | null;
}

export type Shutdown =
  | { strategy: 'none' }
  | { strategy: 'sentinel'; by: 'producer' | 'main'; count: number | null } // count null: one per consumer
  | { strategy: 'cancel_after_join' }
  | { strategy: 'queue_shutdown'; immediate: boolean; after: 'producers_done' | 'join' };

export type QueueKind = 'Queue' | 'LifoQueue' | 'PriorityQueue' | 'queue.Queue';

export interface Scenario {
  spec: typeof SCENARIO_SPEC;
  name: string;
  python: '3.11' | '3.12' | '3.13';
  seed: number; // random.seed(seed); a non-negative integer
  horizon: number | null; // stop at this virtual time (s); null: run to the end
  queue: { kind: QueueKind; maxsize: number }; // maxsize <= 0: unbounded
  producers: ProducerGroup[];
  consumers: ConsumerGroup[];
  shutdown: Shutdown;
  main: {
    start: 'producers_first' | 'consumers_first';
    awaits: 'all' | 'consumers' | 'producers';
    with: 'wait' | 'gather' | 'await';
    /**
     * false: main creates the producer tasks without keeping the Task objects (a bare `asyncio.create_task(...)`).
     * Only the program's text changes; the run is the same. Absent means true.
     */
    keep_refs?: boolean;
  };
}

/** A queue item as Python sees it: int/float, str, None, or a tuple (array). */
export type Item = number | string | null | Item[];

/** One line of the trace (JSON Lines). */
export interface TraceEvent {
  seq: number;
  t: number;
  actor: string;
  event: EventName;
  item?: Item;
  qsize: number;
}

export type EventName =
  | 'start'
  | 'put_wait'
  | 'put'
  | 'producer_done'
  | 'join_wait'
  | 'join_done'
  | 'get_wait'
  | 'get'
  | 'empty'
  | 'done'
  | 'task_done'
  | 'error'
  | 'exit'
  | 'cancelled'
  | 'crashed'
  | 'shutdown_exc'
  | 'cancel_consumers'
  | 'shutdown'
  | 'main_done';

export type EndStatus = 'completed' | 'hang' | 'horizon' | 'error';

export type WaitingOn =
  | 'Queue.get'
  | 'Queue.put'
  | 'Queue.join'
  | 'sleep'
  | 'asyncio.wait'
  | 'asyncio.gather'
  | `task ${string}`;

export type BlockedEntry =
  | { task: string; waiting_on: WaitingOn }
  | { thread: string; state: 'sleeping'; wakes_at: number };

export interface EndRecord {
  seq: number;
  t: number;
  actor: 'loop';
  event: 'end';
  status: EndStatus;
  blocked: BlockedEntry[];
  exception?: string; // error: Python's exception class name
  message?: string; // error: str(exc)
  /** seq of the first event after main() returned or raised: asyncio.run's cleanup, whose order CPython leaves open. */
  cleanup_seq?: number;
}
