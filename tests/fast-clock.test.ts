/**
 * The --fast block is a Python file (src/python/fast_clock.py), read by python3 as Python and appended by the
 * generator as its exact text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAST_CLOCK } from '../src/python/fastClock.ts';
import { generatePython } from '../src/python/generate.ts';
import { seed2 } from '../src/scenarios/presets.ts';
import { findPython, skipReason, type PythonInfo } from './oracle/runPython.ts';

const file = new URL('../src/python/fast_clock.py', import.meta.url);
const missing = skipReason('3.11');

describe('fast_clock.py', () => {
  it.skipIf(missing !== null)('compiles under python3', () => {
    const py = findPython('3.11') as PythonInfo;
    // compile() as the interpreter does on import, without writing a .pyc next to the file
    const r = spawnSync(py.command, ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', file.pathname], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is what the generator imports and appends, as it is', () => {
    const text = readFileSync(file, 'utf8');
    expect(FAST_CLOCK).toBe(text);
    expect(generatePython(seed2)).toContain(text.trimEnd());
  });
});
