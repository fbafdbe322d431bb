/**
 * The worker's export stream: chunks in order and no more than EXPORT_WINDOW ahead of the page, the file joined
 * from them equal to the old whole-file export, Cancel stops it for good, an export over the cap is refused
 * before any chunk leaves, and an engine failure ends it with a message.
 */
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { findPreset } from '../../src/scenarios/registry';
import { traceToJsonl } from '../../src/share/files';
import { EXPORT_WINDOW, type ExportEvent } from '../../src/worker/exportProtocol';
import { Exports, type TraceSource } from '../../src/worker/exportStream';
import { TimeTravel, type Tracer } from '../../src/worker/timeTravel';

/** A worker with a hand-cranked clock and timer queue. */
function worker(source: () => TraceSource | null) {
  const events: ExportEvent[] = [];
  const timers: (() => void)[] = [];
  let clock = 0;
  const ex = new Exports(
    {
      now: () => (clock += 1),
      post: (ev) => events.push(ev),
      later: (fn) => timers.push(fn),
    },
    source,
  );
  /** Runs the timers due until none is left (or `max` ran). */
  const settle = (max = 10_000) => {
    for (let n = 0; n < max && timers.length > 0; n++) timers.shift()!();
  };
  const chunks = () => events.filter((e): e is Extract<ExportEvent, { kind: 'chunk' }> => e.kind === 'chunk');
  return { ex, events, settle, chunks };
}

/** mm2-blocking run on to `ticks`: a trace of several megabytes. */
function run(ticks: number) {
  const s = findPreset('mm2-blocking')!.scenario;
  const tt = new TimeTravel(s);
  const sim = new Simulation(s, { horizon: null, records: false });
  sim.runToTick(ticks);
  return { tt, tick: sim.ticks, events: sim.seq, source: () => ({ tracer: tt.tracer(sim.ticks), events: sim.seq }) };
}

function joined(chunks: { bytes: Uint8Array }[]): string {
  return Buffer.concat(chunks.map((c) => Buffer.from(c.bytes))).toString('utf8');
}

describe('the export stream in the worker', () => {
  test('streams the whole file, never more than EXPORT_WINDOW chunks ahead of the page', () => {
    const r = run(120_000);
    const w = worker(r.source);
    w.ex.start(1, 'jsonl', null);
    let acked = 0;
    for (let guard = 0; guard < 10_000 && w.ex.busy; guard++) {
      w.settle();
      expect(w.chunks().length - acked).toBeLessThanOrEqual(EXPORT_WINDOW);
      // the page puts away one chunk at a time
      if (acked < w.chunks().length) {
        w.ex.pull(1);
        acked++;
      }
    }
    expect(w.events[0]).toMatchObject({ kind: 'begin', id: 1, events: r.events });
    const end = w.events.at(-1)!;
    expect(end).toMatchObject({ kind: 'end', id: 1, lines: r.events });
    expect(w.chunks().length).toBeGreaterThan(EXPORT_WINDOW);
    const old: string[] = [];
    r.tt.trace(r.tick, (records) => old.push(traceToJsonl(records)));
    expect(joined(w.chunks()) === old.join('')).toBe(true);
    expect(end.kind === 'end' && end.bytes).toBe(Buffer.byteLength(old.join('')));
  });

  test('without acknowledgements it stops at EXPORT_WINDOW chunks', () => {
    const w = worker(run(120_000).source);
    w.ex.start(1, 'csv', null);
    w.settle();
    expect(w.chunks().length).toBe(EXPORT_WINDOW);
    expect(w.ex.busy).toBe(true);
  });

  test('Cancel stops it: no chunk after, acknowledgements ignored, nothing left running', () => {
    const w = worker(run(120_000).source);
    w.ex.start(7, 'jsonl', null);
    w.settle();
    w.ex.pull(7);
    w.settle(1);
    const sent = w.chunks().length;
    w.ex.cancel(7);
    for (let i = 0; i < 10; i++) w.ex.pull(7);
    w.settle();
    expect(w.chunks().length).toBe(sent);
    expect(w.events.some((e) => e.kind === 'end')).toBe(false);
    expect(w.ex.busy).toBe(false);
  });

  test('an export over the cap is refused before any chunk leaves the worker; under it, it goes ahead', () => {
    const r = run(120_000);
    const w = worker(r.source);
    w.ex.start(2, 'jsonl', 1_000_000);
    w.settle();
    expect(w.events).toHaveLength(1);
    const refused = w.events[0]!;
    expect(refused).toMatchObject({ kind: 'refused', id: 2, events: r.events, cap: 1_000_000 });
    expect(refused.kind === 'refused' && refused.estimate).toBeGreaterThan(1_000_000);
    expect(w.ex.busy).toBe(false);
    // the estimate is an upper one: the real file is no larger
    const real = Buffer.byteLength((() => {
      const parts: string[] = [];
      r.tt.trace(r.tick, (x) => parts.push(traceToJsonl(x)));
      return parts.join('');
    })());
    expect(refused.kind === 'refused' && refused.estimate).toBeGreaterThanOrEqual(real);
    const ok = worker(r.source);
    ok.ex.start(3, 'jsonl', refused.kind === 'refused' ? refused.estimate : 0);
    expect(ok.events[0]?.kind).toBe('begin');
  });

  test('an engine failure while re-running ends the export with its message', () => {
    const broken: Tracer = {
      python: '3.11',
      done: false,
      ticks: 0,
      next() {
        throw new Error('boom');
      },
    };
    const w = worker(() => ({ tracer: broken, events: 10 }));
    w.ex.start(4, 'jsonl', null);
    expect(w.events).toEqual([{ kind: 'failed', id: 4, fault: { kind: 'engineError', name: 'Error', message: 'boom', stack: expect.stringContaining('boom') } }]);
    expect(w.ex.busy).toBe(false);
  });

  test('no run yet: says so', () => {
    const w = worker(() => null);
    w.ex.start(5, 'csv', null);
    expect(w.events).toEqual([{ kind: 'empty', id: 5 }]);
  });
});
