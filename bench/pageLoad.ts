/**
 * `npm run bench:load`: what the page costs to start. From the production build's manifest: the JavaScript
 * index.html loads before anything runs (the entry and its static imports; not the worker, not the chunks loaded
 * when first needed), raw and gzip, against the budget of 130 kB gzip. Then the build, served gzip-compressed by a
 * small static server, opened LOAD_RUNS times (default 5) in headless Chromium with an empty cache, unthrottled and
 * on a slow 4G link: the median time to the scene's first drawn frame (the renderer's performance mark) and the
 * JavaScript fetched before it (page and worker). With LOAD_BASE=<git ref> the same for a build of that commit, its
 * loads taken in turns with the current build's. Prints figures; asserts nothing.
 *
 *   npm run bench:load       LOAD_DIST=dist (an existing build made with --manifest; else one is made in /tmp)
 *                            LOAD_BASE=main (a baseline: that commit built in /tmp)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

const RUNS = Number(process.env.LOAD_RUNS ?? 5);
const PORT = Number(process.env.LOAD_PORT ?? 4186);
const BUDGET_GZIP = 130_000;
/** The scene renderer's mark (FIRST_FRAME_MARK in src/ui/scene/firstFrame.ts). */
const MARK = 'queue-lab:first-scene-frame';
/** Chrome DevTools' "Slow 4G" preset. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The entry chunk of index.html and every chunk it imports statically (what the page loads before it runs). */
function initialChunks(dist: string): { files: string[]; lazy: string[] } {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build with \`npx vite build --manifest\`, or leave LOAD_DIST unset`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry === true && k.endsWith('index.html'));
  if (entry === undefined) throw new Error(`${path} names no index.html entry`);
  const seen = new Set<string>();
  const walk = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key]!.imports ?? []) walk(k);
  };
  walk(entry);
  const files = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  // the worker's bundle is an asset of the build, not a chunk of the manifest
  const lazy = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !files.includes(f));
  return { files, lazy };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The build as a static host serves it: gzip when asked for, compressed once per file. */
function serve(dist: string, port: number): Promise<Server> {
  const root = resolve(dist);
  const cache = new Map<string, { raw: Buffer; gz: Buffer }>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(file);
    if (body === undefined) {
      const raw = readFileSync(file);
      body = { raw, gz: gzipSync(raw) };
      cache.set(file, body);
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      'cache-control': 'no-store',
    });
    res.end(gzip ? body.gz : body.raw);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

interface Load {
  firstFrameMs: number;
  pageJs: number;
  workerJs: number;
}

/**
 * Builds made before the renderer's mark: the first frame is seen by polling the test hook at each animation frame
 * (up to a frame late).
 */
const POLL_FIRST_FRAME = `
  window.__firstFrame = null;
  const poll = () => {
    const s = window.__queueLab?.snapshot?.();
    if (s != null && s.scene.frames > 0) window.__firstFrame = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
`;

/** One load with an empty cache: the time to the first scene frame, and the JS bytes that arrived before it. */
async function loadOnce(browser: Browser, build: Build, slow: boolean): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  }
  if (!build.marked) await page.addInitScript(POLL_FIRST_FRAME);
  await page.goto(build.url);
  // the page's resource timing lists the worker's script too; encodedBodySize is the bytes on the wire (gzip)
  const handle = await page.waitForFunction(
    (m) => {
      const at = performance.getEntriesByName(m)[0]?.startTime ?? (window as unknown as { __firstFrame?: number | null }).__firstFrame ?? null;
      if (at === null) return null;
      const js = performance
        .getEntriesByType('resource')
        .filter((r): r is PerformanceResourceTiming => r.name.endsWith('.js') && (r as PerformanceResourceTiming).responseEnd <= at)
        .map((r) => ({ url: r.name, bytes: r.encodedBodySize }));
      return { at, js };
    },
    MARK,
    { timeout: 120_000 },
  );
  const { at, js } = (await handle.jsonValue())!;
  let pageJs = 0;
  let workerJs = 0;
  for (const f of js) {
    if (f.url.includes('.worker')) workerJs += f.bytes;
    else pageJs += f.bytes;
  }
  await context.close();
  return { firstFrameMs: at, pageJs, workerJs };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Build {
  name: string;
  dist: string;
  url: string;
  /** The build sets the renderer's first-frame mark. */
  marked: boolean;
}

function sizes(dist: string, files: string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(join(dist, f));
    raw += b.length;
    gz += gzipSync(b).length;
  }
  return { raw, gz };
}

/** A commit's tree built in /tmp with this checkout's node_modules. */
function buildRef(ref: string): string {
  if (!/^[\w./~^@{}-]+$/.test(ref)) throw new Error(`LOAD_BASE=${ref}: not a git ref`);
  const dir = '/tmp/queue-lab-load/base';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`building ${ref} into ${dir}/dist ...`);
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', '--format=tar', ref], { maxBuffer: 1 << 30 }) });
  symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist', '--emptyOutDir', '--manifest', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

const marked = (dist: string): boolean => readdirSync(join(dist, 'assets')).some((f) => f.endsWith('.js') && readFileSync(join(dist, 'assets', f), 'utf8').includes(MARK));

async function main(): Promise<void> {
  let dist = process.env.LOAD_DIST;
  if (dist === undefined) {
    dist = '/tmp/queue-lab-load/dist';
    console.log(`building into ${dist} ...`);
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--manifest', '--logLevel', 'error'], { stdio: 'inherit' });
  }
  const builds: Build[] = [{ name: 'this build', dist, url: `http://127.0.0.1:${PORT}/`, marked: marked(dist) }];
  const base = process.env.LOAD_BASE;
  if (base !== undefined) {
    const d = buildRef(base);
    builds.push({ name: base, dist: d, url: `http://127.0.0.1:${PORT + 1}/`, marked: marked(d) });
  }

  console.log(`\ninitial JS: index.html's entry and its static imports (budget ${kB(BUDGET_GZIP)} gzip)`);
  for (const b of builds) {
    const { files } = initialChunks(b.dist);
    const initial = sizes(b.dist, files);
    const verdict = `${((100 * initial.gz) / BUDGET_GZIP).toFixed(0)}% of the budget, ${initial.gz <= BUDGET_GZIP ? 'within' : 'over'}`;
    console.log(`  ${b.name.padEnd(12)} ${kB(initial.raw).padStart(10)} raw ${kB(initial.gz).padStart(10)} gzip  (${verdict}; ${files.length} file${files.length === 1 ? '' : 's'})`);
  }
  const { lazy } = initialChunks(dist);
  const later = sizes(dist, lazy);
  console.log(`this build's JS loaded when needed or in the worker (${lazy.length} files): ${kB(later.raw)} raw, ${kB(later.gz)} gzip`);
  for (const f of lazy) {
    const one = sizes(dist, [f]);
    console.log(`  ${f.padEnd(44)} ${kB(one.raw).padStart(10)} raw ${kB(one.gz).padStart(10)} gzip`);
  }

  const servers = await Promise.all(builds.map((b, i) => serve(b.dist, PORT + i)));
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ headless: true, ...(existsSync(system) ? { executablePath: system } : {}), args: ['--disable-gpu', '--disable-quic'] });
  try {
    // warm each server's compression cache and the browser's start
    for (const b of builds) await loadOnce(browser, b, false);
    console.log(`\nfirst drawn scene frame, median of ${RUNS} loads with an empty cache (served gzip from 127.0.0.1):`);
    console.log('  network                      build        first frame  (range)     JS before it: page    worker');
    for (const [name, slow] of [
      ['unthrottled', false],
      ['slow 4G (1.6 Mbit/s, 150 ms)', true],
    ] as const) {
      const loads = builds.map((): Load[] => []);
      // in turns, so that the machine's moods fall on both builds alike
      for (let i = 0; i < RUNS; i++) for (const [k, b] of builds.entries()) loads[k]!.push(await loadOnce(browser, b, slow));
      for (const [k, b] of builds.entries()) {
        const ls = loads[k]!;
        const ms = ls.map((l) => l.firstFrameMs);
        const range = `${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)}`;
        const how = b.marked ? '' : '  (first frame polled: up to a frame late)';
        console.log(
          `  ${(k === 0 ? name : '').padEnd(28)} ${b.name.padEnd(12)} ${`${median(ms).toFixed(0)} ms`.padStart(8)}  (${range})`.padEnd(66) +
            `${kB(median(ls.map((l) => l.pageJs))).padStart(9)} ${kB(median(ls.map((l) => l.workerJs))).padStart(9)}${how}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
}

await main();
