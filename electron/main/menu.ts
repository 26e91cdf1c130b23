// The application menu: File (import, backup, print, quit), Edit roles, View (zoom;
// reload and DevTools only while developing), Help > About. No IPC channel of its own.
import type { MenuItemConstructorOptions } from 'electron';

/**
 * Screens the menu can open. The renderer keeps its current screen in the URL hash
 * (`#/imports`, see renderer/src/state/uiStore.ts), so the menu navigates there instead of
 * needing a main-to-renderer message channel outside the contract.
 */
export type MenuScreen = 'imports' | 'settings';

export interface MenuActions {
  openScreen(screen: MenuScreen): void;
  printReport(): void;
  showAbout(): void;
}

export interface MenuChoices {
  isDev: boolean;
  isMac: boolean;
}

/** The app URL with its hash replaced by the screen's route; other URLs are left alone. */
export function screenUrl(currentUrl: string, screen: MenuScreen): string {
  const url = new URL(currentUrl);
  url.hash = `#/${screen}`;
  return url.href;
}

export function buildMenuTemplate(actions: MenuActions, choices: MenuChoices): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.openScreen('imports') },
      // Backups are made from Settings, where the analyst sees what the backup holds.
      { label: 'Backup…', click: () => actions.openScreen('settings') },
      { type: 'separator' },
      { label: 'Print report to PDF…', accelerator: 'CmdOrCtrl+P', click: () => actions.printReport() },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const developerItems: MenuItemConstructorOptions[] = choices.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [...developerItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [{ label: 'About Fraud Workbench', click: () => actions.showAbout() }],
  };
  // macOS expects the first menu to be the app menu (About, Hide, Quit...).
  const appMenu: MenuItemConstructorOptions[] = choices.isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, help];
}
