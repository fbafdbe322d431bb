/**
 * `#v1=...` -> scenario and view, safe on hostile input: the decoder of each version ever written, and the
 * harmless ways a link is mangled on its way, undone first.
 */
import { findPreset } from '../../scenarios/registry';
import { LIMITS } from '../../scenarios/limits';
import { validateScenario } from '../../scenarios/validate';
import type { Scenario } from '../../scenarios/types';
import { crc32, fromBase64Url, inflateRaw } from './bytes';
import { describe, isObject, JSON_LIMIT, LINK_LIMIT, LINK_VERSION, readView, type LinkDecoded, type LinkProblem, type LinkRefused } from './content';


/**
 * Reads a link: a whole URL, a fragment (`#v1=...`) or the fragment without its `#`. Never throws; every problem
 * is one message naming it. `warnings` lists what was set aside (a selected preset this version no longer has).
 * The harmless ways a link is mangled on its way are undone first (see cleanFragment).
 */
export async function decodeLink(link: string): Promise<LinkDecoded> {
  try {
    return await decode(link);
  } catch (e) {
    return failAs('damaged', `link: could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

const failAs = (problem: LinkProblem, ...errors: string[]): LinkRefused => ({ ok: false, errors, problem });
const fail = (...errors: string[]): LinkRefused => failAs('damaged', ...errors);

/**
 * A fragment as mail programs, chat apps and hand copying leave it, back to what encodeLink wrote: percent-encoding
 * undone (`v1%3D`), whitespace anywhere dropped (base64url has none: spaces around it, a line broken in two), and
 * the version's letter in either case (`V1=`). Nothing else is guessed: any other change is refused by name.
 */
export function cleanFragment(raw: string): string {
  let s = raw;
  if (s.includes('%')) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // a stray '%': left as it is, so the base64url check names it
    }
  }
  s = s.replace(/\s|\u200b|\u200c|\u200d|\u2060|\ufeff/g, ''); // zero-width ones too: invisible in a copy
  if (s.startsWith('#')) s = s.slice(1);
  return s.replace(/^V(?=\d)/, 'v');
}

/** The first characters of a fragment, quoted, for a message. */
const opening = (f: string): string => JSON.stringify(f.length > 12 ? `${f.slice(0, 12)}...` : f);

/** The decoder of each version ever written: old links keep working. */
const DECODERS: Record<number, (payload: string) => Promise<LinkDecoded>> = {
  1: decodeV1,
};

async function decode(link: string): Promise<LinkDecoded> {
  if (typeof link !== 'string') return failAs('notLink', 'link: not text');
  const tooLong = (n: number): LinkRefused => failAs('tooLong', `link: too long (${n.toLocaleString('en')} characters; at most ${LINK_LIMIT.toLocaleString('en')})`);
  if (link.length > 4 * LINK_LIMIT) return tooLong(link.length); // refused unread
  const hash = link.indexOf('#');
  const fragment = cleanFragment(hash < 0 ? link : link.slice(hash + 1));
  if (fragment.length + 1 > LINK_LIMIT) return tooLong(fragment.length + 1);
  if (fragment === '') return failAs('empty', 'link: empty (no scenario after the #)');
  const m = /^v(\d{1,6})=/.exec(fragment);
  if (m === null) return failAs('notLink', `link: not a Queue Lab link (it should start with #v${LINK_VERSION}=; it starts with ${opening(fragment)})`);
  const version = Number(m[1]);
  const decoder = DECODERS[version];
  if (decoder === undefined) {
    return version > LINK_VERSION
      ? failAs('newer', `link: version v${version} comes from a newer Queue Lab than this page (it reads up to v${LINK_VERSION}); reload the page`)
      : failAs('version', `link: unknown version v${version}`);
  }
  return decoder(fragment.slice(m[0].length));
}

async function decodeV1(payload: string): Promise<LinkDecoded> {
  const bytes = fromBase64Url(payload);
  if (typeof bytes === 'string') return failAs(payload === '' ? 'empty' : 'damaged', `link: ${bytes}`);
  if (bytes.length < 5) return fail('link: cut short (too little data after v1=)');
  const inflated = await inflateRaw(bytes.subarray(4), JSON_LIMIT);
  if (!inflated.ok) return failAs(inflated.error.startsWith('too large') ? 'tooLong' : 'damaged', `link: ${inflated.error}`);
  const expected = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (crc32(inflated.bytes) !== expected) return fail('link: damaged (its checksum does not match: the link was changed or cut short)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('link: damaged (not UTF-8 text inside)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`link: damaged (not valid JSON inside: ${e instanceof Error ? e.message : String(e)})`);
  }
  return readPayloadV1(json);
}

function readPayloadV1(json: unknown): LinkDecoded {
  const invalid = (...errors: string[]): LinkRefused => failAs('invalid', ...errors);
  if (!isObject(json)) return invalid(`link: the content must be an object, got ${describe(json)}`);
  const errors: string[] = [];
  for (const k of Object.keys(json)) if (!['p', 'seed', 's', 'v'].includes(k)) errors.push(`link: unknown field ${describe(k)}`);
  if (('s' in json) === ('p' in json)) errors.push('link: must hold either a scenario ("s") or a preset id ("p")');
  if ('s' in json && 'seed' in json) errors.push('link: "seed" goes only with a preset id ("p")');
  if (!('v' in json)) errors.push('view: is missing');
  if (errors.length > 0) return invalid(...errors);

  const warnings: string[] = [];
  const view = readView(json.v, errors, warnings);
  let scenario: Scenario | null = null;
  if ('s' in json) {
    const checked = validateScenario(json.s);
    if (checked.ok) scenario = checked.scenario;
    else errors.push(...checked.errors);
  } else {
    scenario = presetScenario(json.p, json.seed, 'seed' in json, errors);
  }
  if (view === null || scenario === null || errors.length > 0) return invalid(...errors);
  return { ok: true, scenario, view, version: 1, warnings };
}

function presetScenario(id: unknown, seed: unknown, hasSeed: boolean, errors: string[]): Scenario | null {
  if (typeof id !== 'string' || id.length > 100) {
    errors.push(`link: the preset id must be a short string, got ${describe(id)}`);
    return null;
  }
  const preset = findPreset(id);
  if (preset === undefined) {
    errors.push(`link: names the preset ${describe(id)}, which this version of Queue Lab does not have`);
    return null;
  }
  const s = structuredClone(preset.scenario);
  if (hasSeed) {
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > LIMITS.seed) {
      errors.push(`seed: must be a whole number from 0 to ${LIMITS.seed}, got ${describe(seed)}`);
      return null;
    }
    s.seed = seed;
  }
  const checked = validateScenario(s);
  if (!checked.ok) {
    errors.push(...checked.errors);
    return null;
  }
  return checked.scenario;
}
