/**
 * Loads src/ code for benchmarks the way it ships: bundled and minified by esbuild (no tsx wrappers such as
 * keepNames, which slow hot paths by a fifth), written to a temp file and imported.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textImports } from '../scripts/text-imports-esbuild.mjs';

export async function loadBundled<T>(entry: string): Promise<T> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', minify: true, write: false, target: 'node20', plugins: [textImports] });
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-bench-'));
  const file = join(dir, 'bundle.mjs');
  writeFileSync(file, out.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as T;
}
