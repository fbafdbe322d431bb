/**
 * The page's language for code outside React (number formats, the canvases, chart axes): a copy of the store's
 * `lang`, kept by followLang (teach/lang.ts calls it once with the page's store).
 */
import type { StoreApi } from 'zustand';
import type { Lang, LabState } from '../../store/labStore';

let current: Lang = 'en';

export const pageLang = (): Lang => current;

/** From now on pageLang() says the store's language. */
export function followLang(store: StoreApi<LabState>): () => void {
  current = store.getState().lang;
  return store.subscribe((s) => {
    current = s.lang;
  });
}
