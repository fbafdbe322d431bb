/** Scenario files (export, import with clear messages) and trace exports (JSON Lines, CSV) that parse back. */
import { describe, expect, it } from 'vitest';
import { Simulation, type Record as TraceRecord } from '../../src/engine/simulation';
import { pyRepr } from '../../src/python/logLine';
import { findPreset, listPresets } from '../../src/scenarios/registry';
import type { Scenario } from '../../src/scenarios/types';
import { CSV_HEADER, csvField, exportScenario, fileName, importScenario, importScenarioFile, SCENARIO_FILE_LIMIT, traceToCsv, traceToJsonl } from '../../src/share/files';
import { randomScenario } from '../conformance/arbitrary';

function traceOf(s: Scenario): TraceRecord[] {
  const out: TraceRecord[] = [];
  new Simulation(s).runToEnd((r) => out.push(...r), 1_000_000);
  return out;
}

/** RFC 4180 rows (the test's own parser). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      row.push(field);
      field = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('scenario files', () => {
  it.each(listPresets().map((p) => [p.id, p.scenario] as const))('%s exports and imports back', (_id, s) => {
    const text = exportScenario(s);
    expect(text.startsWith('{\n  "spec": "queue-lab/1",\n  "name": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(importScenario(text)).toEqual({ ok: true, scenario: s });
  });

  it('random scenarios export and import back', () => {
    for (let seed = 0; seed < 100; seed++) {
      const s = randomScenario(seed);
      expect(importScenario(exportScenario(s))).toEqual({ ok: true, scenario: s });
    }
  });

  it('an imported scenario runs the same as the exported one', () => {
    const s = findPreset('seed-3')!.scenario;
    const back = importScenario(exportScenario(s));
    expect(back.ok && traceToJsonl(traceOf(back.scenario))).toBe(traceToJsonl(traceOf(s)));
  });

  it('a byte-order mark is allowed; markup in a name stays text', () => {
    const s = { ...structuredClone(findPreset('seed-2')!.scenario), name: '<script>alert(1)</script>' };
    expect(importScenario('\ufeff' + exportScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it('clear messages for broken files', () => {
    expect(importScenario('')).toEqual({ ok: false, errors: ['file: empty (a scenario is one JSON object)'] });
    expect(importScenario('  \n')).toEqual({ ok: false, errors: ['file: empty (a scenario is one JSON object)'] });
    const notJson = importScenario('{"spec": "queue-lab/1",');
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^scenario: not valid JSON/);
    expect(importScenario('[1]')).toEqual({ ok: false, errors: ['scenario: must be an object, got a list'] });
    const bad = JSON.parse(exportScenario(findPreset('seed-2')!.scenario)) as { queue: { maxsize: unknown } };
    bad.queue.maxsize = 'two';
    expect(importScenario(JSON.stringify(bad))).toEqual({ ok: false, errors: ['queue.maxsize: must be a whole number, got "two"'] });
    expect(importScenario(' '.repeat(SCENARIO_FILE_LIMIT + 1))).toEqual({ ok: false, errors: ['file: too large for a scenario (1,000,001 characters; at most 1,000,000)'] });
  });

  it('says so when the file is a trace', () => {
    const trace = traceOf(findPreset('seed-3')!.scenario);
    const hint = { ok: false, errors: ['file: this is a trace (JSON Lines of events), not a scenario; import a scenario file (.json)'] };
    expect(importScenario(traceToJsonl(trace))).toEqual(hint);
    expect(importScenario(traceToCsv(trace, '3.11'))).toEqual(hint);
  });

  it('reads a file (Blob), refusing an oversized one unread and bytes that are not UTF-8', async () => {
    const s = findPreset('seed-1')!.scenario;
    expect(await importScenarioFile(new Blob([exportScenario(s)]))).toEqual({ ok: true, scenario: s });
    const huge = new Blob([new Uint8Array(SCENARIO_FILE_LIMIT + 10)]);
    expect(await importScenarioFile(huge)).toEqual({ ok: false, errors: ['file: too large for a scenario (1,000,010 bytes; at most 1,000,000)'] });
    expect(await importScenarioFile(new Blob([new Uint8Array([0x7b, 0xff, 0x7d])]))).toEqual({ ok: false, errors: ['file: not UTF-8 text'] });
  });

  it('file names come from the scenario name', () => {
    const s = findPreset('seed-2')!.scenario;
    expect(fileName(s, 'json')).toBe('sentinels-task-done-and-join-a-clean-exit.json');
    expect(fileName({ ...s, name: '../../<etc>/passwd 产品' }, 'csv')).toBe('etc-passwd-产品.trace.csv');
    expect(fileName({ ...s, name: '***' }, 'jsonl')).toBe('scenario.trace.jsonl');
  });
});

describe('trace exports', () => {
  const cases = ['seed-1', 'seed-2', 'seed-3', 'consumer-crash', 'put-nowait-full', 'queue-kinds-priority', 'task-done-twice'];

  it.each(cases)('%s: JSON Lines parse back to the records', (id) => {
    const trace = traceOf(findPreset(id)!.scenario);
    const text = traceToJsonl(trace);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(JSON.stringify(trace)));
  });

  it.each(cases)('%s: CSV parses back to the records', (id) => {
    const trace = traceOf(findPreset(id)!.scenario);
    const rows = parseCsv(traceToCsv(trace, '3.11'));
    expect(rows[0]!.join(',')).toBe(CSV_HEADER);
    expect(rows.length).toBe(trace.length + 1);
    trace.forEach((r, k) => {
      const row = rows[k + 1]!;
      expect(row.length).toBe(6);
      expect(Number(row[0])).toBe(r.seq);
      expect(Number(row[1])).toBe(r.t);
      expect(row[2]).toBe(r.actor);
      expect(row[3]).toBe(r.event);
      if (r.event === 'end') expect([row[4], row[5]]).toEqual([r.status, '']);
      else expect([row[4], Number(row[5])]).toEqual([r.item === undefined ? '' : pyRepr(r.item, '3.11'), r.qsize]);
    });
    expect(rows.at(-1)![3]).toBe('end');
  });

  it('string items with commas, quotes and markup are escaped and come back', () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    s.producers[0]!.items.value = { type: 'format', format: `it's, "<b>{i}</b>"` };
    const trace = traceOf(s);
    const rows = parseCsv(traceToCsv(trace, '3.11'));
    const put = rows.find((r) => r[3] === 'put' && r[4] !== 'None')!;
    expect(put[4]).toBe(`'it\\'s, "<b>0</b>"'`);
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('x\ny')).toBe('"x\ny"');
  });

  it('chunk by chunk gives the same text as all at once', () => {
    const trace = traceOf(findPreset('seed-2')!.scenario);
    const chunks = [trace.slice(0, 100), trace.slice(100, 101), trace.slice(101)];
    expect(chunks.map((c, i) => traceToCsv(c, '3.11', { header: i === 0 })).join('')).toBe(traceToCsv(trace, '3.11'));
    expect(chunks.map(traceToJsonl).join('')).toBe(traceToJsonl(trace));
  });

  it('times are Python floats; float hints reach the items', () => {
    const rows = parseCsv(traceToCsv(traceOf(findPreset('seed-3')!.scenario), '3.11'));
    expect(rows[1]![1]).toBe('0.0');
    const end: TraceRecord = { seq: 3, t: 2, actor: 'loop', event: 'end', status: 'hang', blocked: [] };
    expect(traceToCsv([{ seq: 0, t: 1e-5, actor: 'p', event: 'put', item: [2, 0], qsize: 1 }, end], '3.11', { header: false, floats: [true, false] })).toBe(
      '0,1e-05,p,put,"(2.0, 0)",1\n3,2.0,loop,end,hang,\n',
    );
  });
});
