/** What the Preset box names: the preset, a scenario imported from a file, or settings of the reader's own. */
import { presetMatching } from '../share/link';
import { applySettings } from '../scenarios/settings';
import { presetById } from './scenario';
import type { LabState } from './labStore';

export type WhatRuns = { kind: 'preset' } | { kind: 'imported'; name: string } | { kind: 'custom'; name: string };

/**
 * The preset while the program is that preset (any seed: the Seed field shows it); else an imported file by its
 * name; else custom settings (a link's own scenario, or a preset with changed settings: both reload the same way).
 */
export function whatRuns(st: Pick<LabState, 'presetId' | 'custom' | 'settings' | 'source'>): WhatRuns {
  const program = applySettings(st.custom ?? presetById(st.presetId).scenario, st.settings);
  if (presetMatching(program, st.presetId)?.id === st.presetId) return { kind: 'preset' };
  if (st.custom !== null && st.source === 'file') return { kind: 'imported', name: st.custom.name };
  return { kind: 'custom', name: program.name };
}
