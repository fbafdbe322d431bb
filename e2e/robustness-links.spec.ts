/**
 * Links and reloads (issue 13, points 7, 8, 12, 13, 16): the address follows what runs, so a reload keeps it; a
 * second link opened in the same tab is run; mangled links open or say what is wrong, keeping the page; the Preset
 * box names what runs; a name with bidi controls cannot reverse the page's own sentences. In English and Chinese.
 */
import type { Page } from '@playwright/test';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { encodeLink } from '../src/share/link';
import { CSP } from '../scripts/csp';
import { expect, LONG, test, type Lab } from './fixtures';

async function linkTo(s: Scenario, preset: string | null = null, lang: 'en' | 'zh' = 'en'): Promise<string> {
  const r = await encodeLink({ scenario: s, view: { lang, speed: 1, preset, tick: null, t: null } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.fragment;
}

/** seed-2 under another name and with `consumers` consumers: a program of no preset. */
function named(name: string, consumers: number): Scenario {
  const s = structuredClone(findPreset('seed-2')!.scenario);
  s.name = name;
  s.consumers[0]!.count = consumers;
  return s;
}

async function importFile(page: Page, s: Scenario): Promise<void> {
  await page.getByTestId('import-scenario').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
}

const hash = (page: Page) => page.evaluate(() => location.hash);
const consumersNow = async (lab: Lab) => (await lab.snapshot()).tasks.filter((t) => t.role === 'consumer').length;
const presetBox = (page: Page, name: string) => page.getByRole('combobox', { name });
const chosen = (page: Page, name: string) => presetBox(page, name).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');

test('an imported scenario with a moved slider comes back on reload (en)', async ({ page, lab }) => {
  await lab.open();
  await importFile(page, named('Reload me', 2));
  await expect(page.getByTestId('share-notice')).toContainText('Imported');
  await expect.poll(() => hash(page), LONG).toMatch(/^#v1=/);
  const imported = await hash(page);
  await page.getByRole('slider', { name: 'Consumers' }).fill('5');
  await expect.poll(() => hash(page), LONG).not.toBe(imported);
  await page.reload();
  await expect.poll(async () => (await lab.snapshot().catch(() => null))?.settings.consumers ?? null, LONG).toBe(5);
  await play(page);
  await expect.poll(() => consumersNow(lab), LONG).toBe(5);
  expect(await chosen(page, 'Preset')).toBe('Imported: \u2068Reload me\u2069');
  await lab.shot('reloaded-import-1280-en');
});

test('link A, then import B, then reload: B runs (zh)', async ({ page, lab }) => {
  await lab.open(`/?lang=zh${await linkTo(named('A 程序', 3), null, 'zh')}`);
  await lab.poll((s) => s.settings.consumers, LONG).toBe(3);
  const a = await hash(page);
  await importFile(page, named('B 程序', 4));
  await lab.poll((s) => s.settings.consumers, LONG).toBe(4);
  await expect.poll(() => hash(page), LONG).not.toBe(a);
  await page.reload();
  await expect.poll(async () => (await lab.snapshot().catch(() => null))?.settings.consumers ?? null, LONG).toBe(4);
  expect(await chosen(page, '预设')).toBe('已导入：\u2068B 程序\u2069');
});

test('a second link opened in the same tab runs; Back goes to the first (en)', async ({ page, lab }) => {
  const a = await linkTo(named('Program A', 3));
  const b = await linkTo(findPreset('seed-3')!.scenario, 'seed-3');
  await lab.open(`/${a}`);
  await lab.poll((s) => s.settings.consumers, LONG).toBe(3);
  await page.goto(`/${b}`); // same document: only the fragment changes
  await lab.poll((s) => s.presetId, LONG).toBe('seed-3');
  expect(await chosen(page, 'Preset')).not.toBe('Custom settings');
  await page.goBack();
  await lab.poll((s) => s.settings.consumers, LONG).toBe(3);
  expect(await chosen(page, 'Preset')).toBe('Custom settings');
});

for (const lang of ['en', 'zh'] as const) {
  test(`mangled links: the harmless forms open, the others say what is wrong and the page keeps its program (${lang})`, async ({ page, lab }) => {
    const words = lang === 'en' ? { box: 'Preset', bad: 'This link could not be opened: it is not a Queue Lab link', kept: 'The lab is unchanged.' } : { box: '预设', bad: '无法打开此链接：这不是 Queue Lab 链接', kept: '实验未改变。' };
    const good = await linkTo(named('Mangled', 4), null, lang);
    // percent-encoded '=', a capital V, spaces around: the same program
    await lab.open(`/?lang=${lang}#%20V1%3D${good.slice('#v1='.length)}%20`);
    await lab.poll((s) => s.settings.consumers, LONG).toBe(4);
    expect(await hash(page)).toBe(good); // written back as the link itself
    await expect(page.getByTestId('share-notice')).toHaveCount(0);
    // a link that is not one: said, and the program stays
    await page.goto(`/?lang=${lang}#scenario=abc`);
    const alert = page.getByRole('alert').filter({ hasText: words.bad });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(words.kept);
    await expect(alert.locator('bdi')).toHaveText('link: not a Queue Lab link (it should start with #v1=; it starts with "scenario=abc")');
    expect((await lab.snapshot()).settings.consumers).toBe(4);
    // the address goes back to what runs, so a reload keeps it
    await expect.poll(() => hash(page), LONG).toMatch(/^#v1=/);
    await lab.shot(`mangled-link-1280-${lang}`);
    await page.reload();
    await expect.poll(async () => (await lab.snapshot().catch(() => null))?.settings.consumers ?? null, LONG).toBe(4);
  });
}

test('the Preset box names what runs: a preset, custom settings, an import (en, zh)', async ({ page, lab }) => {
  await lab.open();
  expect(await chosen(page, 'Preset')).toBe('Article 1: Busy polling');
  await page.getByRole('slider', { name: 'Consumers' }).fill('6');
  await expect.poll(() => chosen(page, 'Preset')).toBe('Custom settings');
  await expect(page.getByTestId('preset-line')).toContainText('with settings of your own');
  await page.goto(`/${await linkTo(named('From a link', 2), 'seed-2')}`);
  await page.reload();
  await expect.poll(async () => (await lab.snapshot().catch(() => null))?.settings.consumers ?? null, LONG).toBe(2);
  expect(await chosen(page, 'Preset')).toBe('Custom settings');
  await importFile(page, named('Imported one', 2));
  await expect.poll(() => chosen(page, 'Preset')).toBe('Imported: \u2068Imported one\u2069');
  await expect(page.getByTestId('preset-line')).toHaveText('The scenario “Imported one”, from a file. Choose a preset to leave it.');
  await lab.language('zh');
  expect(await chosen(page, '预设')).toBe('已导入：\u2068Imported one\u2069');
  await lab.shot('preset-box-imported-1280-zh');
  await presetBox(page, '预设').selectOption('seed-2');
  await expect.poll(() => chosen(page, '预设')).toBe('文章 2：哨兵与 join');
});

test('a name with bidi controls cannot reverse the page sentences (en, zh)', async ({ page, lab }) => {
  await lab.open();
  const evil = '\u202Eevil\u2069 name';
  await importFile(page, named(evil, 2));
  const notice = page.getByTestId('share-notice');
  await expect(notice).toContainText('Imported');
  // the name sits in a <bdi> of its own, without the controls; the sentence around it is the page's
  const span = notice.locator('span').first();
  await expect(span.locator('bdi')).toHaveText('evil name');
  expect(await span.evaluate((el) => [...el.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : `<${n.nodeName.toLowerCase()}>`)))).toEqual([
    'Imported “',
    '<bdi>',
    '”: it runs from t = 0.',
  ]);
  const texts = await page.evaluate(() => document.body.innerText);
  expect(texts).not.toContain('\u202E');
  expect(await chosen(page, 'Preset')).toBe('Imported: \u2068evil name\u2069');
  // the code holds the name, with its controls shown by name or escaped: none is left to reorder a line
  const code = page.getByTestId('code-text');
  await expect(code).toContainText('evil');
  expect(await code.evaluate((el) => /[\u202a-\u202e\u2066-\u2069]/.test(el.textContent ?? ''))).toBe(false);
  await lab.shot('bidi-name-1280-en');
  await lab.language('zh');
  await expect(span.locator('bdi')).toHaveText('evil name');
  await expect(span).toHaveText('已导入“evil name”：从 t = 0 开始运行。');
  await lab.shot('bidi-name-1280-zh');
});

async function play(page: Page): Promise<void> {
  const b = page.getByRole('button', { name: 'Play' });
  if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
}

test('the served build sends the CSP as a header, the same as its meta tag and its _headers file', async ({ page, request }) => {
  const res = await page.goto('/');
  const header = res?.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(CSP);
  expect(meta).toBe(CSP);
  const file = await (await request.get('/_headers')).text();
  expect(file).toBe(`/*\n  Content-Security-Policy: ${CSP}\n`);
  // and every other response, the scripts included
  const script = await page.locator('script[type="module"]').getAttribute('src');
  expect((await request.get(script!)).headers()['content-security-policy']).toBe(CSP);
});

test('an imported scenario too large for a link comes back on reload all the same (en)', async ({ page, lab }) => {
  await lab.open();
  const s = named('Big one', 2);
  let x = 12345;
  const next = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3;
  s.consumers = Array.from({ length: 8 }, (_, g) => ({ ...s.consumers[0]!, name: `c${g}`, count: 1, service: { dist: 'list' as const, values: Array.from({ length: 1000 }, next) } }));
  expect((await encodeLink({ scenario: s, view: { lang: 'en', speed: 1, preset: null, tick: null, t: null } })).ok).toBe(false);
  await importFile(page, s);
  await expect.poll(() => page.evaluate(() => (history.state as { queueLab?: { program?: unknown } } | null)?.queueLab?.program !== undefined), LONG).toBe(true);
  expect(await hash(page)).toBe('');
  await page.reload();
  await expect.poll(() => chosen(page, 'Preset'), LONG).toBe('Imported: \u2068Big one\u2069');
});

test('a link asking for a speed the lab does not run shows the speed that runs (en)', async ({ page, lab }) => {
  for (const [asked, runs] of [[1_000_000, '1,000x'], [0.001, '0.01x']] as const) {
    const r = await encodeLink({ scenario: findPreset('seed-2')!.scenario, view: { lang: 'en', speed: asked, preset: 'seed-2', tick: null, t: null } });
    if (!r.ok) throw new Error(r.errors.join('; '));
    await lab.open(`/${r.fragment}`);
    await page.reload(); // a fresh page, so the link is read at startup
    await expect.poll(async () => (await lab.snapshot().catch(() => null))?.speed ?? null, LONG).toBe(asked > 1 ? 1000 : 0.01);
    await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', runs);
  }
});
