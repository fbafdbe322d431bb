/**
 * A small Python tokenizer for the code panel: keywords, builtins, strings (f-strings and triple quotes too),
 * numbers, comments, decorators and the names that `def` / `class` introduce. It only colours text, so it is
 * lenient: whatever it does not know stays plain. Joining a line's token texts gives the line back exactly.
 */
export type TokenKind = 'kw' | 'bi' | 'str' | 'num' | 'com' | 'fn' | 'deco' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

const BUILTINS = new Set(
  (
    'abs all any bool dict enumerate float frozenset getattr hasattr id int isinstance iter len list map max min ' +
    'next object print range repr reversed set setattr sorted str sum super tuple type zip ' +
    'BaseException Exception ValueError KeyError TypeError RuntimeError SystemExit StopIteration ' +
    'KeyboardInterrupt NotImplementedError self cls'
  ).split(' '),
);

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/y;
const PREFIX = /(?:[rRbBuUfF]|[fFrR]{2}|[bBrR]{2})(?=['"])/y;

/** Where the line scanner stands at the end of a line: inside a triple-quoted string, or not. */
type Carry = { quote: '"""' | "'''" } | null;

function push(out: Token[], kind: TokenKind, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** The end of a string that opens with `quote` at `from` (just past the quote), or -1 if it runs on. */
function stringEnd(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line.startsWith(quote, i)) return i + quote.length;
  }
  return -1;
}

function tokenizeLine(line: string, carry: Carry): { tokens: Token[]; carry: Carry } {
  const out: Token[] = [];
  let i = 0;
  if (carry !== null) {
    const end = stringEnd(line, 0, carry.quote);
    if (end < 0) return { tokens: line === '' ? [] : [{ kind: 'str', text: line }], carry };
    push(out, 'str', line.slice(0, end));
    i = end;
  }
  let afterDef = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '#') {
      push(out, 'com', line.slice(i));
      break;
    }
    PREFIX.lastIndex = i;
    const prefix = PREFIX.exec(line)?.[0] ?? '';
    const q = line[i + prefix.length];
    if (q === '"' || q === "'") {
      const start = i;
      const body = i + prefix.length;
      const triple = line.startsWith(q.repeat(3), body);
      const quote = triple ? q.repeat(3) : q;
      const end = stringEnd(line, body + quote.length, quote);
      if (end < 0) {
        push(out, 'str', line.slice(start));
        return { tokens: out, carry: triple ? { quote: quote as '"""' | "'''" } : null };
      }
      push(out, 'str', line.slice(start, end));
      i = end;
      afterDef = false;
      continue;
    }
    if (ch === '@' && line.slice(0, i).trim() === '') {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(line);
      const len = 1 + (m?.[0].length ?? 0);
      push(out, 'deco', line.slice(i, i + len));
      i += len;
      continue;
    }
    NAME.lastIndex = i;
    const name = /[A-Za-z_]/.test(ch) ? NAME.exec(line) : null;
    if (name !== null) {
      const w = name[0];
      // an attribute (q.put, asyncio.sleep) is never a keyword or a builtin
      const attribute = i > 0 && line[i - 1] === '.';
      const kind: TokenKind = afterDef ? 'fn' : attribute ? 'plain' : KEYWORDS.has(w) ? 'kw' : BUILTINS.has(w) ? 'bi' : 'plain';
      push(out, kind, w);
      afterDef = !attribute && (w === 'def' || w === 'class');
      i += w.length;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(line[i + 1] ?? ''))) {
      const prev = line[i - 1] ?? ' ';
      NUMBER.lastIndex = i;
      const m = /[A-Za-z0-9_]/.test(prev) ? null : NUMBER.exec(line);
      if (m !== null && m[0] !== '') {
        push(out, 'num', m[0]);
        i += m[0].length;
        continue;
      }
    }
    if (ch !== ' ' && ch !== '\t') afterDef = false;
    push(out, 'plain', ch);
    i++;
  }
  return { tokens: out, carry: null };
}

/** Tokens for each line of `code` (split on '\n'); triple-quoted strings may span lines. */
export function highlightPython(code: string): Token[][] {
  let carry: Carry = null;
  return code.split('\n').map((line) => {
    const r = tokenizeLine(line, carry);
    carry = r.carry;
    return r.tokens;
  });
}
