/**
 * Whether this browser has seen the first-visit tour: `queue-lab.tour` in localStorage holds the tour's version once
 * it was finished or skipped (a new version of the tour is shown again). Where storage throws (private mode, blocked
 * cookies) nothing is remembered and the tour simply runs again next time.
 */
export const TOUR_KEY = 'queue-lab.tour';
/** Raise when the tour's steps change enough to be worth showing again. */
export const TOUR_VERSION = 'v1';

export function tourSeen(): boolean {
  try {
    return localStorage.getItem(TOUR_KEY) === TOUR_VERSION;
  } catch {
    return false;
  }
}

export function rememberTourSeen(): void {
  try {
    localStorage.setItem(TOUR_KEY, TOUR_VERSION);
  } catch {
    // not remembered: the tour still ran, and runs again on the next visit
  }
}
