/** The page's one frame loop, and the hook by which a component puts the element it owns into it. */
import { useEffect, type RefObject } from 'react';
import { browserHost } from './browserHost';
import { createFrameLoop, type FrameLoop, type Surface } from './frameLoop';

let loop: FrameLoop | null = null;

/** The page's frame loop, made when the first surface registers. */
export function frameLoop(): FrameLoop {
  loop ??= createFrameLoop(browserHost());
  return loop;
}

/**
 * Registers the surface `mount` makes for ref's element while the component is mounted (and mount is the same
 * function): the element's visibility and size drive it. A null mount registers nothing (yet).
 */
export function useFrame<E extends HTMLElement>(ref: RefObject<E | null>, mount: ((el: E) => Surface) | null): void {
  useEffect(() => {
    const el = ref.current;
    if (el === null || mount === null) return;
    return frameLoop().add(el, mount(el));
  }, [ref, mount]);
}
