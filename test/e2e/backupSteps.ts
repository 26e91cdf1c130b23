// Backing up, choosing a backup to restore and verifying the log, as an analyst does them on screen.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PASSPHRASE = 'plum tree on the hill 42';

export async function backUp(page: Page, path: string, passphrase = PASSPHRASE): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('table', { name: 'Exports' }).locator('tbody tr').filter({ hasText: 'backup' });
  const logged = await backups.count();
  await page.getByRole('button', { name: 'Back up to file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Back up the cache' });
  // Each box says what it is for on screen, not only to a screen reader.
  await expect(dialog.getByText('Backup passphrase', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Repeat the passphrase', { exact: true })).toBeVisible();
  await dialog.getByLabel('Backup passphrase').fill(passphrase);
  await dialog.getByLabel('Repeat the passphrase').fill(passphrase);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Write backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^fraud-workbench-backup-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.fwbackup$/);
  await download.saveAs(path);
  await expect(page.getByText(/^Backup written: .*encrypted/)).toBeVisible();
  // The export log below shows it at once, without a reload.
  await expect(backups).toHaveCount(logged + 1);
}

/** Chooses a file to restore and, for an encrypted one, gives the passphrase. */
export async function chooseBackup(page: Page, path: string, passphrase: string | null = PASSPHRASE): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore from file…' }).click()]);
  await chooser.setFiles(path);
  if (passphrase !== null) {
    const dialog = page.getByRole('dialog', { name: 'Backup passphrase' });
    await dialog.getByLabel('Passphrase of the backup').fill(passphrase);
    await dialog.getByRole('button', { name: 'Read backup' }).click();
  }
}

export async function verifyLog(page: Page, entries: number): Promise<void> {
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText(`Log intact: all ${entries} entries verified.`);
}
