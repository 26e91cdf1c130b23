import { writeFileSync } from 'node:fs';
import { zalandoExport } from '../support/zalandoExport';
import { expect, test } from './fixtures';

test('an import cut off by closing the app is recorded as interrupted, keeps whole batches, and can be undone', async ({ page, context }, testInfo) => {
  const file = testInfo.outputPath('zalando-big.csv');
  // ~300k rows (~45 MB): long enough to be cut off mid-way, small enough for the suite.
  writeFileSync(file, zalandoExport(300_000));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  // Wait until some batches are committed, then kill the window (and its workers) mid-import.
  await expect(page.getByTestId('import-progress')).toContainText(/[1-9][\d,]* rows/, { timeout: 60_000 });
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('/#/imports');
  const history = again.getByRole('table', { name: 'Import history' });
  const row = history.locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-status', 'interrupted');
  const cells = await row.locator('td').allTextContents();
  const [rows, created, updated, unchanged, quarantined] = cells.slice(4, 9).map((c) => Number(c.replace(/,/g, '')));
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(300_000);
  expect(created! + updated! + unchanged! + quarantined!).toBe(rows);

  // The cache holds exactly the orders of the committed batches.
  await again.getByRole('link', { name: 'Orders' }).click();
  await expect(again.getByTestId('orders-count')).toHaveText(`${created!.toLocaleString('en-US')} orders`);

  await again.getByRole('link', { name: 'Imports' }).click();
  await history.getByRole('button', { name: 'Undo' }).click();
  await again.getByRole('dialog', { name: 'Confirm undo' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-status', 'undone');
  await again.getByRole('link', { name: 'Orders' }).click();
  await expect(again.getByRole('heading', { name: 'Your local cache is empty' })).toBeVisible();
});
