/**
 * The building blocks of the scenario schema (schema.ts): valibot schemas whose messages name what is wrong the way
 * docs/scenario.md promises (`must be from 1 to 64, got -1`). Each field reports its first problem only; an object
 * reports its unknown fields first, then the rest in the order of its entries.
 */
import * as v from 'valibot';
import { describe, field } from './words';

export type Issue = v.BaseIssue<unknown>;
type PathItem = v.IssuePathItem;

/** A field reports its first problem only (valibot would go on through the pipe). */
const FIRST = { abortPipeEarly: true } as const;
const CONTROL = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/; // eslint-disable-line no-control-regex

/** What an object's wrapper expected where it names a field (valibot's `expected`). */
const UNKNOWN = 'a known field';
const FOREIGN = 'a field of this kind';

const got = (what: string) => (i: Issue): string => `${what}, got ${describe(i.input)}`;
const range = (min: number, max: number) => (i: Issue): string => `must be from ${min} to ${max}, got ${String(i.input)}`;

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/* @__NO_SIDE_EFFECTS__ */
export function whole(min: number, max: number) {
  const type = got('must be a whole number');
  return v.config(v.pipe(v.number(type), v.finite(type), v.integer(type), v.minValue(min, range(min, max)), v.maxValue(max, range(min, max))), FIRST);
}

/* @__NO_SIDE_EFFECTS__ */
export function real(min: number, max: number) {
  const type = got('must be a number');
  return v.config(v.pipe(v.number(type), v.finite(type), v.minValue(min, range(min, max)), v.maxValue(max, range(min, max))), FIRST);
}

/** A number from 0 to max that is not 0 itself, with the reason why not. */
/* @__NO_SIDE_EFFECTS__ */
export function above0(max: number, why: string) {
  const type = got('must be a number');
  return v.config(v.pipe(v.number(type), v.finite(type), v.minValue(0, range(0, max)), v.maxValue(max, range(0, max)), v.gtValue(0, why)), FIRST);
}

/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(options, got(`must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`));
}

export const bool = () => v.boolean(got('must be true or false'));

const atMost = (max: number) => (i: Issue): string => `must be at most ${max} characters, got ${(i.input as string).length}`;

/** Plain text on one line. */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number) {
  return v.config(v.pipe(v.string(got('must be a string')), v.maxLength(max, atMost(max)), v.regex(NO_CONTROL, 'must not contain control characters')), FIRST);
}

/** Text held to `pattern`; `why` words a mismatch that is not a control character. */
/* @__NO_SIDE_EFFECTS__ */
export function textLike(max: number, pattern: RegExp, why: (s: string) => string) {
  const mismatch = (i: Issue): string => (CONTROL.test(i.input as string) ? 'must not contain control characters' : why(i.input as string));
  return v.config(v.pipe(v.string(got('must be a string')), v.maxLength(max, atMost(max)), v.regex(pattern, mismatch)), FIRST);
}

/** The message a field's own schema gives for `value` (a missing field reads as undefined). */
function ownMessage(schema: v.GenericSchema, value: unknown): string {
  return v.safeParse(schema, value).issues?.[0].message ?? 'is missing';
}

/** An issue placed by a wrapper, at `key` of the object `input`; the value is not read (a getter could throw). */
function issueAt(input: Record<string, unknown>, key: string, message: string, expected: string): Issue {
  const path: [PathItem] = [{ type: 'object', origin: 'key', input, key, value: undefined }];
  return { kind: 'validation', type: 'check', input: key, expected, received: JSON.stringify(field(key)), message, path };
}

type Entries = Record<string, v.GenericSchema>;

/**
 * An object's fields checked: unknown fields first (all of them, as the input spells them, without reading them),
 * then `missing` ones when that is how this object words them, then the entries in order. Otherwise a
 * missing field reads as undefined in its own message (`must be a whole number, got undefined`).
 */
/* @__NO_SIDE_EFFECTS__ */
function fields<S extends v.GenericSchema>(schema: S, known: readonly string[], foreign?: (input: Record<string, unknown>) => Issue[]): S {
  return {
    ...schema,
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      const input = dataset.value as Record<string, unknown>;
      const unknown = Object.keys(input).filter((k) => !known.includes(k)).map((k) => issueAt(input, k, 'unknown field', UNKNOWN));
      // valibot's strict object sees the known fields only: it would name just the first unknown one, reading its value
      const view: Record<string, unknown> = {};
      for (const k of known) if (k in input) view[k] = input[k];
      const out = schema['~run']({ value: view }, config);
      // a field of another kind is named below (`foreign`); valibot's strict object names the first one too
      const own = (out.issues ?? []).filter((i) => !(i.type === 'strict_object' && i.expected === 'never' && i.path?.length === 1));
      const isMissing = (i: Issue): boolean => i.type === 'strict_object' && i.message === 'is missing' && i.path?.length === 1;
      const discriminator = own.filter((i) => i.type === 'variant' && i.path?.length === 1);
      const extra = discriminator.length === 0 && foreign !== undefined ? foreign(input) : [];
      const all = [...unknown, ...discriminator, ...extra, ...own.filter(isMissing), ...own.filter((i) => !discriminator.includes(i) && !isMissing(i))];
      return (all.length > 0 ? { ...out, typed: false, issues: all } : out) as ReturnType<S['~run']>;
    },
  };
}

/** How an object words a missing field (and a field of another kind, which `fields` names its own way). */
const missingIn = (entries: Entries, missing: 'is missing' | 'own') => (i: Issue): string => {
  const entry = entries[i.path?.[0]?.key as string];
  if (i.expected === 'never' || entry === undefined) return 'not a field of this kind';
  return missing === 'is missing' ? 'is missing' : ownMessage(entry, undefined);
};

/** An object with these entries, in the order they are checked. */
/* @__NO_SIDE_EFFECTS__ */
export function obj<const E extends Entries>(entries: E, missing: 'is missing' | 'own' = 'own') {
  return v.pipe(v.custom<Record<string, unknown>>(isObject, got('must be an object')), fields(v.strictObject(entries, missingIn(entries, missing)), Object.keys(entries)));
}

/** One option of a variant: the discriminator and the fields of that kind. */
/* @__NO_SIDE_EFFECTS__ */
export function option<const E extends Entries>(entries: E, missing: 'is missing' | 'own' = 'own') {
  return v.strictObject(entries, missingIn(entries, missing));
}

/**
 * An object of one of several kinds, told apart by `key`. A field of another kind is named with `foreign(kind)`;
 * `strict`: a field of no kind is named that way too (besides being unknown), as a list of what each kind takes.
 */
/* @__NO_SIDE_EFFECTS__ */
export function kinds<const K extends string, const O extends v.VariantOptions<K>>(key: K, options: O, foreign: (kind: string) => string, strict = true): v.GenericSchema<unknown, v.InferOutput<O[number]>> {
  const entriesOf = (o: O[number]): Entries => (o as unknown as { entries: Entries }).entries;
  const known = [...new Set(options.flatMap((o) => Object.keys(entriesOf(o))))];
  const names = options.map((o) => (entriesOf(o)[key] as v.LiteralSchema<string, undefined>).literal);
  const extra = (input: Record<string, unknown>): Issue[] => {
    const kind = input[key] as string;
    const own = Object.keys(entriesOf(options[names.indexOf(kind)] as O[number]));
    return Object.keys(input)
      .filter((k) => k !== key && !own.includes(k) && (strict || known.includes(k)))
      .map((k) => issueAt(input, k, foreign(kind), FOREIGN));
  };
  const variant = v.variant(key, options, got(`must be one of ${names.map((n) => JSON.stringify(n)).join(', ')}`));
  return v.pipe(v.custom<Record<string, unknown>>(isObject, got('must be an object')), fields(variant as v.GenericSchema<Record<string, unknown>>, known, extra)) as v.GenericSchema<unknown, v.InferOutput<O[number]>>;
}

/**
 * A pair lo, hi of a distribution: hi is read only when lo is good, and `order` words a pair out of order (then
 * the issue is the distribution's own).
 */
/* @__NO_SIDE_EFFECTS__ */
export function pair<S extends v.GenericSchema>(schema: S, bound: v.GenericSchema, order: (lo: number, hi: number) => string | null): S {
  return {
    ...schema,
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      const input = dataset.value as Record<string, unknown>;
      const out = schema['~run'](dataset, config);
      const at = (k: string) => (i: Issue): boolean => i.path?.length === 1 && i.path[0].key === k;
      let issues: Issue[] = out.issues ?? [];
      if (issues.some(at('lo'))) issues = issues.filter((i) => !at('hi')(i));
      else if (v.is(bound, input.lo) && v.is(bound, input.hi)) {
        const why = order(input.lo as number, input.hi as number);
        if (why !== null) issues = [...issues, { kind: 'validation', type: 'check', input, expected: null, received: 'an object', message: why }];
      }
      return (issues.length > 0 ? { ...out, typed: false, issues } : out) as ReturnType<S['~run']>;
    },
  };
}

/**
 * A list of groups: its length is checked first, and only the first `max` groups are read (a longer list is one
 * problem, not dozens).
 */
/* @__NO_SIDE_EFFECTS__ */
export function groups<S extends v.GenericSchema>(group: S, max: number) {
  const list = v.pipe(v.array(group, got('must be a list of groups')), v.metadata({ minItems: 1, maxItems: max }));
  return {
    ...list,
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      const input = dataset.value;
      if (!Array.isArray(input)) return list['~run'](dataset, config);
      const length: Issue[] = input.length < 1 || input.length > max ? [{ kind: 'validation', type: 'check', input, expected: null, received: 'a list', message: `must hold 1 to ${max} groups, got ${input.length}` }] : [];
      const out = list['~run']({ value: Array.from(input.slice(0, max)) }, config); // a hole is a missing group, not one to skip
      const issues = [...length, ...(out.issues ?? [])];
      return (issues.length > 0 ? { ...out, typed: false, issues } : out) as unknown as ReturnType<(typeof list)['~run']>;
    },
  } as typeof list;
}

/** A list of 1 to `max` numbers from the schema `each`. */
/* @__NO_SIDE_EFFECTS__ */
export function numbers<S extends v.GenericSchema<unknown, number>>(each: S, max: number) {
  const sized = (x: unknown): x is unknown[] => Array.isArray(x) && x.length >= 1 && x.length <= max;
  // the guard runs first; the metadata says the same to JSON Schema, which starts at the list
  return v.pipe(v.custom<unknown[]>(sized, `must be a list of 1 to ${max} numbers`), v.array(each), v.metadata({ minItems: 1, maxItems: max }));
}

/** Per parse: the group names seen so far (groups share one namespace; the first to take a name keeps it). */
type Names = { names?: Set<string> };

/** A fresh set of group names for each parse of `schema`. */
/* @__NO_SIDE_EFFECTS__ */
export function withNames<S extends v.GenericSchema>(schema: S): S {
  return { ...schema, '~run': (dataset: v.UnknownDataset, config: v.Config<Issue>) => schema['~run'](dataset, { ...config, names: new Set<string>() } as v.Config<Issue>) };
}

/** A group's name is its own: `text` is what a name must be before it counts as taken. */
/* @__NO_SIDE_EFFECTS__ */
export function unique(taken: (x: unknown) => x is string) {
  return v.rawCheck<string>(({ dataset, config, addIssue }) => {
    const seen = (config as Names).names;
    const name = dataset.value;
    if (seen === undefined || !taken(name)) return;
    if (dataset.issues === undefined && seen.has(name)) addIssue({ message: `${JSON.stringify(name)} is used by another group` });
    seen.add(name);
  });
}
