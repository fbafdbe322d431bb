/**
 * The page's words in the chosen language; the dictionaries share one shape (en.ts), so none can miss a key.
 * English comes with the page; Chinese is fetched when first chosen (the initial JavaScript has a budget, see
 * `npm run bench:load`), and until it is here the page stays in English.
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../store/labStore';
import { useLabStore } from '../../store/context';
import { pageLang } from './pageLang';
import { en, type Dict } from './en';

export type { Dict };

interface Words {
  dicts: Partial<Record<Lang, Dict>>;
  /** Why the last fetch of a dictionary failed, and for which language. */
  failed: { lang: Lang; why: string } | null;
}

// a cache of fetched modules, like the module registry itself: replaced (never mutated) on each change
let words: Words = { dicts: { en }, failed: null };
const pending = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();

function change(next: Words): void {
  words = next;
  for (const fn of listeners) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const fetchers: Record<Exclude<Lang, 'en'>, () => Promise<Dict>> = {
  zh: () => import('./zh').then((m) => m.zh),
};

/** Fetches a language's words if they are not here yet; resolves when they are, or the fetch failed (said in `failed`). */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || words.dicts[lang] !== undefined) return Promise.resolve();
  let p = pending.get(lang);
  if (p === undefined) {
    p = fetchers[lang]().then(
      (dict) => change({ dicts: { ...words.dicts, [lang]: dict }, failed: null }),
      (e: unknown) => change({ ...words, failed: { lang, why: e instanceof Error ? e.message : String(e) } }),
    );
    void p.finally(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}

const current = (): Words => words;

/** The dictionary for React components (re-renders when the language or the fetched words change). */
export function useText(): Dict {
  const lang = useLabStore((s) => s.lang);
  return useSyncExternalStore(subscribe, current).dicts[lang] ?? en;
}

/** The last failed fetch of a language's words, if the page still shows that language (for a note beside the picker). */
export function useLangFailure(): { lang: Lang; why: string } | null {
  const lang = useLabStore((s) => s.lang);
  const { failed, dicts } = useSyncExternalStore(subscribe, current);
  return failed !== null && failed.lang === lang && dicts[lang] === undefined ? failed : null;
}

/** The dictionary for code outside React (the canvas). */
export function text(): Dict {
  return words.dicts[pageLang()] ?? en;
}
