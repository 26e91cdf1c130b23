import { readFileSync } from 'node:fs';
import { expect, loadDemo, test } from './fixtures';

test('backup, wipe and restore bring back the same cache', async ({ page }, testInfo) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Analyst name').fill('K. Weber');
  await page.getByRole('button', { name: 'Save' }).click();
  const counts = page.getByTestId('settings-counts');
  await expect(counts).toHaveText(/^10,000 orders, [\d,]+ payments, [\d,]+ disputes$/);
  const before = await counts.textContent();
  await expect(page.getByTestId('storage-persisted')).not.toHaveText('unknown');
  await expect(page.getByTestId('storage-used')).toContainText('MB');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to file…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^fraud-workbench-backup-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.formatName).toBe('dexie');
  expect(json.data.databaseName).toBe('fraud-workbench');
  await expect(page.getByText(/^Backup written: /)).toBeVisible();

  await page.getByRole('button', { name: 'Clear local cache…' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(counts).toHaveText('0 orders, 0 payments, 0 disputes');
  await expect(page.getByLabel('Analyst name')).toHaveValue('');
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Your local cache is empty' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore from file…' }).click()]);
  await chooser.setFiles(file);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm).toContainText('order blocks');
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from /)).toBeVisible();
  await expect(counts).toHaveText(before!);
  await expect(page.getByLabel('Analyst name')).toHaveValue('K. Weber');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText('10,000 orders');
});

test('restoring a file that is not a backup is refused and the cache is untouched', async ({ page }, testInfo) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const bogus = testInfo.outputPath('orders.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bogus, 'Name,Email\n#1001,anna@example.com\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore from file…' }).click()]);
  await chooser.setFiles(bogus);
  await expect(page.getByRole('alert')).toContainText('not a Fraud Workbench backup');
  await expect(page.getByTestId('settings-counts')).toHaveText(/^10,000 orders/);
});
