/**
 * A setting moved (issue 14, "One store"): a live edit while the program runs and main has created its workers;
 * otherwise a restart at t = 0 with the `restart` notice, and a run that had ended starts again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLab, snapshot } from './fakeClient';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A lab started, its first run's snapshot delivered. */
function running(o: Parameters<typeof snapshot>[2]) {
  const f = fakeLab();
  f.lab.actions.start();
  f.client().emit('snapshot', snapshot(1, 2.5, o));
  return f;
}

describe('a setting change', () => {
  it('is sent live while the program runs after main created its workers', () => {
    const { lab, client } = running({ workers: true });
    const consumers = lab.store.getState().settings.consumers;
    lab.actions.changeSetting('consumers', consumers + 2);
    expect(client().sentOf('live')).toEqual([{ type: 'live', edits: [{ type: 'workers', role: 'consumer', count: consumers + 2 }] }]);
    expect(client().sentOf('load')).toHaveLength(1); // the first run's only
    const st = lab.store.getState();
    expect(st.settings.consumers).toBe(consumers + 2);
    expect(st.notice).toBeNull();
    expect(st.run).toBe(1);
    expect(st.liveChanges.map((c) => c.what)).toEqual(['consumers']);
  });

  it('restarts at t = 0 with the restart notice before main created its workers', () => {
    const { lab, client } = running({ workers: false });
    const consumers = lab.store.getState().settings.consumers;
    lab.actions.changeSetting('consumers', consumers + 2);
    expect(client().sentOf('live')).toEqual([]);
    const loads = client().sentOf('load');
    expect(loads.map((m) => [m.run, m.playing])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(loads[1]!.scenario.consumers.reduce((n, g) => n + g.count, 0)).toBe(consumers + 2);
    const st = lab.store.getState();
    expect(st.notice).toEqual({ kind: 'restart', setting: 'consumers' });
    expect([st.run, st.t]).toEqual([2, 0]);
  });

  it('restarts when Python could not make the change while it runs (the buffer size)', () => {
    const { lab, client } = running({ workers: true });
    lab.actions.changeSetting('bufferSize', lab.store.getState().settings.bufferSize + 3);
    expect(client().sentOf('live')).toEqual([]);
    expect(client().sentOf('load').map((m) => m.run)).toEqual([1, 2]);
    expect(lab.store.getState().notice).toEqual({ kind: 'restart', setting: 'bufferSize' });
  });

  it('starts a run that had ended again, playing', () => {
    const { lab, client } = running({ workers: true, status: 'completed', ended: true });
    expect(lab.store.getState().playing).toBe(false); // the end stopped it
    lab.actions.changeSetting('consumers', lab.store.getState().settings.consumers + 1);
    expect(client().sentOf('live')).toEqual([]);
    expect(client().sentOf('load').map((m) => [m.run, m.playing])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(lab.store.getState().playing).toBe(true);
  });
});
