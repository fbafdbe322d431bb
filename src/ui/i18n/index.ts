/** The page's words. One language for now; the dictionary shape is fixed by en.ts. */
import { en, type Dict } from './en';

export type { Dict };

/** The dictionary for React components. */
export function useText(): Dict {
  return en;
}

/** The dictionary for code outside React (the canvas). */
export function text(): Dict {
  return en;
}
