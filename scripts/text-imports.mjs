// `node --import ./scripts/text-imports.mjs` (tsx, Playwright): `import text from './x.py?raw'` gives the file's
// text, as Vite does, so that src/python/fastClock.ts loads the same way under node as in the browser.
import { register } from 'node:module';

register('./text-imports-hooks.mjs', import.meta.url);
