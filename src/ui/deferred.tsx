/**
 * Parts of the page whose code is fetched when first needed, not with the page (the initial JavaScript has a budget,
 * see `npm run bench:load`): they are fetched once the first screen is drawn, or sooner if someone scrolls to them or
 * opens them; a fetch that fails says so where the part would be, in the page's language.
 */
import { Component, Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Lang } from '../store/labStore';
import { useLangFailure, useText } from './i18n';
import { firstFrame } from './scene/firstFrame';

/** Runs `fn` when the browser has a moment (within 200 ms in any case). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 200 });
  else setTimeout(fn, 50);
}

/**
 * Settles once the first screen is drawn and the browser has a moment: every later fetch starts then, together
 * (the first screen's later code too, src/ui/laterCode.ts), so the page's requests end soon after it has loaded.
 */
export const firstScreenDrawn: Promise<void> = firstFrame.then(() => new Promise<void>((ok) => whenIdle(ok)));

/** The code of every part that loads later (the same specifiers as where each is used, so one fetch each). */
const LATER: (() => Promise<unknown>)[] = [
  () => import('./charts/Measure'),
  () => import('./EventLog'),
  () => import('./charts/renderer'),
  () => import('./charts/FiguresTable'),
  () => import('./teach/Catalogue'),
  () => import('./teach/Help'),
  () => import('./i18n/zh'),
  () => import('./tour/walkthrough'),
];

/**
 * Once the first screen is drawn and the browser has a moment, fetches the code of every part that loads later:
 * the page still makes no request after it has loaded (README, Security), and nothing waits on the network when
 * opened. A fetch that fails here is tried again where the part is needed, which says so if it fails again.
 */
export function fetchLaterParts(): void {
  void firstScreenDrawn.then(() => {
    for (const f of LATER) f().catch(() => {});
  });
}

/**
 * True from the moment the element is first on screen, or the page is idle after the scene's first frame, whichever
 * comes first (it stays true): the code arrives before anyone scrolls there, never before the first screen's.
 */
export function useNeeded(ref: RefObject<HTMLElement | null>): boolean {
  // without IntersectionObserver (old browsers, jsdom) everything is needed at once
  const [needed, setNeeded] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (needed || el === null) return;
    let gone = false;
    const io = new IntersectionObserver((es) => {
      if (es.some((e) => e.isIntersecting)) setNeeded(true);
    });
    io.observe(el);
    void firstFrame.then(() =>
      whenIdle(() => {
        if (!gone) setNeeded(true);
      }),
    );
    return () => {
      gone = true;
      io.disconnect();
    };
  }, [ref, needed]);
  return needed;
}

/** Why a fetch failed, in a few words (the browser's message, or what was thrown). */
export function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Says that a part of the page could not be loaded. */
export function LoadFailed({ part, why }: { part: string; why: string }) {
  const tx = useText();
  return (
    <p className="banner error" role="alert" data-testid="load-failed">
      {tx.loadFailed(part, why)}
    </p>
  );
}

/** Each language by its own name. */
const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: '中文' };

/** Says that the chosen language's words could not be fetched (the page stays in English meanwhile). */
export function LangFailed() {
  const failed = useLangFailure();
  return failed === null ? null : <LoadFailed part={LANG_NAMES[failed.lang]} why={failed.why} />;
}

interface BoundaryProps {
  part: string;
  children: ReactNode;
}

/** Catches a lazy part whose code could not be fetched, so the rest of the page stays. */
export class Deferred extends Component<BoundaryProps, { why: string | null }> {
  override state = { why: null as string | null };

  static getDerivedStateFromError(e: unknown): { why: string } {
    return { why: failure(e) };
  }

  override render(): ReactNode {
    return this.state.why === null ? this.props.children : <LoadFailed part={this.props.part} why={this.state.why} />;
  }
}

/**
 * A part below the first screen whose code comes later (a React.lazy child): until it is needed (see useNeeded) and
 * here, an empty box of its usual size (CSS class `hold`) keeps its place.
 */
export function Later({ part, hold, children }: { part: string; hold: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const needed = useNeeded(box);
  if (!needed) return <div className={`hold ${hold}`} ref={box} />;
  return (
    <Deferred part={part}>
      <Suspense fallback={<div className={`hold ${hold}`} />}>{children}</Suspense>
    </Deferred>
  );
}
