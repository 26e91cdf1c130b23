// The handlers behind the contract channels, registered through the validating
// wrapper. Each one only joins pieces that are tested on their own.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { CheckpointFile, CHECKPOINT_FILE_NAME } from './checkpointFile';
import { writeFileAtomic } from './atomicWrite';
import { workbenchAppInfo } from './appInfo';
import { readChosenFiles } from './chosenFiles';
import { askOpenPaths, askSavePath } from './fileDialogs';
import type { ManagedPolicyReading } from '../../shared/policy/managedPolicy';
import { pdfFileName, printReportToPdf, PDF_FILTERS } from './pdfReport';
import type { ValidatedIpc } from './validatedIpc';

/** Dialogs are modal to the window that asked, so they cannot pile up behind it. */
function windowOf(event: IpcMainInvokeEvent): BrowserWindow {
  const window = BrowserWindow.fromWebContents(event.sender);
  if (window === null) throw new Error('The calling page has no window to attach a dialog to');
  return window;
}

/** The OS account's name, the default analyst name; empty where the OS will not say. */
function osAccount(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export interface WorkbenchSources {
  managedPolicy(): Promise<ManagedPolicyReading>;
}

export function registerWorkbenchHandlers(ipc: ValidatedIpc, sources: WorkbenchSources): void {
  ipc.handle('app:info', () => workbenchAppInfo(app, process.versions, process.platform, osAccount()));

  const checkpoints = new CheckpointFile(join(app.getPath('userData'), CHECKPOINT_FILE_NAME));
  ipc.handle('checkpoint:read', () => checkpoints.read());
  ipc.handle('checkpoint:extend', (_event, entries) => checkpoints.extend(entries));
  ipc.handle('checkpoint:restore', (_event, entry) => checkpoints.restore(entry));

  ipc.handle('policy:managed', () => sources.managedPolicy());

  ipc.handle('dialog:open-files', async (event, { title, filters, multiple }) => {
    const paths = await askOpenPaths(dialog, windowOf(event), { title, filters, multiple });
    return readChosenFiles(paths);
  });

  ipc.handle('dialog:save-file', async (event, { suggestedName, filters, data }) => {
    const path = await askSavePath(dialog, windowOf(event), {
      suggestedName,
      filters,
      defaultFolder: app.getPath('documents'),
    });
    if (path === null) return { saved: false };
    await writeFileAtomic(path, data);
    return { saved: true, path };
  });

  ipc.handle('print:to-pdf', (event, { suggestedName, landscape }) =>
    printReportToPdf(
      event.sender,
      () =>
        askSavePath(dialog, windowOf(event), {
          suggestedName: pdfFileName(suggestedName),
          filters: PDF_FILTERS,
          defaultFolder: app.getPath('documents'),
        }),
      landscape,
    ),
  );
}
