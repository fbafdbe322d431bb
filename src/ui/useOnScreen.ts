/**
 * Whether an element is (partly) on screen. Parts of the page that cost to keep up to date (the figures table,
 * the event log) update only while someone can see them, and catch up when scrolled to.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [on, setOn] = useState(true);
  useEffect(() => {
    if (ref.current === null || typeof IntersectionObserver === 'undefined') return;
    // one callback may carry several changes of the same element: the last one is where it stands now
    const io = new IntersectionObserver((es) => setOn(es[es.length - 1]?.isIntersecting ?? true));
    io.observe(ref.current);
    return () => io.disconnect();
  }, [ref]);
  return on;
}
