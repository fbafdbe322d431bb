/**
 * The page's Content-Security-Policy, in one place. vite.config.ts writes it into index.html's meta tag, sends it
 * as a header from `vite preview` and emits dist/_headers with it for static hosts (Netlify, Cloudflare Pages);
 * docs/hosting.md gives the same line for nginx and Apache. tests/csp.test.ts and e2e/robustness-links.spec.ts
 * hold them all equal. A header also covers what a meta tag cannot (a response that is not the page, a frame).
 */

/** Only our own scripts, workers (blob: for the module worker in some browsers), styles and images; no plugins. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The dev server alone needs an inline script (React Fast Refresh's preamble); `vite build` ships CSP. */
export const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** Where index.html's meta tag takes the policy. */
export const CSP_SLOT = '%QUEUE_LAB_CSP%';

/** dist/_headers: every path gets the policy (Netlify and Cloudflare Pages syntax). */
export const HEADERS_FILE = `/*\n  Content-Security-Policy: ${CSP}\n`;
