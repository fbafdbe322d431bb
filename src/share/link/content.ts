/**
 * What a share link holds and how big it may be: the types of its content and of the results of reading and making
 * one, its limits, and the check of its view part (language, speed, selected preset, time position).
 */
import { findPreset } from '../../scenarios/registry';
import { LIMITS } from '../../scenarios/limits';
import type { Scenario } from '../../scenarios/types';

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

/** Checks a view (from a link or from the caller); null when it has errors, which go to `errors`. */
export function readView(v: unknown, errors: string[], warnings: string[] | null = null): ShareView | null {
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

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const shortKey = (k: string): string => (k.length > 30 ? `${JSON.stringify(k.slice(0, 30))}...` : JSON.stringify(k).slice(1, -1));

/** A value as a message shows it: short, quoted, never the whole of a long string. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}
