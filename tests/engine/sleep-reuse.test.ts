/**
 * Sim.nap reuses an actor's sleep future for its next sleep (SleepFuture.again). The trace cannot tell one future
 * from another, so these pin the contract down directly: a future is reused only once it has fired, and a reused
 * one is a new sleep in every way that the loop can see (its time, its place among timers due at the same moment,
 * its callbacks).
 */
import { describe, expect, test } from 'vitest';
import { SleepFuture } from '../../src/engine/asyncio/aio';
import { Harness } from './harness';

describe('SleepFuture.again', () => {
  test('a sleep that fired becomes a new pending sleep from now, after the timers scheduled before it', () => {
    const h = new Harness();
    const order: string[] = [];
    const s = new SleepFuture(h.loop, 1);
    s.addDoneCallback(() => order.push(`first at ${h.loop.now}`));
    while (!s.done()) h.runOnce();
    expect(s.result()).toBeUndefined();
    h.runOnce(); // its done callback
    // a timer for the same moment, scheduled before the reuse, fires first (equal times fire in scheduling order)
    h.loop.callLater(2, () => order.push(`timer at ${h.loop.now}`));
    expect(s.again(2)).toBe(s);
    expect(s.done()).toBe(false);
    s.addDoneCallback(() => order.push(`again at ${h.loop.now}`));
    while (h.runOnce());
    expect(order).toEqual(['first at 1', 'timer at 3', 'again at 3']);
  });

  test('a pending sleep, and one that was cancelled (its timer may still be on the heap), are never reused', () => {
    const h = new Harness();
    const pending = new SleepFuture(h.loop, 1);
    expect(pending.again(1)).toBeNull();
    const cancelled = new SleepFuture(h.loop, 1);
    cancelled.cancel();
    expect(cancelled.again(1)).toBeNull();
    expect(cancelled.cancelled()).toBe(true);
  });

  test('a reused sleep that is cancelled never fires, and its timer does not wake the loop', () => {
    const h = new Harness();
    const s = new SleepFuture(h.loop, 1);
    while (!s.done()) h.runOnce();
    expect(s.again(5)).toBe(s);
    s.cancel();
    expect(s.cancelled()).toBe(true);
    expect(h.runOnce()).toBe(false); // the cancelled timer is dropped: nothing is left to run
    expect(h.loop.now).toBe(1);
  });
});
