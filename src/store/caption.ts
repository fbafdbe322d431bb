/**
 * The caption's state: the latest task slice the worker sent (src/worker/slice.ts), as data; the page words it
 * (src/ui/narration). A Step's slice also picks its task, so the scene rings its card and the code panel lights
 * its line beside the words.
 */
import { create } from 'zustand';
import type { WireSlice } from '../worker/slice';
import { useLab } from './labStore';

export interface CaptionSlice {
  /** The latest slice of the current run, or null before its load's first word. */
  caption: WireSlice | null;
}

export const initialCaption = (): CaptionSlice => ({ caption: null });

export const useCaption = create<CaptionSlice>()(() => initialCaption());

/** A slice from the worker; `run` is the latest load (a slice of a run already replaced is dropped). */
export function receiveSlice(slice: WireSlice, run: number): void {
  if (slice.run < run) return;
  useCaption.setState({ caption: slice });
  const last = slice.events.at(-1);
  if (slice.why === 'step' && last !== undefined) useLab.setState({ selected: last.actor });
}
