// Pins every security-relevant web preference of the app window, so loosening one is a
// visible, failing change rather than a quiet edit.
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/webPreferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with every Node and legacy door shut', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      devTools: false,
    });
  });

  it('offers DevTools only when asked to (development)', () => {
    expect(secureWebPreferences('p', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('p', { devTools: false }).devTools).toBe(false);
  });

  it('never enables Blink features or a custom JS flag set', () => {
    const prefs = secureWebPreferences('p', { devTools: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('js');
  });
});
