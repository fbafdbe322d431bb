/**
 * The one Playwright fixture every e2e spec imports `test` and `expect` from. `lab` is the typed page object over the
 * lab (support/lab.ts); `problems`, set up for every test before its first navigation, records console errors,
 * uncaught page errors, failed requests and every request made, and attaches them to the report of a test that
 * fails. Which of them a test forbids, it says itself: `expect(problems.of('console', 'page')).toEqual([])`.
 */
import { test as base } from '@playwright/test';
import { Lab } from './support/lab';
import { Problems } from './support/problems';
import { TOUR_KEY, TOUR_VERSION } from '../src/ui/tour/remember';

export { expect } from '@playwright/test';
export { LONG } from './support/lab';
export { DICTS, LOCALES, type Lang } from './support/words';
export { normal } from './support/outcome';
export type { Lab } from './support/lab';
export type { ProblemKind } from './support/problems';

export const test = base.extend<{ lab: Lab; problems: Problems; tourSeen: boolean }>({
  /** Every spec opens the lab as a returning visitor, the first-visit tour seen (e2e/tour.spec.ts sets it false). */
  tourSeen: [true, { option: true }],
  context: async ({ context, tourSeen }, use) => {
    // a blank document (a fresh open starts at about:blank) has no storage: the flag waits for the lab's page
    if (tourSeen)
      await context.addInitScript(
        (kv) => {
          try {
            localStorage.setItem(kv.k, kv.v);
          } catch {
            /* about:blank */
          }
        },
        { k: TOUR_KEY, v: TOUR_VERSION },
      );
    await use(context);
  },
  problems: [
    async ({ page }, use, info) => {
      const problems = new Problems(page);
      await use(problems);
      const seen = problems.all();
      if (info.status !== info.expectedStatus && seen.length > 0) await info.attach('page problems', { body: seen.join('\n'), contentType: 'text/plain' });
    },
    { auto: true },
  ],
  lab: async ({ page }, use, info) => {
    await use(new Lab(page, info));
  },
});
