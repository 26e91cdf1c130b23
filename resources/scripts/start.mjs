#!/usr/bin/env node
// `npm start`: builds the app offline, then opens the Electron shell when its binary is
// installed, or serves the same build in the browser on 127.0.0.1 when it is not.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { ensureNodeModules } from './setup.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_PACKAGE = join(PROJECT_ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, or null when the npm package is present without its binary.
 * Decided from files only: `require('electron')` would try to download the binary.
 */
function installedElectronBinary() {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distRoot = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON_PACKAGE, 'dist');
  const binary = join(distRoot, relative);
  return relative !== '' && existsSync(binary) ? binary : null;
}

function build() {
  const cli = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  console.log('Building main, preload and renderer (electron-vite build)…');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('\nThe build failed; see the errors above. Nothing was started.');
    process.exit(result.status ?? 1);
  }
}

function launchShell(binary) {
  // A leftover ELECTRON_RUN_AS_NODE would start Electron as plain Node without a window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const shell = spawn(binary, [PROJECT_ROOT], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
  shell.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => shell.kill(signal));
}

async function serveBrowserMode() {
  const version = JSON.parse(readFileSync(join(ELECTRON_PACKAGE, 'package.json'), 'utf8')).version;
  console.log(
    [
      '',
      `The Electron ${version} binary is not installed here (node_modules/electron/dist is missing).`,
      'Its npm postinstall downloads the binary from the internet, which this machine cannot reach.',
      'On a machine with network access, install it with:  node node_modules/electron/install.js',
      'Meanwhile the same build runs in your browser (browser mode: file dialogs and print use the browser).',
      '',
    ].join('\n'),
  );
  const { url, close } = await startServer({ port: 4173, portAttempts: 20 });
  console.log(`Fraud Workbench (browser mode) at ${url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

ensureNodeModules();
build();
const binary = installedElectronBinary();
if (binary) {
  console.log(`Starting the Electron shell (${binary})…`);
  launchShell(binary);
} else {
  serveBrowserMode().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
