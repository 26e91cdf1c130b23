import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer in Debian's Chromium ("browser mode"), served on
// 127.0.0.1 by resources/scripts/serve.mjs. Electron tests run where the Electron binary exists and
// skip with a printed reason where it does not.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.E2E_PORT ?? 4174);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: `${ROOT}test-results`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Formats follow the system's languages and the theme its scheme: pinned, so no test depends on the machine.
    locale: 'en-US',
    colorScheme: 'light',
  },
  webServer: {
    command: `node resources/scripts/serve.mjs --port ${PORT}`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testDir: 'electron' },
  ],
});
