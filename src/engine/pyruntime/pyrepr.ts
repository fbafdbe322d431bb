/**
 * Python's repr() of the values a program puts in a queue: ints, floats, str, None and tuples. One place for the
 * engine (exception messages such as `bad item 3`) and for the log lines and exports built on the trace.
 */
import { isPrintable, type PythonVersion } from './printable';
import type { Item } from '../scenario';

/** Which numbers of an item are Python floats (JS cannot tell 2.0 from 2): true, false, or per tuple element. */
export type FloatHint = boolean | FloatHint[];

/** Python's `repr(float)`: the shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // JS gives the same shortest digits; only the layout differs.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Python's `repr(int)` for a JS integer (exact up to 2**53; larger ones print as their exact double). */
function pyIntRepr(x: number): string {
  if (Math.abs(x) < 1e21) return x.toFixed(0);
  return BigInt(x).toString();
}

/**
 * Python's `repr(str)`: single quotes unless the text has ' and no ", escapes for what `python`'s own Unicode
 * database calls unprintable.
 */
export function pyStrRepr(s: string, python: PythonVersion): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code < 0x7f) out += ch;
    else if (!isPrintable(code, python)) {
      if (code <= 0xff) out += '\\x' + code.toString(16).padStart(2, '0');
      else if (code <= 0xffff) out += '\\u' + code.toString(16).padStart(4, '0');
      else out += '\\U' + code.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr()` of a queue item under the scenario's Python version; arrays are tuples. */
export function pyRepr(item: Item, python: PythonVersion, floats: FloatHint = false): string {
  if (item === null) return 'None';
  if (typeof item === 'string') return pyStrRepr(item, python);
  if (typeof item === 'number') {
    const isFloat = floats === true || !Number.isInteger(item);
    return isFloat ? pyFloatRepr(item) : pyIntRepr(item);
  }
  const hint = (k: number): FloatHint => (Array.isArray(floats) ? (floats[k] ?? false) : floats);
  const parts = item.map((x, k) => pyRepr(x, python, hint(k)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}
