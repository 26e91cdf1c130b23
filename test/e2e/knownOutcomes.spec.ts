import { writeFileSync } from 'node:fs';
import { expect, search, test } from './fixtures';

// A Kaggle-style labelled export (columns invented for the test): the last column says which
// orders turned out to be fraud. KO-1 and KO-2 were fraud, KO-3..KO-5 legitimate, KO-6 is not
// known, KO-7's label cannot be read. KO-1 and KO-4 used a disposable e-mail (mailinator.com).
const LABELLED = [
  'order_id,order_date,email,amount,currency,is_fraud',
  'KO-1,2026-11-09 10:00,ko1@mailinator.com,120.00,EUR,1',
  'KO-2,2026-11-09 11:00,ko2@example.com,80.00,EUR,1',
  'KO-3,2026-11-10 09:00,ko3@example.com,45.00,EUR,0',
  'KO-4,2026-11-10 12:00,ko4@mailinator.com,60.00,EUR,0',
  'KO-5,2026-11-11 15:00,ko5@example.com,30.00,EUR,0',
  'KO-6,2026-11-12 08:00,ko6@example.com,25.00,EUR,',
  'KO-7,2026-11-12 09:00,ko7@example.com,99.00,EUR,maybe',
].join('\n');

test('a labelled export: the wizard maps its outcome column, the order shows it, Reports count it as confirmed fraud and the matrix is measured against it', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('labelled-orders.csv');
  writeFileSync(file, LABELLED);
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  const card = page.getByRole('region', { name: 'Import of labelled-orders.csv' });
  await expect(card).toContainText('Format not recognised');
  await card.getByRole('button', { name: 'Map its columns…' }).click();

  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  // Suggested by the column's name, like the others.
  await expect(wizard.getByLabel('Order number')).toHaveValue('order_id');
  await expect(wizard.getByLabel('Order total')).toHaveValue('amount');
  await expect(wizard.getByLabel('Known outcome (fraud or legitimate)')).toHaveValue('is_fraud');
  await wizard.getByLabel('Preset name').fill('Labelled orders');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  const check = wizard.getByRole('status', { name: 'Mapping check' });
  await expect(check).toContainText('First 7 rows: 6 records, 1 would be quarantined.');
  const map = check.getByTestId('check-outcome-map');
  await expect(map).toContainText('Known outcomes in “is_fraud”');
  await expect(map.locator('li')).toHaveText(['“1” → fraud (2 records)', '“0” → legitimate (3 records)', '“maybe” → not an outcome: quarantined (1 record)']);
  await expect(check).toContainText('line 8, is_fraud: column 6 (is_fraud) is not an outcome the import reads');

  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  const done = page.getByRole('region', { name: 'Import of labelled-orders.csv' });
  await expect(done.locator('[data-bucket="created"]')).toHaveText('6');
  await expect(done.locator('[data-bucket="quarantined"]')).toHaveText('1');

  // The order panel says what the file said.
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, 'KO-1');
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: 'Order KO-1' });
  await expect(detail.locator('div', { has: page.locator('dt', { hasText: 'Known outcome' }) }).locator('dd')).toHaveText('fraud (from the imported file)');

  // Reports: two confirmed frauds, both from the known outcome, and the split says so.
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByTestId('report-title')).toHaveText(/^Fraud trend, weekly by marketplace/, { timeout: 60_000 });
  await expect(page.getByTestId('figure-confirmed-fraud').locator('.figure-value')).toHaveText('2');
  await expect(page.getByTestId('fraud-sources')).toHaveText(
    'Confirmed fraud: 0 with a fraud chargeback, 0 with an issuer’s fraud report (TC40, SAFE), 0 cancelled in review, 0 in rings confirmed as fraud, 2 with a known outcome of fraud from an imported file (an order with two of these counts once).',
  );

  // The matrix what-if against the five orders with a known outcome. The default matrix gives a
  // new customer 5 and a disposable e-mail 20: nothing reaches review at 30; from 20, KO-1 (fraud)
  // and KO-4 (legitimate) are flagged: precision 1 of 2, recall 1 of 2, 2 of 5 flagged.
  await page.getByRole('link', { name: 'Review' }).click();
  const panel = page.getByTestId('matrix-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('Review threshold').fill('20');
  await panel.getByRole('button', { name: 'What if…' }).click();
  const table = panel.getByRole('table', { name: 'Against known outcomes' });
  await expect(panel.getByTestId('outcome-evaluation-over')).toHaveText('Against 5 orders with a known outcome (2 fraud):');
  const row = (label: string) => table.locator('tbody tr', { hasText: label }).locator('td').allTextContents();
  // Label, flagged, TP, FP, FN, TN, precision, recall, share flagged.
  expect(await row('Current v2, hold ≥ 60')).toEqual(['Current v2, hold ≥ 60', '0', '0', '0', '2', '3', '–', '0.0 %', '0.0 %']);
  expect(await row('Current v2, review ≥ 30')).toEqual(['Current v2, review ≥ 30', '0', '0', '0', '2', '3', '–', '0.0 %', '0.0 %']);
  expect(await row('Draft, review ≥ 20')).toEqual(['Draft, review ≥ 20', '2', '1', '1', '1', '2', '50.0 %', '50.0 %', '40.0 %']);
});
