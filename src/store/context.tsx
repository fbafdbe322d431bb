/** The lab reaches React through a context: LabProvider in main.tsx, read with selectors. */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lab, LabActions } from './createLab';
import type { MeasureView } from './figures';
import type { LabState } from './labStore';

export { useShallow } from 'zustand/react/shallow';

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

/** The lab itself (its store, actions, log and worker client), for effects and handlers. */
export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('Queue Lab: a component reads the lab outside <LabProvider>');
  return lab;
}

/** A part of the lab's state; re-renders when it changes (wrap a selector that returns a new object in useShallow). */
export function useLabStore<T>(selector: (s: LabState) => T): T {
  return useStore(useLab().store, selector);
}

export const useLabActions = (): LabActions => useLab().actions;

const still = (): (() => void) => () => {};

/**
 * The figures of the current run. `live` false (the table is off screen) stops the updates: nothing re-renders
 * for a table nobody sees, and it catches up when it comes back.
 */
export function useMeasure(live = true): MeasureView {
  const { figures } = useLab();
  const run = useLabStore((s) => s.run);
  return useSyncExternalStore(live ? figures.subscribe : still, () => figures.read(run));
}
