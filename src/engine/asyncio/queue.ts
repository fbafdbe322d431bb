import type { Item } from '../scenario';
import { AioEvent } from './aio';
import { Deque } from './deque';
import { PyException, queueEmpty, queueFull, queueShutDown } from './errors';
import { Future, type Coro } from './future';
import type { EventLoop } from './loop';
import { heappop, heappush } from '../pyruntime/pyvalues';

/** The storage hooks that LifoQueue and PriorityQueue override (`_init`, `_get`, `_put`). */
interface Store {
  put(x: Item): void;
  get(): Item;
  size(): number;
  /** Items in the order they would leave (for the scene). */
  inLeavingOrder(): Item[];
}

/** Queue's storage, a deque (`_init`: `collections.deque()`). A class, not an object of closures: the hot path calls it. */
class FifoStore implements Store {
  private readonly d = new Deque<Item>();
  put(x: Item): void {
    this.d.push(x);
  }
  get(): Item {
    return this.d.shift() as Item;
  }
  size(): number {
    return this.d.length;
  }
  inLeavingOrder(): Item[] {
    return this.d.toArray();
  }
}

/** LifoQueue's: a list, last in first out. */
class LifoStore implements Store {
  private readonly a: Item[] = [];
  put(x: Item): void {
    this.a.push(x);
  }
  get(): Item {
    return this.a.pop() as Item;
  }
  size(): number {
    return this.a.length;
  }
  inLeavingOrder(): Item[] {
    return [...this.a].reverse();
  }
}

/** PriorityQueue's: a heapq list. */
class HeapStore implements Store {
  private readonly h: Item[] = [];
  put(x: Item): void {
    heappush(this.h, x);
  }
  get(): Item {
    return heappop(this.h);
  }
  size(): number {
    return this.h.length;
  }
  inLeavingOrder(): Item[] {
    const copy = [...this.h];
    const out: Item[] = [];
    try {
      while (copy.length > 0) out.push(heappop(copy));
    } catch {
      return [...this.h]; // unorderable items: show heap order
    }
    return out;
  }
}

export type AioQueueKind = 'Queue' | 'LifoQueue' | 'PriorityQueue';

/** asyncio.Queue / LifoQueue / PriorityQueue, ported from CPython 3.13 `Lib/asyncio/queues.py`. */
export class AioQueue {
  readonly getters = new Deque<Future<null>>();
  readonly putters = new Deque<Future<null>>();
  unfinishedTasks = 0;
  readonly finished: AioEvent;
  isShutdown = false;
  private readonly store: Store;

  constructor(
    private readonly loop: EventLoop,
    readonly kind: AioQueueKind,
    readonly maxsize: number,
  ) {
    this.finished = new AioEvent(loop, 'Queue.join');
    this.finished.set();
    this.store = kind === 'Queue' ? new FifoStore() : kind === 'LifoQueue' ? new LifoStore() : new HeapStore();
  }

  private wakeupNext(waiters: Deque<Future<null>>): void {
    while (waiters.length > 0) {
      const w = waiters.shift() as Future<null>;
      if (!w.done()) {
        w.setResult(null);
        break;
      }
    }
  }

  qsize(): number {
    return this.store.size();
  }

  empty(): boolean {
    return this.store.size() === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.qsize() >= this.maxsize;
  }

  items(): Item[] {
    return this.store.inLeavingOrder();
  }

  *put(item: Item): Coro<void> {
    while (this.full()) {
      const putter = this.newPutter();
      try {
        yield putter; // `await putter`: the task resumes once it is done, or throws its cancellation in here
      } catch (e) {
        this.dropPutter(putter);
        throw e;
      }
    }
    this.putNowait(item);
  }

  /** One turn of put()'s `while self.full()` loop, up to its `await putter`: the future to await. */
  newPutter(): Future<null> {
    if (this.isShutdown) throw queueShutDown();
    const putter = new Future<null>(this.loop, 'Queue.put');
    this.putters.push(putter);
    return putter;
  }

  /** put()'s `except:` arm, before it re-raises: the putter leaves, and passes its wake-up on if it had one. */
  dropPutter(putter: Future<null>): void {
    putter.cancel();
    this.putters.remove(putter);
    if (!this.full() && !putter.cancelled()) this.wakeupNext(this.putters);
  }

  putNowait(item: Item): void {
    if (this.isShutdown) throw queueShutDown();
    if (this.full()) throw queueFull();
    this.store.put(item);
    this.unfinishedTasks++;
    this.finished.clear();
    this.wakeupNext(this.getters);
  }

  *get(): Coro<Item> {
    while (this.empty()) {
      const getter = this.newGetter();
      try {
        yield getter; // `await getter` (as the putter's)
      } catch (e) {
        this.dropGetter(getter);
        throw e;
      }
    }
    return this.getNowait();
  }

  /** One turn of get()'s `while self.empty()` loop, up to its `await getter`: the future to await. */
  newGetter(): Future<null> {
    if (this.isShutdown && this.empty()) throw queueShutDown();
    const getter = new Future<null>(this.loop, 'Queue.get');
    this.getters.push(getter);
    return getter;
  }

  /** get()'s `except:` arm, before it re-raises (as dropPutter). */
  dropGetter(getter: Future<null>): void {
    getter.cancel();
    this.getters.remove(getter);
    if (!this.empty() && !getter.cancelled()) this.wakeupNext(this.getters);
  }

  getNowait(): Item {
    if (this.empty()) {
      if (this.isShutdown) throw queueShutDown();
      throw queueEmpty();
    }
    const item = this.store.get();
    this.wakeupNext(this.putters);
    return item;
  }

  taskDone(): void {
    if (this.unfinishedTasks <= 0) throw new PyException('ValueError', 'task_done() called too many times');
    this.unfinishedTasks--;
    if (this.unfinishedTasks === 0) this.finished.set();
  }

  *join(): Coro<void> {
    if (this.unfinishedTasks > 0) yield* this.finished.wait();
  }

  /** Python 3.13 `Queue.shutdown(immediate)`. */
  shutdown(immediate = false): void {
    this.isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this.store.get();
        if (this.unfinishedTasks > 0) this.unfinishedTasks--;
      }
      if (this.unfinishedTasks === 0) this.finished.set();
    }
    while (this.getters.length > 0) {
      const g = this.getters.shift() as Future<null>;
      if (!g.done()) g.setResult(null);
    }
    while (this.putters.length > 0) {
      const p = this.putters.shift() as Future<null>;
      if (!p.done()) p.setResult(null);
    }
  }
}

/** `queue.Queue` (threading), unbounded, as thread producers and polling consumers use it. */
export class ThreadQueue {
  readonly kind = 'queue.Queue';
  readonly maxsize = 0;
  private readonly d = new Deque<Item>();
  unfinishedTasks = 0;

  qsize(): number {
    return this.d.length;
  }
  empty(): boolean {
    return this.d.length === 0;
  }
  full(): boolean {
    return false;
  }
  items(): Item[] {
    return this.d.toArray();
  }
  put(item: Item): void {
    this.d.push(item);
    this.unfinishedTasks++;
  }
  /** `get(block=False)`: raises queue.Empty on an empty queue. */
  getNowait(): Item {
    if (this.d.length === 0) throw new PyException('Empty');
    return this.d.shift() as Item;
  }
  taskDone(): void {
    if (this.unfinishedTasks <= 0) throw new PyException('ValueError', 'task_done() called too many times');
    this.unfinishedTasks--;
  }
}
