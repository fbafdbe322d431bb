import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Specs import src/python/generate.ts, whose --fast block is a `?raw` text import: the runner and its workers
// load it as Vite does.
const textImports = new URL('./scripts/text-imports.mjs', import.meta.url).href;
await import(textImports);
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${textImports}`.trim();

// e2e runs against the production build (vite build + vite preview), not the dev server.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
// Several e2e runs on one machine (developers working side by side) need their own build and result folders.
const dist = process.env.E2E_DIST ?? 'dist';
const results = process.env.E2E_RESULTS ?? 'test-results';
const report = process.env.E2E_REPORT ?? 'reports/e2e.json';

// Debian's chromium where present (npx playwright install cannot download on the CI machines);
// elsewhere Playwright's own browser (after `npx playwright install chromium`).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: results,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // two browsers on this project's 2-core machines keep the suite within its time; E2E_WORKERS=1 for a slower machine
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: report }]],
  use: {
    baseURL,
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--disable-gpu', '--disable-quic'],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${dist} --emptyOutDir && npx vite preview --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
