/** How a scenario's values read inside a validation message: short, and never an echo of the input. */

/** A key as the input spelled it, for a message: a long one is cut (messages are short lines, not echoes). */
export function field(k: string): string {
  return k.length > 40 ? `${k.slice(0, 40)}…(${k.length} characters)` : k;
}

/** An exception's text inside a message, cut to a line. */
export function reason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 160 ? `${m.slice(0, 160)}…` : m;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length > 30 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}
