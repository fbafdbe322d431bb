// ESLint flat config. Kept to syntax-only rules (no type-aware linting) so that
// `npm run lint` stays fast; `npm run typecheck` does the type checking.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Relative imports that leave the current folder for `name` (../name, ../../name/x, ...). */
const outOf = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
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
  // The engine is pure TypeScript: it runs in a Web Worker, in node (CLI, tests) and in benches.
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./',
              message: 'src/engine imports nothing outside itself (its input format is src/engine/scenario.ts).',
            },
            {
              regex: '^(react|react-dom|zustand)(/|$)',
              message: 'src/engine must stay pure: no React or Zustand.',
            },
          ],
        },
      ],
    },
  },
  // The UI talks to the engine through the worker; it may only borrow the engine's types.
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: outOf(['engine']),
              allowTypeImports: true,
              message: 'src/ui may only use `import type` from src/engine; run the engine in the worker.',
            },
          ],
        },
      ],
    },
  },
);
