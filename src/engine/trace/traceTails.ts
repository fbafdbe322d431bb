/**
 * The end of a trace line after its time, `,"actor":"consumer-0","event":"get","qsize":3` and then `,"item":` or
 * `}` and a newline, made once per (actor, event, qsize, whether an item follows) and kept by actor: a run writes
 * millions of lines and a few thousand distinct tails.
 */
import type { Actor } from '../program/actor';

/** Tails are kept for queue sizes below this; a bigger one is made each time. */
const KEPT_QSIZE = 64;

/** What one event of one actor ends its lines with, by queue size and whether an item follows. */
interface EventTails<V> {
  event: string;
  /** `,"actor":...,"event":...,"qsize":` */
  middle: string;
  byQsize: (V | undefined)[];
}

/** One actor's tails by event: a short list searched by identity (event names are the engine's literals). */
export class ActorTails<V> {
  private readonly events: EventTails<V>[] = [];

  constructor(
    /** The actor these lines are about (null for a name read off a record). */
    readonly actor: Actor | null,
    readonly name: string,
    private readonly make: (text: string) => V,
  ) {}

  get(event: string, qsize: number, item: boolean): V {
    const e = this.find(event);
    if (qsize >= KEPT_QSIZE) return this.make(tailText(e, qsize, item));
    const i = 2 * qsize + (item ? 1 : 0);
    const v = e.byQsize[i];
    return v !== undefined ? v : (e.byQsize[i] = this.make(tailText(e, qsize, item)));
  }

  private find(event: string): EventTails<V> {
    const evs = this.events;
    for (let k = 0; k < evs.length; k++) {
      const e = evs[k] as EventTails<V>;
      if (e.event === event) return e;
    }
    const e: EventTails<V> = { event, middle: `,"actor":${JSON.stringify(this.name)},"event":${JSON.stringify(event)},"qsize":`, byQsize: [] };
    // an actor writes a few dozen kinds of event at most; a record from outside could carry any string
    if (evs.length < 64) evs.push(e);
    return e;
  }
}

const tailText = (e: EventTails<unknown>, qsize: number, item: boolean): string => `${e.middle}${qsize}${item ? ',"item":' : '}\n'}`;

/** Every actor's tails: by the actor's id for a run's own events, by name for records read back. */
export class Tails<V> {
  private readonly byId: (ActorTails<V> | undefined)[] = [];
  private readonly byName = new Map<string, ActorTails<V>>();

  constructor(private readonly make: (text: string) => V) {}

  of(a: Actor): ActorTails<V> {
    const m = this.byId[a.id];
    if (m !== undefined && m.actor === a) return m;
    const fresh = new ActorTails(a, a.name, this.make);
    if (a.id < 100_000) this.byId[a.id] = fresh;
    return fresh;
  }

  named(name: string): ActorTails<V> {
    let m = this.byName.get(name);
    if (m === undefined) {
      m = new ActorTails<V>(null, name, this.make);
      if (this.byName.size < 10_000) this.byName.set(name, m);
    }
    return m;
  }
}
