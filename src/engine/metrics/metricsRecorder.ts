/**
 * What each trace record changes in the state of a run (MetricsState): `add` moves the clock to the record's time
 * and applies it. A record starts or ends a producer or a consumer, holds an item in a blocked put, puts an item in
 * the buffer (its put time tracked in the queue's order), takes one into service or ends a service, or settles
 * unfinished_tasks (task_done, a draining shutdown); the counts, the sums of the current batch, the time series
 * sample and the histograms follow. Metrics (metrics.ts) reads the figures from this state.
 */
import type { EndRecord, TraceEvent } from '../scenario';
import { type ConsumerState, MetricsState, type ProducerState } from './metricsState';

const EPS = 1e-12;

export abstract class MetricsRecorder extends MetricsState {
  /** producer-3 -> the group producer; live changes add workers named like that too. */
  private roleOf(actor: string): 'producer' | 'consumer' | 'main' | undefined {
    const known = this.actorRoles.get(actor);
    if (known !== undefined) return known;
    const role = actor === 'main' ? 'main' : (this.roles.get(actor) ?? this.roles.get(actor.replace(/-\d+$/, '')));
    if (role !== undefined) this.actorRoles.set(actor, role);
    return role;
  }

  /** Feeds records in trace order (the end record included). */
  addAll(records: Iterable<TraceEvent | EndRecord>): void {
    for (const r of records) this.add(r);
  }

  add(ev: TraceEvent | EndRecord): void {
    if (this.ended) return;
    this.advanceTo(ev.t);
    if (ev.event === 'end') {
      this.ended = true;
      this.endedAt = ev.t;
      this.closeFinalSample();
      return;
    }
    this.apply(ev);
  }

  private consumer(name: string): ConsumerState {
    let c = this.consumers.get(name);
    if (c === undefined) {
      c = { name, alive: false, busy: false, aliveSince: 0, getAt: 0, entry: 0, served: 0, svcSum: 0, busyTime: 0, aliveTime: 0 };
      this.consumers.set(name, c);
    }
    return c;
  }

  private producer(name: string): ProducerState {
    let p = this.producers.get(name);
    if (p === undefined) {
      p = { alive: false, heldSince: null };
      this.producers.set(name, p);
    }
    return p;
  }

  private measured(): boolean {
    return this.t >= this.warmup;
  }

  /** The measured part of [from, now]. */
  protected span(from: number): number {
    return Math.max(0, this.t - Math.max(from, this.warmup));
  }

  private startConsumer(c: ConsumerState): void {
    if (c.alive) return;
    c.alive = true;
    c.aliveSince = this.t;
    this.consumersAlive++;
  }

  private endService(c: ConsumerState, outcome: 'done' | 'error' | 'lost'): void {
    if (!c.busy) return;
    c.busy = false;
    c.busyTime += this.span(c.getAt);
    this.inService--;
    const m = this.measured();
    if (outcome === 'done') {
      const svc = this.t - c.getAt;
      this.sample.done++;
      if (m) {
        c.served++;
        c.svcSum += svc;
        this.cur.done++;
        this.cur.svcSum += svc;
        this.cur.sysSum += this.t - c.entry;
      }
    } else if (outcome === 'error' && m) {
      this.cur.errors++;
    }
  }

  private endProducer(p: ProducerState): void {
    if (p.heldSince !== null) {
      p.heldSince = null;
      this.held--;
    }
    if (p.alive) {
      p.alive = false;
      this.producersAlive--;
    }
  }

  private endConsumer(c: ConsumerState): void {
    this.endService(c, 'lost');
    if (c.alive) {
      c.alive = false;
      c.aliveTime += this.span(c.aliveSince);
      this.consumersAlive--;
    }
  }

  private apply(ev: TraceEvent): void {
    const role = this.roleOf(ev.actor);
    const t = this.t;
    const m = this.measured();
    switch (ev.event) {
      case 'start':
        if (role === 'consumer') {
          this.startConsumer(this.consumer(ev.actor));
        } else if (role === 'producer') {
          const p = this.producer(ev.actor);
          if (!p.alive) {
            p.alive = true;
            this.producersAlive++;
          }
        }
        break;
      case 'put_wait':
        if (ev.item !== null && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince === null) {
            p.heldSince = t;
            this.held++;
          }
        }
        break;
      case 'put': {
        this.unfinished++;
        const real = ev.item !== null;
        let entry = t;
        if (real && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince !== null) {
            entry = p.heldSince;
            const d = t - p.heldSince;
            p.heldSince = null;
            this.held--;
            this.blockedPuts++;
            this.blockHist.add(d);
            this.sample.blockSum += d;
            this.sample.blocks++;
            if (m) {
              this.cur.blocked++;
              this.cur.blockSum += d;
            }
          }
        }
        this.buffer.push(ev.item, { put: t, entry, real });
        if (real) {
          this.sample.puts++;
          if (m) this.cur.puts++;
        } else {
          this.sentinels++;
        }
        break;
      }
      case 'get': {
        const h = this.buffer.take(ev.item);
        if (ev.item === null) break;
        const c = this.consumer(ev.actor);
        this.startConsumer(c);
        if (c.busy) this.endService(c, 'lost');
        c.busy = true;
        c.getAt = t;
        c.entry = h?.entry ?? t;
        this.inService++;
        if (h !== undefined) {
          const w = t - h.put;
          this.waitHist.add(w);
          this.sample.waitSum += w;
          this.sample.gets++;
          if (m) {
            this.cur.gets++;
            this.cur.waitSum += w;
            if (w > EPS) this.cur.waited++;
          }
        }
        break;
      }
      case 'done':
        this.endService(this.consumer(ev.actor), 'done');
        break;
      case 'error':
        this.endService(this.consumer(ev.actor), 'error');
        break;
      case 'task_done':
        if (this.unfinished > 0) this.unfinished--;
        break;
      case 'producer_done':
        if (role === 'producer') this.endProducer(this.producer(ev.actor));
        break;
      case 'exit':
        if (role === 'consumer') this.endConsumer(this.consumer(ev.actor));
        break;
      case 'cancelled':
      case 'crashed':
        if (role === 'consumer') {
          const c = this.consumer(ev.actor);
          this.endService(c, ev.event === 'crashed' ? 'error' : 'lost');
          this.endConsumer(c);
        } else if (role === 'producer') {
          this.endProducer(this.producer(ev.actor));
        }
        break;
      case 'shutdown':
        // shutdown(immediate=True) drains the buffer: those items will never be gotten
        if (this.buffer.size > ev.qsize) this.unfinished = Math.max(0, this.unfinished - (this.buffer.size - ev.qsize));
        break;
      default:
        break;
    }
    // the trace's qsize is the truth; drop entries the tracker holds beyond it (a drained buffer)
    while (this.buffer.size > ev.qsize) this.buffer.take(undefined);
    this.qsize = ev.qsize;
    if (this.qsize > this.sample.qMax) this.sample.qMax = this.qsize;
  }
}
