import { expect, test } from '@playwright/test';

test('the page loads with title "Queue Lab" and no console errors', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));

  const response = await page.goto('/', { waitUntil: 'load' });
  expect(response?.ok()).toBe(true);

  await expect(page).toHaveTitle('Queue Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue Lab' })).toBeVisible();
  // Let late errors (favicon, CSP reports) arrive.
  await page.waitForLoadState('networkidle');

  const shot = await page.screenshot({ path: testInfo.outputPath('smoke.png'), fullPage: true });
  await testInfo.attach('smoke', { body: shot, contentType: 'image/png' });

  expect(errors).toEqual([]);
});
