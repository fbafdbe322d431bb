/**
 * The first-visit tour itself, fetched after the scene's first frame (never with the page): driver.js walks through
 * the preset, Play, Step, Step back, the scene, the code panel and the timeline, in the page's language at the time.
 * Next, Back and Skip are buttons whose visible words are their names; Esc skips, the arrow keys move, focus goes
 * into the popover and back to where it was afterwards. Finishing or skipping is remembered (remember.ts).
 */
import { driver, type Driver, type DriveStep } from 'driver.js';
import 'driver.js/dist/driver.css';
import { decodeLink } from '../../share/link';
import { pageLang } from '../i18n/pageLang';
import { NARROW_BELOW } from '../scene/layout';
import { rememberTourSeen } from './remember';
import { tourWords, type TourStepWords } from './words';
import './tour.css';

let active: Driver | null = null;

/** Whether the address's link (as the page was opened) asks for a moment of a run, not its start. */
export async function linkAsksForMoment(hash: string): Promise<boolean> {
  if (hash === '' || hash === '#') return false;
  const r = await decodeLink(hash);
  return r.ok && ((r.view.tick ?? 0) > 0 || (r.view.t ?? 0) > 0);
}

/** Play, Pause, Step back, Step, Reset: the nth, found when its step is shown (the page may re-render meanwhile). */
const transportButton = (n: number) => (): Element =>
  document.querySelectorAll('.transport .buttons button')[n] ?? document.body;

function steps(): DriveStep[] {
  const lang = pageLang();
  const w = tourWords[lang];
  const scene = document.querySelector('[data-testid="scene"]');
  const narrow = scene !== null && scene.getBoundingClientRect().width < NARROW_BELOW;
  const step = (element: string | (() => Element), words: TourStepWords): DriveStep => ({
    element,
    popover: { title: words.title, description: words.text },
  });
  return [
    step('.transport > .field:first-child', w.preset),
    step(transportButton(0), w.play),
    step(transportButton(3), w.step),
    step(transportButton(2), w.stepBack),
    step('[data-testid="scene"]', w.scene(narrow)),
    step('[data-testid="caption-box"]', w.caption),
    step('[data-testid="code-panel"]', w.code),
    step('[data-testid="timeline"]', w.timeline),
  ];
}

/** Runs the tour from its first step (a tour already open starts over). */
export function runTour(): void {
  active?.destroy();
  const w = tourWords[pageLang()];
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const d = driver({
    steps: steps(),
    showProgress: true,
    progressText: w.progress,
    nextBtnText: w.next,
    prevBtnText: w.back,
    doneBtnText: w.done,
    // Skip replaces driver.js's "×", whose visible glyph is not its name
    showButtons: ['next', 'previous'],
    allowClose: true,
    allowKeyboardControl: true,
    popoverClass: 'tour-popover',
    onPopoverRender: (pop) => {
      const skip = document.createElement('button');
      skip.type = 'button';
      skip.className = 'tour-skip';
      skip.textContent = w.skip;
      skip.addEventListener('click', () => d.destroy());
      pop.footerButtons.before(skip);
      // the title is a heading of the dialog, in the page's language
      pop.wrapper.lang = pageLang() === 'zh' ? 'zh-CN' : 'en';
    },
    onHighlighted: (el) => {
      // driver.js marks the target as a popup's opener: right for a button, not allowed on a region or a canvas
      if (el !== undefined && !(el instanceof HTMLButtonElement)) {
        for (const a of ['aria-haspopup', 'aria-expanded', 'aria-controls']) el.removeAttribute(a);
      }
      // the way on is the first key, not Skip (driver.js focuses the first button)
      d.getState('popover')?.nextButton?.focus();
    },
    onDestroyed: () => {
      rememberTourSeen();
      if (active === d) active = null;
      if (back !== null && back.isConnected && back !== document.body) back.focus();
    },
  });
  active = d;
  d.drive();
}

/** The tour, if one is open (for the test hook and the e2e). */
export const tourOpen = (): boolean => active?.isActive() ?? false;
