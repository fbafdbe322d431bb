/**
 * `npm run bench:ui`: the production build in headless Chromium under load (8 producers, 64 consumers, buffer 500,
 * speed 100x), measured in two phases of the same run: first with the live charts and the figures table off screen
 * (the baseline, 1280 x 720 at the top of the page), then scrolled so that all seven charts and the table are on
 * screen (1280 x 1600).
 * Prints for each phase the frame-interval p50/p95, the main thread's long tasks, its busy time per frame (CDP
 * Performance.getMetrics: script, style, layout), React commits (a stub of the DevTools hook counts them) and the
 * worker's stream. Figures only, no assertions. Targets (issues 3 and 5): p95 <= 17 ms, no long task over 50 ms.
 *
 *   npm run bench:ui                      build, serve, measure both phases
 *   npm run bench:ui -- --no-build        reuse dist/
 *   npm run bench:ui -- --seconds 20      per phase
 *   npm run bench:ui -- --charts          the charts phase only; --baseline: the baseline only
 *   npm run bench:ui -- --profile         also a CPU profile of the charts phase: the functions that cost most, and
 *                                         which React components rendered how often (build unminified: --no-minify)
 *   npm run bench:ui -- --trace           also a Chromium trace of the charts phase: what the main thread's tasks
 *                                         over 50 ms spent their time on
 *   BENCH_DIST=/tmp/x BENCH_PORT=4622     own build folder and port (several benches side by side)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { byModule, longTaskContents, topFunctions, type Profile } from './uiProfile';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1]) || 10;
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const DIST = process.env.BENCH_DIST ?? 'dist';
const ONLY_CHARTS = args.includes('--charts');
const ONLY_BASE = args.includes('--baseline');
const PROFILE = args.includes('--profile');
const TRACE = args.includes('--trace');
const URL = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare global {
  interface Window {
    __bench?: { frames: number[]; longTasks: number[]; commits: number; rendered: Record<string, number> | null };
  }
}

function build(): void {
  if (args.includes('--no-build') && existsSync(`${DIST}/index.html`)) return;
  console.log('building (vite build) ...');
  const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn', ...(args.includes('--no-minify') ? ['--minify', 'false'] : [])], { stdio: 'inherit' });
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

/**
 * Runs in the page before the app: records every frame interval and every long task, and counts React's commits
 * through a stub of the DevTools hook (React calls it in production builds too). With `rendered` set (--profile) it
 * also counts, per component name, the components that rendered in each commit.
 */
const INIT = `
  const bench = { frames: [], longTasks: [], commits: 0, rendered: null };
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
  const walk = (f, out) => {
    for (let c = f; c !== null; c = c.sibling) {
      // function (0), forwardRef (11), memo (14, 15) components that performed work in this commit
      if ((c.tag === 0 || c.tag === 11 || c.tag === 14 || c.tag === 15) && (c.flags & 1) === 1) {
        const t = c.type && (c.type.type || c.type.render || c.type);
        const name = (t && (t.displayName || t.name)) || '?';
        out[name] = (out[name] || 0) + 1;
      }
      // a subtree that bailed out keeps its old fibers (and their old flags): do not count them
      if (c.child !== null && (c.alternate === null || c.child !== c.alternate.child)) walk(c.child, out);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      bench.commits++;
      if (bench.rendered !== null) walk(root.current.child, bench.rendered);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
`;

const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

type Metrics = Record<string, number>;

async function cpuMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function phase(page: Page, cdp: CDPSession, name: string, profile: boolean): Promise<void> {
  await page.waitForTimeout(1000); // warm up (and let the charts catch up after a scroll)
  await page.evaluate((withNames) => {
    window.__queueLab!.resetStats();
    window.__bench!.frames.length = 0;
    window.__bench!.longTasks.length = 0;
    window.__bench!.commits = 0;
    window.__bench!.rendered = withNames ? {} : null;
  }, profile);
  const t0 = (await page.evaluate(() => window.__queueLab!.snapshot()!.t)) as number;
  const c0 = await page.evaluate(() => window.__queueLab!.charts());
  const m0 = await cpuMetrics(cdp);
  if (TRACE && profile) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.waitForTimeout(SECONDS * 1000);
  const m1 = await cpuMetrics(cdp);
  const prof = profile ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : null;
  const trace = TRACE && profile ? await page.context().browser()!.stopTracing() : null;
  const r = await page.evaluate(() => ({
    bench: window.__bench!,
    stats: window.__queueLab!.stats()!,
    snap: window.__queueLab!.snapshot()!,
    charts: window.__queueLab!.charts(),
  }));
  const { frames, longTasks, commits } = r.bench;
  const s = r.stats;
  const tasks = r.snap.tasks;
  const count = (role: string) => tasks.filter((t) => t.role === role && t.state !== 'cancelled').length;
  const d = (k: string) => (m1[k] ?? 0) - (m0[k] ?? 0);
  const perFrame = (k: string) => ms((1000 * d(k)) / Math.max(1, frames.length));
  const c = r.charts;
  const drawFrames = c.drawFrames - c0.drawFrames;
  console.log(`\n${name}: ${count('producer')} producers, ${count('consumer')} consumers, buffer ${r.snap.maxsize}, speed ${r.snap.speed}x, ${SECONDS} s`);
  console.log(`  virtual time        ${t0.toFixed(1)} s -> ${r.snap.t.toFixed(1)} s (${((r.snap.t - t0) / s.seconds).toFixed(1)}x of wall time)`);
  console.log(`  frames              ${frames.length} (${(frames.length / s.seconds).toFixed(1)} fps)`);
  console.log(`  frame interval      p50 ${ms(pct(frames, 50))}, p95 ${ms(pct(frames, 95))}, max ${ms(Math.max(...frames))}   (target p95 <= 17 ms)`);
  console.log(
    `  long tasks          ${longTasks.length}${longTasks.length > 0 ? `, longest ${ms(Math.max(...longTasks))}, ${longTasks.filter((x) => x > 50).length} over 50 ms` : ''}   (target: none over 50 ms)`,
  );
  console.log(
    `  main thread / frame ${perFrame('TaskDuration')} busy: script ${perFrame('ScriptDuration')}, style ${perFrame('RecalcStyleDuration')} (${(d('RecalcStyleCount') / s.seconds).toFixed(0)}/s), layout ${perFrame('LayoutDuration')} (${(d('LayoutCount') / s.seconds).toFixed(0)}/s)`,
  );
  console.log(`  React commits       ${commits} (${(commits / s.seconds).toFixed(1)} /s)`);
  console.log(`  worker messages     ${(s.messages / s.seconds).toFixed(1)} /s, ${(s.bytes / s.seconds / 1024).toFixed(1)} kB/s (estimated)`);
  console.log(
    `  charts              ${c.visible} on screen, ${c.points} points held, ${drawFrames} frames drawn, ${((c.drawMs - c0.drawMs) / Math.max(1, drawFrames)).toFixed(2)} ms each`,
  );
  const rendered = r.bench.rendered;
  if (rendered !== null) {
    const top = Object.entries(rendered)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15);
    console.log(`  components rendered (name: renders over ${SECONDS} s)`);
    console.log(`    ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (trace !== null) {
    console.log('  tasks over 50 ms on the main thread (trace), and what took their time:');
    for (const line of longTaskContents(trace)) console.log(`    ${line}`);
  }
  if (prof !== null) {
    console.log('  CPU profile, most self time:');
    for (const line of topFunctions(prof, 12)) console.log(`    ${line}`);
    console.log('  CPU profile by source module (JavaScript and the native calls it made):');
    for (const line of await byModule(prof)) console.log(`    ${line}`);
  }
}

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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const slider = (name: string) => page.getByRole('slider', { name, exact: true });
    await slider('Buffer size').fill('500');
    await slider('Producers').fill('8');
    await slider('Consumers').fill('64');
    await slider('Production interval').fill('7'); // 0.1 s: the buffer fills and the producers block
    await slider('Speed').fill('9'); // 100x
    if (!ONLY_CHARTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await phase(page, cdp, 'Baseline: charts and figures table off screen', PROFILE);
    }
    if (!ONLY_BASE) {
      // tall enough for all seven charts and the figures table at once (three rows of chart cards at 1280 px)
      await page.setViewportSize({ width: 1280, height: 1600 });
      await page.getByTestId('measure').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await phase(page, cdp, 'Charts: all seven charts and the figures table on screen', PROFILE);
    }
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
