/** Every built-in program the lab, the CLI and the tests know by id: the articles' presets and the catalogue. */
import { allVariants } from './catalogue';
import { PRESETS, type Preset } from './presets';

let all: Preset[] | null = null;

export function listPresets(): Preset[] {
  if (all === null) {
    const seen = new Set(PRESETS.map((p) => p.id));
    const variants = allVariants()
      .filter(({ variant }) => !seen.has(variant.id))
      .map(({ entry, variant }) => ({
        id: variant.id,
        title: { en: `${entry.title.en}: ${variant.label.en}`, zh: `${entry.title.zh}：${variant.label.zh}` },
        line: entry.watch,
        scenario: variant.scenario,
      }));
    all = [...PRESETS, ...variants];
  }
  return all;
}

export function findPreset(id: string): Preset | undefined {
  return listPresets().find((p) => p.id === id);
}
