/** The Preset box names what runs (issue 13, point 16): the preset, an imported file by its name, or custom settings. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/scenarios/registry';
import { settingsOf } from '../../src/scenarios/settings';
import type { Scenario } from '../../src/scenarios/types';
import { whatRuns } from '../../src/store/whatRuns';

const preset = (id: string): Scenario => structuredClone(findPreset(id)!.scenario);

describe('whatRuns', () => {
  it('a preset, also with another seed or as the same scenario from a link or file', () => {
    const s = preset('seed-2');
    expect(whatRuns({ presetId: 'seed-2', custom: null, settings: settingsOf(s), source: 'link' })).toEqual({ kind: 'preset' });
    expect(whatRuns({ presetId: 'seed-2', custom: null, settings: { ...settingsOf(s), seed: 99 }, source: 'link' })).toEqual({ kind: 'preset' });
    expect(whatRuns({ presetId: 'seed-2', custom: s, settings: settingsOf(s), source: 'file' })).toEqual({ kind: 'preset' });
  });

  it('a preset with a changed setting is custom', () => {
    const s = preset('seed-1');
    expect(whatRuns({ presetId: 'seed-1', custom: null, settings: { ...settingsOf(s), consumers: 5 }, source: 'link' })).toEqual({ kind: 'custom', name: s.name });
  });

  it('an imported scenario is named; the same from a link is custom', () => {
    const s = { ...preset('seed-2'), name: 'My \u202Eown\u202C run' };
    expect(whatRuns({ presetId: 'seed-1', custom: s, settings: settingsOf(s), source: 'file' })).toEqual({ kind: 'imported', name: s.name });
    expect(whatRuns({ presetId: 'seed-1', custom: s, settings: settingsOf(s), source: 'link' })).toEqual({ kind: 'custom', name: s.name });
  });
});
