// Save dialogs start in the documents folder with a plain file name, whatever name the
// renderer suggests; cancelling returns null and nothing is written.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { askOpenPaths, askSavePath, safeFileName, type DialogHost } from '../../../electron/main/fileDialogs';

describe('safeFileName', () => {
  it.each([
    ['chargebacks-2024-q3.csv', 'chargebacks-2024-q3.csv'],
    ['../../.bashrc', 'bashrc'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['/etc/passwd', 'passwd'],
    ['report:<draft>|?.pdf', 'report__draft___.pdf'],
    ['line\nbreak\u0000.csv', 'line_break_.csv'],
    ['   ', 'export'],
    ['..', 'export'],
  ])('%j becomes %j', (suggested, expected) => {
    expect(safeFileName(suggested)).toBe(expected);
  });

  it('caps the length at 255 characters', () => {
    expect(safeFileName('a'.repeat(400))).toHaveLength(255);
  });
});

const window = {} as BrowserWindow;

describe('askSavePath', () => {
  it('suggests the cleaned name inside the default folder and returns the chosen path', async () => {
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/analyst/Documents/q3.csv' })),
      showOpenDialog: vi.fn(),
    };
    const path = await askSavePath(dialog as unknown as DialogHost, window, {
      suggestedName: '../q3.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      defaultFolder: '/home/analyst/Documents',
    });
    expect(path).toBe('/home/analyst/Documents/q3.csv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: expect.stringMatching(/Documents[\\/]q3\.csv$/) }));
  });

  it('returns null when the analyst cancels', async () => {
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })), showOpenDialog: vi.fn() };
    expect(await askSavePath(dialog as unknown as DialogHost, window, { suggestedName: 'x', filters: [], defaultFolder: '/tmp' })).toBeNull();
  });
});

describe('askOpenPaths', () => {
  it('allows several files only when asked, and returns [] on cancel', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: ['/ignored'] }));
    const dialog = { showOpenDialog, showSaveDialog: vi.fn() } as unknown as DialogHost;
    expect(await askOpenPaths(dialog, window, { title: 'Import', filters: [], multiple: true })).toEqual([]);
    expect(showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
    await askOpenPaths(dialog, window, { title: 'Import', filters: [], multiple: false });
    expect(showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openFile'] }));
  });
});
