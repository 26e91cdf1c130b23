// The one application window: secure web preferences, shown once the first paint is
// ready so analysts never see a blank white frame.
import { BrowserWindow } from 'electron';
import { PRODUCT_NAME } from './appInfo';
import { loggableTarget } from './appOrigin';
import { secureWebPreferences } from './webPreferences';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  isDev: boolean;
  log(message: string): void;
}

export function createMainWindow({ preloadPath, entryUrl, isDev, log }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, { devTools: isDev }),
  });

  window.once('ready-to-show', () => window.show());
  // A failed load never becomes "ready to show"; show the window anyway so the failure
  // is visible instead of an app that seems not to start.
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame) return;
    log(`[window] loading ${loggableTarget(validatedUrl)} failed: ${errorDescription} (${errorCode})`);
    if (!window.isVisible()) window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log(`[window] renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });

  void window.loadURL(entryUrl);
  return window;
}
