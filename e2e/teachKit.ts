/** Shared steps of the teaching e2e specs: open the lab in a language, read its state, compare outcomes. */
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Expect } from '../src/scenarios/catalogue';
import type { EndRecord } from '../src/scenarios/types';
import { en, type Dict } from '../src/ui/i18n/en';
import { zh } from '../src/ui/i18n/zh';
import type { LabSnapshot } from '../src/ui/testHook';

export const LONG = { timeout: 30_000 };
export const DICTS = { en, zh } as const satisfies Record<string, Dict>;
export type Lang = keyof typeof DICTS;
/** What each language's browser says it prefers (the page follows it). */
export const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

export async function snap(page: Page): Promise<LabSnapshot> {
  const s = await page.evaluate(() => window.__queueLab?.snapshot() ?? null);
  if (s === null) throw new Error('no snapshot yet');
  return s;
}

/** Opens the page (with a query string) and waits for the first snapshot; collects console and page errors. */
export async function open(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`/${query}`);
  await expect.poll(async () => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
  return errors;
}

/** Speed to its top (1000x) with the keyboard. */
export async function topSpeed(page: Page, tx: Dict): Promise<void> {
  await page.getByRole('slider', { name: tx.speed, exact: true }).press('End');
}

/** The end record as an outcome in the catalogue's terms (waits sorted), or null while it runs. */
export function outcome(end: EndRecord | null): Expect | null {
  if (end === null) return null;
  if (end.status === 'error') return { status: 'error', exception: end.exception ?? '?' };
  if (end.status === 'hang') {
    const waits = end.blocked.flatMap((b) => ('task' in b ? [{ task: b.task, waiting_on: b.waiting_on }] : []));
    return { status: 'hang', waits: waits.sort((a, b) => a.task.localeCompare(b.task)) };
  }
  return { status: end.status };
}

export const normal = (e: Expect): Expect =>
  e.status === 'hang' ? { ...e, waits: [...e.waits].sort((a, b) => a.task.localeCompare(b.task)) } : e;

/** Waits for the run of `presetId` to end and returns its outcome. */
export async function endOf(page: Page, presetId: string): Promise<Expect> {
  await expect.poll(async () => {
    const s = await snap(page);
    return s.presetId === presetId && s.end !== null;
  }, LONG).toBe(true);
  return outcome((await snap(page)).end)!;
}

export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}
