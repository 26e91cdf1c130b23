// A full disk in the real browser: Chromium's DevTools protocol gives the app's origin a small
// storage quota, so IndexedDB in the import worker fails mid-import as on a full disk.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { zalandoExport } from '../support/zalandoExport';
import { enterAnalystName, expect, test } from './fixtures';

/**
 * Room for a few of the file's batches (each ~27k rows, ~1.5 MB once stored, more while its
 * transaction is checked against the quota), not for all 200k rows (~11 MB) of it.
 */
const QUOTA_BYTES = 12 * 1024 * 1024;

/** Gives the app's origin a small quota. Set before the page opens its database: an open one keeps the quota it started with. */
async function smallDisk(page: Page, origin: string, bytes: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

// The quota must be set before the page first opens the cache: no first-run visit before it.
// On disk: the quota is a disk's, and an incognito context's in-memory storage does not keep to it.
test.use({ analyst: null, onDisk: true });

test('a full disk during an import keeps the first rows, shows the import as interrupted, and says what to do', async ({ page, baseURL }, testInfo) => {
  const file = testInfo.outputPath('orders.csv');
  writeFileSync(file, zalandoExport(200_000));
  await smallDisk(page, new URL(baseURL!).origin, QUOTA_BYTES);
  await page.goto('/#/imports');
  await enterAnalystName(page, 'K. Weber');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);

  const card = page.getByRole('region', { name: 'Import of orders.csv' });
  await expect(card).toBeVisible({ timeout: 90_000 });
  await expect(card.locator('.status')).toHaveText('interrupted');
  const alert = card.getByRole('alert');
  await expect(alert).toHaveText(
    /^The disk is full: the import of orders\.csv stopped\. The first [\d,]+ rows were stored; the rest were not\. The import shows as interrupted and can be undone or run again\. Free disk space, or back up \(Settings → Back up to file…\) and clear the cache \(Settings → Clear local cache…\)\.$/,
  );
  const stored = Number((await alert.textContent())!.match(/The first ([\d,]+) rows/)![1]!.replace(/,/g, ''));
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(200_000);

  // The history and the cache agree with what the analyst was told.
  const row = page.getByRole('table', { name: 'Import history' }).locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-status', 'interrupted');
  const [rows, created] = (await row.locator('td').allTextContents()).slice(4, 6).map((c) => Number(c.replace(/,/g, '')));
  expect(rows).toBe(stored);
  await expect(row.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(`${created!.toLocaleString('en-US')} orders`);
});
