/**
 * Code on the first screen that is fetched after the scene's first frame, not with the page (the initial JavaScript
 * has a budget, see `npm run bench:load`): the part draws its box at once and fills it when the code is here. It is
 * fetched with deferred.tsx's later parts, all at once: the page's requests end together, soon after it has loaded.
 */
import { useEffect, useState } from 'react';
import { failure, firstScreenDrawn } from './deferred';

export interface Loaded<T> {
  code: T | null;
  /** Why the last fetch failed, or null. */
  why: string | null;
}

/**
 * A hook giving the fetched code once it is here (null until then, with why its fetch failed if it did). A failed
 * fetch is tried again when the hook's `again` changes (e.g. the next Step).
 */
export function laterCode<T>(fetch: () => Promise<T>): (again?: unknown) => Loaded<T> {
  // once here, every part mounted later has it from its first render
  let ready: T | null = null;
  return function useLaterCode(again?: unknown): Loaded<T> {
    const [loaded, setLoaded] = useState<Loaded<T>>(() => ({ code: ready, why: null }));
    useEffect(() => {
      if (loaded.code !== null) return;
      let gone = false;
      void firstScreenDrawn.then(fetch).then(
        (code) => {
          ready = code;
          if (!gone) setLoaded({ code, why: null });
        },
        (e: unknown) => {
          if (!gone) setLoaded({ code: null, why: failure(e) });
        },
      );
      return () => {
        gone = true;
      };
    }, [loaded.code, again]);
    return loaded.code === null && ready !== null ? { code: ready, why: null } : loaded;
  };
}
