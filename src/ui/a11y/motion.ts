/** prefers-reduced-motion: no items in flight and no sweeping countdown rings; states still change in the picture. */
let query: MediaQueryList | null = null;

export function reducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  query ??= window.matchMedia('(prefers-reduced-motion: reduce)');
  return query.matches;
}
