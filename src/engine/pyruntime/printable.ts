/**
 * CPython's `str.isprintable()` for one code point, in the Unicode database of the scenario's Python version (not
 * the JS runtime's, which is newer and differs on thousands of code points). Data: printableData.ts, generated.
 */
import { NOT_PRINTABLE } from './printableData';

/** The versions with a table: a scenario's `python` must be one (a new version needs scripts/gen-printable.py). */
export type PythonVersion = keyof typeof NOT_PRINTABLE;

/** Per version: the bounds [first0, last0 + 1, first1, last1 + 1, ...] of its non-printable ranges, decoded once. */
const bounds = new Map<PythonVersion, Uint32Array>();

function decode(text: string): Uint32Array {
  const words = text.trim().split(/\s+/);
  const out = new Uint32Array(words.length * 2);
  words.forEach((w, k) => {
    const [first, last = first] = w.split('-') as [string, string?];
    out[2 * k] = parseInt(first, 16);
    out[2 * k + 1] = parseInt(last, 16) + 1;
  });
  return out;
}

function boundsOf(python: PythonVersion): Uint32Array {
  let b = bounds.get(python);
  if (b === undefined) {
    const text = NOT_PRINTABLE[python];
    // a version from outside the type (a hand-edited scenario object) must not fall back to some other table
    if (text === undefined) throw new Error(`no Unicode table for Python ${String(python)}`);
    b = decode(text);
    bounds.set(python, b);
  }
  return b;
}

/** Whether Python `python` prints the code point `code` as itself in repr() (`chr(code).isprintable()`). */
export function isPrintable(code: number, python: PythonVersion): boolean {
  const b = boundsOf(python);
  // the number of bounds <= code: odd means inside a non-printable range
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid]! <= code) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 0;
}
