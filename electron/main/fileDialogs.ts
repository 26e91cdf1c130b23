// Native open/save dialogs for imports, exports and backups. The renderer only suggests
// names and filters; the analyst picks the path, and main never writes anywhere else.
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';

/**
 * A suggested name reduced to a plain file name: no folders (so "../../.bashrc" cannot
 * steer the default location), no control or reserved characters, at most 255 characters.
 */
export function safeFileName(suggested: string, fallback = 'export'): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 255);
  return name === '' ? fallback : name;
}

export type DialogHost = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

export async function askOpenPaths(
  dialog: DialogHost,
  window: BrowserWindow,
  options: { title: string; filters: FileFilter[]; multiple: boolean },
): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: options.title,
    filters: options.filters,
    properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  return result.canceled ? [] : result.filePaths;
}

/** The path the analyst chose, or null when they cancelled. */
export async function askSavePath(
  dialog: DialogHost,
  window: BrowserWindow,
  options: { suggestedName: string; filters: FileFilter[]; defaultFolder: string },
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: join(options.defaultFolder, safeFileName(options.suggestedName)),
    filters: options.filters,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}
