/**
 * Thread producers on the virtual clock: one runs at a time and hands control back at `time.sleep`, as the
 * generated program's --fast block runs real threads under a baton. `Thread.start()` runs a thread up to its first
 * sleep; later, each thread due by the loop's next moment runs first, earliest wake first (ties: the order they went
 * to sleep), with the clock set to its wake time.
 */
import type { EventLoop } from '../asyncio/loop';
import type { Site } from '../program/sites';

/** What a thread's run moves: its actor's site and when its sleep ends. */
export interface ThreadActor {
  site: Site;
  until: number;
}

export interface SimThread {
  actor: ThreadActor;
  /** The thread's body: yields the durations of its `time.sleep` calls. */
  gen: Generator<number, void, unknown>;
  wakeAt: number;
  /** The order it went to sleep in, for ties. */
  seq: number;
  alive: boolean;
}

export class Threads {
  private readonly all: SimThread[] = [];
  private seq = 0;
  /** Runs started so far (each one slice of a thread, for the lab's caption). */
  runs = 0;

  constructor(private readonly loop: EventLoop) {}

  /** `Thread(...).start()`: the thread runs at once, up to its first `time.sleep`. */
  start(actor: ThreadActor, gen: Generator<number, void, unknown>): SimThread {
    const th: SimThread = { actor, gen, wakeAt: 0, seq: 0, alive: true };
    this.all.push(th);
    this.run(th);
    return th;
  }

  /** Runs one segment of a thread: up to its next `time.sleep`, or to its end. */
  run(th: SimThread): void {
    this.runs++;
    th.actor.site = 'run';
    const r = th.gen.next();
    if (r.done === true) {
      th.alive = false;
      return;
    }
    th.wakeAt = this.loop.now + r.value;
    th.seq = this.seq++;
    th.actor.site = 'interval';
    th.actor.until = th.wakeAt;
  }

  /** The thread that wakes first, or null when none is alive. */
  next(): SimThread | null {
    let best: SimThread | null = null;
    for (const th of this.all) {
      if (!th.alive) continue;
      if (best === null || th.wakeAt < best.wakeAt || (th.wakeAt === best.wakeAt && th.seq < best.seq)) best = th;
    }
    return best;
  }

  anyAlive(): boolean {
    return this.all.some((th) => th.alive);
  }

  /** Runs the threads due by `limit`, earliest first, each at its own wake time. */
  runUntil(limit: number): void {
    for (let th = this.next(); th !== null && th.wakeAt <= limit; th = this.next()) {
      if (th.wakeAt > this.loop.now) this.loop.now = th.wakeAt;
      this.run(th);
    }
  }
}
