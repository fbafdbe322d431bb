/** The page's words in the chosen language; the dictionaries share one shape (en.ts), so none can miss a key. */
import { useLab, type Lang } from '../../store/labStore';
import { en, type Dict } from './en';
import { zh } from './zh';

export type { Dict };

export const DICTS: Record<Lang, Dict> = { en, zh };

/** The dictionary for React components (re-renders when the language changes). */
export function useText(): Dict {
  return DICTS[useLab((s) => s.lang)];
}

/** The dictionary for code outside React (the canvas). */
export function text(): Dict {
  return DICTS[useLab.getState().lang];
}
