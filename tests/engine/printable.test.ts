/**
 * The lab's printable tables are each CPython's own: for every code point, isPrintable(c, version) is that
 * interpreter's `chr(c).isprintable()`, and pyStrRepr(chr(c)) is its `repr(chr(c))`. One interpreter run per version.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pyStrRepr } from '../../src/engine/pyruntime/pyrepr';
import { isPrintable, type PythonVersion } from '../../src/engine/pyruntime/printable';
import { findExactPython } from '../oracle/runPython';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const VERSIONS: PythonVersion[] = ['3.11', '3.12', '3.13'];
const missing = VERSIONS.filter((v) => findExactPython(v) === null);
if (missing.length > 0) {
  if (CI && (missing.includes('3.11') || missing.includes('3.13'))) throw new Error(`Python ${missing.join(', ')} required under CI`);
  console.warn(`\n*** SKIPPING the printable tables of Python ${missing.join(', ')}: not installed ***\n`);
}

// line 1: '1' where the code point is not printable; then repr(chr(c)) for every c, one a line
const PROGRAM = [
  'import sys',
  "sys.stdout.write(''.join('0' if chr(c).isprintable() else '1' for c in range(0x110000)) + '\\n')",
  "sys.stdout.write('\\n'.join(repr(chr(c)) for c in range(0x110000)))",
].join('\n');

/** Code point ranges `first-last` (hex) where `differs` holds, for a readable failure. */
function where(differs: (c: number) => boolean): string[] {
  const out: string[] = [];
  for (let c = 0, start = -1; c <= 0x110000; c++) {
    const d = c < 0x110000 && differs(c);
    if (d && start < 0) start = c;
    if (!d && start >= 0) {
      out.push(start === c - 1 ? start.toString(16) : `${start.toString(16)}-${(c - 1).toString(16)}`);
      start = -1;
    }
  }
  return out;
}

describe("repr's printable characters are each CPython's", () => {
  for (const python of VERSIONS) {
    it.skipIf(missing.includes(python))(`Python ${python}: all 0x110000 code points`, () => {
      const py = findExactPython(python)!;
      const r = spawnSync(py.command, ['-c', PROGRAM], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
      expect(r.status, r.stderr).toBe(0);
      const [bits, ...reprs] = r.stdout.split('\n') as [string, ...string[]];
      expect([bits.length, reprs.length]).toEqual([0x110000, 0x110000]);
      const tableDiffers = where((c) => isPrintable(c, python) !== (bits[c] === '0'));
      expect(tableDiffers.slice(0, 20).join(' '), `Python ${py.version}: ${tableDiffers.length} ranges differ`).toBe('');
      const reprDiffers = where((c) => pyStrRepr(String.fromCodePoint(c), python) !== reprs[c]);
      expect(reprDiffers.slice(0, 20).join(' '), `Python ${py.version}: repr differs in ${reprDiffers.length} ranges`).toBe('');
    }, 120_000);
  }

  it('each version has its own table where the Unicode databases differ', () => {
    // U+31350 (CJK Ext H, Unicode 15.0) and U+2EBF0 (CJK Ext I, 15.1): unassigned, hence escaped, before
    expect(VERSIONS.map((v) => isPrintable(0x31350, v))).toEqual([false, true, true]);
    expect(VERSIONS.map((v) => isPrintable(0x2ebf0, v))).toEqual([false, false, true]);
    expect(VERSIONS.map((v) => pyStrRepr('\u{2ebf0}', v))).toEqual(["'\\U0002ebf0'", "'\\U0002ebf0'", "'\u{2ebf0}'"]);
  });
});
