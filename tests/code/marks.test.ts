/**
 * The code panel's marks: at every tick of every preset, catalogue variant and a batch of random scenarios, each
 * task that has not ended is marked on a line of the exported program, and that line is the statement it waits
 * on (its site): `item = await q.get()` for a get, `await q.put(item)` for a put, the sleep for a service ...
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { generateProgram } from '../../src/python/generate';
import { allVariants } from '../../src/scenarios/catalogue';
import { PRESETS } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { lineOf, marksByLine, siteKeys, type MarkActor } from '../../src/ui/code/marks';
import { itemLabel } from '../../src/worker/formatLine';
import { randomScenario, randomShutdownScenario, randomThreadScenario } from '../conformance/arbitrary';

const STATEMENT: Record<string, RegExp> = {
  start: /^(async )?def \w+\(/,
  interval: /sleep\(/,
  put: /^(await q\.put|q\.put_nowait)\((item|None)\)$/,
  get: /^item = await q\.get\(\)$/,
  poll: /^await asyncio\.sleep\(/,
  service: /sleep\(/,
  blocking: /^time\.sleep\(/,
  join: /^await q\.join\(\)/,
  gather_producers: /^await asyncio\.gather\(\*producers\)$/,
  wait: /^await asyncio\.wait\(/,
  gather: /^await asyncio\.gather\(/,
  await: /^await task$/,
};

const ENDED = new Set(['finished', 'cancelled', 'crashed']);

function checkRun(s: Scenario, maxTicks = 1500): number {
  const { code, sites } = generateProgram(s);
  const lines = code.split('\n');
  const sim = new Simulation(s, { records: false });
  let checked = 0;
  for (let tick = 0; tick < maxTicks && sim.end === null; tick++) {
    sim.runToTick(sim.ticks + 1);
    for (const a of sim.view().actors) {
      const m: MarkActor = { ...a, item: a.item === undefined ? null : itemLabel(a.item) };
      const at = lineOf(m, sites);
      if (ENDED.has(a.state)) {
        expect(at).toBeNull();
        continue;
      }
      const where = `${s.name} tick ${tick}: ${a.name} (${a.role}, ${a.state}, site ${a.site}) -> ${siteKeys(m).join('|')}`;
      expect(at, where).not.toBeNull();
      const text = (lines[at!.line - 1] ?? '').trim();
      expect(text, where).toMatch(STATEMENT[a.site]!);
      checked++;
    }
  }
  return checked;
}

describe('code panel marks', () => {
  it('every preset: each live task sits on the statement it waits on', () => {
    for (const p of PRESETS) expect(checkRun(p.scenario)).toBeGreaterThan(0);
  });

  it('every catalogue variant', () => {
    for (const { variant } of allVariants()) expect(checkRun(variant.scenario)).toBeGreaterThan(0);
  });

  it('random scenarios (tasks, threads, shutdown strategies)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      checkRun(randomScenario(seed), 600);
      checkRun(randomShutdownScenario(seed), 600);
      checkRun(randomThreadScenario(seed), 600);
    }
  });

  it('main waits on gather(*producers) first, then on the consumers', () => {
    const p = PRESETS.find((x) => x.scenario.shutdown.strategy === 'cancel_after_join' || (x.scenario.shutdown.strategy === 'sentinel' && x.scenario.shutdown.by === 'main'));
    if (p === undefined) return;
    const { sites } = generateProgram(p.scenario);
    const main = (site: MarkActor['site']): MarkActor => ({ name: 'main', role: 'main', kind: 'task', state: 'waiting', site, item: null });
    expect(lineOf(main('gather_producers'), sites)?.key).toBe('main.gather_producers');
    expect(lineOf(main('gather'), sites)?.key).toBe('main.await');
  });

  it('several tasks on one line are listed together, in creation order; ended tasks are on no line', () => {
    const sites = { 'consumer.get': 20, 'consumer.service': 24, 'producer.put': 12, 'producer.sentinel.put': 15 };
    const c = (name: string, state: MarkActor['state'], site: MarkActor['site']): MarkActor => ({ name, role: 'consumer', kind: 'task', state, site, item: null });
    const marks = marksByLine(
      [
        c('consumer-0', 'waiting_get', 'get'),
        c('consumer-1', 'busy', 'service'),
        c('consumer-2', 'waiting_get', 'get'),
        c('consumer-3', 'finished', 'run'),
        { name: 'producer', role: 'producer', kind: 'task', state: 'blocked_put', site: 'put', item: 'None' },
      ],
      sites,
    );
    expect(marks.get(20)?.map((m) => m.name)).toEqual(['consumer-0', 'consumer-2']);
    expect(marks.get(24)?.map((m) => m.name)).toEqual(['consumer-1']);
    expect(marks.get(15)?.map((m) => m.name)).toEqual(['producer']);
    expect([...marks.values()].flat().some((m) => m.name === 'consumer-3')).toBe(false);
  });
});
