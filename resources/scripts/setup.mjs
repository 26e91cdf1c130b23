// Installs what `npm start` and `npm test` need on a fresh clone, with no dependencies of
// its own: npm packages (without the Electron binary download, which needs the internet)
// and, for tests, Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing npm packages (npm ci). The Electron binary download is skipped unless ELECTRON_SKIP_BINARY_DOWNLOAD=0.');
  run('npm', ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1' });
}

/** Debian's Chromium for the end-to-end tests and the bench (Playwright cannot download its own here). */
export function ensureChromium(executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  if (existsSync(executable)) return executable;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(`Chromium not found at ${executable}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log('Installing Debian Chromium and poppler-utils for the end-to-end tests (apt-get)…');
  run('apt-get', ['update', '-qq'], { DEBIAN_FRONTEND: 'noninteractive' });
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'poppler-utils'], { DEBIAN_FRONTEND: 'noninteractive' });
  return executable;
}
