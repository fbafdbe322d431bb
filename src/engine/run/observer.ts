/**
 * What a run tells whoever watches it, as it happens: the steps of its tasks, every trace event (written or not:
 * the trace may be off during a seek), and the loop standing still in a blocking `time.sleep`. The run keeps no
 * count or view of its own; observers composed from outside (metrics/viewTracker.ts) derive them from these.
 */
import type { Task } from '../asyncio/task';
import type { Actor } from '../program/actor';
import type { EventName, Item } from '../scenario';

export interface RunObserver {
  /** A step of `task` begins. */
  enterTask(task: Task<unknown>): void;
  /** The step of `task` has ended. */
  leaveTask(task: Task<unknown>): void;
  /** One trace event of actor `a`; `item` undefined when the event has none. */
  event(a: Actor, event: EventName, item: Item | undefined): void;
  /** `time.sleep` inside a coroutine of `a`: the whole loop stands still from `from` to `until`. */
  blocked(a: Actor, from: number, until: number): void;
}

/** Watches nothing: a run nobody views (the fuzz tests' bounded runs). */
export const NO_OBSERVER: RunObserver = {
  enterTask: () => {},
  leaveTask: () => {},
  event: () => {},
  blocked: () => {},
};
