/**
 * Keyboard shortcuts, listed in the help panel: Space or K plays and pauses, → or . runs one event, ? opens the help,
 * Escape closes the help or the catalogue. Keys typed into a field, a select or a slider stay theirs, and Space on
 * a button presses that button.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/context';
import type { Lab } from '../../store/createLab';

export const SHORTCUTS = {
  playPause: [' ', 'k'],
  step: ['ArrowRight', '.'],
  help: ['?'],
} as const;

/** Elements that own the keys typed into them. */
function ownsKeys(el: Element | null, key: string): boolean {
  if (el === null) return false;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (el as HTMLElement).isContentEditable) return true;
  // Space (and Enter) press a focused button, link or summary; the other shortcuts still work there
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || el.getAttribute('role') === 'button')) return true;
  return false;
}

export function togglePlay({ store, actions }: Lab): void {
  if (store.getState().playing) actions.pause();
  else actions.play();
}

function onKey(lab: Lab, e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const view = lab.store.getState();
  const { setCatalogueOpen, setHelpOpen } = lab.actions;
  if (e.key === 'Escape') {
    if (view.helpOpen) setHelpOpen(false);
    else if (view.catalogueOpen) setCatalogueOpen(false);
    return;
  }
  if (view.helpOpen || ownsKeys(document.activeElement, e.key)) return;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if ((SHORTCUTS.playPause as readonly string[]).includes(key)) togglePlay(lab);
  else if ((SHORTCUTS.step as readonly string[]).includes(key)) lab.actions.step();
  else if (key === '?') setHelpOpen(true);
  else return;
  e.preventDefault();
}

/** Installs the shortcuts for as long as the component that calls it is mounted. */
export function useShortcuts(): void {
  const lab = useLab();
  useEffect(() => {
    const key = (e: KeyboardEvent) => onKey(lab, e);
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [lab]);
}
