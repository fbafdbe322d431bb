/**
 * The exported script prints exactly what the lab's event log shows: every preset, every catalogue variant and
 * 120 random scenarios run under real CPython with --fast, compared line by line with the engine's log; one short
 * preset also runs in real time and is compared by event order.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generatePython } from '../src/python/generate';
import { listPresets } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { randomScenario, randomShutdownScenario, randomThreadScenario } from './conformance/arbitrary';
import { exitFor, labLog, sortCleanup } from './oracle/labLog';
import { findPython, runPythonTraces, skipReason } from './oracle/runPython';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const has313 = skipReason('3.13') === null;
if (!has313) {
  if (CI) throw new Error('Python 3.13 is required under CI for the exported Queue.shutdown programs');
  console.warn('\n*** SKIPPING exported Queue.shutdown programs: no Python 3.13 ***\n');
}

async function expectScriptsPrintTheLog(scenarios: Scenario[]): Promise<void> {
  const runs = await runPythonTraces(scenarios, { args: ['--fast'] });
  const diffs: string[] = [];
  scenarios.forEach((s, k) => {
    const lab = labLog(s);
    const got = runs[k]!.stdout.split('\n').filter((l) => l !== '');
    // asyncio.run cancels leftover tasks in a set's order: the cleanup's event lines compare as a multiset
    for (const lines of [lab.lines, got]) sortCleanup(lines, lab.end);
    const at = lab.lines.findIndex((l, i) => l !== got[i]);
    if (at >= 0 || got.length !== lab.lines.length) {
      const i = at >= 0 ? at : Math.min(got.length, lab.lines.length);
      diffs.push(`${s.name}: line ${i + 1}\n  lab:    ${lab.lines[i] ?? '(end)'}\n  script: ${got[i] ?? '(end)'}\n${runs[k]!.stderr.slice(-800)}`);
    } else if (runs[k]!.exitCode !== exitFor(lab.end)) {
      diffs.push(`${s.name}: exit status ${runs[k]!.exitCode}, expected ${exitFor(lab.end)} for ${lab.end.status}`);
    }
  });
  expect(diffs.slice(0, 3).join('\n\n'), `${diffs.length} of ${scenarios.length} differ`).toBe('');
}

describe('exported Python scripts', () => {
  it('every preset and catalogue variant prints the lab event log (python3 / python3.13 --fast)', async () => {
    const scenarios = listPresets()
      .map((p) => p.scenario)
      .filter((s) => s.python !== '3.13' || has313);
    expect(scenarios.length).toBeGreaterThan(20);
    await expectScriptsPrintTheLog(scenarios);
  });

  it('120 random scenarios print the lab event log', async () => {
    const base = Math.floor(Math.random() * 1e9);
    const kinds = has313 ? 3 : 2;
    const scenarios = Array.from({ length: 120 }, (_, i) =>
      i % kinds === 0 ? randomScenario(base + i) : i % kinds === 1 ? randomThreadScenario(base + i) : randomShutdownScenario(base + i),
    );
    await expectScriptsPrintTheLog(scenarios);
  });

  it('seed-2 run in real time prints the same events in the same order', () => {
    const s = listPresets().find((p) => p.id === 'seed-2')!.scenario;
    const py = findPython('3.11');
    expect(py).not.toBeNull();
    const r = spawnSync(py!.command, ['-'], { input: generatePython(s), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const strip = (l: string): string => l.replace(/^\s*[\d.]+s\s+/, '');
    const real = r.stdout.split('\n').filter((l) => l !== '').map(strip);
    const lab = labLog(s).lines.map(strip);
    expect(real).toEqual(lab);
    // real time passed: the last event came about 0.3 s after the start, as in the article
    const lastT = Number(/^\s*([\d.]+)s/.exec(r.stdout.trim().split('\n').pop() ?? '')?.[1]);
    expect(lastT).toBeGreaterThan(0.25);
  });
});
