/**
 * What each trace record changes in the state of a run (a MetricsState): `add` moves the clock to the record's time
 * and applies it. A record starts or ends a producer or a consumer, holds an item in a blocked put, puts an item in
 * the buffer (its put time tracked in the queue's order), takes one into service or ends a service, or settles
 * unfinished_tasks (task_done, a draining shutdown); the counts, the sums of the current batch, the time series
 * sample and the histograms follow. Metrics (metrics.ts) reads the figures from this state.
 */
import type { EndRecord, TraceEvent } from '../scenario';
import type { ConsumerState, MetricsState, ProducerState } from './metricsState';

const EPS = 1e-12;

export class MetricsRecorder {
  constructor(private readonly s: MetricsState) {}

  /** producer-3 -> the group producer; live changes add workers named like that too. */
  private roleOf(actor: string): 'producer' | 'consumer' | 'main' | undefined {
    const known = this.s.actorRoles.get(actor);
    if (known !== undefined) return known;
    const role = actor === 'main' ? 'main' : (this.s.roles.get(actor) ?? this.s.roles.get(actor.replace(/-\d+$/, '')));
    if (role !== undefined) this.s.actorRoles.set(actor, role);
    return role;
  }

  /** Feeds records in trace order (the end record included). */
  addAll(records: Iterable<TraceEvent | EndRecord>): void {
    for (const r of records) this.add(r);
  }

  add(ev: TraceEvent | EndRecord): void {
    if (this.s.ended) return;
    this.s.advanceTo(ev.t);
    if (ev.event === 'end') {
      this.s.ended = true;
      this.s.endedAt = ev.t;
      this.s.closeFinalSample();
      return;
    }
    this.apply(ev);
  }

  private consumer(name: string): ConsumerState {
    let c = this.s.consumers.get(name);
    if (c === undefined) {
      c = { name, alive: false, busy: false, aliveSince: 0, getAt: 0, entry: 0, served: 0, svcSum: 0, busyTime: 0, aliveTime: 0 };
      this.s.consumers.set(name, c);
    }
    return c;
  }

  private producer(name: string): ProducerState {
    let p = this.s.producers.get(name);
    if (p === undefined) {
      p = { alive: false, heldSince: null };
      this.s.producers.set(name, p);
    }
    return p;
  }

  private measured(): boolean {
    return this.s.t >= this.s.warmup;
  }

  private startConsumer(c: ConsumerState): void {
    if (c.alive) return;
    c.alive = true;
    c.aliveSince = this.s.t;
    this.s.consumersAlive++;
  }

  private endService(c: ConsumerState, outcome: 'done' | 'error' | 'lost'): void {
    if (!c.busy) return;
    c.busy = false;
    c.busyTime += this.s.span(c.getAt);
    this.s.inService--;
    const m = this.measured();
    if (outcome === 'done') {
      const svc = this.s.t - c.getAt;
      this.s.sample.done++;
      if (m) {
        c.served++;
        c.svcSum += svc;
        this.s.cur.done++;
        this.s.cur.svcSum += svc;
        this.s.cur.sysSum += this.s.t - c.entry;
      }
    } else if (outcome === 'error' && m) {
      this.s.cur.errors++;
    }
  }

  private endProducer(p: ProducerState): void {
    if (p.heldSince !== null) {
      p.heldSince = null;
      this.s.held--;
    }
    if (p.alive) {
      p.alive = false;
      this.s.producersAlive--;
    }
  }

  private endConsumer(c: ConsumerState): void {
    this.endService(c, 'lost');
    if (c.alive) {
      c.alive = false;
      c.aliveTime += this.s.span(c.aliveSince);
      this.s.consumersAlive--;
    }
  }

  private apply(ev: TraceEvent): void {
    const role = this.roleOf(ev.actor);
    const t = this.s.t;
    const m = this.measured();
    switch (ev.event) {
      case 'start':
        if (role === 'consumer') {
          this.startConsumer(this.consumer(ev.actor));
        } else if (role === 'producer') {
          const p = this.producer(ev.actor);
          if (!p.alive) {
            p.alive = true;
            this.s.producersAlive++;
          }
        }
        break;
      case 'put_wait':
        if (ev.item !== null && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince === null) {
            p.heldSince = t;
            this.s.held++;
          }
        }
        break;
      case 'put': {
        this.s.unfinished++;
        const real = ev.item !== null;
        let entry = t;
        if (real && role === 'producer') {
          const p = this.producer(ev.actor);
          if (p.heldSince !== null) {
            entry = p.heldSince;
            const d = t - p.heldSince;
            p.heldSince = null;
            this.s.held--;
            this.s.blockedPuts++;
            this.s.blockHist.add(d);
            this.s.sample.blockSum += d;
            this.s.sample.blocks++;
            if (m) {
              this.s.cur.blocked++;
              this.s.cur.blockSum += d;
            }
          }
        }
        this.s.buffer.push(ev.item, { put: t, entry, real });
        if (real) {
          this.s.sample.puts++;
          if (m) this.s.cur.puts++;
        } else {
          this.s.sentinels++;
        }
        break;
      }
      case 'get': {
        const h = this.s.buffer.take(ev.item);
        if (ev.item === null) break;
        const c = this.consumer(ev.actor);
        this.startConsumer(c);
        if (c.busy) this.endService(c, 'lost');
        c.busy = true;
        c.getAt = t;
        c.entry = h?.entry ?? t;
        this.s.inService++;
        if (h !== undefined) {
          const w = t - h.put;
          this.s.waitHist.add(w);
          this.s.sample.waitSum += w;
          this.s.sample.gets++;
          if (m) {
            this.s.cur.gets++;
            this.s.cur.waitSum += w;
            if (w > EPS) this.s.cur.waited++;
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
        if (this.s.unfinished > 0) this.s.unfinished--;
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
        if (this.s.buffer.size > ev.qsize) this.s.unfinished = Math.max(0, this.s.unfinished - (this.s.buffer.size - ev.qsize));
        break;
      default:
        break;
    }
    // the trace's qsize is the truth; drop entries the tracker holds beyond it (a drained buffer)
    while (this.s.buffer.size > ev.qsize) this.s.buffer.take(undefined);
    this.s.qsize = ev.qsize;
    if (this.s.qsize > this.s.sample.qMax) this.s.sample.qMax = this.s.qsize;
  }
}
