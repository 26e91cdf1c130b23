import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const SCREEN_LAYERING = [
  {
    group: ['**/core/**', '!**/core/contract', '!**/core/client'],
    message: 'Screens use the core through core/contract (types) and core/client (calls), never its rooms or storage.',
  },
  { group: ['dexie*'], message: 'Only renderer/src/core/storage knows IndexedDB.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'bench/results.json', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/set-state-in-effect': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/app/exportFile.ts', 'renderer/src/platform/**'],
    rules: {
      // Every file the app writes is logged (who, when, what, rows, log head): through app/exportFile.ts only.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='platform'][property.name=/^(saveFile|printToPdf)$/]",
          message: 'Write files through app/exportFile.ts, so the export log misses none.',
        },
      ],
    },
  },
  {
    // Screens talk to the core through its contract (types) and client (the worker handles) only.
    files: ['renderer/src/app/**/*.{ts,tsx}', 'renderer/src/state/**/*.{ts,tsx}', 'renderer/src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: SCREEN_LAYERING }] },
  },
  {
    // ...and a feature reaches another feature only through that feature's index.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SCREEN_LAYERING,
            { regex: '^\\.\\./[^./][^/]*/.+', message: "Import another feature through its index ('../welcome'), not its internals." },
          ],
        },
      ],
    },
  },
  {
    // The core runs in workers: no React, no screens.
    files: ['renderer/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react*', '**/features/**', '**/app/**', '**/state/**'], message: 'The core runs in a worker and knows no UI.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is the pure domain: no UI, storage or host imports.
      'no-restricted-imports': ['error', { patterns: ['react*', 'dexie*', 'electron*', '**/renderer/**', '**/electron/**'] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
