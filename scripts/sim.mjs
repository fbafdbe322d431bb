// `npm run sim`: rebuilds the CLI bundle if its sources changed (scripts/cli-build.mjs), then runs it in this process.
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './cli-build.mjs';

let bundle = null;
try {
  bundle = await ensureBuilt();
} catch (e) {
  // esbuild has printed what is wrong in the sources
  process.stderr.write(`sim: cannot build the CLI: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 1;
}
if (bundle !== null) await import(pathToFileURL(bundle).href);
