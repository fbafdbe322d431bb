/**
 * What the lab shows of a run at one moment, as plain data: each actor's state, the buffer, the counters, the loop.
 * Derived on demand from the simulation and the tracker that watches it; nothing here changes either.
 */
import type { Item } from './scenario';
import { AioQueue } from './asyncio/queue';
import type { Frozen, ViewTracker } from './metrics/viewTracker';
import type { Actor } from './program/actor';
import { plannedWorkers } from './program/shape';
import { waitingOn } from './run/end';
import type { Sim } from './run/sim';

export type ActorState =
  | 'ready' // woken or new: a step is queued on the loop
  | 'running'
  | 'sleeping' // a producer between items (asyncio.sleep / time.sleep in a thread)
  | 'blocked_put' // await q.put() on a full queue: backpressure
  | 'waiting_get' // await q.get() on an empty queue: idle
  | 'polling' // asleep after an empty get_nowait()
  | 'busy' // serving an item (asyncio.sleep)
  | 'blocking' // time.sleep inside a coroutine: the whole loop is frozen
  | 'waiting_join'
  | 'waiting' // main, on tasks (wait / gather / await)
  | 'finished'
  | 'cancelled'
  | 'crashed'
  | 'not_started'; // a worker main will create, before main has created it (the picture at t = 0)

export interface ActorView {
  id: number;
  name: string;
  role: Actor['role'];
  kind: Actor['kind'];
  state: ActorState;
  /** The item it holds: being put, or in service. */
  item?: Item;
  /** The serial of the item it holds, once got from the queue (a consumer's); a producer's is given at its put. */
  serial?: number;
  /** When its sleep ends (sleeping, polling, busy, blocking). */
  until?: number;
  /** What it awaits, in the hang report's words. */
  waitingOn?: string;
  /** The exception that ended it (crashed): its Python class and message. */
  error?: { exception: string; message: string };
  /** Where it stands in its program (for the code panel). */
  site: Actor['site'];
}

export interface SimView {
  t: number;
  status: 'running' | 'completed' | 'hang' | 'horizon' | 'error';
  actors: ActorView[];
  buffer: Item[];
  /** Each buffer item's serial (its identity: equal values are distinct items), in the same order. */
  bufferSerials: number[];
  maxsize: number;
  queueKind: string;
  counters: { produced: number; consumed: number; inBuffer: number; inService: number; unfinished: number; wastedPolls: number };
  /** The task running now, and the tasks whose step is queued (the loop strip). */
  running: string | null;
  /** The task whose step ran last: between iterations nothing is running, and this is what just did. */
  lastRan: string | null;
  ready: string[];
  frozen: Frozen | null;
}

export function actorState(tracker: ViewTracker, a: Actor): ActorState {
  if (a.thread !== null) return a.thread.alive ? 'sleeping' : 'finished';
  const t = a.task;
  if (t === null) return 'ready';
  if (t.done()) return t.cancelled() ? 'cancelled' : t.crash !== null ? 'crashed' : 'finished';
  if (tracker.current === t) return 'running';
  if (t.isReady()) return 'ready';
  const w = waitingOn(t);
  if (w === 'Queue.put') return 'blocked_put';
  if (w === 'Queue.get') return 'waiting_get';
  if (w === 'Queue.join') return 'waiting_join';
  if (w === 'sleep') return a.site === 'poll' ? 'polling' : a.site === 'service' ? 'busy' : 'sleeping';
  return 'waiting';
}

/** The workers main has yet to create, as the picture shows them before it has: by name, not started. */
function notStarted(sim: Sim): ActorView[] {
  // main (actor 0) creates them all in its first step; a run that ended before it never will
  if (sim.end !== null || sim.actors.length > 1) return [];
  return plannedWorkers(sim.shape).map((p, i) => ({
    id: sim.actors.length + i,
    name: p.name,
    role: p.role,
    kind: p.kind,
    state: 'not_started' as const,
    site: 'start' as const,
  }));
}

/** The last blocking time.sleep, if the moment `at` falls inside it (the loop stands still there). */
function frozenAt(tracker: ViewTracker, at: number): Frozen | null {
  const f = tracker.frozen;
  return f !== null && at >= f.from && at < f.until ? f : null;
}

/**
 * The view of the run; `at` is the moment shown (the page's clock, at most the engine's): a blocking time.sleep
 * runs inside one task step, so the engine is already past it while the page still shows the loop frozen. Inside
 * that sleep its task is in time.sleep and its item in service, not yet consumed.
 */
export function viewOf(sim: Sim, tracker: ViewTracker, at: number = sim.loop.now): SimView {
  const freeze = frozenAt(tracker, at);
  const actors: ActorView[] = sim.actors.map((a) => {
    const state = actorState(tracker, a);
    const v: ActorView = { id: a.id, name: a.name, role: a.role, kind: a.kind, state, site: a.site };
    if (a.item !== undefined && state !== 'finished' && state !== 'cancelled') {
      v.item = a.item;
      if (a.role === 'consumer' && a.site !== 'get') v.serial = tracker.ids.heldBy(a.id);
    }
    if (state === 'sleeping' || state === 'polling' || state === 'busy') v.until = a.until;
    if (a.task !== null && !a.task.done() && !a.task.isReady()) v.waitingOn = waitingOn(a.task);
    if (state === 'crashed' && a.task?.crash) v.error = { exception: a.task.crash.pyName, message: a.task.crash.message };
    if (freeze !== null && a.name === freeze.by) {
      // what it did after the sleep (got on, exited, crashed) has not happened yet at `at`
      v.state = 'blocking';
      v.until = freeze.until;
      if (a.site !== 'blocking') {
        delete v.item; // the item it holds now is a later one
        delete v.serial;
      }
      v.site = 'blocking';
      delete v.waitingOn;
      delete v.error;
    }
    return v;
  });
  actors.push(...notStarted(sim));
  const q = sim.queue;
  const buffer = q.items();
  // a blocking time.sleep leaves its site behind when the consumer crashes right after it (task_done twice)
  const ended = (v: ActorView): boolean => v.state === 'crashed' || v.state === 'finished' || v.state === 'cancelled';
  const inService = actors.filter((v) => v.state === 'busy' || v.state === 'blocking' || (v.role === 'consumer' && v.site === 'blocking' && !ended(v))).length;
  // inside the sleep, its `done` (logged right after it, in the same step) is still ahead
  const unDone = freeze !== null ? 1 : 0;
  return {
    t: sim.loop.now,
    status: sim.end === null ? 'running' : sim.end.status,
    actors,
    buffer,
    bufferSerials: tracker.ids.serialsOf(buffer),
    maxsize: q.maxsize,
    queueKind: q.kind,
    counters: {
      produced: tracker.counters.produced,
      consumed: tracker.counters.consumed - unDone,
      inBuffer: q.qsize(),
      inService,
      unfinished: q.unfinishedTasks,
      wastedPolls: tracker.counters.wastedPolls,
    },
    running: tracker.current?.name ?? null,
    lastRan: tracker.lastRan?.name ?? null,
    ready: sim.actors.filter((a) => a.task !== null && a.task.isReady() && tracker.current !== a.task).map((a) => a.name),
    frozen: tracker.frozen,
  };
}

export const isAsyncioQueue = (sim: Sim): boolean => sim.queue instanceof AioQueue;
