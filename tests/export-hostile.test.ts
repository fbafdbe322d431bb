/**
 * No scenario string can change what the exported script does. Hostile names, item strings and formats (every
 * PEP 263 spelling, codec names, quotes and backslashes, Unicode line breaks, bidi controls, the payloads that once
 * ran code) are written into scripts, saved as .py files and run under CPython as a user would run them: each one
 * prints exactly the lab's event log and nothing else. Random text over every code point, and the code points whose
 * printability each CPython's Unicode sees otherwise than JS's, run under 3.11, 3.12 and 3.13 alike.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePython } from '../src/python/generate';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { validateScenario } from '../src/scenarios/validate';
import { exitFor, labLog, sortCleanup } from './oracle/labLog';
import { findExactPython, type PythonVersion } from './oracle/runPython';

const run = promisify(execFile);
const CI = process.env.CI === 'true' || process.env.CI === '1';
const VERSIONS: PythonVersion[] = ['3.11', '3.12', '3.13'];
const missing = VERSIONS.filter((v) => findExactPython(v) === null);
if (missing.length > 0) {
  if (CI && (missing.includes('3.11') || missing.includes('3.13'))) throw new Error(`Python ${missing.join(', ')} required under CI`);
  console.warn(`\n*** SKIPPING hostile text under Python ${missing.join(', ')}: not installed ***\n`);
}

const CODINGS = ['gbk', 'latin-1', 'utf-16', 'utf_7', 'unicode_escape', 'raw_unicode_escape', 'rot13', 'cp1252',
  'big5', 'shift_jis', 'hz', 'utf-8-sig', 'JSON', 'euc_jp', 'cp037'];
const PEP263 = CODINGS.flatMap((c) => [`coding=${c}`, `coding: ${c}`, `-*- coding: ${c} -*-`, `vim: set fileencoding=${c} :`]);
/**
 * The first and last code point of each range where CPython 3.11, 3.12 or 3.13 and a newer Unicode (Node 20's
 * /[\p{C}\p{Z}]/u, Unicode 17) disagree on what is printable: each version's repr escapes what its own database
 * has not assigned (U+1CEEE and CJK Ext H U+31350-323AF under 3.11; from U+323B0 under 3.12 and 3.13).
 */
const UNICODE = [
  '\u088f\u0897\u0c5c\u0cdc\u0cf3\u0ece\u1acf\u1add\u1ae0\u1aeb\u1b4e\u1b4f\u1b7f\u1c89\u1c8a\u20c1\u2427\u2429\u2b96\u2ffc\u2fff\u31e4\u31e5\u31ef',
  '\ua7cb\ua7cf\ua7d2\ua7d4\ua7da\ua7dc\ua7f1\ufbc3\ufbd2\ufd90\ufd91\ufdc8\ufdce\u{105c0}\u{105f3}\u{10940}\u{10959}\u{10d40}\u{10d65}\u{10d69}\u{10d85}\u{10d8e}\u{10d8f}\u{10ec2}',
  '\u{10ec7}\u{10ed0}\u{10ed8}\u{10efa}\u{10efc}\u{10eff}\u{1123f}\u{11241}\u{11380}\u{11389}\u{1138b}\u{1138e}\u{11390}\u{113b5}\u{113b7}\u{113c0}\u{113c2}\u{113c5}\u{113c7}\u{113ca}\u{113cc}\u{113d5}\u{113d7}\u{113d8}',
  '\u{113e1}\u{113e2}\u{116d0}\u{116e3}\u{11b00}\u{11b09}\u{11b60}\u{11b67}\u{11bc0}\u{11be1}\u{11bf0}\u{11bf9}\u{11db0}\u{11ddb}\u{11de0}\u{11de9}\u{11f00}\u{11f10}\u{11f12}\u{11f3a}\u{11f3e}\u{11f5a}\u{1342f}\u{13440}',
  '\u{13455}\u{13460}\u{143fa}\u{16100}\u{16139}\u{16d40}\u{16d79}\u{16ea0}\u{16eb8}\u{16ebb}\u{16ed3}\u{16ff2}\u{16ff6}\u{187f8}\u{187ff}\u{18cff}\u{18d09}\u{18d1e}\u{18d80}\u{18df2}\u{1b132}\u{1b155}\u{1cc00}\u{1ccfc}',
  '\u{1cd00}\u{1ceb3}\u{1ceba}\u{1ced0}\u{1cee0}\u{1cef0}\u{1d2c0}\u{1d2d3}\u{1df25}\u{1df2a}\u{1e030}\u{1e06d}\u{1e08f}\u{1e4d0}\u{1e4f9}\u{1e5d0}\u{1e5fa}\u{1e5ff}\u{1e6c0}\u{1e6de}\u{1e6e0}\u{1e6f5}\u{1e6fe}\u{1e6ff}',
  '\u{1f6d8}\u{1f6dc}\u{1f774}\u{1f777}\u{1f77a}\u{1f77f}\u{1f7d9}\u{1f8b2}\u{1f8bb}\u{1f8c0}\u{1f8c1}\u{1f8d0}\u{1f8d8}\u{1fa54}\u{1fa57}\u{1fa75}\u{1fa77}\u{1fa87}\u{1fa89}\u{1fa8a}\u{1fa8e}\u{1fa8f}\u{1faad}\u{1faaf}',
  '\u{1fabb}\u{1fabe}\u{1fabf}\u{1fac6}\u{1fac8}\u{1facd}\u{1facf}\u{1fada}\u{1fadc}\u{1fadf}\u{1fae8}\u{1fae9}\u{1faea}\u{1faef}\u{1faf7}\u{1faf8}\u{1fbcb}\u{1fbef}\u{1fbfa}\u{2b739}\u{2b73a}\u{2b73f}\u{2cea2}\u{2cead}',
  '\u{2ebf0}\u{2ee5d}\u{31350}\u{323b0}\u{33479}',
];
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
  ...UNICODE,
];
const HOSTILE = [...PEP263, ...PAYLOADS];

/**
 * seed-2 with the hostile text as its name, in each producer's item format (braces, which formats may not hold,
 * left out) and as the consumer's bad item: the formatted item 1 (`matching`), or the text itself.
 */
function hostileScenario(text: string, matching = true, python: PythonVersion = '3.11'): Scenario {
  const s = structuredClone(findPreset('seed-2')!.scenario);
  s.python = python;
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
    expect(findExactPython('3.11')).not.toBeNull();
    const jobs = HOSTILE.flatMap((text) => [true, false].map((matching) => ({ text, matching, python: '3.11' as const })));
    const failures = await runScripts(jobs);
    expect(failures.slice(0, 3).join('\n'), `${failures.length} of ${jobs.length} differ`).toBe('');
  }, 300_000);

  // Random text over every code point (less the controls scenarios reject): the lab must repr each character as
  // the scenario's own CPython version does.
  const seed = Number(process.env.QUEUE_LAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = fc
    .sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { numRuns: 30, seed })
    .map((t) => `${[...t].filter((ch) => ch > '\x1f' && ch !== '\x7f').join('')}' coding=gbk`);
  for (const python of VERSIONS) {
    it.skipIf(missing.includes(python))(`random text (QUEUE_LAB_SEED=${seed}) and the disputed code points print as Python ${python} repr's them`, async () => {
      // under 3.11 the test above runs the UNICODE payloads already
      const texts = python === '3.11' ? random : [...UNICODE, ...random];
      const jobs = texts.map((text, k) => ({ text, matching: k % 2 === 0, python }));
      const failures = await runScripts(jobs);
      expect(failures.slice(0, 3).join('\n'), `QUEUE_LAB_SEED=${seed}: ${failures.length} of ${jobs.length} differ`).toBe('');
    }, 300_000);
  }
});

let files = 0;

/** Saves each job's script as a .py file, runs it under its own CPython and compares what it prints with the lab's log. */
async function runScripts(jobs: { text: string; matching: boolean; python: PythonVersion }[]): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const py = findExactPython(job.python)!;
      const s = hostileScenario(job.text, job.matching, job.python);
      const file = join(dir, `program-${files++}.py`);
      writeFileSync(file, generatePython(s), 'utf8');
      const lab = labLog(s);
      const r = await run(py.command, [file, '--fast'], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } })
        .then((o) => ({ ...o, code: 0 }))
        .catch((e: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? -1 }));
      const got = r.stdout.split('\n').filter((l) => l !== '');
      for (const lines of [lab.lines, got]) sortCleanup(lines, lab.end);
      const same = got.length === lab.lines.length && got.every((l, i) => l === lab.lines[i]);
      if (!same || r.stderr !== '' || r.code !== exitFor(lab.end)) {
        const i = got.findIndex((l, n) => l !== lab.lines[n]);
        const what = `${JSON.stringify(job.text)} (${job.matching ? 'format' : 'item'}, Python ${py.version})`;
        failures.push(`${what}: exit ${r.code}, line ${i + 1}: ${got[i] ?? '(end)'} vs ${lab.lines[i] ?? '(end)'}\n${r.stderr.slice(-400)}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return failures;
}
