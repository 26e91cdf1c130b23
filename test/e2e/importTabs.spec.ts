// Two tabs on one cache: an import belongs to the tab running it (a Web Lock), so another tab
// shows it running, not interrupted, until it ends there; only a tab that died leaves it interrupted.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { zalandoExport } from '../support/zalandoExport';
import { expect, test } from './fixtures';

// ~600k rows (~90 MB): long enough to open a second tab while it runs, with room to spare: at
// 200k an import on a busy machine sometimes ended before the second tab looked.
const ROWS = 600_000;

async function startImport(page: Page, file: string): Promise<void> {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  // Some batches are committed before the other tab looks.
  await expect(page.getByTestId('import-progress')).toContainText(/[1-9][\d,]* rows/, { timeout: 60_000 });
}

const newestImport = (page: Page) => page.getByRole('table', { name: 'Import history' }).locator('tbody tr').first();

test('an import running in one tab shows as running in another, not interrupted, and completes normally', async ({ page, context }, testInfo) => {
  test.setTimeout(240_000);
  const file = testInfo.outputPath('orders.csv');
  writeFileSync(file, zalandoExport(ROWS));
  await startImport(page, file);

  const other = await context.newPage();
  await other.goto('/#/imports');
  await expect(newestImport(other)).toHaveAttribute('data-status', 'running');
  // Still running in the first tab while the second one shows it.
  await expect(page.getByRole('status', { name: 'Import progress' })).toBeVisible();

  const card = page.getByRole('region', { name: 'Import of orders.csv' });
  await expect(card.locator('.status')).toHaveText('completed', { timeout: 180_000 });
  await expect(card.locator('[data-bucket="rows"]')).toHaveText(ROWS.toLocaleString('en-US'));
  await expect(newestImport(page)).toHaveAttribute('data-status', 'completed');
  // The second tab follows it to the end, without a reload.
  await expect(newestImport(other)).toHaveAttribute('data-status', 'completed');
  await expect(newestImport(other).locator('td').nth(4)).toHaveText(ROWS.toLocaleString('en-US'));
});

test('an import whose tab was closed mid-way shows as interrupted in the other tab', async ({ page, context }, testInfo) => {
  test.setTimeout(240_000);
  const file = testInfo.outputPath('orders.csv');
  writeFileSync(file, zalandoExport(ROWS));
  await startImport(page, file);

  const other = await context.newPage();
  await other.goto('/#/imports');
  await expect(newestImport(other)).toHaveAttribute('data-status', 'running');

  // The importing tab dies with its worker; the browser releases the import's lock.
  await page.close({ runBeforeUnload: false });
  await expect(newestImport(other)).toHaveAttribute('data-status', 'interrupted');
  await other.reload();
  const row = newestImport(other);
  await expect(row).toHaveAttribute('data-status', 'interrupted');
  const [rows] = (await row.locator('td').allTextContents()).slice(4, 5).map((c) => Number(c.replace(/,/g, '')));
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(ROWS);
  await expect(row.getByRole('button', { name: 'Undo' })).toBeVisible();
});
