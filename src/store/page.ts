/**
 * The page slice's actions: how the page is laid out (the normal lab, presenter mode with large type and the scene
 * beside the code, `?mode=presenter`, or embed mode with the scene and the essential controls for an iframe,
 * `?embed=1`) and which overlays are open. The mode is written on <html data-mode> for the CSS.
 */
import { findPreset } from '../scenarios/registry';
import type { Ctx } from './ctx';
import type { ViewMode } from './labStore';

function applyMode(mode: ViewMode): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.mode = mode;
}

export function pageActions({ set }: Ctx, choosePreset: (id: string) => void) {
  return {
    /** Reads the view options of the address (`?mode=presenter`, `?embed=1`, `?preset=<id>`); call once at start. */
    initView(search: string = window.location.search): void {
      const q = new URLSearchParams(search);
      const embed = q.get('embed');
      const mode: ViewMode = embed !== null && embed !== '0' ? 'embed' : q.get('mode') === 'presenter' ? 'presenter' : 'lab';
      set({ mode });
      applyMode(mode);
      const preset = q.get('preset');
      if (preset !== null && findPreset(preset) !== undefined) choosePreset(preset);
    },

    /** Presenter on or off; the address follows, so that a reload (or a copied address) keeps the mode. */
    setPresenter(on: boolean): void {
      const mode: ViewMode = on ? 'presenter' : 'lab';
      set({ mode });
      applyMode(mode);
      const url = new URL(window.location.href);
      if (on) url.searchParams.set('mode', 'presenter');
      else url.searchParams.delete('mode');
      window.history.replaceState(window.history.state, '', url);
    },

    setCatalogueOpen(open: boolean): void {
      set({ catalogueOpen: open });
    },

    setHelpOpen(open: boolean): void {
      set({ helpOpen: open });
    },
  };
}
