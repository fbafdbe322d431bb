// An esbuild plugin for `import text from './x.py?raw'` (Vite's text import): the file's text, as a string. For
// bundles of src/ made outside Vite (the CLI's, bench/load.ts'); under node, text-imports.mjs does the same. The
// file stays in esbuild's file namespace, so a metafile lists it as an input like any other.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const RAW = 'queue-lab:raw';

export const textImports = {
  name: 'queue-lab:text-imports',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      pluginData: RAW,
    }));
    build.onLoad({ filter: /.*/ }, async (args) =>
      args.pluginData === RAW ? { contents: await readFile(args.path, 'utf8'), loader: 'text' } : undefined,
    );
  },
};
