import { expect, test } from './fixtures';

test('the page loads with title "Queue Lab" and no console errors', async ({ page, lab, problems }) => {
  const response = await page.goto('/', { waitUntil: 'load' });
  expect(response?.ok()).toBe(true);

  await expect(page).toHaveTitle('Queue Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue Lab' })).toBeVisible();
  // Let late errors (favicon, CSP reports) arrive.
  await page.waitForLoadState('networkidle');

  await lab.shot('smoke', { fullPage: true });

  expect(problems.of('console', 'page', 'request')).toEqual([]);
});
