/**
 * How the page is laid out (the view), apart from the lab's own state: the normal lab, presenter mode (large type,
 * the scene beside the code, panels hidden; `?mode=presenter`) or embed mode (the scene and the essential controls
 * for an iframe; `?embed=1`), and which overlays are open. The mode is written on <html data-mode> for the CSS.
 */
import { create } from 'zustand';
import { findPreset } from '../../scenarios/registry';
import type { LabActions } from '../../store/createLab';

export type ViewMode = 'lab' | 'presenter' | 'embed';

export interface ViewState {
  mode: ViewMode;
  catalogueOpen: boolean;
  helpOpen: boolean;
}

export const useView = create<ViewState>()(() => ({ mode: 'lab', catalogueOpen: false, helpOpen: false }));

function applyMode(mode: ViewMode): void {
  document.documentElement.dataset.mode = mode;
}

/** Reads the view options of the address (`?mode=presenter`, `?embed=1`, `?preset=<id>`); call once at start. */
export function initView({ choosePreset }: Pick<LabActions, 'choosePreset'>, search: string = window.location.search): void {
  const q = new URLSearchParams(search);
  const embed = q.get('embed');
  const mode: ViewMode = embed !== null && embed !== '0' ? 'embed' : q.get('mode') === 'presenter' ? 'presenter' : 'lab';
  useView.setState({ mode });
  applyMode(mode);
  const preset = q.get('preset');
  if (preset !== null && findPreset(preset) !== undefined) choosePreset(preset);
}

/** Presenter on or off; the address follows, so that a reload (or a copied address) keeps the mode. */
export function setPresenter(on: boolean): void {
  const mode: ViewMode = on ? 'presenter' : 'lab';
  useView.setState({ mode });
  applyMode(mode);
  const url = new URL(window.location.href);
  if (on) url.searchParams.set('mode', 'presenter');
  else url.searchParams.delete('mode');
  window.history.replaceState(window.history.state, '', url);
}

/** How much larger the scene is drawn: presenter mode enlarges everything in it, its type included. */
export const sceneZoom = (): number => (useView.getState().mode === 'presenter' ? 1.3 : 1);

export const setCatalogueOpen = (open: boolean): void => useView.setState({ catalogueOpen: open });
export const setHelpOpen = (open: boolean): void => useView.setState({ helpOpen: open });
