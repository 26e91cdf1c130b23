// The renderer's security settings in one pure function, so a unit test pins every value
// and a refactor cannot quietly loosen one.
import type { WebPreferences } from 'electron';

export interface WebPreferenceChoices {
  /** DevTools only while developing; a packaged app gives analysts no console into the data. */
  devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, choices: WebPreferenceChoices): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload live in separate JavaScript worlds; the page sees only the
    // functions the preload hands over with contextBridge.
    contextIsolation: true,
    // The renderer runs in Chromium's OS sandbox; the preload gets no Node APIs either.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Off: Chromium would download Hunspell dictionaries from Google's CDN on Linux and
    // Windows, and the app makes no network calls.
    spellcheck: false,
    navigateOnDragDrop: false,
    // Electron's checklist: no middle-click (auxclick) link opening. The window-open guard
    // would deny such a window anyway; this removes the path altogether.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    devTools: choices.devTools,
  };
}
