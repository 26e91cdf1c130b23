import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests: shared/ domain code and the db layer (fake-indexeddb), plus the Electron
// shell's plain functions with 'electron' mocked. End-to-end tests run under Playwright.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
