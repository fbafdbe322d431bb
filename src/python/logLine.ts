/**
 * The event-log line that the exported program prints (its `log()` function), reproduced in TypeScript
 * character for character: `f'{t:8.3f}s  {name}  {event}'`, then `f' {item!r}'` when there is an item.
 * Also the hang / horizon / error report that `--fast` prints at the end, with the same words.
 *
 * Python tells ints from floats; JS numbers do not. `repr` writes a number as an int when it is integral
 * and as a float otherwise (`2.5`, `1e-05`, `inf`). A float that happens to be integral (`2.0`, e.g. from
 * `random.uniform(2, 2)`) needs a hint: pass `floats` (true: every number in the item is a float; or a
 * per-element array for tuples, e.g. `[true, false]` for a priority item `(draw, i)`).
 */
import type { EndRecord, TraceEvent } from '../scenarios/types.ts';

export { pyFloatRepr, pyRepr, pyStrRepr, type FloatHint } from '../engine/pyruntime/pyrepr';
export type { PythonVersion } from '../engine/pyruntime/printable';
import { pyRepr, type FloatHint } from '../engine/pyruntime/pyrepr';
import type { PythonVersion } from '../engine/pyruntime/printable';

/**
 * Python's `format(x, '.{digits}f')`: the exact binary value, correctly rounded, ties to even.
 * JS `toFixed` rounds the exact value too but sends exact ties up (0.0625 -> '0.063'; Python '0.062').
 */
export function pyFixed(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e21) return sign + BigInt(a).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  let text = a.toFixed(digits);
  // An exact tie is a x with a * 10**digits = k + 1/2 exactly; toFixed took k + 1, Python takes the even one.
  const scale = 10 ** digits;
  const scaled = a * scale;
  if (Number.isFinite(scaled) && scaled - Math.floor(scaled) === 0.5 && isExactTie(a, digits)) {
    const up = Math.floor(scaled) + 1;
    if (up % 2 === 1) text = (Math.floor(scaled) / scale).toFixed(digits);
  }
  return sign + text;
}

/** Whether a * 10**digits is exactly k + 1/2 (checked in exact integer arithmetic). */
function isExactTie(a: number, digits: number): boolean {
  // a = m * 2**e exactly; a * 10**d = k + 1/2  <=>  2 * m * 10**d * 2**e is an odd integer.
  let m = a;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  if (e === 0) return false;
  const num = 2n * BigInt(m) * 10n ** BigInt(digits);
  const den = 1n << BigInt(-e);
  if (num % den !== 0n) return false;
  return (num / den) % 2n === 1n;
}

/** `'%8.3f' % t`, the time column of the log. */
export function formatTime(t: number): string {
  return pyFixed(t, 3).padStart(8, ' ');
}

/** One line of the program's event log, exactly as `log()` prints it under Python `python`. */
export function formatLogLine(ev: TraceEvent, python: PythonVersion, floats: FloatHint = false): string {
  const line = `${formatTime(ev.t)}s  ${ev.actor}  ${ev.event}`;
  return 'item' in ev && ev.item !== undefined ? `${line} ${pyRepr(ev.item, python, floats)}` : line;
}

/** One blocked task or thread, as the `--fast` end report words it. */
export function formatBlocked(entry: EndRecord['blocked'][number]): string {
  if ('thread' in entry) return `  ${entry.thread} (thread): sleeping until t=${pyFixed(entry.wakes_at)}`;
  const w = entry.waiting_on;
  let what: string;
  if (w.startsWith('task ')) what = `waiting for ${w}`;
  else if (w === 'sleep') what = 'sleeping in asyncio.sleep';
  else if ((w as string) === 'time.sleep') what = 'blocking the loop in time.sleep';
  else what = `waiting in ${w}`;
  return `  ${entry.task}: ${what}`;
}

/**
 * What `--fast` prints after the log when the run did not simply complete (the traceback of an error goes to
 * stderr and is not included). Completed runs print nothing: [].
 */
export function formatEndReport(end: EndRecord): string[] {
  const t = pyFixed(end.t);
  switch (end.status) {
    case 'completed':
      return [];
    case 'hang':
      return [`hang at t=${t}: the program will never exit`, ...end.blocked.map(formatBlocked)];
    case 'horizon':
      return [`horizon at t=${t}: stopped, the program was still running`, ...end.blocked.map(formatBlocked)];
    case 'error': {
      const name = end.exception ?? 'Exception';
      return [`error at t=${t}: ${end.message ? `${name}: ${end.message}` : name}`];
    }
  }
}
