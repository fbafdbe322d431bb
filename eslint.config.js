// ESLint flat config. Kept to syntax-only rules (no type-aware linting) so that
// `npm run lint` stays fast; `npm run typecheck` does the type checking.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folders of src and what each may import, lowest layer first: imports go one way (README, "Architecture").
 * `types` are folders it may borrow types from only (`import type`): the page runs the engine in the worker.
 */
const LAYERS = {
  engine: { may: [] },
  scenarios: { may: ['engine'] },
  python: { may: ['engine', 'scenarios'] },
  theory: { may: ['engine', 'scenarios'] },
  share: { may: ['engine', 'python', 'scenarios', 'theory'] },
  worker: { may: ['engine', 'python', 'scenarios', 'share', 'theory'] },
  // the CLI prints docs/scenario.schema.json (--schema), the one file it reads from outside src
  cli: { may: ['engine', 'python', 'scenarios', 'share', 'theory'], outside: ['\\.\\./docs/scenario\\.schema\\.json$'] },
  store: { may: ['python', 'scenarios', 'share', 'theory', 'worker'], types: ['engine'] },
  ui: { may: ['python', 'scenarios', 'share', 'store', 'theory', 'worker'], types: ['engine'] },
};

/**
 * One config block per folder and depth below it (a file in src/<folder>/a/b/ reaches src with three `../`): a
 * relative import that leaves the folder must land in a folder it may import.
 */
function importDirection() {
  const blocks = [];
  for (const [folder, { may, types = [], outside = [] }] of Object.entries(LAYERS)) {
    for (let depth = 0; depth < 4; depth++) {
      const up = `^(\\.\\./){${depth + 1}}`;
      const patterns = [
        {
          regex: `${up}(?!(${[...may, ...types, folder].join('|')})/${outside.map((o) => `|${o}`).join('')})`,
          message: `src/${folder} may import only from ${may.length === 0 ? 'itself' : may.map((m) => `src/${m}`).join(', ')}${types.map((t) => ` (types from src/${t})`).join('')} (README, "Architecture").`,
        },
        {
          regex: `${up}${folder}/`,
          message: `an import of src/${folder} from inside it goes by a shorter path.`,
        },
      ];
      for (const t of types) {
        patterns.push({
          regex: `${up}${t}/`,
          allowTypeImports: true,
          message: `src/${folder} may only use \`import type\` from src/${t}; the engine runs in the worker.`,
        });
      }
      if (folder === 'engine') {
        patterns.push({ regex: '^(react|react-dom|zustand)(/|$)', message: 'src/engine must stay pure: no React or Zustand.' });
      }
      blocks.push({
        files: [`src/${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
      });
    }
  }
  return blocks;
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      // the builds and results of side-by-side e2e runs (E2E_DIST, E2E_RESULTS), as in .gitignore
      'dist-*/**',
      'test-results-*/**',
      'build/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '**/*.py',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `import { type A }` alone would leave a runtime side-effect import behind.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  // Browser code.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Node code: CLI, tests, e2e, benchmarks, scripts and config files.
  {
    files: ['src/cli/**', 'tests/**', 'e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts,mjs}', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // React hooks rules for UI code.
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/main.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  // The engine is pure TypeScript (it runs in a Web Worker, in node and in benches); every folder imports one way.
  ...importDirection(),
);
