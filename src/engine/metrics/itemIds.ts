/**
 * Each item's identity, which the trace does not carry (CPython's trace is compared event by event, so it stays as
 * it is): a serial given when a producer puts the item, followed into the queue and out to the consumer that gets
 * it. The scene draws each item once by its serial; equal values (randint's repeats) stay distinct items.
 */
import { Deque } from '../asyncio/deque';
import type { Item } from '../scenario';

/** An item moved since the last take: put (or got) by actor `actor`. */
export interface ItemMove {
  actor: number;
  put: boolean;
  serial: number;
  item: Item;
}

/** Moves kept between two takes: a run nobody views (a seek's replay) keeps this many and drops the rest. */
const MOVES_KEPT = 64;

/** A Map key for a value: numbers and null as they are, strings and lists tagged so none collide. */
function keyOf(x: Item): unknown {
  if (x === null || typeof x === 'number') return x;
  return typeof x === 'string' ? `s${x}` : `l${JSON.stringify(x)}`;
}

/** How equal values leave: in the order put, the last put first, or by value (a heap: by value only). */
export type ItemOrder = 'fifo' | 'lifo' | 'priority';

export class ItemIds {
  /** Off: a run nobody draws follows no item (the engine's hot path stays as it was). */
  on = false;
  /** Serials given so far (the next item's). */
  next = 0;
  /** The queue's order: a FIFO or LIFO queue's serials mirror it exactly, a heap's are matched by value. */
  order: ItemOrder = 'fifo';
  /** The serials in the queue in the order put (FIFO, LIFO): O(1) per event, on the engine's hot path. */
  private readonly line = new Deque<number>();
  /** A PriorityQueue's serials, by value, in the order put: of equal values the first put is taken first. */
  private readonly byValue = new Map<unknown, number[]>();
  /** What each actor got last (actor id -> serial). */
  private readonly got: number[] = [];
  private moves: ItemMove[] = [];

  /** A `put` of `item` by actor `actor`: a new serial. */
  put(actor: number, item: Item): void {
    const serial = this.next++;
    if (this.order !== 'priority') this.line.push(serial);
    else {
      const k = keyOf(item);
      const list = this.byValue.get(k);
      if (list === undefined) this.byValue.set(k, [serial]);
      else list.push(serial);
    }
    if (this.moves.length < MOVES_KEPT) this.moves.push({ actor, put: true, serial, item });
  }

  /** A `get` of `item` by actor `actor`: the serial of the item that left (-1 if none was seen put). */
  get(actor: number, item: Item): void {
    let serial: number | undefined;
    if (this.order === 'fifo') serial = this.line.shift();
    else if (this.order === 'lifo') serial = this.line.pop();
    else {
      const k = keyOf(item);
      const list = this.byValue.get(k);
      serial = list?.shift();
      if (list !== undefined && list.length === 0) this.byValue.delete(k);
    }
    this.got[actor] = serial ?? -1;
    if (this.moves.length < MOVES_KEPT) this.moves.push({ actor, put: false, serial: serial ?? -1, item });
  }

  /** The serial of the item actor `actor` got last, or -1. */
  heldBy(actor: number): number {
    return this.got[actor] ?? -1;
  }

  /**
   * The serials of `buffer` (the queue's items in leaving order). A heap's equal values are told apart by the
   * order put (the picture shows them alike). A value never seen put (a put that raised half-way) gets -1.
   */
  serialsOf(buffer: readonly Item[]): number[] {
    const n = this.line.length;
    if (this.order === 'fifo') return buffer.map((_, i) => this.line.peek(i) ?? -1);
    if (this.order === 'lifo') return buffer.map((_, i) => this.line.peek(n - 1 - i) ?? -1);
    const seen = new Map<unknown, number>();
    return buffer.map((x) => {
      const k = keyOf(x);
      const i = seen.get(k) ?? 0;
      seen.set(k, i + 1);
      return this.byValue.get(k)?.[i] ?? -1;
    });
  }

  /** The moves since the last take (at most MOVES_KEPT of them). */
  takeMoves(): ItemMove[] {
    const out = this.moves;
    this.moves = [];
    return out;
  }
}
