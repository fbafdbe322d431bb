/** The snapshot stream carries each actor's site, so that the page can mark its line. */
import { expect, test } from 'vitest';
import { seed3 } from '../../src/scenarios/presets';
import type { FromWorker, WireSnapshot } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { receiveSnapshot } from '../../src/worker/snapshot';

test('seed-3 stepped: the sites arrive with the snapshots, and the hung consumer is at get', () => {
  const out: FromWorker[] = [];
  let wall = 0;
  const timers: (() => void)[] = [];
  const runner = new Runner({ now: () => (wall += 0.01), post: (m) => out.push(m), later: (fn) => timers.push(fn) });
  runner.load(seed3, false);
  /** The snapshots posted since the last call, as the page receives them. */
  const fresh = () =>
    out.splice(0).flatMap((m) => {
      if (m.type !== 'snapshot') return [];
      const w: WireSnapshot = m.snap;
      return [receiveSnapshot(w, 0)];
    });
  const seen = new Set<string>();
  let last = fresh().at(-1)!;
  for (const a of last.actors) seen.add(`${a.name}:${a.site}`);
  for (let k = 0; k < 200 && last.end === null; k++) {
    runner.step();
    for (const s of fresh()) {
      for (const a of s.actors) seen.add(`${a.name}:${a.site}`);
      last = s;
    }
  }
  expect(last.status).toBe('hang');
  expect(last.actors.find((a) => a.name === 'consumer')).toMatchObject({ state: 'waiting_get', site: 'get' });
  expect(last.actors.find((a) => a.name === 'main')).toMatchObject({ site: 'await' });
  // on the way: main before it ran, the producer blocked in put() and sleeping consumers
  expect(seen).toContain('main:start');
  expect(seen).toContain('producer:put');
  expect(seen).toContain('consumer:service');
});
