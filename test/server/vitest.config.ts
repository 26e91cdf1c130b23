import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The team server against a real PostgreSQL: one throwaway cluster for the run (globalSetup),
// one database per test file. Kept apart from the unit tests so they stay fast.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/server/postgresCluster.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
