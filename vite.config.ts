import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * index.html carries a strict Content-Security-Policy (script-src 'self').
 * The dev server alone needs an inline script (React Fast Refresh preamble), so
 * only `vite` (serve) relaxes script-src; `vite build` ships the strict policy.
 */
function devCspRelax(): Plugin {
  return {
    name: 'queue-lab:dev-csp-relax',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    },
  };
}

export default defineConfig({
  plugins: [react(), devCspRelax()],
  worker: {
    format: 'es',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
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
