/**
 * Python source text for the values a scenario brings: numbers, queue items, f-string formats and comments.
 *
 * Whatever the scenario's strings hold, the exported file stays one valid UTF-8 program whose literals are
 * literals: every string literal is pure ASCII (anything else is written as an escape), so no decoding of the
 * file can merge a character with a quote or a backslash, and a comment holds no line break and no control or
 * bidi character (a comment could otherwise end early, or show a reader something other than what runs).
 */
import type { Item } from '../scenarios/types.ts';

/** A number as a Python literal: JS `String(x)` (so 2 stays an int), inf/nan spelled out. */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  return String(x);
}

/** The escape of one character inside a Python string literal, or null when it may stand as it is. */
function escapeChar(ch: string, quote: string): string | null {
  const code = ch.codePointAt(0) as number;
  if (ch === '\\' || ch === quote) return `\\${ch}`;
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x7f) return null;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** A str literal in pure ASCII that Python reads as exactly `s` (quoted as repr() would quote it). */
export function pyStrLiteral(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) out += escapeChar(ch, quote) ?? ch;
  return out + quote;
}

/** A queue item as a Python literal. */
export function pyLiteral(item: Item): string {
  if (item === null) return 'None';
  if (typeof item === 'number') return pyNumber(item);
  if (typeof item === 'string') return pyStrLiteral(item);
  if (item.length === 1) return `(${pyLiteral(item[0] as Item)},)`;
  return `(${item.map(pyLiteral).join(', ')})`;
}

/** The format of an item value as a Python f-string (only `{i}` and `{n}` are fields; other braces are text). */
export function pyFString(format: string): string {
  const parts = format.split(/(\{[in]\})/);
  if (!parts.some((p) => p === '{i}' || p === '{n}')) return pyStrLiteral(format);
  const quote = format.includes("'") && !format.includes('"') ? '"' : "'";
  const text = (p: string): string =>
    [...p].map((ch) => (ch === '{' || ch === '}' ? ch + ch : (escapeChar(ch, quote) ?? ch))).join('');
  const body = parts.map((p) => (p === '{i}' || p === '{n}' ? p : text(p))).join('');
  return `f${quote}${body}${quote}`;
}

// Control, format (bidi included), surrogate, private-use and unassigned characters, and line or paragraph breaks.
const UNSAFE_IN_COMMENT = /[\p{C}\p{Zl}\p{Zp}]/gu;

/** User text for a `#` comment: one line of printable text; anything else shown as its \u escape. */
export function pyCommentText(text: string): string {
  return text
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(UNSAFE_IN_COMMENT, (ch) => `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`)
    .replace(/ +/g, ' ')
    .trim();
}
