/** The frame loop's host in a browser: animation frames, one IntersectionObserver and one ResizeObserver for all. */
import type { FrameHost } from './frameLoop';

export function browserHost(): FrameHost {
  const onScreen = new Map<Element, (on: boolean) => void>();
  const sized = new Map<Element, () => void>();
  let io: IntersectionObserver | null = null;
  let ro: ResizeObserver | null = null;
  return {
    request: (fn) => requestAnimationFrame(fn),
    cancel: (id) => cancelAnimationFrame(id),
    hidden: () => document.visibilityState === 'hidden',
    dpr: () => window.devicePixelRatio || 1,
    onVisibilityChange: (fn) => document.addEventListener('visibilitychange', fn),
    watchOnScreen(el, fn) {
      if (typeof IntersectionObserver === 'undefined') return () => {};
      // one callback may carry several changes of the same element: the last one is where it stands now
      io ??= new IntersectionObserver((es) => {
        for (const e of es) onScreen.get(e.target)?.(e.isIntersecting);
      });
      onScreen.set(el, fn);
      io.observe(el);
      return () => {
        onScreen.delete(el);
        io?.unobserve(el);
      };
    },
    watchSize(el, fn) {
      if (typeof ResizeObserver === 'undefined') return () => {};
      ro ??= new ResizeObserver((es) => {
        for (const e of es) sized.get(e.target)?.();
      });
      sized.set(el, fn);
      ro.observe(el);
      return () => {
        sized.delete(el);
        ro?.unobserve(el);
      };
    },
  };
}
