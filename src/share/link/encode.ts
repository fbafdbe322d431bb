/** Scenario and view -> `#v1=...`: the preset it equals is named instead of written out, when there is one. */
import { listPresets } from '../../scenarios/registry';
import { validateScenario } from '../../scenarios/validate';
import type { Scenario } from '../../scenarios/types';
import { concat, crc32, crcBytes, deflateRaw, toBase64Url } from './bytes';
import { JSON_LIMIT, LINK_LIMIT, LINK_VERSION, readView, type LinkEncoded, type ShareView, type SharedRun } from './content';

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
