import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CSP, CSP_SLOT, DEV_CSP, HEADERS_FILE } from './scripts/csp';

/**
 * The Content-Security-Policy (scripts/csp.ts) into index.html's meta tag and dist/_headers; `vite preview` sends it
 * as a header (below). Only `vite` (serve) relaxes script-src, for React Fast Refresh's inline preamble.
 */
function csp(): Plugin {
  return {
    name: 'queue-lab:csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        if (!html.includes(CSP_SLOT)) throw new Error(`index.html: the CSP meta tag must hold ${CSP_SLOT}`);
        return html.replace(CSP_SLOT, ctx.server !== undefined ? DEV_CSP : CSP);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: HEADERS_FILE });
    },
  };
}

export default defineConfig({
  plugins: [react(), csp()],
  worker: {
    format: 'es',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // what index.html needs at once in one chunk: without this group rolldown splits modules shared with the
        // lazy chunks into common chunks that the page loads at once all the same (more requests, worse gzip)
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CSP },
  },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Conformance tests spawn python3; keep the limits generous.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    passWithNoTests: true,
  },
});
