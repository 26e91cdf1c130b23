// Finds the Electron executable for the `_electron` tests, or the one reason they must skip.
// Decided from files only: `require('electron')` would try to download a missing binary.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_PACKAGE = join(PROJECT_ROOT, 'node_modules', 'electron');

export type ElectronBinary = { installed: true; path: string } | { installed: false; reason: string };

const INSTALL_HINT =
  'its npm postinstall downloads it from the internet, which this machine cannot reach; on a machine with network access run `node node_modules/electron/install.js`';

export function findElectronBinary(): ElectronBinary {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) {
    return { installed: false, reason: `Electron binary not installed (node_modules/electron/path.txt is missing): ${INSTALL_HINT}.` };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distRoot = process.env['ELECTRON_OVERRIDE_DIST_PATH'] || join(ELECTRON_PACKAGE, 'dist');
  const binary = join(distRoot, relative);
  if (relative === '' || !existsSync(binary)) {
    return { installed: false, reason: `Electron binary not installed (${binary} is missing): ${INSTALL_HINT}.` };
  }
  return { installed: true, path: binary };
}

/**
 * Prints the skip reason once per run. Playwright loads spec files in the runner and again
 * in each worker; workers inherit the runner's environment, so the flag set by the first
 * print silences the rest.
 */
export function announceSkipOnce(reason: string): void {
  if (process.env['FW_ELECTRON_SKIP_ANNOUNCED']) return;
  process.env['FW_ELECTRON_SKIP_ANNOUNCED'] = '1';
  console.log(`[electron tests] skipped: ${reason}`);
}
