import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
        { selector: "MemberExpression[object.name='platform'][property.name=/^(saveFile|printToPdf)$/]", message: 'Write files through app/exportFile.ts, so the export log misses none.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is the pure domain: no UI, storage or host imports.
      'no-restricted-imports': [
        'error',
        { patterns: ['react*', 'dexie*', 'electron*', '**/renderer/**', '**/electron/**'] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
