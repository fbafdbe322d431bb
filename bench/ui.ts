/**
 * `npm run bench:ui`: the production build in headless Chromium under load (8 producers, 64 consumers, buffer 500,
 * speed 100x) for 10 seconds. Prints the frame-interval p50/p95, the main thread's long tasks and the worker's
 * stream (messages and bytes per second). Figures only, no assertions. Targets (issue 3): p95 <= 17 ms, no long
 * task over 50 ms.
 *
 *   npm run bench:ui                      build, serve, measure
 *   npm run bench:ui -- --no-build        reuse dist/
 *   npm run bench:ui -- --seconds 20
 *   npm run bench:ui -- --charts          scrolled to the live charts (drawn only when on screen)
 *   BENCH_DIST=/tmp/x BENCH_PORT=4622     own build folder and port (several benches side by side)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1]) || 10;
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const DIST = process.env.BENCH_DIST ?? 'dist';
const CHARTS = args.includes('--charts');
const URL = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare global {
  interface Window {
    __bench?: { frames: number[]; longTasks: number[] };
  }
}

function build(): void {
  if (args.includes('--no-build') && existsSync(`${DIST}/index.html`)) return;
  console.log('building (vite build) ...');
  const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

async function serve(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${URL}`);
}

/** Runs in the page before the app: records every frame interval and every long task. */
const INIT = `
  const bench = { frames: [], longTasks: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (now) => {
    if (last > 0) bench.frames.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  build();
  const server = await serve();
  const browser = await chromium.launch({
    headless: true,
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--disable-gpu', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // a string, not a function: tsx would wrap named functions in helpers the page does not have
    await page.addInitScript(INIT);
    await page.goto(URL);
    await page.waitForFunction(() => window.__queueLab?.snapshot() != null);
    const slider = (name: string) => page.getByRole('slider', { name, exact: true });
    await slider('Buffer size').fill('500');
    await slider('Producers').fill('8');
    await slider('Consumers').fill('64');
    await slider('Production interval').fill('7'); // 0.1 s: the buffer fills and the producers block
    await slider('Speed').fill('9'); // 100x
    if (CHARTS) await page.getByTestId('measure').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1000); // warm up
    const t0 = await page.evaluate(() => {
      window.__queueLab!.resetStats();
      window.__bench!.frames.length = 0;
      window.__bench!.longTasks.length = 0;
      return window.__queueLab!.snapshot()!.t;
    });
    await page.waitForTimeout(SECONDS * 1000);
    const r = await page.evaluate(() => ({
      bench: window.__bench!,
      stats: window.__queueLab!.stats()!,
      snap: window.__queueLab!.snapshot()!,
    }));
    const { frames, longTasks } = r.bench;
    const s = r.stats;
    const tasks = r.snap.tasks;
    const count = (role: string) => tasks.filter((t) => t.role === role && t.state !== 'cancelled').length;
    console.log(`\nQueue Lab UI bench: ${count('producer')} producers, ${count('consumer')} consumers, buffer ${r.snap.maxsize}, speed ${r.snap.speed}x, ${SECONDS} s`);
    console.log(`  virtual time        ${t0.toFixed(1)} s -> ${r.snap.t.toFixed(1)} s (${((r.snap.t - t0) / s.seconds).toFixed(1)}x of wall time)`);
    console.log(`  buffer              ${r.snap.bufferCount} items, ${r.snap.counters.consumed} consumed, scene drew ${r.snap.scene.bufferItems} labelled`);
    console.log(`  frames              ${frames.length} (${(frames.length / s.seconds).toFixed(1)} fps)`);
    console.log(`  frame interval      p50 ${ms(pct(frames, 50))}, p95 ${ms(pct(frames, 95))}, max ${ms(Math.max(...frames))}   (target p95 <= 17 ms)`);
    console.log(
      `  long tasks          ${longTasks.length}${longTasks.length > 0 ? `, longest ${ms(Math.max(...longTasks))}, ${longTasks.filter((d) => d > 50).length} over 50 ms` : ''}   (target: none over 50 ms)`,
    );
    console.log(`  worker messages     ${(s.messages / s.seconds).toFixed(1)} /s`);
    console.log(`  worker bytes        ${(s.bytes / s.seconds / 1024).toFixed(1)} kB/s (estimated from message contents)`);
    const c = await page.evaluate(() => window.__queueLab!.charts());
    console.log(
      `  charts              ${c.visible} on screen, ${c.points} points held, ${c.drawFrames} frames drawn, ${(c.drawMs / Math.max(1, c.drawFrames)).toFixed(2)} ms each${CHARTS ? '' : ' (off screen: use --charts to draw them)'}`,
    );
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
