// Entry of the Electron shell: one sandboxed window on the app:// protocol, guarded
// navigation, permissions and requests, the menu, and the validated IPC handlers.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { PRODUCT_NAME, workbenchAppInfo } from './appInfo';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './appProtocol';
import { APP_ENTRY_URL, isAppUrl, trustedOrigins } from './appOrigin';
import { debuggerSwitchesIn, devServerUrlFrom, userDataOverrideFrom } from './devLaunch';
import { askSavePath } from './fileDialogs';
import { registerWorkbenchHandlers } from './ipcHandlers';
import { managedPolicyPath, managedPolicySource, teamOriginOf } from './managedPolicy';
import { createMainWindow } from './mainWindow';
import { buildMenuTemplate, screenUrl, type MenuScreen } from './menu';
import { guardWebContents } from './navigationGuards';
import { pdfFileName, PDF_FILTERS, printReportToPdf } from './pdfReport';
import { denyAllPermissions } from './permissionGuards';
import { blockOutboundRequests } from './requestFilter';
import { createValidatedIpc } from './validatedIpc';

// Refusals go to stderr with a [guard]/[ipc] prefix; they never include paths or data.
const log = (message: string): void => console.warn(message);

const devServer = devServerUrlFrom(process.env, app.isPackaged);
const isDev = devServer !== null;
const origins = trustedOrigins(devServer);
const builtDir = import.meta.dirname; // out/main
const preloadPath = join(builtDir, '../preload/index.cjs');
const rendererRoot = join(builtDir, '../renderer');

const userDataOverride = userDataOverrideFrom(process.env, app.isPackaged);
if (userDataOverride !== null) app.setPath('userData', userDataOverride);

// Both must happen before `ready`: every renderer sandboxed, app:// a privileged scheme.
app.enableSandbox();
registerAppSchemeAsPrivileged(protocol);

// A packaged app never runs open to a debugger. The switches are removed too, in case Chromium
// would start its debugging server before the exit takes effect.
const debuggerSwitches = debuggerSwitchesIn(app.commandLine, app.isPackaged);
if (debuggerSwitches.length > 0) {
  console.error(`[shell] refusing to start with ${debuggerSwitches.map((name) => `--${name}`).join(', ')}: the released app cannot be debugged`);
  for (const name of debuggerSwitches) app.commandLine.removeSwitch(name);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // A second copy of the app would open the same IndexedDB; focus the first one instead.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const activeWindow = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? mainWindow;

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, including ones Chromium creates on its own, gets the guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { trustedOrigins: origins, openInBrowser: (url) => shell.openExternal(url), log });
  });

  app.on('window-all-closed', () => app.quit());

  const menuActions = {
    openScreen(screen: MenuScreen): void {
      const contents = activeWindow()?.webContents;
      if (!contents || !isAppUrl(contents.getURL(), origins)) return;
      const target = screenUrl(contents.getURL(), screen);
      if (target !== contents.getURL()) void contents.loadURL(target);
    },
    printReport(): void {
      const window = activeWindow();
      if (window === null) return;
      const askPath = () =>
        askSavePath(dialog, window, {
          suggestedName: pdfFileName('fraud-workbench-report'),
          filters: PDF_FILTERS,
          defaultFolder: app.getPath('documents'),
        });
      printReportToPdf(window.webContents, askPath, false).catch((error: unknown) => {
        dialog.showErrorBox('The report could not be saved as PDF', error instanceof Error ? error.message : String(error));
      });
    },
    showAbout(): void {
      const info = workbenchAppInfo(app, process.versions, process.platform);
      const options = {
        type: 'info' as const,
        title: `About ${PRODUCT_NAME}`,
        message: `${info.name} ${info.version}`,
        detail: `Electron ${info.electron}\nChromium ${info.chrome}\nPlatform ${info.platform}\n\nWorks offline; case data stays on this computer.`,
      };
      const window = activeWindow();
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
  };

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession, log);
      // Read before the first page loads: the team origin it names goes into the CSP and the request filter.
      const managedPolicy = managedPolicySource(managedPolicyPath(process.platform, process.env), log);
      const teamOrigin = teamOriginOf(await managedPolicy());
      blockOutboundRequests(session.defaultSession, devServer, log, teamOrigin);
      handleAppProtocol(protocol, rendererRoot, teamOrigin);
      registerWorkbenchHandlers(createValidatedIpc(ipcMain, { trustedOrigins: origins }, log), { managedPolicy });
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuActions, { isDev, isMac: process.platform === 'darwin' })));
      mainWindow = createMainWindow({ preloadPath, entryUrl: devServer?.href ?? APP_ENTRY_URL, isDev, log });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      console.error('[shell] start-up failed:', error);
      app.exit(1);
    });
}
