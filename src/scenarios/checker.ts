/** Field checks for scenario validation: each failure is one message naming the field and the problem. */
import { LIMITS, PROGRAM_NAMES } from './limits';

type Obj = Record<string, unknown>;

export class Checker {
  readonly errors: string[] = [];

  fail(path: string, msg: string): void {
    if (this.errors.length < 20) this.errors.push(`${path}: ${msg}`);
  }

  obj(v: unknown, path: string, keys: string[]): Obj | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, `must be an object, got ${describe(v)}`);
      return null;
    }
    for (const k of Object.keys(v)) if (!keys.includes(k)) this.fail(path === 'scenario' ? field(k) : `${path}.${field(k)}`, 'unknown field');
    return v as Obj;
  }

  num(v: unknown, path: string, min: number, max: number, integer = false): boolean {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, `must be a ${integer ? 'whole ' : ''}number, got ${describe(v)}`);
      return false;
    }
    if (integer && !Number.isInteger(v)) return this.failed(path, `must be a whole number, got ${v}`);
    if (v < min || v > max) return this.failed(path, `must be from ${min} to ${max}, got ${v}`);
    return true;
  }

  failed(path: string, msg: string): false {
    this.fail(path, msg);
    return false;
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): v is T {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return true;
    return this.failed(path, `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describe(v)}`);
  }

  bool(v: unknown, path: string): boolean {
    return typeof v === 'boolean' ? true : this.failed(path, `must be true or false, got ${describe(v)}`);
  }

  str(v: unknown, path: string, max: number): v is string {
    if (typeof v !== 'string') return this.failed(path, `must be a string, got ${describe(v)}`);
    if (v.length > max) return this.failed(path, `must be at most ${max} characters, got ${v.length}`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(v)) return this.failed(path, 'must not contain control characters');
    return true;
  }

  dist(v: unknown, path: string, allowItem: boolean): void {
    const o = this.obj(v, path, ['dist', 'value', 'lo', 'hi', 'mean', 'values']);
    if (o === null) return;
    const kinds = allowItem
      ? (['const', 'randint', 'uniform', 'expo', 'choice', 'list', 'item'] as const)
      : (['const', 'randint', 'uniform', 'expo', 'choice', 'list'] as const);
    if (!this.oneOf(o.dist, `${path}.dist`, kinds)) return;
    const allowed: Record<string, string[]> = {
      const: ['value'], randint: ['lo', 'hi'], uniform: ['lo', 'hi'], expo: ['mean'], choice: ['values'], list: ['values'], item: [],
    };
    for (const k of Object.keys(o)) if (k !== 'dist' && !(allowed[o.dist] ?? []).includes(k)) this.fail(`${path}.${field(k)}`, `not a field of a ${o.dist} distribution`);
    const T = LIMITS.time;
    switch (o.dist) {
      case 'const':
        this.num(o.value, `${path}.value`, 0, T);
        break;
      case 'randint':
      case 'uniform': {
        const int = o.dist === 'randint';
        if (this.num(o.lo, `${path}.lo`, 0, T, int) && this.num(o.hi, `${path}.hi`, 0, T, int)) {
          if (int && (o.lo as number) > (o.hi as number)) this.fail(path, `lo (${String(o.lo)}) must not be above hi (${String(o.hi)})`);
          // uniform(a, a) is the float a, which JS cannot tell from the int a: use const instead
          if (!int && (o.lo as number) >= (o.hi as number)) this.fail(path, `lo (${String(o.lo)}) must be below hi (${String(o.hi)}); for a fixed value use const`);
        }
        break;
      }
      case 'expo':
        if (this.num(o.mean, `${path}.mean`, 0, T) && o.mean === 0) this.fail(`${path}.mean`, 'must be above 0');
        break;
      case 'choice':
      case 'list':
        if (!Array.isArray(o.values) || o.values.length === 0 || o.values.length > LIMITS.listValues) {
          this.fail(`${path}.values`, `must be a list of 1 to ${LIMITS.listValues} numbers`);
        } else {
          Array.from(o.values).forEach((x, i) => this.num(x, `${path}.values[${i}]`, 0, T)); // holes too
        }
        break;
    }
  }

  item(v: unknown, path: string, depth = 0): void {
    if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) {
      if (typeof v === 'string') this.str(v, path, LIMITS.formatLength);
      return;
    }
    if (Array.isArray(v) && depth < 2 && v.length <= 8) {
      Array.from(v).forEach((x, i) => this.item(x, `${path}[${i}]`, depth + 1)); // holes too
      return;
    }
    this.fail(path, `must be a number, a string, null or a short list, got ${describe(v)}`);
  }

  groupName(v: unknown, path: string, seen: Set<string>): void {
    if (!this.str(v, path, 40)) return;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) this.fail(path, `must be a Python identifier (letters, digits, _), got ${JSON.stringify(v)}`);
    else if (PROGRAM_NAMES.has(v) || v.startsWith('_')) this.fail(path, `${JSON.stringify(v)} is a name the program itself uses`);
    else if (seen.has(v)) this.fail(path, `${JSON.stringify(v)} is used by another group`);
    seen.add(v);
  }
}

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
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : String(v);
  if (typeof v === 'string') return v.length > 30 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

