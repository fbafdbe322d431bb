/**
 * No scenario string can change what the exported script does. Hostile names, item strings and formats (every
 * PEP 263 spelling, codec names, quotes and backslashes, Unicode line breaks, bidi controls, the payloads that once
 * ran code) are written into scripts, saved as .py files and run under CPython as a user would run them: each one
 * prints exactly the lab's event log and nothing else.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePython } from '../src/python/generate';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { validateScenario } from '../src/scenarios/validate';
import { exitFor, labLog, sortCleanup } from './oracle/labLog';
import { findPython } from './oracle/runPython';

const run = promisify(execFile);

const CODINGS = ['gbk', 'latin-1', 'utf-16', 'utf_7', 'unicode_escape', 'raw_unicode_escape', 'rot13', 'cp1252',
  'big5', 'shift_jis', 'hz', 'utf-8-sig', 'JSON', 'euc_jp', 'cp037'];
const PEP263 = CODINGS.flatMap((c) => [`coding=${c}`, `coding: ${c}`, `-*- coding: ${c} -*-`, `vim: set fileencoding=${c} :`]);
const PAYLOADS = [
  `中' or print("INJECTED"): #`,
  `{i}中' + str(print("INJECTED")) #`,
  `中" or print('INJECTED'): #`,
  `\\' or print("INJECTED") #`,
  `'''`, `"""`, `\\`, `a\\`, `\\x41\\u4e2d\\N{BULLET}`, `{`, `}`, `{{i}}`, `{n!r}`, `{i:>{n}}`, `%s %d`,
  'Decoding: JSON messages from a socket',
  'x\u0085print("INJECTED")', 'x\u2028print("INJECTED")', 'x\u2029print("INJECTED")',
  'abc\u202edcba', '\u2066rtl\u2069 \u2067\u2068\u200f\u200e\u061c', '\ufeffBOM', 'zero\u200bwidth',
  '表情😀 and 𝕏', '\u00a0nbsp é ß ÿ', 'é\u0301 combining', '\u00ad soft hyphen',
  'lone \ud800 surrogate', 'csi \u009b1m', '\udbff\udfff max',
];
const HOSTILE = [...PEP263, ...PAYLOADS];

/**
 * seed-2 with the hostile text as its name, in each producer's item format (braces, which formats may not hold,
 * left out) and as the consumer's bad item: the formatted item 1 (`matching`), or the text itself.
 */
function hostileScenario(text: string, matching = true): Scenario {
  const s = structuredClone(findPreset('seed-2')!.scenario);
  s.name = `${text} ${text}`.slice(0, 200);
  const format = `${text.replace(/[{}]/g, '').slice(0, 90)}{i}`;
  for (const p of s.producers) p.items.value = { type: 'format', format };
  const item = matching ? format.replace('{i}', '1') : text;
  s.consumers[0]!.raise_on = { item, exception: 'ValueError', guard: 'except' };
  const v = validateScenario(s);
  if (!v.ok) throw new Error(`${JSON.stringify(text)}: ${v.errors.join('; ')}`);
  return v.scenario;
}

const dir = mkdtempSync(join(tmpdir(), 'queue-lab-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exported scripts under hostile strings', () => {
  it('the script header carries a fixed coding declaration and no user text on lines 1-2', () => {
    for (const text of HOSTILE) {
      const [l1, l2] = generatePython(hostileScenario(text)).split('\n');
      expect([l1, l2]).toEqual(['# -*- coding: utf-8 -*-', '# Exported from Queue Lab.']);
    }
  });

  it('string literals are pure ASCII and comments hold no line break, control or bidi character', () => {
    for (const text of HOSTILE) {
      const lines = generatePython(hostileScenario(text)).split('\n');
      for (const line of lines) {
        expect(line, JSON.stringify(line)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
        if (!line.trimStart().startsWith('#')) expect(line, JSON.stringify(line)).toMatch(/^[\x20-\x7e]*$/);
      }
    }
  });

  it(`${2 * HOSTILE.length} scripts saved as files print exactly the lab's log under CPython`, async () => {
    const py = findPython('3.11');
    expect(py).not.toBeNull();
    const failures: string[] = [];
    const queue = HOSTILE.flatMap((text, k) => [true, false].map((matching) => ({ text, matching, k: 2 * k + Number(matching) })));
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        const s = hostileScenario(job.text, job.matching);
        const file = join(dir, `program-${job.k}.py`);
        writeFileSync(file, generatePython(s), 'utf8');
        const lab = labLog(s);
        const r = await run(py!.command, [file, '--fast'], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } })
          .then((o) => ({ ...o, code: 0 }))
          .catch((e: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? -1 }));
        const got = r.stdout.split('\n').filter((l) => l !== '');
        for (const lines of [lab.lines, got]) sortCleanup(lines, lab.end);
        const same = got.length === lab.lines.length && got.every((l, i) => l === lab.lines[i]);
        if (!same || r.stderr !== '' || r.code !== exitFor(lab.end)) {
          const i = got.findIndex((l, n) => l !== lab.lines[n]);
          failures.push(`${JSON.stringify(job.text)} (${job.matching ? 'format' : 'item'}): exit ${r.code}, line ${i + 1}: ${got[i] ?? '(end)'} vs ${lab.lines[i] ?? '(end)'}\n${r.stderr.slice(-400)}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures.slice(0, 3).join('\n'), `${failures.length} of ${2 * HOSTILE.length} differ`).toBe('');
  }, 300_000);
});
