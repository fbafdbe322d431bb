/**
 * The store's handling of the worker (issue 14, "One store"): a worker that dies is replaced and the run starts
 * again, but not after more than 3 deaths in 10 s; a seek clears the log; a replaced run's stream is ignored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLab, logBatch, snapshot, timeline } from './fakeClient';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a worker that dies', () => {
  it('is replaced by a fresh one that runs the program again, and the page says so', () => {
    const { lab, clients, client } = fakeLab();
    lab.actions.start();
    client().emit('snapshot', snapshot(1, 4, { workers: true }));
    client().emit('death', 'out of memory');
    expect(clients).toHaveLength(2);
    const fresh = clients[1]!;
    expect(fresh.sent.map((m) => m.type)).toEqual(['speed', 'load']);
    expect(fresh.sentOf('load')[0]!.run).toBe(2);
    expect(lab.client()).toBe(fresh);
    const st = lab.store.getState();
    expect(st.restarted).toEqual({ why: 'crashed', t: 4 });
    expect(st.error).toBeNull();
    // the fresh worker's stream reaches the store
    fresh.emit('snapshot', snapshot(2, 0.5));
    vi.advanceTimersByTime(1000); // the throttle's trailing update
    expect(lab.store.getState().t).toBe(0.5);
  });

  it('is given up after more than 3 deaths within 10 s: the error panel instead', () => {
    const { lab, clients, client } = fakeLab();
    lab.actions.start();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(1000);
      client().emit('death', 'crash');
    }
    expect(clients).toHaveLength(4);
    expect(lab.store.getState().error).toBeNull();
    vi.advanceTimersByTime(1000);
    client().emit('death', 'crash');
    expect(clients).toHaveLength(4);
    expect(lab.client()).toBeNull();
    expect(lab.store.getState().error).toEqual({ kind: 'workerDied', reason: 'crash' });
    expect(lab.store.getState().playing).toBe(false);
  });

  it('is restarted again when the deaths are spread over more than 10 s', () => {
    const { lab, clients, client } = fakeLab();
    lab.actions.start();
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(4000);
      client().emit('death', 'crash');
    }
    expect(clients).toHaveLength(7);
    expect(lab.store.getState().error).toBeNull();
  });
});

describe('the log', () => {
  it('is cleared by a seek, and the log version moves', () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    client().emit('snapshot', snapshot(1, 3, { workers: true }));
    client().emit('log', logBatch(1, ['a', 'b', 'c']));
    vi.advanceTimersByTime(1000);
    expect(lab.logRing.size).toBe(3);
    const before = lab.store.getState().logVersion;
    client().emit('timeline', timeline(1, 1.25, false));
    expect(lab.logRing.size).toBe(3); // a timeline update that is no seek keeps it
    client().emit('timeline', timeline(1, 1.25, true));
    expect(lab.logRing.size).toBe(0);
    const st = lab.store.getState();
    expect(st.logVersion).toBe(before + 1);
    expect(st.t).toBe(1.25);
    expect(st.playing).toBe(false);
    expect(st.timeline.t).toBe(1.25);
  });
});

describe('a replaced run', () => {
  it('has its late snapshots and log lines ignored', () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    client().emit('snapshot', snapshot(1, 3, { workers: true }));
    lab.actions.reset(); // run 2 from t = 0
    expect(lab.store.getState().run).toBe(2);
    vi.advanceTimersByTime(1000);
    client().emit('snapshot', snapshot(1, 3.5, { workers: true }));
    client().emit('log', logBatch(1, ['late']));
    vi.advanceTimersByTime(1000);
    expect(lab.store.getState().run).toBe(2);
    expect(lab.store.getState().t).toBe(0);
    expect(lab.logRing.size).toBe(0);
    client().emit('snapshot', snapshot(2, 0.25));
    expect(lab.store.getState().t).toBe(0.25);
    // an update of the current run waiting in the throttle is not lost to a stale one that comes after it
    client().emit('snapshot', snapshot(2, 0.5));
    client().emit('snapshot', snapshot(1, 4, { workers: true }));
    vi.advanceTimersByTime(1000);
    expect(lab.store.getState().t).toBe(0.5);
  });
});
