/**
 * The running counts the scene shows (items produced and consumed, polls that found the queue empty), read off
 * the trace's events as they are written: the programs only log what they do.
 */
import type { EventName, Item } from '../scenario';

export class Counters {
  produced = 0;
  consumed = 0;
  wastedPolls = 0;

  /** One trace event: a put of an item (not a `None` sentinel), a `done`, or an `empty` poll. */
  note(event: EventName, item: Item | undefined): void {
    if (event === 'put') {
      if (item !== null) this.produced++;
    } else if (event === 'done') this.consumed++;
    else if (event === 'empty') this.wastedPolls++;
  }
}
