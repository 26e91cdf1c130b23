import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, search, test, visibleRows } from './fixtures';

const FIXTURES = path.resolve('test/fixtures/imports');

async function importFiles(page: Page, files: string[]) {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(files);
  await expect(page.getByRole('region', { name: `Import of ${path.basename(files.at(-1)!)}` })).toBeVisible({ timeout: 60_000 });
}

async function buckets(page: Page, file: string) {
  const card = page.getByRole('region', { name: `Import of ${file}` });
  const read = async (b: string) => Number((await card.locator(`[data-bucket="${b}"]`).textContent())!.replace(/,/g, ''));
  return { rows: await read('rows'), created: await read('created'), updated: await read('updated'), unchanged: await read('unchanged'), quarantined: await read('quarantined') };
}

test('a Shopify export imports, shows in Orders, re-imports as unchanged, and Undo removes it', async ({ page }) => {
  const file = path.join(FIXTURES, 'shopify-orders.csv');
  await importFiles(page, [file]);
  const first = await buckets(page, 'shopify-orders.csv');
  expect(first.rows).toBeGreaterThan(0);
  expect(first.created + first.updated + first.unchanged + first.quarantined).toBe(first.rows);
  await expect(page.getByTestId('import-reconciles')).toHaveText(/^Every row accounted for/);
  await expect(page.getByRole('region', { name: 'Import of shopify-orders.csv' })).toContainText('Shopify');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(/^\d+ orders$/);
  await search(page, '#1001');
  const rows = await visibleRows(page);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.Order).toBe('#1001');
  expect(rows[0]!.Channel).toBe('Own shop');

  await importFiles(page, [file]);
  const again = await buckets(page, 'shopify-orders.csv');
  expect(again).toEqual({ rows: first.rows, created: 0, updated: 0, unchanged: first.rows - first.quarantined, quarantined: first.quarantined });

  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await history.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('dialog', { name: 'Confirm undo' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByText('Undid the import of shopify-orders.csv')).toBeVisible();
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-status', 'undone');
  // The first import still stands, so the orders are still there; undo that one too.
  await history.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('dialog', { name: 'Confirm undo' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(history.locator('tbody tr[data-status="undone"]')).toHaveCount(2);
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Your local cache is empty' })).toBeVisible();
});

test('bad rows are quarantined with line and column, nothing is lost, and the list exports as safe CSV', async ({ page }, testInfo) => {
  const good = readFileSync(path.join(FIXTURES, 'stripe-payments.csv'), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = good.trimEnd().split(/\r?\n/);
  const columns = header!.split(',').length;
  // Line 3 gets an extra field; the last line an unterminated quote.
  const broken = [header, lines[0], lines[1] + ',surplus', ...lines.slice(2), `=cmd|' /C calc'!A0${',x'.repeat(columns - 2)},"open`].join('\n');
  const file = testInfo.outputPath('stripe-broken.csv');
  writeFileSync(file, broken);
  await importFiles(page, [file]);
  const b = await buckets(page, 'stripe-broken.csv');
  expect(b.quarantined).toBeGreaterThanOrEqual(2);
  expect(b.created + b.updated + b.unchanged + b.quarantined).toBe(b.rows);
  const card = page.getByRole('region', { name: 'Import of stripe-broken.csv' });
  const problemRows = card.locator('table.problems tbody tr');
  await expect(problemRows.first()).toContainText('3');

  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export as CSV' }).click()]);
  const out = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(out);
  const csv = readFileSync(out, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('file,line,column,column name,code,reason');
  expect(csv).toContain('stripe-broken.csv,3,');
  for (const line of csv.split('\r\n').slice(1)) expect(line).not.toMatch(/^[=+\-@]/);
});

test('full card numbers never reach the cache: only BIN and last 4 are kept, CVV is dropped', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('shop-with-pans.csv');
  const shopify = readFileSync(path.join(FIXTURES, 'shopify-orders.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  // A raw card-number column and a CVV column appended to a real Shopify export.
  const withPans = shopify.map((line, i) => (i === 0 ? `${line},Card Number,CVV` : `${line},4111 1111 1111 1111,123`));
  writeFileSync(file, withPans.join('\n'));
  await importFiles(page, [file]);
  const card = page.getByRole('region', { name: 'Import of shop-with-pans.csv' });
  await expect(card).toContainText(/full card numbers/i);
  await expect(card).toContainText(/security codes/i);

  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to file…' }).click()]);
  const backup = testInfo.outputPath('backup.json');
  await download.saveAs(backup);
  const text = readFileSync(backup, 'utf8');
  expect(text).not.toContain('4111111111111111');
  expect(text).not.toContain('4111 1111 1111 1111');
  expect(text).toContain('"cardLast4"');
});
