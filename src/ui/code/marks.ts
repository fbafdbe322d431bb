/**
 * Where each task stands in the exported program: the engine's site for an actor (start, put, get, service, ...)
 * with its role and state, turned into one of the generator's named code sites (src/python/generate.ts) and so
 * into a line of the panel. A task that has ended has no line.
 */
import { codeSitesOf } from '../../python/codeSites';
import type { Site, State } from '../../worker/protocol';

export interface MarkActor {
  name: string;
  role: 'producer' | 'consumer' | 'main';
  kind: 'task' | 'thread';
  state: State;
  site: Site;
  /** The item it holds, as the scene labels it ('None' for a sentinel). */
  item: string | null;
  /** It waits forever: the run hung with it blocked. */
  hung?: boolean;
}

export interface Mark {
  name: string;
  state: State;
  /** The generator's site key the line comes from. */
  key: string;
  hung: boolean;
}

/** Ended, or not created yet (main has not run): no line. */
const ENDED: ReadonlySet<State> = new Set<State>(['finished', 'cancelled', 'crashed', 'not_started']);

/** The group a task belongs to: `consumer-3` -> `consumer` (group names are Python identifiers, no '-'). */
export const groupOf = (a: Pick<MarkActor, 'name' | 'role'>): string => (a.role === 'main' ? 'main' : a.name.replace(/-\d+$/, ''));

/** The generator's site keys for an actor, best first (a key the program lacks falls through to the next). */
export function siteKeys(a: MarkActor): string[] {
  if (ENDED.has(a.state)) return [];
  return codeSitesOf(a.role, groupOf(a), a.site, a.item === 'None');
}

/** The line (1-based) an actor is marked on in a program with these sites, or null. */
export function lineOf(a: MarkActor, sites: Record<string, number>): { line: number; key: string } | null {
  for (const key of siteKeys(a)) {
    const line = sites[key];
    if (line !== undefined) return { line, key };
  }
  return null;
}

/** Every live task's mark, by line, in the order the tasks were created. */
export function marksByLine(actors: readonly MarkActor[], sites: Record<string, number>): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  for (const a of actors) {
    const at = lineOf(a, sites);
    if (at === null) continue;
    const list = out.get(at.line);
    const mark = { name: a.name, state: a.state, key: at.key, hung: a.hung === true };
    if (list === undefined) out.set(at.line, [mark]);
    else list.push(mark);
  }
  return out;
}

/** A short fingerprint of the marks, to skip re-rendering when nothing moved. */
export function marksKey(marks: Map<number, Mark[]>): string {
  let s = '';
  for (const [line, list] of marks) s += `${line}:${list.map((m) => `${m.name}/${m.state}${m.hung ? '/hung' : ''}`).join(',')};`;
  return s;
}

/** The lines of the tasks that wait forever, main's first (the one to keep in view when not all fit). */
export function hungLines(marks: Map<number, Mark[]>): { lines: number[]; main: number | null } {
  const lines: number[] = [];
  let main: number | null = null;
  for (const [line, list] of marks) {
    if (!list.some((m) => m.hung)) continue;
    lines.push(line);
    if (list.some((m) => m.hung && m.key.startsWith('main.'))) main = line;
  }
  return { lines: lines.sort((a, b) => a - b), main };
}
