/**
 * A live change that cancels workers is `task.cancel()` in Python. What follows depends on how main awaits them:
 * `asyncio.gather` (return_exceptions=False) passes a child's cancellation on to main, so main ends and
 * asyncio.run raises CancelledError; `asyncio.wait` does not, and the program goes on.
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { mm2Blocking } from '../../src/scenarios/presetTheory';

function cancelOneConsumer(main: 'gather' | 'wait'): Simulation {
  const s = structuredClone(mm2Blocking);
  s.main = { ...s.main, with: main };
  const sim = new Simulation(s, { horizon: null });
  sim.advanceTo(5);
  expect(sim.live({ type: 'workers', role: 'consumer', count: 1 })).toEqual({ kind: 'cancelled', tasks: ['consumer-1'] });
  sim.advanceTo(10);
  return sim;
}

describe('a live cancel of a worker that main awaits', () => {
  test('under gather, ends the program: asyncio.run raises CancelledError', () => {
    const sim = cancelOneConsumer('gather');
    expect(sim.end).toMatchObject({ status: 'error', exception: 'CancelledError', message: '' });
    // at once: the clock stands where advanceTo(5) left it
    expect(sim.end!.t).toBeGreaterThan(4);
    expect(sim.end!.t).toBeLessThanOrEqual(5);
  });

  test('under asyncio.wait, the program goes on with the consumer left', () => {
    const sim = cancelOneConsumer('wait');
    expect(sim.end).toBeNull();
    expect(sim.now).toBeGreaterThan(9);
    const states = sim.view().actors.filter((a) => a.role === 'consumer').map((a) => a.state);
    expect(states[1]).toBe('cancelled');
    expect(states[0]).not.toBe('cancelled');
  });
});
