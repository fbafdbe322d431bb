/**
 * The page pauses a run whose queue grows past what it keeps in memory (issue 13, point 10): that cap is the
 * documented `queue.maxsize` limit, so every valid bounded queue runs in the page to the brim, and only an
 * unbounded queue is ever paused, with a note that says so.
 */
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/scenarios/limits';
import { seed2 } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { validateScenario } from '../../src/scenarios/validate';
import type { FromWorker } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';

/** A runner on a fake wall clock whose timers run in order. */
function runFor(s: Scenario, ms: number): FromWorker[] {
  let wall = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const out: FromWorker[] = [];
  const runner = new Runner({ now: () => wall, post: (m) => out.push(m), later: (fn, at) => timers.push({ at: wall + at, fn }) });
  runner.setSpeed(1_000_000);
  runner.load(s, true);
  while (timers.length > 0 && wall < ms) {
    timers.sort((a, b) => a.at - b.at);
    const t = timers.shift()!;
    wall = Math.max(wall, t.at) + 1;
    t.fn();
  }
  return out;
}

const notes = (out: FromWorker[]) => out.flatMap((m) => (m.type === 'note' && m.note.kind === 'paused' ? [m.note] : []));
const lastQsize = (out: FromWorker[]) => out.flatMap((m) => (m.type === 'snapshot' ? [m.snap] : [])).at(-1)!;

/** seed-2 with one fast producer and a consumer that serves one item a day: the queue fills and stays full. */
function filling(maxsize: number, interval: number, count: number | null): Scenario {
  const s = structuredClone(seed2);
  s.queue.maxsize = maxsize;
  s.horizon = 1e6;
  s.producers[0]!.items = { count, value: { type: 'index' } } as Scenario['producers'][0]['items'];
  s.producers[0]!.interval = { dist: 'const', value: interval };
  s.consumers[0]!.service = { dist: 'const', value: 86_400 };
  return s;
}

describe('the page keeps every queue the documented limits allow', () => {
  test('queue.maxsize is at most the cap: one more is refused, naming the field', () => {
    expect(validateScenario(filling(LIMITS.maxsize, 0.001, LIMITS.maxsize + 10)).ok).toBe(true);
    const r = validateScenario(filling(LIMITS.maxsize + 1, 0.001, 10));
    expect(r.ok ? [] : r.errors).toEqual([`queue.maxsize: must be from 0 to ${LIMITS.maxsize}, got ${LIMITS.maxsize + 1}`]);
  });

  test('a bounded queue at the largest maxsize fills to the brim and is never paused', () => {
    const s = filling(LIMITS.maxsize, 0.000_01, LIMITS.maxsize + 10);
    expect(validateScenario(s).ok).toBe(true);
    const out = runFor(s, 60_000);
    expect(notes(out)).toEqual([]);
    expect(lastQsize(out).bufferCount).toBe(LIMITS.maxsize);
  }, 120_000);

  test('an unbounded queue past the cap is paused, and the note says it is unbounded', () => {
    const s = filling(0, 0.000_01, null);
    expect(validateScenario(s).ok).toBe(true);
    const out = runFor(s, 60_000);
    expect(notes(out)).toEqual([{ kind: 'paused', reason: 'unboundedQueue', limit: LIMITS.maxsize }]);
  }, 120_000);
});
