// The CLI as one file: src/cli/main.ts bundled by esbuild into build/cli.mjs, which `node` starts in a fraction
// of tsx's time. build/cli.json records each input's size and modification time; the bundle is rebuilt when one of
// them (or this script) changed, so `npm run sim` always runs the sources as they are.
import { readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'build', 'cli.mjs');
const MANIFEST = join(root, 'build', 'cli.json');
const ENTRY = join(root, 'src', 'cli', 'main.ts');
const SELF = relative(root, fileURLToPath(import.meta.url));

/** `size:mtime` of a file under the root, or null when it is gone. */
function stamp(rel) {
  try {
    const st = statSync(join(root, rel));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/** True when the bundle is missing or any file it was built from (this script included) has changed since. */
export function isStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(BUNDLE);
  } catch {
    return true;
  }
  for (const [rel, was] of Object.entries(manifest.inputs)) if (stamp(rel) !== was) return true;
  return false;
}

/** Builds the bundle. Written beside its place, then renamed: a run that starts meanwhile never sees half a file. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const { textImports } = await import('./text-imports-esbuild.mjs');
  const result = await esbuild({
    absWorkingDir: root, // the metafile's input paths are relative to it
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    outfile: BUNDLE,
    logLevel: 'error',
    banner: { js: '// built by scripts/cli-build.mjs from src/cli/main.ts; do not edit' },
    plugins: [textImports], // src/python/fastClock.ts imports fast_clock.py as text
  });
  const inputs = {};
  // stamps taken after the build: a file edited during it differs from its stamp next time, and is rebuilt then
  for (const rel of [SELF, ...Object.keys(result.metafile.inputs)]) inputs[rel] = stamp(rel);
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, BUNDLE);
  const tmpManifest = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmpManifest, `${JSON.stringify({ inputs }, null, 1)}\n`);
  renameSync(tmpManifest, MANIFEST);
}

/** Builds when stale; returns the bundle's path. */
export async function ensureBuilt() {
  if (isStale()) await build();
  return BUNDLE;
}

// `node scripts/cli-build.mjs` builds unconditionally
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await build();
