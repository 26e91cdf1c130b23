// Personal data in the browser: a customer erased on request is gone from every search, their
// decision notes are erased, and the log still verifies and names the erasure; the retention
// period purges older personal data the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { backUp, chooseBackup, verifyLog } from './backupSteps';
import { expect, loadDemo, noteOnQueuedCustomer, openReviewQueue, search, test, visibleRows } from './fixtures';

test('erasure: a customer erased on request is gone from search, their note is erased, and the log verifies and names the erasure', async ({ page }) => {
  await loadDemo(page);
  await openReviewQueue(page);
  const email = await noteOnQueuedCustomer(page, (e) => `called ${e} back, customer confirmed`);
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(1);

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, email);
  const before = Number((await page.getByTestId('orders-count').textContent())!.split(' ')[0]);
  expect(before).toBeGreaterThan(0);
  const orderNo = (await visibleRows(page))[0]!.Order!;

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Customer email or customer id').fill(email.toUpperCase());
  await page.getByLabel('Request reference').fill('GDPR-2026-118');
  await page.getByRole('button', { name: 'Find…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm erasure' });
  await expect(dialog.getByTestId('personal-plan')).toContainText(new RegExp(`^${before} orders? \\(`));
  await expect(dialog.getByTestId('personal-plan')).toContainText('1 decision note');
  await dialog.getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText(/^Erased; logged as entry 2 of the decision log\.$/)).toBeVisible();

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, email);
  await expect(page.getByTestId('orders-count')).toHaveText('0 of 10,000 orders');
  // Their orders stay, marked as erased, not as data the shop never sent.
  await search(page, orderNo);
  await expect.poll(async () => (await visibleRows(page))[0]?.Email).toBe('erased on request GDPR-2026-118');
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: `Order ${orderNo}` });
  await expect(detail.getByTestId('erasure-mark')).toHaveText('Personal data erased on request GDPR-2026-118 on 2026-11-18.');
  await expect(detail.locator('dt', { hasText: /^Email$/ }).locator('xpath=following-sibling::dd')).toHaveText('erased');
  await expect(detail.locator('dt', { hasText: /^Country$/ }).locator('xpath=following-sibling::dd')).not.toHaveText('erased');

  await page.getByRole('link', { name: 'Review' }).click();
  await expect(log).toHaveCount(2);
  await expect(log.first()).toContainText('erasure');
  await expect(log.first()).toContainText('on request GDPR-2026-118; notes of entry 1 erased');
  await expect(log.nth(1)).toContainText('erased on request');
  await expect(page.getByRole('table', { name: 'Decisions' })).not.toContainText(email);
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: all 2 entries verified.');
});

test('a backup written before an erasure is restored with the customer erased again, and the restore says so', async ({ page }, testInfo) => {
  await loadDemo(page);
  await openReviewQueue(page);
  const email = await noteOnQueuedCustomer(page, (e) => `called ${e} back, customer confirmed`);
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr')).toHaveCount(1);
  const lastNight = testInfo.outputPath('last-night.fwbackup');
  await backUp(page, lastNight);

  await page.getByLabel('Customer email or customer id').fill(email);
  await page.getByLabel('Request reference').fill('GDPR-2026-140');
  await page.getByRole('button', { name: 'Find…' }).click();
  const plan = (await page.getByRole('dialog', { name: 'Confirm erasure' }).getByTestId('personal-plan').textContent())!;
  const orders = /^(\d+) orders?/.exec(plan)![1]!;
  await page.getByRole('dialog', { name: 'Confirm erasure' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText(/^Erased; logged as entry 2 of the decision log\.$/)).toBeVisible();

  await chooseBackup(page, lastNight);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm.getByTestId('restore-erased-again')).toContainText(
    new RegExp(
      `^Erasures recorded on this laptop or in the backup \\(request GDPR-2026-140\\) reach data it holds: they are applied to it again before it is written \\(personal data of ${orders} orders? and \\d+ payments?; 1 note\\)`,
    ),
  );
  await confirm.getByLabel('Why restore this older backup').fill('testing last night’s backup');
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from last-night\.fwbackup; logged as entry 2 of the decision log\.$/)).toBeVisible();

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, email);
  await expect(page.getByTestId('orders-count')).toHaveText('0 of 10,000 orders');
  await verifyLog(page, 2);
  const log = page.getByRole('table', { name: 'Decisions' });
  await expect(log.locator('tbody tr').first()).toContainText('erasures recorded (request GDPR-2026-140) applied to it again');
  await expect(log).not.toContainText(email);
});

test('the shop’s next export still holding an erased customer: their changed order is written without personal data, and the import says so', async ({
  page,
}, testInfo) => {
  const shopify = readFileSync(new URL('../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8');
  const first = testInfo.outputPath('orders-may.csv');
  const next = testInfo.outputPath('orders-june.csv');
  writeFileSync(first, shopify);
  // A month later Anna's order #1001 was refunded; the export still names her.
  writeFileSync(next, shopify.replace(/^(#1001,anna\.schmidt@example\.de,)paid,/m, '$1refunded,'));
  const importFile = async (file: string, name: string) => {
    await page.goto('/#/imports');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    const card = page.getByRole('region', { name: `Import of ${name}` });
    await expect(card.locator('.status')).toHaveText('completed', { timeout: 60_000 });
    return card;
  };
  await importFile(first, 'orders-may.csv');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Customer email or customer id').fill('anna.schmidt@example.de');
  await page.getByLabel('Request reference').fill('GDPR-2026-150');
  await page.getByRole('button', { name: 'Find…' }).click();
  await page.getByRole('dialog', { name: 'Confirm erasure' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText(/^Erased; logged as entry 1 of the decision log\.$/)).toBeVisible();

  const card = await importFile(next, 'orders-june.csv');
  await expect(card.locator('li.warn')).toContainText([
    '1 order in this file was erased before (request GDPR-2026-150): written again without its personal data',
  ]);
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, 'anna');
  await expect(page.getByTestId('orders-count')).toHaveText(/^0 of /);
  await search(page, '#1001');
  await expect
    .poll(async () => (await visibleRows(page)).map((r) => [r.Order, r.Status, r.Email]))
    .toEqual([['#1001', 'refunded', 'erased on request GDPR-2026-150']]);
});

test('retention: personal data older than the period is purged, a summary is kept, and the log names the purge', async ({ page }) => {
  await loadDemo(page);
  // The oldest order shown, and its email.
  await page.getByRole('columnheader', { name: /Date \(UTC\)/ }).click();
  await expect.poll(async () => (await visibleRows(page)).length).toBeGreaterThan(3);
  const oldest = (await visibleRows(page))[0]!;
  expect(oldest['Date (UTC)']! < '2026-05-18').toBe(true);
  expect(oldest.Email).toContain('@');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/Keep personal data of orders and payments for/).fill('6');
  await page.getByRole('form', { name: 'Retention period' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Personal data is kept for 6 months.')).toBeVisible();
  await page.getByRole('button', { name: 'Purge older data now…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm purge' });
  await expect(dialog.getByTestId('personal-plan')).toContainText(/^Placed before 2026-05-18: [\d,]+ orders/);
  await dialog.getByRole('button', { name: 'Purge' }).click();
  await expect(page.getByText(/^Purged; logged as entry 1 of the decision log\.$/)).toBeVisible();
  await expect(page.getByTestId('retention-summaries')).toContainText(
    /^2026-11-18 by K\. Weber: personal data placed before 2026-05-18 purged, kept as counts for \d+ months \([\d,]+ orders, [\d,]+ payments\)$/,
  );

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, oldest.Order!);
  const row = (await visibleRows(page))[0]!;
  expect(row.Email).toBe('purged: placed before 2026-05-18');
  expect(row.Total).toBe(oldest.Total);
  // Ship to is hidden to fit the width at 1440 px: the order's detail shows the name is gone.
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: `Order ${oldest.Order}` });
  await expect(detail.locator('dt', { hasText: /^Name$/ }).locator('xpath=following-sibling::dd')).toHaveText('purged');
  await expect(detail.getByTestId('erasure-mark')).toHaveText(
    'Personal data purged on 2026-11-18: the retention period removes it from orders placed before 2026-05-18.',
  );
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: its 1 entry verified.');
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first()).toContainText('Retention: purged the personal data of');
});

test('the retention period is read as typed: 12,5 is refused with a word, not kept as 125 months, and an empty box is not "keep until erased"', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Retention period' });
  const months = form.getByLabel(/Keep personal data of orders and payments for/);
  const save = form.getByRole('button', { name: 'Save' });
  await months.fill('6');
  await save.click();
  await expect(page.getByText('Personal data is kept for 6 months.')).toBeVisible();
  // Typed key by key, as a German analyst does: a number field dropped the comma and kept 125.
  for (const [typed, problem] of [
    ['12,5', '12,5 is not a whole number of months: type 12 or 13.'],
    ['', 'Type the number of months, from 0 to 240.'],
    ['zwölf', 'zwölf is not a number of months: type one from 0 to 240.'],
  ] as const) {
    await months.fill('');
    await months.pressSequentially(typed);
    await save.click();
    await expect(page.getByRole('region', { name: 'Personal data' }).getByRole('alert')).toHaveText(problem);
    await expect(page.getByText(/^Personal data is kept for|^No retention period/)).toHaveCount(0);
  }
  // Nothing of it was saved: the period is still 6 months.
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(months).toHaveValue('6');
});

test('a purge applies the period shown: with an unsaved period in the box it waits for Save, instead of doing nothing or purging by another', async ({
  page,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Retention period' });
  const months = form.getByLabel(/Keep personal data of orders and payments for/);
  const purge = form.getByRole('button', { name: 'Purge older data now…' });
  // Nothing saved yet (keep until erased): 3 typed but not saved purged nothing, without a word.
  await months.fill('3');
  await expect(purge).toBeDisabled();
  await expect(form.getByText('Save the period first: a purge applies the saved one.')).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Personal data is kept for 3 months.')).toBeVisible();
  await expect(form.getByText('Save the period first')).toHaveCount(0);
  // 12 typed over the saved 3: the purge would have gone by 3 months while the box said 12.
  await months.fill('12');
  await expect(purge).toBeDisabled();
  // The saved period written another way is the saved period.
  await months.fill(' 03 ');
  await expect(purge).toBeEnabled();
  await expect(form.getByText('Save the period first')).toHaveCount(0);
  await months.fill('3');
  await purge.click();
  await expect(page.getByRole('dialog', { name: 'Confirm purge' }).getByTestId('personal-plan')).toContainText(/^Placed before 2026-08-18: [\d,]+ orders/);
});
