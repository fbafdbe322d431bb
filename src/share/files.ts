/**
 * Files: the scenario as a JSON file (export, and import with clear messages), and the trace as JSON Lines or CSV.
 * Pure text in and out (no DOM): the UI wraps the text in a Blob and a download; tests read it back.
 *
 * Trace exports are streaming-friendly: each function takes a chunk of records (as the engine hands them out) and
 * returns its text, so a long run is written chunk by chunk (`new Blob([header, ...chunks])`) without one giant
 * string.
 */
import type { Record as TraceRecord } from '../engine/simulation';
import { traceLine } from '../engine/trace/traceJson';
import { pyFloatRepr, pyRepr, type FloatHint, type PythonVersion } from '../python/logLine';
import { parseScenario, type Validation } from '../scenarios/validate';
import { SCENARIO_SPEC, type Scenario } from '../scenarios/types';

/** The largest scenario file read (bytes; what parseScenario accepts, in characters, is the same). */
export const SCENARIO_FILE_LIMIT = 1_000_000;

export const MIME = { scenario: 'application/json', jsonl: 'application/x-ndjson', csv: 'text/csv' } as const;

const ORDER = ['spec', 'name', 'python', 'seed', 'horizon', 'queue', 'producers', 'consumers', 'shutdown', 'main'] as const;

// ---------------------------------------------------------------------------------------------------------------
// scenario files

/** The scenario as a pretty JSON file (two-space indent, `spec` first, fields in the documented order). */
export function exportScenario(s: Scenario): string {
  const out: Record<string, unknown> = { spec: SCENARIO_SPEC };
  for (const k of ORDER) if (k !== 'spec') out[k] = s[k];
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * Reads a scenario file's text: parseScenario (every problem named by its field) with a size limit, a byte-order
 * mark allowed, and a hint when the file is a trace rather than a scenario. Never throws.
 */
export function importScenario(text: string): Validation {
  if (typeof text !== 'string') return { ok: false, errors: ['file: not text'] };
  if (text.length > SCENARIO_FILE_LIMIT) return tooLarge(text.length, 'characters');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['file: empty (a scenario is one JSON object)'] };
  const result = parseScenario(body);
  if (!result.ok && looksLikeTrace(body)) {
    return { ok: false, errors: ['file: this is a trace (JSON Lines of events), not a scenario; import a scenario file (.json)'] };
  }
  return result;
}

/** Reads a scenario file (a File or any Blob), refusing an oversized one before reading it. Never throws. */
export async function importScenarioFile(file: Blob): Promise<Validation> {
  if (file.size > SCENARIO_FILE_LIMIT) return tooLarge(file.size, 'bytes');
  let text: string;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const why = e instanceof TypeError ? 'not UTF-8 text' : `could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, errors: [`file: ${why}`] };
  }
  return importScenario(text);
}

function tooLarge(n: number, unit: string): { ok: false; errors: string[] } {
  return { ok: false, errors: [`file: too large for a scenario (${n.toLocaleString('en')} ${unit}; at most ${SCENARIO_FILE_LIMIT.toLocaleString('en')})`] };
}

function looksLikeTrace(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  if (first.startsWith('seq,t,actor,event')) return true;
  try {
    const o: unknown = JSON.parse(first);
    return typeof o === 'object' && o !== null && 'seq' in o && 'event' in o;
  } catch {
    return false;
  }
}

/** A file name from the scenario's name: letters, digits and dashes (CJK kept), never empty. */
export function fileName(s: Scenario, ext: 'json' | 'jsonl' | 'csv'): string {
  const stem = s.name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const kind = ext === 'json' ? '' : '.trace';
  return `${stem || 'scenario'}${kind}.${ext}`;
}

// ---------------------------------------------------------------------------------------------------------------
// traces

/** JSON Lines of a chunk of records (each line ends in "\n"): exactly the engine's and the program's trace format. */
export function traceToJsonl(records: readonly TraceRecord[]): string {
  let out = '';
  for (const r of records) out += traceLine(r) + '\n';
  return out;
}

export const CSV_HEADER = 'seq,t,actor,event,item,qsize';

/**
 * CSV of a chunk of records, one row per event (RFC 4180, "\n" line ends); the header first when `header` (the
 * first chunk). `item` is Python `python`'s repr of the item (`'a'`, `None`, `(1, 0)`), empty when the event has none; `t`
 * is Python's repr of the float. The end record is a final row with event `end`, the status in the item column and
 * no qsize. Cells cannot start a spreadsheet formula: strings are quoted by repr, actors are identifiers.
 */
export function traceToCsv(records: readonly TraceRecord[], python: PythonVersion, opts: { header?: boolean; floats?: FloatHint } = {}): string {
  let out = opts.header === false ? '' : `${CSV_HEADER}\n`;
  for (const r of records) out += traceCsvRow(r, python, opts.floats) + '\n';
  return out;
}

/** One CSV row (no line end). */
export function traceCsvRow(r: TraceRecord, python: PythonVersion, floats: FloatHint = false): string {
  if (r.event === 'end') return `${r.seq},${pyFloatRepr(r.t)},${csvField(r.actor)},end,${csvField(r.status)},`;
  const item = r.item === undefined ? '' : csvField(pyRepr(r.item, python, floats));
  return `${r.seq},${pyFloatRepr(r.t)},${csvField(r.actor)},${r.event},${item},${r.qsize}`;
}

/** A CSV field, quoted (and its quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
