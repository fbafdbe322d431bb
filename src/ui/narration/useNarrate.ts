/**
 * The caption's sentence maker (narrate.ts, with Python's repr and its Unicode tables) is fetched after the scene's
 * first frame, not with the page (the initial JavaScript has a budget, see `npm run bench:load`): the caption's box
 * is drawn at once and its words come with this code.
 */
import { useEffect, useState } from 'react';
import { failure } from '../deferred';
import { firstFrame } from '../scene/firstFrame';
import type { captionLines } from './narrate';

export type Narrate = typeof captionLines;

interface Loaded {
  narrate: Narrate | null;
  /** Why the last fetch failed, or null. */
  why: string | null;
}

/** Fetched right after the first frame (not when idle, as deferred.tsx does): the caption is on the first screen. */
const fetchNarrate = (): Promise<Narrate> => import('./narrate').then((m) => m.captionLines);

// once here, every caption mounted later has it from its first render
let ready: Narrate | null = null;

/**
 * The sentence maker once its code is here; until then null (and why its fetch failed, if it did). A failed fetch is
 * tried again when `again` changes (the caption passes its slice: the next Step tries again).
 */
export function useNarrate(again: unknown): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(() => ({ narrate: ready, why: null }));
  useEffect(() => {
    if (loaded.narrate !== null) return;
    let gone = false;
    void firstFrame.then(fetchNarrate).then(
      (f) => {
        ready = f;
        if (!gone) setLoaded({ narrate: f, why: null });
      },
      (e: unknown) => {
        if (!gone) setLoaded({ narrate: null, why: failure(e) });
      },
    );
    return () => {
      gone = true;
    };
  }, [loaded.narrate, again]);
  return loaded;
}
