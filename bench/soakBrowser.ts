/**
 * `npm run bench:soak` (the browser part): the production build in headless Chromium at top speed (1000x, a producer
 * with no sleep, 64 consumers, the shortest service: the engine, not the clock, sets the pace) for SOAK_SECONDS
 * (default 120) or until SOAK_EVENTS (default 10,000,000) log events have streamed. Prints the events so far and the
 * JS heap every 10 s, after a GC, for the page (CDP Runtime.getHeapUsage) and the worker (the same, through a CDP
 * session attached to the worker's target, when reachable): memory should stay flat (the log, the charts and the
 * checkpoints are bounded). Prints figures; asserts nothing.
 *
 *   SOAK_SECONDS=60 npm run bench:soak       SOAK_DIST=dist (an existing build; else one is made in /tmp)
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const EVENTS = Number(process.env.SOAK_EVENTS ?? 10_000_000);
const PORT = Number(process.env.SOAK_PORT ?? 4671);
const SAMPLE_MS = 10_000;
const MB = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

/** The worker's heap through the browser's CDP (Playwright gives no session on a worker). */
async function workerProbe(browserSession: CDPSession): Promise<(() => Promise<number | null>) | null> {
  try {
    const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    const w = targetInfos.find((t) => t.type === 'worker');
    if (w === undefined) return null;
    const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId: w.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const waiting = new Map<number, (v: unknown) => void>();
    browserSession.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (m.id === undefined) return;
      if (m.error !== undefined) console.log(`worker heap: CDP error (${m.error.message})`);
      waiting.get(m.id)?.(m.error === undefined ? m.result : null);
    });
    const call = (method: string) =>
      new Promise<unknown>((resolve) => {
        const n = ++id;
        waiting.set(n, resolve);
        void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method }) });
        setTimeout(() => resolve(null), 5000);
      });
    // the GC must reach the worker, or the figures would count garbage not yet collected (a null reply: it did not)
    return async () => {
      if ((await call('HeapProfiler.collectGarbage')) === null) return null;
      const r = (await call('Runtime.getHeapUsage')) as { usedSize: number } | null;
      return r?.usedSize ?? null;
    };
  } catch (e) {
    console.log(`worker heap: unreachable (${(e as Error).message})`);
    return null;
  }
}

async function drive(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await page.getByRole('slider', { name: 'Consumers' }).fill('64');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('1000');
  await page.getByRole('slider', { name: 'Service time', exact: true }).press('Home');
  await page.getByRole('slider', { name: 'Production interval', exact: true }).press('Home');
}

async function main(): Promise<void> {
  let dist = process.env.SOAK_DIST;
  if (dist === undefined) {
    dist = '/tmp/queue-lab-soak/dist';
    console.log(`building into ${dist} ...`);
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  }
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${PORT}/`;
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ headless: true, ...(existsSync(system) ? { executablePath: system } : {}), args: ['--disable-gpu'] });
  try {
    await waitFor(url, 60_000);
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__queueLab?.snapshot() != null, null, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    const pageHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const worker = await workerProbe(await browser.newBrowserCDPSession());
    if (worker === null) console.log('worker heap: unreachable (no CDP session on the worker)');
    await drive(page);
    await page.evaluate(() => window.__queueLab?.resetStats());
    console.log(`soak (browser): mm2-blocking at 1000x, no producer sleep, 64 consumers; up to ${SECONDS} s or ${EVENTS.toLocaleString('en')} events`);
    console.log('   wall s        events   events/s     page heap   worker heap   virtual t   notice');
    const t0 = Date.now();
    for (;;) {
      const s = await page.evaluate(() => ({ stats: window.__queueLab?.stats() ?? null, t: window.__queueLab?.snapshot()?.t ?? 0 }));
      const events = s.stats?.events ?? 0;
      const wall = (Date.now() - t0) / 1000;
      const notice = (await page.getByTestId('notice').allTextContents()).join(' ').slice(0, 40);
      const wh = worker === null ? null : await worker();
      console.log(
        `${wall.toFixed(0).padStart(9)} ${events.toLocaleString('en').padStart(13)} ${(wall > 0 ? events / wall : 0).toFixed(0).padStart(10)} ${MB(await pageHeap()).padStart(13)} ${(wh === null ? 'n/a' : MB(wh)).padStart(13)} ${s.t.toFixed(0).padStart(11)}   ${notice}`,
      );
      if (events >= EVENTS || wall >= SECONDS) break;
      // a run that ended or paused itself plays on
      if (!(await page.evaluate(() => window.__queueLab?.snapshot()?.playing ?? true))) {
        await page.getByRole('button', { name: 'Play', exact: true }).click();
      }
      await page.waitForTimeout(SAMPLE_MS);
    }
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

await main();
