/**
 * Each item's identity in the view (the trace carries values only): a serial per put, the buffer's serials in
 * leaving order, and the consumer that got an item holding its serial. Equal values (seed-3's randint repeats)
 * stay distinct; every item is in one place at a time; a get takes the serial the buffer showed leaving first.
 */
import { describe, expect, test } from 'vitest';
import { ItemIds } from '../../src/engine/metrics/itemIds';
import { Simulation } from '../../src/engine/simulation';
import { allVariants } from '../../src/scenarios/catalogue';
import { PRESETS } from '../../src/scenarios/presets';

const preset = (id: string) => structuredClone(PRESETS.find((p) => p.id === id)!.scenario);
const variant = (id: string) => structuredClone(allVariants().find((v) => v.variant.id === id)!.variant.scenario);

describe('ItemIds', () => {
  test('equal values are distinct items, leaving in the order put', () => {
    const ids = new ItemIds();
    ids.put(1, 5);
    ids.put(1, 'x');
    ids.put(2, 5);
    expect(ids.serialsOf([5, 'x', 5])).toEqual([0, 1, 2]);
    ids.get(3, 5);
    expect(ids.heldBy(3)).toBe(0);
    expect(ids.serialsOf(['x', 5])).toEqual([1, 2]);
    expect(ids.takeMoves().map((m) => [m.actor, m.put, m.serial])).toEqual([[1, true, 0], [1, true, 1], [2, true, 2], [3, false, 0]]);
    expect(ids.takeMoves()).toEqual([]);
  });

  test('a LifoQueue lets the last put of equal values out first', () => {
    const ids = new ItemIds();
    ids.order = 'lifo';
    ids.put(1, 7);
    ids.put(1, 7);
    expect(ids.serialsOf([7, 7])).toEqual([1, 0]);
    ids.get(2, 7);
    expect(ids.heldBy(2)).toBe(1);
  });

  test('a PriorityQueue: equal values told apart by the order put; a string and a list are different values', () => {
    const ids = new ItemIds();
    ids.order = 'priority';
    ids.put(1, 'l[1]');
    ids.put(1, [1]);
    ids.get(2, [1]);
    expect(ids.heldBy(2)).toBe(1);
  });
});

/** Steps the run to its end (or `limit` steps), checking each moment's serials. */
function walk(s: ReturnType<typeof preset>, limit = 4000): { repeats: boolean; moves: number } {
  const sim = new Simulation(s, { horizon: null, items: true });
  let head: number[] = [];
  let repeats = false;
  let moves = 0;
  for (let i = 0; i < limit && sim.end === null; i++) {
    sim.step();
    const v = sim.view();
    const held = v.actors.filter((a) => a.serial !== undefined).map((a) => a.serial!);
    const all = [...v.bufferSerials, ...held];
    expect(all.every((k) => k >= 0)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    if (new Set(v.buffer.map((x) => JSON.stringify(x))).size < v.buffer.length) repeats = true;
    for (const m of sim.takeMoves()) {
      moves++;
      // what a get takes is what the buffer showed leaving first
      if (!m.put) expect(head).toContain(m.serial);
    }
    head = v.bufferSerials.slice(0, 3);
  }
  return { repeats, moves };
}

describe('the view: each item once, by its serial', () => {
  test('seed-3: randint values repeat in the buffer, their serials never do', () => {
    const { repeats, moves } = walk(preset('seed-3'));
    expect(repeats).toBe(true);
    expect(moves).toBeGreaterThanOrEqual(10);
  });

  test.each(['seed-2', 'seed-1'])('%s', (id) => {
    expect(walk(preset(id)).moves).toBeGreaterThan(10);
  });

  test.each(['queue-kinds-lifo', 'queue-kinds-priority'])('%s', (id) => {
    expect(walk(variant(id)).moves).toBeGreaterThan(10);
  });
});
