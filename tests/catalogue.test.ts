/** Every catalogue variant reaches its documented outcome, in the engine and in CPython, and says so in two languages. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, allVariants, type Expect } from '../src/scenarios/catalogue';
import { EXPLANATIONS } from '../src/scenarios/catalogue/explanations';
import { findPreset, listPresets } from '../src/scenarios/registry';
import type { EndRecord } from '../src/scenarios/types';
import { validateScenario } from '../src/scenarios/validate';
import { compareTraces } from './oracle/compareTraces';
import { runPythonTraces, skipReason } from './oracle/runPython';
import { engineTrace } from './conformance/engineTrace';
import { generatePython } from '../src/python/generate';

function outcome(end: EndRecord | null): Expect | null {
  if (end === null) return null;
  if (end.status === 'error') return { status: 'error', exception: end.exception ?? '?' };
  if (end.status === 'hang') {
    const waits = end.blocked.flatMap((b) => ('task' in b ? [{ task: b.task, waiting_on: b.waiting_on }] : []));
    return { status: 'hang', waits };
  }
  return { status: end.status };
}

const normal = (e: Expect | null): unknown =>
  e !== null && e.status === 'hang' ? { ...e, waits: [...e.waits].sort((a, b) => a.task.localeCompare(b.task)) } : e;

describe('the pitfall catalogue', () => {
  it('has entries with unique ids, words in English and Chinese, and preset ids the CLI knows', () => {
    const ids = allVariants().map(({ variant }) => variant.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of CATALOGUE) {
      const x = EXPLANATIONS[e.id];
      expect(x, `${e.id}: explanation`).toBeDefined();
      for (const t of [e.title, e.watch, x!.why, x!.fix]) {
        expect(t.en.trim().length, e.id).toBeGreaterThan(0);
        expect(/[\u4e00-\u9fff]/.test(t.zh), `${e.id}: zh text ${t.zh}`).toBe(true);
      }
      // variant labels may be Python code, which stays as Python writes it
      for (const v of e.variants) expect(v.label.en.length * v.label.zh.length, v.id).toBeGreaterThan(0);
      expect(e.variants.length).toBeGreaterThanOrEqual(1);
    }
    for (const id of ids) expect(findPreset(id), id).toBeDefined();
    expect(listPresets().map((p) => p.id)).toEqual(expect.arrayContaining(['seed-1', 'seed-2', 'seed-3']));
  });

  it.each(allVariants().map(({ variant }) => [variant.id, variant] as const))('%s reaches its documented outcome in the engine', (_id, variant) => {
    const v = validateScenario(variant.scenario);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(normal(outcome(engineTrace(variant.scenario).end))).toEqual(normal(variant.expect));
  });

  it('every variant gives the same trace in CPython', async () => {
    const variants = allVariants()
      .map(({ variant }) => variant)
      .filter((v) => v.scenario.python !== '3.13' || skipReason('3.13') === null);
    const py = await runPythonTraces(variants.map((v) => v.scenario));
    const diffs = variants.map((v, i) => compareTraces(py[i]!, engineTrace(v.scenario), ['CPython', 'engine'])).filter((d) => d !== null);
    expect(diffs.slice(0, 2).join('\n')).toBe('');
  });
});

describe('main.keep_refs', () => {
  const [broken, fixed] = CATALOGUE.find((e) => e.id === 'unkept-task')!.variants;

  it('false changes the program text only: the run is the same', () => {
    expect(broken!.scenario.main.keep_refs).toBe(false);
    expect(engineTrace(broken!.scenario)).toEqual(engineTrace(fixed!.scenario));
    const main = (s: typeof broken) => generatePython(s!.scenario).split('async def main():')[1]!.split('\n\n')[0]!;
    expect(main(broken)).toContain("\n    asyncio.create_task(producer(0, q), name='producer')\n");
    expect(main(broken)).not.toContain('producers =');
    expect(main(fixed)).toContain('producers = [asyncio.create_task(producer(0, q)');
  });

  it('is refused where main would need the producer tasks, and must be a boolean', () => {
    const need = { ...broken!.scenario, main: { ...broken!.scenario.main, awaits: 'all' as const } };
    const v = validateScenario(need);
    expect(v.ok ? [] : v.errors).toEqual([expect.stringMatching(/^main\.keep_refs: false \(producer tasks not kept\) needs/)]);
    const bad = validateScenario({ ...broken!.scenario, main: { ...broken!.scenario.main, keep_refs: 'no' } });
    expect(bad.ok ? [] : bad.errors).toEqual(['main.keep_refs: must be true or false, got "no"']);
  });
});
