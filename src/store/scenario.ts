/** The program the controls describe, read from the store's state (pure: the same state, the same program). */
import { PRESETS } from '../scenarios/presets';
import { findPreset } from '../scenarios/registry';
import { applySettings } from '../scenarios/settings';
import type { Scenario } from '../scenarios/types';
import type { ControlsSlice } from './labStore';

/** Any built-in program by id: the articles' presets and every catalogue variant (the registry). */
export function presetById(id: string) {
  return findPreset(id) ?? PRESETS[0]!;
}

/** The program the settings apply to: a shared or imported scenario, else the preset's. */
export function baseScenario(st: Pick<ControlsSlice, 'presetId' | 'custom'>): Scenario {
  return st.custom ?? presetById(st.presetId).scenario;
}

/** The program the current controls describe: the preset with the changed settings on top. */
export function currentScenario(st: Pick<ControlsSlice, 'presetId' | 'custom' | 'settings'>): Scenario {
  return applySettings(baseScenario(st), st.settings);
}
