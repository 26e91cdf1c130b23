// Launches the built app under Playwright's `_electron` with a throwaway profile, in
// production mode (app:// protocol), and skips the whole file when there is no binary.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { announceSkipOnce, findElectronBinary, PROJECT_ROOT } from './electronBinary';

const MAIN_ENTRY = join(PROJECT_ROOT, 'out', 'main', 'index.js');

export interface Workbench {
  app: ElectronApplication;
  page: Page;
  /** The throwaway user-data folder (the cache, the decision log's checkpoint file). */
  profile: string;
}

const binary = findElectronBinary();

export const test = base.extend<{ workbench: Workbench }>({
  workbench: async ({}, use) => {
    if (!binary.installed) throw new Error(binary.reason); // unreachable: the file is skipped
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run "npx electron-vite build" before the electron tests.`);
    const profile = mkdtempSync(join(tmpdir(), 'fw-electron-'));
    const env = { ...process.env, FRAUD_WORKBENCH_USER_DATA: profile } as Record<string, string>;
    delete env['ELECTRON_RENDERER_URL']; // production mode: the app:// protocol, not a dev server
    delete env['ELECTRON_RUN_AS_NODE'];
    const app = await _electron.launch({ executablePath: binary.path, args: [MAIN_ENTRY], cwd: PROJECT_ROOT, env });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await use({ app, page, profile });
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

/** Call at the top of each electron spec: one printed reason, every test marked skipped. */
export function skipWithoutElectronBinary(): void {
  if (!binary.installed) announceSkipOnce(binary.reason);
  test.skip(!binary.installed, binary.installed ? '' : binary.reason);
}

export { expect } from '@playwright/test';
