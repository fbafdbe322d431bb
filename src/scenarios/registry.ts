/** Every built-in program the lab, the CLI and the tests know by id: the articles' presets (and the catalogue). */
import { PRESETS, type Preset } from './presets';

export function listPresets(): Preset[] {
  return PRESETS;
}

export function findPreset(id: string): Preset | undefined {
  return listPresets().find((p) => p.id === id);
}
