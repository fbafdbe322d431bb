import type { Item } from '../scenario';
import { PyException } from '../asyncio/errors';

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
