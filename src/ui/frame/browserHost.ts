/** The frame loop's host in a browser: animation frames, and one IntersectionObserver and one ResizeObserver for all. */
import type { FrameHost } from './frameLoop';

export function browserHost(): FrameHost {
  const calls = new Map<Element, [(on: boolean) => void, () => void]>();
  let io: IntersectionObserver | undefined;
  let ro: ResizeObserver | undefined;
  return {
    request: (fn) => requestAnimationFrame(fn),
    cancel: (id) => cancelAnimationFrame(id),
    hidden: () => document.hidden,
    dpr: () => devicePixelRatio || 1,
    onVisibilityChange: (fn) => document.addEventListener('visibilitychange', fn),
    watch(el, shown, sized) {
      // one callback may carry several changes of the same element: the last one is where it stands now
      io ??= new IntersectionObserver((es) => es.forEach((e) => calls.get(e.target)?.[0](e.isIntersecting)));
      ro ??= new ResizeObserver((es) => es.forEach((e) => calls.get(e.target)?.[1]()));
      calls.set(el, [shown, sized]);
      io.observe(el);
      ro.observe(el);
      return () => {
        calls.delete(el);
        io!.unobserve(el);
        ro!.unobserve(el);
      };
    },
  };
}
