// The handlers behind the contract channels, registered through the validating wrapper.
// Each one only joins pieces that are tested on their own.
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
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

export interface WorkbenchSources {
  managedPolicy(): Promise<ManagedPolicyReading>;
}

export function registerWorkbenchHandlers(ipc: ValidatedIpc, sources: WorkbenchSources): void {
  ipc.handle('app:info', () => workbenchAppInfo(app, process.versions, process.platform));

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
