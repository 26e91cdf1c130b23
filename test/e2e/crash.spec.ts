import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// ~300k rows (~45 MB): long enough to be cut off mid-way, small enough for the suite.
function bigZalandoExport(rows: number): string {
  const header = 'order_number,order_date,customer_number,customer_email,customer_phone,status,line_status,shipping_address.first_name,shipping_address.last_name,shipping_address.address_line_1,shipping_address.zip_code,shipping_address.city,shipping_address.country_code,currency,order_amount,article_name';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${10105000000 + i},2026-05-${day}T10:${String(i % 60).padStart(2, '0')}:00Z,Z-${i % 9000},kunde${i % 9000}@example.de,,fulfilled,shipped,Vorname${i % 500},Nachname${i % 700},Musterweg ${1 + (i % 90)},${10000 + (i % 89999)},Berlin,DE,EUR,${(10 + (i % 400)).toFixed(2)},Artikel ${i % 50}`);
  }
  return lines.join('\n') + '\n';
}

test('an import cut off by closing the app is recorded as interrupted, keeps whole batches, and can be undone', async ({ page, context }, testInfo) => {
  const file = testInfo.outputPath('zalando-big.csv');
  writeFileSync(file, bigZalandoExport(300_000));
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
