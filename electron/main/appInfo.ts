// What the app reports about itself, for `app:info` and Help > About: product name,
// version and the Chromium/Electron runtime it runs on.
import type { App } from 'electron';
import type { IpcResult } from '../../shared/ipc';

export const PRODUCT_NAME = 'Fraud Workbench';

export function workbenchAppInfo(
  app: Pick<App, 'getVersion'>,
  versions: NodeJS.ProcessVersions,
  platform: NodeJS.Platform,
  account = '',
): IpcResult<'app:info'> {
  return {
    name: PRODUCT_NAME,
    version: app.getVersion(),
    electron: versions['electron'] ?? 'unknown',
    chrome: versions['chrome'] ?? 'unknown',
    platform,
    account: account.slice(0, 80),
  };
}
