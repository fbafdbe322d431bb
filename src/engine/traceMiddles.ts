/**
 * The fixed middle of a trace line, `,"actor":"consumer-0","event":"get","qsize":`, made once per (actor, event)
 * and kept by actor: a run writes millions of lines and a few hundred distinct middles.
 */
import type { Actor } from './actor';

/** One actor's middles by event: a short list searched by identity (event names are the engine's literals). */
export class ActorMiddles<V> {
  private readonly events: string[] = [];
  private readonly values: V[] = [];

  constructor(
    /** The actor these lines are about (null for a name read off a record). */
    readonly actor: Actor | null,
    readonly name: string,
    private readonly make: (quoted: string) => V,
  ) {}

  get(event: string): V {
    const evs = this.events;
    for (let k = 0; k < evs.length; k++) if (evs[k] === event) return this.values[k] as V;
    const v = this.make(`,"actor":${JSON.stringify(this.name)},"event":${JSON.stringify(event)},"qsize":`);
    // an actor writes a few dozen kinds of event at most; a record from outside could carry any string
    if (evs.length < 64) {
      evs.push(event);
      this.values.push(v);
    }
    return v;
  }
}

/** Every actor's middles: by the actor's id for a run's own events, by name for records read back. */
export class Middles<V> {
  private readonly byId: (ActorMiddles<V> | undefined)[] = [];
  private readonly byName = new Map<string, ActorMiddles<V>>();

  constructor(private readonly make: (quoted: string) => V) {}

  of(a: Actor): ActorMiddles<V> {
    const m = this.byId[a.id];
    if (m !== undefined && m.actor === a) return m;
    const fresh = new ActorMiddles(a, a.name, this.make);
    if (a.id < 100_000) this.byId[a.id] = fresh;
    return fresh;
  }

  named(name: string): ActorMiddles<V> {
    let m = this.byName.get(name);
    if (m === undefined) {
      m = new ActorMiddles<V>(null, name, this.make);
      if (this.byName.size < 10_000) this.byName.set(name, m);
    }
    return m;
  }
}
