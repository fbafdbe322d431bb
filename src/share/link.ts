/**
 * Share links: the whole scenario plus the view (language, speed, selected preset, time position) in a compact,
 * versioned URL fragment, `#v1=<payload>`. Opening the link reproduces the same run at the same moment.
 *
 * Versions: the fragment says its version (`v1=`); decoding dispatches on it and every version ever written keeps
 * its decoder (tests/share/link.test.ts pins v1 link strings). A new layout gets a new number; v1 never changes.
 *
 * v1 payload: base64url (no padding, canonical) of `crc32(json) (4 bytes, big-endian) ++ deflateRaw(json)`, where
 * `json` is UTF-8 JSON of one object:
 *   `{"p": presetId, "seed"?: n, "v": view}`  the scenario is that preset exactly (with this seed, if given), or
 *   `{"s": scenario, "v": view}`              any other scenario, whole;
 *   view: `{"lang": "en"|"zh", "speed": x, "preset": id|null, "tick"?: n, "t"?: seconds}`.
 * The checksum catches a link that was cut short or changed (raw deflate has none of its own).
 *
 * Decoding is safe on hostile input and never throws: the fragment is at most LINK_LIMIT characters, inflating stops
 * past JSON_LIMIT bytes (a zip bomb neither hangs nor fills memory), and every failure is an `{ok:false, errors}`
 * with messages that name the problem. Names and texts inside are data: nothing is evaluated or parsed as markup.
 */
import { findPreset, listPresets } from '../scenarios/registry';
import { LIMITS } from '../scenarios/limits';
import { validateScenario } from '../scenarios/validate';
import type { Scenario } from '../scenarios/types';

export type Lang = 'en' | 'zh';

/** What the page showed besides the scenario. */
export interface ShareView {
  lang: Lang;
  /** Virtual seconds per wall-clock second. */
  speed: number;
  /** The preset picked in the lab (its settings apply on top of it), or null. */
  preset: string | null;
  /** The time position as engine ticks (Simulation.ticks; exact: `runToTick`), or null. */
  tick: number | null;
  /** The time position as virtual time in seconds (`advanceTo`), or null. */
  t: number | null;
}

export interface SharedRun {
  scenario: Scenario;
  view: ShareView;
}

/** What kind of problem a refused link has, for the page to word in its language (the errors say the detail). */
export type LinkProblem = 'notLink' | 'empty' | 'tooLong' | 'newer' | 'version' | 'damaged' | 'invalid';

export type LinkRefused = { ok: false; errors: string[]; problem: LinkProblem };
export type LinkDecoded = { ok: true; scenario: Scenario; view: ShareView; version: number; warnings: string[] } | LinkRefused;
export type LinkEncoded = { ok: true; fragment: string } | { ok: false; errors: string[] };

/** The longest fragment decoded (characters, `#` included); longer ones are refused unread. */
export const LINK_LIMIT = 16 * 1024;
/** The most JSON a link may inflate to (bytes); inflating stops past it. */
export const JSON_LIMIT = 256 * 1024;
/** The version encodeLink writes. */
export const LINK_VERSION = 1;

const SPEED_MAX = 1_000_000;
const TICK_MAX = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------------------------------
// encode

/** The fragment (`#v1=...`) for a scenario and view; refuses what it could not decode again. Never throws. */
export async function encodeLink(run: SharedRun): Promise<LinkEncoded> {
  try {
    const checked = validateScenario(run.scenario);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const viewErrors: string[] = [];
    const view = readView(run.view, viewErrors);
    if (view === null) return { ok: false, errors: viewErrors };
    if (typeof CompressionStream !== 'function') return { ok: false, errors: ['link: this browser cannot make links (it has no CompressionStream)'] };
    const json = JSON.stringify(payloadV1(checked.scenario, view));
    const bytes = new TextEncoder().encode(json);
    if (bytes.length > JSON_LIMIT) return { ok: false, errors: [tooLargeToShare(`${bytes.length.toLocaleString('en')} bytes of JSON; at most ${JSON_LIMIT.toLocaleString('en')}`)] };
    const packed = concat(crcBytes(crc32(bytes)), await deflateRaw(bytes));
    const fragment = `#v${LINK_VERSION}=${toBase64Url(packed)}`;
    if (fragment.length > LINK_LIMIT) return { ok: false, errors: [tooLargeToShare(`${fragment.length.toLocaleString('en')} characters; at most ${LINK_LIMIT.toLocaleString('en')}`)] };
    return { ok: true, fragment };
  } catch (e) {
    return { ok: false, errors: [`link: could not be made (${e instanceof Error ? e.message : String(e)})`] };
  }
}

const tooLargeToShare = (what: string): string => `link: the scenario is too large for a link (${what}); export it as a file instead`;

/** `href` with its fragment replaced by `fragment`. */
export function withFragment(href: string, fragment: string): string {
  const i = href.indexOf('#');
  return (i < 0 ? href : href.slice(0, i)) + fragment;
}

function payloadV1(s: Scenario, view: ShareView): Record<string, unknown> {
  const v: Record<string, unknown> = { lang: view.lang, speed: view.speed, preset: view.preset };
  if (view.tick !== null) v.tick = view.tick;
  if (view.t !== null) v.t = view.t;
  const preset = presetMatching(s, view.preset);
  if (preset === null) return { s, v };
  return preset.seed === s.seed ? { p: preset.id, v } : { p: preset.id, seed: s.seed, v };
}

/** The preset the scenario equals exactly, except perhaps for its seed (the view's own preset first). */
export function presetMatching(s: Scenario, selected: string | null): { id: string; seed: number } | null {
  const all = listPresets();
  const first = all.find((p) => p.id === selected);
  for (const p of first === undefined ? all : [first, ...all]) {
    if (sameJson({ ...p.scenario, seed: s.seed }, s)) return { id: p.id, seed: p.scenario.seed };
  }
  return null;
}

/** Equal as JSON values, whatever the order of keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------------------------
// decode

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

/** Checks a view (from a link or from the caller); null when it has errors, which go to `errors`. */
function readView(v: unknown, errors: string[], warnings: string[] | null = null): ShareView | null {
  if (!isObject(v)) {
    errors.push(`view: must be an object, got ${describe(v)}`);
    return null;
  }
  const before = errors.length;
  const keys = ['lang', 'speed', 'preset', 'tick', 't'];
  for (const k of Object.keys(v)) if (!keys.includes(k)) errors.push(`view.${shortKey(k)}: unknown field`);
  for (const k of ['lang', 'speed', 'preset']) if (!(k in v)) errors.push(`view.${k}: is missing`);
  if ('lang' in v && v.lang !== 'en' && v.lang !== 'zh') errors.push(`view.lang: must be "en" or "zh", got ${describe(v.lang)}`);
  if ('speed' in v && !(typeof v.speed === 'number' && Number.isFinite(v.speed) && v.speed > 0 && v.speed <= SPEED_MAX)) {
    errors.push(`view.speed: must be a number above 0 and at most ${SPEED_MAX}, got ${describe(v.speed)}`);
  }
  let preset: string | null = null;
  if ('preset' in v && v.preset !== null) {
    if (typeof v.preset !== 'string' || v.preset.length > 100) errors.push(`view.preset: must be a preset id or null, got ${describe(v.preset)}`);
    else if (findPreset(v.preset) !== undefined) preset = v.preset;
    else if (warnings !== null) warnings.push(`view.preset: this version of Queue Lab has no preset ${describe(v.preset)}; none is selected`);
    else errors.push(`view.preset: no preset ${describe(v.preset)}`);
  }
  const tick = v.tick ?? null;
  if (tick !== null && !(typeof tick === 'number' && Number.isInteger(tick) && tick >= 0 && tick <= TICK_MAX)) {
    errors.push(`view.tick: must be a whole number from 0 (or null), got ${describe(tick)}`);
  }
  const t = v.t ?? null;
  if (t !== null && !(typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= LIMITS.horizon)) {
    errors.push(`view.t: must be a time from 0 to ${LIMITS.horizon} seconds (or null), got ${describe(t)}`);
  }
  if (errors.length > before) return null;
  return { lang: v.lang as Lang, speed: v.speed as number, preset, tick: tick as number | null, t: t as number | null };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const shortKey = (k: string): string => (k.length > 30 ? `${JSON.stringify(k.slice(0, 30))}...` : JSON.stringify(k).slice(1, -1));

/** A value as a message shows it: short, quoted, never the whole of a long string. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

// ---------------------------------------------------------------------------------------------------------------
// bytes: deflate, CRC-32, base64url

async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  const reader = cs.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await written;
  return concat(...chunks);
}

/**
 * Inflates raw deflate, reading as it goes and stopping once the output passes `limit` bytes: the input goes in
 * small pieces, so the stream never runs far ahead of the reader.
 */
async function inflateRaw(bytes: Uint8Array, limit: number): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  if (typeof DecompressionStream !== 'function') return { ok: false, error: 'this browser cannot read links (it has no DecompressionStream)' };
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stop = false;
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stop; i += 1024) await writer.write(bytes.slice(i, i + 1024));
    if (!stop) await writer.close();
  })().catch(() => undefined); // a failure shows on the reading side
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        stop = true;
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return { ok: false, error: `too large inside (it inflates to more than ${limit.toLocaleString('en')} bytes)` };
      }
      chunks.push(value);
    }
  } catch (e) {
    stop = true;
    await writer.abort().catch(() => undefined);
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: /end of (file|stream|input)|unexpected end|truncated/i.test(why) ? 'cut short (the compressed data ends too early)' : `damaged (the compressed data is invalid: ${why})` };
  }
  await feeding;
  return { ok: true, bytes: concat(...chunks) };
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib's crc32). */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const crcBytes = (c: number): Uint8Array => new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (left > 1) out += B64[(n >> 6) & 63]!;
    if (left > 2) out += B64[n & 63]!;
  }
  return out;
}

/** Strict base64url (no padding, canonical: unused bits zero); a string says what is wrong. */
export function fromBase64Url(text: string): Uint8Array | string {
  if (text.length === 0) return 'empty (no data after v1=)';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || B64_INDEX[c]! < 0) {
      const ch = text[i] === '=' ? '"=" (padding is not used)' : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
      return `not valid base64url: character ${ch} at position ${i + 1}`;
    }
  }
  if (text.length % 4 === 1) return 'cut short (not valid base64url: its length is off by one character)';
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = B64_INDEX[text.charCodeAt(i)]!;
    const b = B64_INDEX[text.charCodeAt(i + 1)]!;
    const c = i + 2 < text.length ? B64_INDEX[text.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < text.length ? B64_INDEX[text.charCodeAt(i + 3)]! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[at++] = n >> 16;
    if (i + 2 < text.length) out[at++] = (n >> 8) & 0xff;
    if (i + 3 < text.length) out[at++] = n & 0xff;
  }
  const rest = text.length % 4;
  const last = B64_INDEX[text.charCodeAt(text.length - 1)]!;
  if ((rest === 2 && (last & 15) !== 0) || (rest === 3 && (last & 3) !== 0)) return 'damaged (not valid base64url: its last character was changed)';
  return out;
}
