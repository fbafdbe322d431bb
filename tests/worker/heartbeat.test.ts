/**
 * The page's heartbeat on the worker (issue 13, points 2 and 15): a worker that leaves STALL_PINGS pings unanswered
 * (closed, or stuck) is reported stalled, and well again once it answers; Copy link's question to a worker that
 * does not answer falls back (null) rather than wait for ever.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabClient, PING_MS, STALL_PINGS } from '../../src/worker/client';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A stand-in for the Worker: records what the page sends; `answer` makes it reply. */
function fakeWorker() {
  const sent: ToWorker[] = [];
  const w = {
    onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
    onerror: null as unknown,
    postMessage: (m: ToWorker) => sent.push(m),
    terminate: () => {},
  };
  const answer = (m: FromWorker) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  return { worker: w as unknown as Worker, sent, answer };
}

afterEach(() => vi.useRealTimers());

describe('the heartbeat', () => {
  it('a worker that stops answering is reported once, and well again when it answers', () => {
    vi.useFakeTimers();
    const { worker, sent, answer } = fakeWorker();
    const client = new LabClient(worker);
    const seen: boolean[] = [];
    client.on('stall', (s) => seen.push(s));
    // an answering worker is never stalled
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(PING_MS);
      const ping = sent.at(-1) as { type: 'ping'; n: number };
      answer({ type: 'pong', n: ping.n });
    }
    expect(seen).toEqual([]);
    // it stops answering
    vi.advanceTimersByTime(PING_MS * STALL_PINGS);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(PING_MS);
    expect(seen).toEqual([true]);
    vi.advanceTimersByTime(PING_MS * 10);
    expect(seen).toEqual([true]);
    const last = sent.filter((m) => m.type === 'ping').at(-1) as { n: number };
    answer({ type: 'pong', n: last.n });
    expect(seen).toEqual([true, false]);
    client.dispose();
  });

  it('where() answers with the worker’s moment, or null when it does not answer', async () => {
    vi.useFakeTimers();
    const { worker, sent, answer } = fakeWorker();
    const client = new LabClient(worker);
    const asked = client.where();
    const q = sent.at(-1) as { type: 'where'; id: number };
    answer({ type: 'here', id: q.id, run: 3, tick: 1234, t: 5.5 });
    await expect(asked).resolves.toEqual({ run: 3, tick: 1234, t: 5.5 });
    const unanswered = client.where();
    vi.advanceTimersByTime(5000);
    await expect(unanswered).resolves.toBeNull();
    client.dispose();
  });
});
