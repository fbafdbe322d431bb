/**
 * The pace of a run (issue 15, "A pace you can follow"): a preset brings its default speed, Reset keeps the speed
 * the reader chose, Play at the end replays the run from t = 0, and "one step per beat" is sent to the worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paceOf } from '../../src/scenarios/paces';
import { fakeLab, snapshot } from './fakeClient';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a default speed', () => {
  it('comes with the first preset', () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    const first = lab.store.getState().presetId;
    expect(lab.store.getState().speed).toBe(paceOf(first));
    expect(client().sentOf('speed').at(-1)!.speed).toBe(paceOf(first));
  });

  it('is set by choosing a preset, before its run is loaded', () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    lab.actions.setSpeed(100);
    lab.actions.choosePreset('seed-2');
    expect(lab.store.getState().speed).toBe(0.01);
    const kinds = client().sent.map((m) => m.type);
    expect(kinds.slice(-2)).toEqual(['speed', 'load']);
    expect(client().sentOf('speed').at(-1)!.speed).toBe(0.01);
  });

  it('is not reset by Reset: the speed the reader chose stays', () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    lab.actions.choosePreset('seed-2');
    lab.actions.setSpeed(0.05);
    lab.actions.reset();
    expect(lab.store.getState().speed).toBe(0.05);
    expect(client().sentOf('speed').at(-1)!.speed).toBe(0.05);
  });

  it('reaches down to 0.01x and no lower', () => {
    const { lab } = fakeLab();
    lab.actions.start();
    lab.actions.setSpeed(0.01);
    expect(lab.store.getState().speed).toBe(0.01);
    lab.actions.setSpeed(0.001);
    expect(lab.store.getState().speed).toBe(0.01);
  });
});

describe('Play at the end', () => {
  for (const status of ['completed', 'hang', 'error'] as const) {
    it(`replays a run that ended (${status}) from t = 0, playing`, () => {
      const { lab, client } = fakeLab();
      lab.actions.start();
      client().emit('snapshot', snapshot(1, 14, { status, ended: true, workers: true }));
      expect(lab.store.getState().playing).toBe(false);
      lab.actions.play();
      const loads = client().sentOf('load');
      expect(loads.map((m) => [m.run, m.playing])).toEqual([
        [1, true],
        [2, true],
      ]);
      const st = lab.store.getState();
      expect([st.run, st.t, st.playing, st.end]).toEqual([2, 0, true, null]);
    });
  }
});

describe('one step per beat', () => {
  it('is sent to the worker on and off, with the beat chosen, and kept for a fresh worker', () => {
    const { lab, client, clients } = fakeLab();
    lab.actions.start();
    lab.actions.setBeat(2);
    expect(client().sentOf('beat')).toEqual([]); // the mode is off: nothing to pace
    lab.actions.setBeatOn(true);
    lab.actions.setBeat(0.1);
    lab.actions.setBeatOn(false);
    expect(client().sentOf('beat').map((m) => m.beat)).toEqual([2, 0.25, null]);
    lab.actions.setBeatOn(true);
    client().emit('death', 'crash');
    expect(clients[1]!.sent.map((m) => m.type)).toEqual(['speed', 'beat', 'load']);
    expect(clients[1]!.sentOf('beat')[0]!.beat).toBe(0.25);
  });

  it("picks a beat's task, as a Step does, so its card and line are marked", () => {
    const { lab, client } = fakeLab();
    lab.actions.start();
    const ev = { actor: 'producer', role: 'producer', kind: 'task', event: 'put', qsize: 1, t: 0, waitsOn: null } as const;
    client().emit('slice', { run: 1, why: 'beat', events: [ev], more: 0, maxsize: 2 });
    expect(lab.store.getState().selected).toBe('producer');
  });
});
