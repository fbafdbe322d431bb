import type { Item } from '../scenarios/types';
import { PyException } from './errors';

/** Python's type name of an item: int, float, str, NoneType, tuple. */
export function pyTypeName(x: Item): string {
  if (x === null) return 'NoneType';
  if (typeof x === 'string') return 'str';
  if (Array.isArray(x)) return 'tuple';
  return Number.isInteger(x) ? 'int' : 'float';
}

/** Python `a == b` for items. */
export function pyEq(a: Item, b: Item): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => pyEq(x, b[i] as Item));
  }
  return a === b;
}

/** Python `a < b` for items; raises TypeError exactly where CPython does. */
export function pyLess(a: Item, b: Item): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b; // UTF-16 order: equal for BMP text
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i] as Item, b[i] as Item)) return pyLess(a[i] as Item, b[i] as Item);
    }
    return a.length < b.length;
  }
  throw new PyException(
    'TypeError',
    `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

/** heapq.heappush, as the C module does it (swaps as it sifts; a failed comparison leaves the list as it is). */
export function heappush(heap: Item[], item: Item): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

/** heapq.heappop. */
export function heappop(heap: Item[]): Item {
  const last = heap.pop() as Item;
  if (heap.length === 0) return last;
  const ret = heap[0] as Item;
  heap[0] = last;
  siftup(heap, 0);
  return ret;
}

function siftdown(heap: Item[], startpos: number, pos: number): void {
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    if (!pyLess(heap[pos] as Item, heap[parentpos] as Item)) break;
    const tmp = heap[parentpos] as Item;
    heap[parentpos] = heap[pos] as Item;
    heap[pos] = tmp;
    pos = parentpos;
  }
}

function siftup(heap: Item[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      if (!pyLess(heap[childpos] as Item, heap[childpos + 1] as Item)) childpos++;
    }
    const tmp = heap[childpos] as Item;
    heap[childpos] = heap[pos] as Item;
    heap[pos] = tmp;
    pos = childpos;
  }
  siftdown(heap, startpos, pos);
}

/** Python repr() of an item. */
export function pyRepr(x: Item): string {
  if (x === null) return 'None';
  if (typeof x === 'string') return reprStr(x);
  if (Array.isArray(x)) return x.length === 1 ? `(${pyRepr(x[0] as Item)},)` : `(${x.map(pyRepr).join(', ')})`;
  return reprNumber(x);
}

/** repr(float) / repr(int) for a JS number: integers print as ints (see docs/scenario.md). */
export function reprNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  const s = String(x);
  const m = /^(-?)(\d(?:\.\d+)?)e([+-])(\d+)$/.exec(s);
  if (m !== null) {
    const exp = (m[4] ?? '').padStart(2, '0');
    return `${m[1]}${m[2]}e${m[3]}${exp}`;
  }
  // Python switches to exponent form at 1e16 and below 1e-4; JS at 1e21 and below 1e-6.
  const abs = Math.abs(x);
  if (abs >= 1e16 || (abs !== 0 && abs < 1e-4)) {
    const e = x.toExponential();
    const mm = /^(-?)(\d(?:\.\d+)?)e([+-])(\d+)$/.exec(e);
    if (mm !== null) return `${mm[1]}${mm[2]}e${mm[3]}${(mm[4] ?? '').padStart(2, '0')}`;
  }
  return s.includes('.') ? s : `${s}.0`;
}

function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
