/**
 * Validation of untrusted scenario JSON (files, links, the CLI) against the scenario schema (schema.ts, rules.ts):
 * every problem gets one message that names the field and says what is wrong, e.g.
 * `producers[0].count: must be from 1 to 64, got -1`. Never throws.
 */
import * as v from 'valibot';
import { ScenarioSchema } from './rules';
import type { Scenario } from './types';
import { field, reason } from './words';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** The most messages one answer holds. */
const MAX_ERRORS = 20;

export function validateScenario(input: unknown): Validation {
  const problems = errorsOf(input);
  if (problems.length > 0) return { ok: false, errors: problems };
  // What comes back is a plain copy, checked in its turn: a value that passed but does not copy as it read (an
  // inherited or hidden field, a getter that changes its answer, a Proxy) must not come back valid.
  let copy: unknown;
  try {
    copy = structuredClone(input);
  } catch (e) {
    return { ok: false, errors: [`scenario: could not be read (${reason(e)})`] };
  }
  const again = errorsOf(copy);
  if (again.length > 0) return { ok: false, errors: again };
  return { ok: true, scenario: copy as Scenario };
}

function errorsOf(input: unknown): string[] {
  try {
    const r = v.safeParse(ScenarioSchema, input);
    return r.success ? [] : r.issues.slice(0, MAX_ERRORS).map((i) => `${where(i.path)}: ${i.message}`);
  } catch (e) {
    return [`scenario: could not be read (${reason(e)})`];
  }
}

/** `producers[0].items.count`; the scenario itself is `scenario`. */
function where(path: readonly v.IssuePathItem[] | undefined): string {
  if (path === undefined || path.length === 0) return 'scenario';
  return path.map((p, n) => (typeof p.key === 'number' ? `[${p.key}]` : `${n === 0 ? '' : '.'}${field(String(p.key))}`)).join('');
}

/** Parses JSON text and validates it; a syntax error is reported like any other problem. */
export function parseScenario(text: string): Validation {
  if (text.length > 1_000_000) return { ok: false, errors: [`scenario: the file is too large (${text.length} characters; at most 1,000,000)`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`scenario: not valid JSON (${reason(e)})`] };
  }
  return validateScenario(json);
}
