/** Timeline markers on the presets: the moments worth finding, at the right event. */
import { describe, expect, it } from 'vitest';
import { Simulation, type Record as TraceRecord } from '../../src/engine/simulation';
import { findPreset, listPresets } from '../../src/scenarios/registry';
import type { Scenario } from '../../src/scenarios/types';
import { findMarkers, MarkerFinder, type Marker, type MarkerKind } from '../../src/share/markers';

function traceOf(s: Scenario): TraceRecord[] {
  const out: TraceRecord[] = [];
  new Simulation(s).runToEnd((r) => out.push(...r), 1_000_000);
  return out;
}

function markersOf(id: string): { trace: TraceRecord[]; markers: Marker[]; by: (k: MarkerKind) => Marker | undefined } {
  const s = findPreset(id)!.scenario;
  const trace = traceOf(s);
  const markers = findMarkers(s, trace);
  return { trace, markers, by: (k) => markers.find((m) => m.kind === k) };
}

/** The marker sits on a record with its seq and t. */
function sitsOn(trace: TraceRecord[], m: Marker): TraceRecord {
  const r = trace.find((x) => x.seq === m.seq)!;
  expect(r).toBeDefined();
  expect(r.t).toBe(m.t);
  expect(m.label.en.length).toBeGreaterThan(0);
  expect(m.label.zh.length).toBeGreaterThan(0);
  return r;
}

describe('markers', () => {
  it('seed-3: the buffer first full, and the hang', () => {
    const { trace, markers, by } = markersOf('seed-3');
    const full = sitsOn(trace, by('first_full')!);
    expect(full.event !== 'end' && full.qsize).toBe(3);
    // nothing before it had the buffer full
    expect(trace.filter((r) => r.seq < full.seq && r.event !== 'end' && r.qsize === 3)).toEqual([]);
    const hang = sitsOn(trace, by('hang')!);
    expect(hang.event === 'end' && hang.status).toBe('hang');
    expect(hang.t).toBe(14);
    expect(by('exception')).toBeUndefined();
    expect(markers.map((m) => m.seq)).toEqual([...markers.map((m) => m.seq)].sort((a, b) => a - b));
  });

  it('seed-2: a producer first blocked, and the last item consumed', () => {
    const { trace, by } = markersOf('seed-2');
    const blocked = sitsOn(trace, by('first_blocked')!);
    expect([blocked.event, blocked.actor]).toEqual(['put_wait', 'producer']);
    expect(trace.find((r) => r.event === 'put_wait')).toBe(blocked);
    const last = sitsOn(trace, by('last_consumed')!);
    expect(last.event !== 'end' && [last.event, last.item]).toEqual(['done', 59]);
    expect(trace.filter((r) => r.seq > last.seq && r.event === 'done')).toEqual([]);
    expect(by('last_consumed')!.label.en).toBe('last item consumed 59 (consumer-1)');
    expect(by('hang')).toBeUndefined();
  });

  it('an exception: a crash, one caught, main raising', () => {
    const crash = markersOf('consumer-crash');
    expect(sitsOn(crash.trace, crash.by('exception')!).event).toBe('crashed');
    expect(crash.by('exception')!.label.en).toBe('consumer-1 crashed: ValueError: bad item 4');
    const caught = markersOf('consumer-crash-fixed');
    expect(sitsOn(caught.trace, caught.by('exception')!).event).toBe('error');
    // put-nowait-full ends in an error: main raises what the producer raised
    const raised = markersOf('put-nowait-full');
    const end = raised.trace.at(-1)!;
    expect(end.event === 'end' && end.status).toBe('error');
    expect(sitsOn(raised.trace, raised.by('exception')!).event).toBe('crashed');
    const m = new MarkerFinder(3, '3.11');
    m.add(raised.trace.filter((r) => r.event !== 'crashed'));
    const main = m.markers().find((x) => x.kind === 'exception')!;
    expect([main.seq, main.label.en]).toEqual([end.seq, 'main raised QueueFull']);
  });

  it('chunk by chunk finds the same as all at once; the last item waits for the end', () => {
    for (const p of listPresets()) {
      const trace = traceOf(p.scenario);
      const f = new MarkerFinder(p.scenario.queue.maxsize, p.scenario.python);
      for (let i = 0; i < trace.length; i += 7) f.add(trace.slice(i, i + 7));
      expect(f.markers()).toEqual(findMarkers(p.scenario, trace));
      const partial = findMarkers(p.scenario, trace.slice(0, -1));
      expect(partial.filter((m) => m.kind === 'last_consumed' || m.kind === 'hang')).toEqual([]);
    }
  });

  it('an unbounded queue has no first-full marker', () => {
    const s = findPreset('seed-1')!.scenario;
    expect(findMarkers(s, traceOf(s)).map((m) => m.kind)).not.toContain('first_full');
  });
});
