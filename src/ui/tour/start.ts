/**
 * When the first-visit tour starts, kept small because it ships with the page (the tour itself, driver.js and its
 * words are fetched after the scene's first frame, see deferred.tsx). It starts by itself once, after the first
 * frame, unless it was seen before, the page is embedded (`?embed=1`: the host page's readers did not come for the
 * lab) or the page was opened from a link to a moment of a run (a teacher sent that moment: it is not covered).
 */
import type { ViewMode } from '../../store/labStore';
import { firstFrame } from '../scene/firstFrame';
import { tourSeen } from './remember';

/** The tour's code, one fetch (the same specifier as in deferred.tsx's list). */
export const loadTour = () => import('./walkthrough');

/** Starts the tour now (the Tour button): from its first step, whatever was remembered. */
export function openTour(): void {
  void loadTour().then((m) => m.runTour());
}

/** Why the tour did or did not start by itself, on <html data-tour> (the e2e waits for it; no timing). */
function decided(why: 'seen' | 'embed' | 'moment' | 'shown'): void {
  document.documentElement.dataset.tour = why;
}

/** Call once at start: the address is read now, before the page rewrites it to follow the program. */
export function startTour(mode: () => ViewMode): void {
  const hash = window.location.hash;
  void firstFrame
    .then(async () => {
      if (tourSeen()) return decided('seen');
      if (mode() === 'embed') return decided('embed');
      const m = await loadTour();
      if (await m.linkAsksForMoment(hash)) return decided('moment');
      decided('shown');
      m.runTour();
    })
    // a tour that cannot be fetched is not shown: the lab does not need it, and the Tour button tries again
    .catch(() => {});
}
