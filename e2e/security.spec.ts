/**
 * Security (issue 8) on the served production build: a strict Content-Security-Policy (no inline script, no eval, no
 * remote origin), no network request after the page has loaded and none to another host at all, and user strings
 * (a scenario's name and its item format) shown as text, never parsed as HTML.
 */
import type { Page } from '@playwright/test';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { encodeLink } from '../src/share/link';
import { expect, LONG, test } from './fixtures';
const NAME = 'evil<img src=x onerror="window.__pwned=1">';
const FORMAT = '<img src=x onerror="window.__pwned=2">{i}';

function hostile(): Scenario {
  const s = structuredClone(findPreset('seed-2')!.scenario);
  s.name = NAME;
  for (const p of s.producers) p.items.value = { type: 'format', format: FORMAT };
  return s;
}

test('the page carries a strict CSP: no inline script, no eval, no remote origin', async ({ page, lab, request }) => {
  const html = await (await request.get('/')).text();
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
  const dirs = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  expect(dirs.get('default-src')).toEqual(["'self'"]);
  expect(dirs.get('script-src')).toEqual(["'self'"]);
  expect(dirs.get('object-src')).toEqual(["'none'"]);
  expect(dirs.get('base-uri')).toEqual(["'none'"]);
  expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
  // every script of the page is a file of its own origin
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);

  await lab.open();
  // DevTools' own evaluation may compile strings; the page's code (here a timer's callback) may not
  const blocked = await page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve) => {
        const w = window as unknown as { __inline?: number; __timer?: number };
        const tries: Record<string, string> = {};
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        setTimeout(() => {
          try {
            eval('1 + 1');
            tries.eval = 'ran';
          } catch (e) {
            tries.eval = (e as Error).name;
          }
          try {
            new Function('return 1')();
            tries.fn = 'ran';
          } catch (e) {
            tries.fn = (e as Error).name;
          }
          setTimeout('window.__timer = 1', 0);
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.head.append(s);
          setTimeout(() => {
            tries.timer = w.__timer === 1 ? 'ran' : 'blocked';
            tries.inline = w.__inline === 1 ? 'ran' : 'blocked';
            tries.violations = [...new Set(violations)].sort().join(', ');
            resolve(tries);
          }, 200);
        }, 0);
      }),
  );
  expect(blocked).toEqual({
    eval: 'EvalError',
    fn: 'EvalError',
    timer: 'blocked',
    inline: 'blocked',
    violations: 'script-src eval, script-src-elem inline',
  });
});

test('no request after load, none to another host: a run, a preset, the catalogue, help, exports', async ({ page, lab, problems, baseURL }) => {
  // trace exports as downloads: headless Chromium's save picker (File System Access) rejects at once
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  await lab.open();
  await page.waitForLoadState('networkidle');
  const atLoad = problems.requests.length; // the requests made from here on are after load

  await lab.speed(100);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await expect.poll(async () => (await lab.peek())?.t ?? 0, LONG).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Pitfalls' }).click();
  await page.getByRole('button', { name: 'Pitfalls' }).click();
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  for (const name of ['Export scenario', 'Export trace (JSON Lines)', 'Export trace (CSV)']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    await download;
  }
  await page.waitForTimeout(300);

  const origin = new URL(baseURL!).origin;
  const requests = problems.requests;
  const offHost = requests.filter((url) => !/^(blob|data):/.test(url) && new URL(url).origin !== origin);
  expect(offHost).toEqual([]);
  expect(requests.slice(atLoad).filter((url) => !/^(blob|data):/.test(url))).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

async function expectLiteral(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('event-log')).toContainText('<img src=x onerror="window.__pwned=2">0', LONG);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
}

test('a shared link whose strings are markup shows them as text', async ({ page, lab }) => {
  const link = await encodeLink({ scenario: hostile(), view: { lang: 'en', speed: 10, preset: null, tick: null, t: null } });
  if (!link.ok) throw new Error(link.errors.join('; '));
  await lab.open(`/${link.fragment}`);
  await expect.poll(async () => (await lab.peek())?.tasks.length ?? 0, LONG).toBeGreaterThan(0);
  await expectLiteral(page);
});

test('an imported scenario file whose strings are markup shows them as text', async ({ page, lab }) => {
  await lab.open();
  await page.getByTestId('import-scenario').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile())),
  });
  await expect(page.getByText(`Imported “${NAME}”`)).toBeVisible();
  await expectLiteral(page);
});
