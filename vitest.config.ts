import { defineConfig } from 'vitest/config';

// Unit tests: shared/ domain code and the db layer (fake-indexeddb), plus the Electron
// shell's plain functions with 'electron' mocked. End-to-end tests run under Playwright.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
