/**
 * The program of the run for the code panel and the caption: one computation for both. Its generator comes after
 * the scene's first frame (src/ui/laterCode.ts): the code panel draws its box at once and the code when it is here.
 */
import type { generateProgram, PythonProgram } from '../../python/generate';
import { applySettings, type Settings } from '../../scenarios/settings';
import type { Scenario } from '../../scenarios/types';
import { presetById } from '../../store/scenario';
import { laterCode } from '../laterCode';
import { fileNameFor } from './exportCode';

export type Generate = typeof generateProgram;

export const useGenerator = laterCode<Generate>(() => import('../../python/generate').then((m) => m.generateProgram));

export interface Shown extends PythonProgram {
  fileName: string;
  error: string | null;
  /** The first line of the --fast block (1-based), or 0. */
  fastFrom: number;
}

function write(generate: Generate, presetId: string, custom: Scenario | null, settings: Settings): Shown {
  const scenario = applySettings(custom ?? presetById(presetId).scenario, settings);
  const fileName = fileNameFor(scenario.name, presetId.replace(/[^a-z0-9]+/gi, '_'));
  try {
    const p = generate(scenario);
    const fastFrom = p.code.split('\n').findIndex((l, i) => i > (p.sites.run ?? 0) && l.startsWith('# ====')) + 1;
    return { ...p, fileName, error: null, fastFrom };
  } catch (e) {
    return { code: '', sites: {}, fileName, error: e instanceof Error ? e.message : String(e), fastFrom: 0 };
  }
}

// the last program written, for the store's current settings (both panels ask for the same one)
let last: { presetId: string; custom: Scenario | null; settings: Settings; shown: Shown } | null = null;

/** The program of the run: the preset's, or an imported / linked scenario's, with the changed settings on top. */
export function programFor(generate: Generate, presetId: string, custom: Scenario | null, settings: Settings): Shown {
  if (last === null || last.presetId !== presetId || last.custom !== custom || last.settings !== settings) {
    last = { presetId, custom, settings, shown: write(generate, presetId, custom, settings) };
  }
  return last.shown;
}
