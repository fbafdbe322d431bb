/**
 * One Content-Security-Policy everywhere (issue 13): index.html's meta tag, the header `vite preview` sends, dist/_headers
 * for static hosts and the nginx and Apache lines of docs/hosting.md are all scripts/csp.ts's policy.
 * e2e/robustness-links.spec.ts checks the served build the same way.
 */
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_SLOT, DEV_CSP, HEADERS_FILE } from '../scripts/csp';
import config from '../vite.config';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const metaOf = (html: string) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];

/** index.html as the csp plugin of vite.config.ts writes it, for a build (no server) or the dev server. */
async function transformed(dev: boolean): Promise<string> {
  const plugin = (config.plugins ?? []).flat().find((p): p is Plugin => typeof p === 'object' && p !== null && 'name' in p && p.name === 'queue-lab:csp');
  const hook = plugin?.transformIndexHtml;
  const handler = typeof hook === 'object' && hook !== null && 'handler' in hook ? hook.handler : hook;
  if (typeof handler !== 'function') throw new Error('vite.config.ts: no queue-lab:csp plugin');
  const ctx = { path: '/index.html', filename: 'index.html', ...(dev ? { server: {} } : {}) } as unknown as IndexHtmlTransformContext;
  const out = await (handler as (this: unknown, html: string, ctx: IndexHtmlTransformContext) => Promise<string | HtmlTagDescriptor[]>).call({}, read('index.html'), ctx);
  if (typeof out !== 'string') throw new Error('the csp plugin should return the page');
  return out;
}

describe('the Content-Security-Policy', () => {
  it('index.html takes it from scripts/csp.ts, strict in the build, relaxed only for the dev server', async () => {
    expect(read('index.html')).toContain(`content="${CSP_SLOT}"`);
    expect(metaOf(await transformed(false))).toBe(CSP);
    expect(metaOf(await transformed(true))).toBe(DEV_CSP);
    expect(CSP).toMatch(/script-src 'self';/);
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('vite preview sends it as a header', () => {
    expect(config.preview?.headers).toEqual({ 'Content-Security-Policy': CSP });
  });

  it('dist/_headers gives it to every path', () => {
    expect(HEADERS_FILE.split('\n')).toEqual(['/*', `  Content-Security-Policy: ${CSP}`, '']);
  });

  it('docs/hosting.md gives the same line for nginx, Apache and static hosts', () => {
    const doc = read('docs/hosting.md');
    expect(doc).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
    expect(doc).toContain(`Header always set Content-Security-Policy "${CSP}"`);
    expect(doc).toContain(`/*\n  Content-Security-Policy: ${CSP}\n`);
    // no other policy anywhere in it
    const all = [...doc.matchAll(/default-src[^"\n]*/g)].map((m) => m[0]);
    expect(all.length).toBe(4);
    for (const p of all) expect(p).toBe(CSP);
  });
});
