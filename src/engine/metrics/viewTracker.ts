/**
 * The bookkeeping the lab's view of a moment needs and the run does not: which task is running, which ran last,
 * the last time the whole loop stood still in a blocking `time.sleep`, and the running counts. Fed by the run's
 * hooks (run/observer.ts); view.ts reads it.
 */
import type { Task } from '../asyncio/task';
import type { Actor } from '../program/actor';
import type { RunObserver } from '../run/observer';
import type { EventName, Item } from '../scenario';
import { Counters } from './counters';
import { ItemIds } from './itemIds';

/** A blocking `time.sleep` inside a coroutine: `by` froze the loop from `from` to `until`. */
export interface Frozen {
  by: string;
  from: number;
  until: number;
}

export class ViewTracker implements RunObserver {
  readonly counters = new Counters();
  /** Each item's serial, which the trace does not carry: the scene draws each item once by it. */
  readonly ids = new ItemIds();
  /** The task whose step is running now, or null between steps. */
  current: Task<unknown> | null = null;
  /** The task whose step ran last (the loop strip's "last ran"). */
  lastRan: Task<unknown> | null = null;
  /** The last blocking `time.sleep` inside a coroutine, or null before any. */
  frozen: Frozen | null = null;

  enterTask(task: Task<unknown>): void {
    this.current = task;
    this.lastRan = task;
  }

  leaveTask(_task: Task<unknown>): void {
    this.current = null;
  }

  event(a: Actor, event: EventName, item: Item | undefined): void {
    this.counters.note(event, item);
    if (!this.ids.on) return;
    if (event === 'put') this.ids.put(a.id, item ?? null);
    else if (event === 'get') this.ids.get(a.id, item ?? null);
  }

  blocked(a: Actor, from: number, until: number): void {
    this.frozen = { by: a.name, from, until };
  }
}
