/**
 * What went wrong in a page while a test ran, recorded from the page's creation: console errors, uncaught page
 * errors, failed requests; and every request it made (for the checks that none leaves the origin or comes late).
 */
import type { Page } from '@playwright/test';

export type ProblemKind = 'console' | 'page' | 'request';

export class Problems {
  /** Every request's address, in the order the page made them. */
  readonly requests: string[] = [];
  private readonly seen: { kind: ProblemKind; text: string }[] = [];

  constructor(page: Page) {
    page.on('console', (m) => m.type() === 'error' && this.seen.push({ kind: 'console', text: `console.error: ${m.text()}` }));
    page.on('pageerror', (e) => this.seen.push({ kind: 'page', text: `pageerror: ${e.message}` }));
    page.on('requestfailed', (r) => this.seen.push({ kind: 'request', text: `requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}` }));
    page.on('request', (r) => this.requests.push(r.url()));
  }

  /** The problems of these kinds so far, each as a line naming its kind (a test checks this is empty). */
  of(...kinds: ProblemKind[]): string[] {
    return this.seen.filter((p) => kinds.includes(p.kind)).map((p) => p.text);
  }

  /** Every problem so far, whatever its kind. */
  all(): string[] {
    return this.seen.map((p) => p.text);
  }
}
