// Launch settings read from the environment, honoured only by an unpackaged app: the
// electron-vite dev server URL, and a throwaway profile folder for end-to-end tests.
import { isAbsolute } from 'node:path';

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, trusted only in an
 * unpackaged app and only on loopback over http: a stray environment variable must never
 * make a packaged app load, or hand IPC to, a remote page.
 */
export function devServerUrlFrom(env: NodeJS.ProcessEnv, isPackaged: boolean): URL | null {
  const raw = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'http:' || !loopback || url.username !== '' || url.password !== '') return null;
  return url;
}

/**
 * A separate profile folder (IndexedDB, settings, single-instance lock) for tests, so a
 * test run neither reads nor touches an analyst's real cases. Absolute paths only.
 */
export function userDataOverrideFrom(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env['FRAUD_WORKBENCH_USER_DATA'];
  if (isPackaged || !raw || !isAbsolute(raw)) return null;
  return raw;
}

/**
 * Chromium's remote debugging switches. The release fuses turn off --inspect and NODE_OPTIONS,
 * but no fuse covers these: with one, any local process (another account's too, on a shared
 * computer) could drive the window, read the cache and call main through the bridge.
 */
const DEBUGGER_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/** The debugger switches a packaged app was started with; an unpackaged one may be debugged. */
export function debuggerSwitchesIn(commandLine: { hasSwitch(name: string): boolean }, isPackaged: boolean): string[] {
  return isPackaged ? DEBUGGER_SWITCHES.filter((name) => commandLine.hasSwitch(name)) : [];
}
