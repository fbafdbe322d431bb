/**
 * What the producer, consumer and main programs need from the run that hosts them: the trace, sleeps, the queue,
 * draws, and making tasks and threads. They see nothing else of it (the driver is run/sim.ts).
 */
import type { DrawSite } from './draws';
import type { Steps, Yielded } from '../asyncio/future';
import type { EventLoop } from '../asyncio/loop';
import type { AioQueue, ThreadQueue } from '../asyncio/queue';
import type { Dist, EndRecord, EventName, Item, Scenario } from '../scenario';
import type { Task } from '../asyncio/task';
import type { Actor } from './actor';
import type { Site } from './sites';
import type { ProgramShape } from './shape';

export interface ProgramHost {
  readonly loop: EventLoop;
  readonly scenario: Scenario;
  readonly shape: ProgramShape;
  readonly queue: AioQueue | ThreadQueue;
  readonly actors: readonly Actor[];
  /** Set once the run has ended (a step cut short at the horizon is unwinding). */
  readonly end: EndRecord | null;
  aioQueue(): AioQueue;
  threadQueue(): ThreadQueue;
  /** One trace event of actor `a`. */
  log(a: Actor, event: EventName, item?: Item): void;
  /** The actor is now at `site`, holding `item`. */
  at(a: Actor, site: Site, item?: Item): void;
  /** `await asyncio.sleep(d)` at `site`: what the coroutine yields. */
  nap(a: Actor, d: number, site: Site, item?: Item): Yielded;
  /** `time.sleep(d)` inside a coroutine: the whole loop stands still. */
  blockingSleep(a: Actor, d: number, item: Item): void;
  /** The draw site of one place in the program's code, shared by every task running that code. */
  drawSite(key: string, dist: Dist): DrawSite;
  newActor(name: string, role: Actor['role'], kind: Actor['kind'], group: number): Actor;
  /** `asyncio.create_task(coro)` for actor `a`. */
  spawn<T>(a: Actor, coro: Steps<T>): Task<T>;
  /** `threading.Thread(...).start()` for actor `a`: runs it up to its first `time.sleep`. */
  startThread(a: Actor, body: Generator<number, void, unknown>): void;
}
