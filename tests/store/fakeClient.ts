/**
 * A stand-in for the worker client (src/worker/client.ts): it records what the store sends and lets a test emit
 * the client's events. Snapshots and batches are built by the helpers below, with only what the store reads.
 */
import mitt from 'mitt';
import { ChartData } from '../../src/worker/chartData';
import type { ClientEvents, Here, StreamStats, WorkerClient } from '../../src/worker/client';
import type { Fault, Status, ToWorker, WireTimeline } from '../../src/worker/protocol';
import type { ActorSnap, LogBatch, Snapshot } from '../../src/worker/snapshot';
import { createLab } from '../../src/store/createLab';
import type { Clock } from '../../src/store/throttle';

export class FakeClient implements WorkerClient {
  prev: Snapshot | null = null;
  cur: Snapshot | null = null;
  readonly charts = new ChartData();
  readonly stats: StreamStats = { messages: 0, bytes: 0, since: 0, events: 0 };
  readonly sent: ToWorker[] = [];
  disposed = false;
  private readonly events = mitt<ClientEvents>();

  on<K extends keyof ClientEvents>(type: K, fn: (x: ClientEvents[K]) => void): () => void {
    this.events.on(type, fn);
    return () => this.events.off(type, fn);
  }

  /** What the worker would say: the store hears it as from the real client. */
  emit<K extends keyof ClientEvents>(type: K, x: ClientEvents[K]): void {
    if (type === 'snapshot') this.cur = x as Snapshot;
    this.events.emit(type, x);
  }

  send(msg: ToWorker): void {
    this.sent.push(msg);
  }

  where(): Promise<Here | null> {
    return Promise.resolve(null);
  }

  inject(_fault: Fault): void {}

  resetStats(): void {}

  dispose(): void {
    this.disposed = true;
  }

  /** The messages of one type sent so far. */
  sentOf<T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }>[] {
    return this.sent.filter((m): m is Extract<ToWorker, { type: T }> => m.type === type);
  }
}

/** A clock on vitest's fake timers (Date is faked with them): the throttles, the log's refresh, the deaths. */
export const fakeClock: Clock = {
  now: () => Date.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A lab on fake clients; `clients` holds every client it made, the newest last. */
export function fakeLab() {
  const clients: FakeClient[] = [];
  const lab = createLab(
    () => {
      const c = new FakeClient();
      clients.push(c);
      return c;
    },
    { clock: fakeClock },
  );
  return { lab, clients, client: () => clients[clients.length - 1]! };
}

const actor = (name: string, role: ActorSnap['role']): ActorSnap => ({ name, role }) as ActorSnap;

/** A snapshot of run `run` at time `t`: main alone, or main and its workers once it created them. */
export function snapshot(run: number, t: number, o: { workers?: boolean; status?: Status; ended?: boolean } = {}): Snapshot {
  const actors = [actor('main', 'main'), ...(o.workers ? [actor('producer-0', 'producer'), actor('consumer-0', 'consumer')] : [])];
  return {
    run,
    t,
    status: o.status ?? 'running',
    end: o.ended ? ({ reason: 'completed' } as unknown as Snapshot['end']) : null,
    counters: { produced: 0, consumed: 0, inBuffer: 0, inService: 0, unfinished: 0, wastedPolls: 0 },
    achieved: 1,
    behind: false,
    playing: true,
    actors,
  } as Snapshot;
}

export const logBatch = (run: number, lines: string[]): LogBatch => ({ run, lines, actors: lines.map(() => 'consumer-0'), skipped: 0 });

export const timeline = (run: number, t: number, seeked: boolean): WireTimeline => ({ run, tick: 1, t, max: t, markers: null, seeked, back: true });
