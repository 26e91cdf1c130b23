import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chooseImportFile, expect, loadDemo, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';

const RANK = ['overdue', 'due-48h', 'open', 'no-deadline', 'closed'];

/** Imports each file in turn through the Imports screen, each creating something before the next. */
async function importEach(page: Page, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await expect((await chooseImportFile(page, file)).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, { timeout: 30_000 });
  }
}

test('disputes by deadline: overdue and due within 48 h first, each with its reason family and order', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(page.getByTestId('disputes-count')).toHaveText(/^[1-9][\d,]* disputes · [1-9]\d* overdue · [1-9]\d* due within 48 h$/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  const urgencies = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-urgency')!));
  expect(urgencies[0]).toBe('overdue');
  expect(urgencies).toContain('due-48h');
  const ranks = urgencies.map((u) => RANK.indexOf(u));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await expect(rows.first()).toContainText(/overdue by \d+/);
  await expect(rows.filter({ hasText: 'Due within 48 h' }).first()).toContainText(/in \d+ h/);
  // Each reason says network, code and name once: a code its name only repeats is left out.
  const reasons = (await rows.locator('td:nth-child(4)').allTextContents()).map((t) => t.trim());
  expect(reasons.filter((t) => /^(Visa|Mastercard|Amex) [\d.]+ \S/.test(t)).length).toBeGreaterThan(0);
  expect(reasons.filter((t) => /\b(\w+)\s+\1\b/i.test(t.replace(/_/g, ' ')))).toEqual([]);
  expect(reasons).toContain('Visa Fraudulent');

  // Families: the fraud tab holds only fraud-family reasons.
  await page.getByRole('tab', { name: /^Fraud \(\d+\)$/ }).click();
  const families = await rows.locator('td:nth-child(5)').allTextContents();
  expect(families.length).toBeGreaterThan(0);
  expect(new Set(families)).toEqual(new Set(['Fraud']));
});

test('the Visa CE 3.0 check finds the eligible case in the demo data and lists its prior orders', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  const eligible = table.locator('tbody tr').filter({ hasText: /eligible \(\d+ orders\)/ });
  await expect(eligible.first()).toBeVisible({ timeout: 60_000 });
  await expect(eligible.first()).toContainText('Visa');
  await eligible.first().click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByTestId('ce3-check')).toContainText('Visa Compelling Evidence 3.0: eligible');
  const priors = detail.getByRole('table', { name: 'CE 3.0 prior orders' }).locator('tbody tr');
  expect(await priors.count()).toBeGreaterThanOrEqual(2);
  for (const shares of await priors.locator('td:nth-child(5)').allTextContents()) expect(shares).toMatch(/ip|device/);
});

test('a dispute moves through its workflow with every change logged, and its evidence checklist is kept', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const analyst = page.getByRole('region', { name: 'Analyst' });
  await analyst.getByLabel('Analyst name').fill('M. Schulz');
  await analyst.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  // A new one still in time: past its deadline it is accepted or given its outcome, not worked on.
  const fresh = page
    .getByRole('table', { name: 'Disputes by deadline' })
    .locator('tbody tr:not([data-urgency="overdue"])')
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^new$/ }) })
    .first();
  await expect(fresh).toBeVisible({ timeout: 60_000 });
  // Columns hide to fit the width, so the Order column is found by its header.
  const headers = (await page.getByRole('table', { name: 'Disputes by deadline' }).locator('thead th').allTextContents()).map((h) => h.trim());
  const order = (await fresh.locator('td').nth(headers.indexOf('Order')).textContent())!;
  await fresh.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByTestId('dispute-status')).toHaveText('New');
  // The panel takes the focus as it opens.
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  // Not every move is allowed: from New, Won is not offered.
  await expect(detail.getByRole('button', { name: '→ Won' })).toHaveCount(0);
  await detail.getByLabel('Status note').fill('asked the warehouse for the delivery scan');
  await detail.getByRole('button', { name: '→ Gathering evidence' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  await expect(detail.getByTestId('dispute-history')).toContainText('M. Schulz: status → Gathering evidence (asked the warehouse for the delivery scan)');
  const evidence = detail.getByRole('group', { name: /^Evidence/ });
  await evidence.getByRole('checkbox').first().click();
  await expect(evidence.getByRole('checkbox').first()).toBeChecked();
  await expect(evidence).toContainText(/Evidence \(1 of \d+\)/);

  // Kept across a reload (a new window on the same cache).
  await page.reload();
  await page.getByRole('link', { name: 'Disputes' }).click();
  await rows.filter({ hasText: order }).first().click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  await expect(evidence.getByRole('checkbox').first()).toBeChecked();
  // One item of several ticked: the submit guard asks why (see evidencePack.spec.ts).
  await detail.getByRole('button', { name: '→ Submitted' }).click();
  const guard = page.getByRole('dialog', { name: 'Submit anyway?' });
  await guard.getByLabel('Why submit now').fill('the rest is in the carrier portal');
  await guard.getByRole('button', { name: 'Submitted anyway' }).click();
  await expect(detail.getByTestId('dispute-history').locator('li')).toHaveCount(3);
  await expect(rows.filter({ hasText: order }).first()).toHaveAttribute('data-urgency', 'closed');
  // Escape closes it (not while typing in a field).
  await detail.getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('a dispute on an order in a ring leads to that ring', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const link = page
    .getByRole('table', { name: 'Disputes by deadline' })
    .getByRole('button', { name: /^Show the ring of / })
    .first();
  await expect(link).toBeVisible({ timeout: 60_000 });
  const order = (await link.getAttribute('aria-label'))!.replace('Show the ring of ', '');
  await link.click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('table', { name: 'Ring orders' })).toContainText(order);
});

test('a Stripe dispute named by the payments export and by the disputes export is one dispute, with the newer status', async ({ page }, testInfo) => {
  const disputesCsv = testInfo.outputPath('disputes.csv');
  writeFileSync(
    disputesCsv,
    'id,Charge ID,Reason,Status,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand\n' +
      'dp_1Qxyz,ch_3DispBBB2,fraudulent,under_review,89.00,eur,2026-05-20 14:00:00,2026-06-03 23:59:59,mastercard\n',
  );
  await page.goto('/#/imports');
  for (const file of [fileURLToPath(new URL('../fixtures/imports/stripe-payments.csv', import.meta.url)), disputesCsv]) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('region', { name: `Import of ${file.split('/').at(-1)}` }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, {
      timeout: 30_000,
    });
  }
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(page.getByTestId('disputes-count')).toHaveText(/^1 dispute · 0 overdue/);
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  // The disputes export came later: its status (under review, i.e. submitted) stands, under its own id.
  await expect(rows.first()).toHaveAttribute('data-urgency', 'closed');
  await expect(rows.first()).toContainText('submitted');
  await rows.first().click();
  await expect(page.getByRole('region', { name: /^Dispute / })).toContainText('stripe dp_1Qxyz');
});

test('a Stripe inquiry and an Adyen fraud report are listed as what they are, not as chargebacks', async ({ page }, testInfo) => {
  const stripe = testInfo.outputPath('stripe-disputes.csv');
  writeFileSync(
    stripe,
    'id,Charge ID,Reason,Status,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand\n' +
      'du_1Inquiry,ch_3Inquiry,fraudulent,warning_needs_response,45.00,eur,2026-05-10 08:00:00,2026-05-24 23:59:59,Visa\n' +
      'du_1Charged,ch_3Charged,fraudulent,needs_response,50.00,eur,2026-05-12 08:00:00,2026-05-26 23:59:59,Visa\n',
  );
  const adyen = testInfo.outputPath('dispute_report_2026_05_09.csv');
  writeFileSync(
    adyen,
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone\n' +
      'Nordwind,NordwindDE,8836000000000302,#2002,mc,2026-05-09 10:00:00,CET,EUR,75.00,NotificationOfFraud,8836000000009932,Fraud,,,mc,4837,2026-04-21 12:31:00,CET,EUR,75.00,2026-05-09 10:00:00,CET,,\n',
  );
  await importEach(page, [stripe, adyen]);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr', { hasText: '45.00' })).toContainText('Inquiry');
  await expect(table.locator('tbody tr', { hasText: '50.00' })).toContainText('Chargeback');
  await expect(table.locator('tbody tr', { hasText: '75.00' })).toContainText('Fraud report');
  await table.locator('tbody tr', { hasText: '45.00' }).click();
  await expect(page.getByRole('region', { name: 'Dispute du_1Inquiry' }).getByTestId('dispute-stage')).toHaveText(
    'Inquiry, not a chargeback: no money taken back yet, not counted in the chargeback ratios or the win rate.',
  );
  // A fraud report asks for no answer: no evidence pack is offered for it, and its checklist is closed.
  await table.locator('tbody tr', { hasText: '75.00' }).click();
  const report = page.getByRole('region', { name: /^Dispute 8836000000009932/ });
  await expect(report.getByTestId('pack-closed')).toHaveText('No evidence pack: a fraud report asks for no answer, and nothing is sent.');
  await expect(report.getByRole('button', { name: /evidence pack|PDF/i })).toHaveCount(0);
});

test('an Adyen request for information of March that became a chargeback in April is April’s chargeback', async ({ page }, testInfo) => {
  const header =
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone\n';
  const row = (date: string, type: string, end: string) =>
    `Nordwind,NordwindDE,8836000000000202,#1002,mc,${date},CET,EUR,120.00,${type},8836000000009902,Fraud,mc,4837,mc,4837,2026-03-02 12:31:00,CET,EUR,120.00,${date},CET,${end},CET\n`;
  // Adyen's daily dispute reports: the request on 30 March, the chargeback on 28 April.
  const march = testInfo.outputPath('dispute_report_2026_03_30.csv');
  writeFileSync(march, header + row('2026-03-30 10:00:00', 'RequestForInformation', '2026-04-19 10:00:00'));
  const april = testInfo.outputPath('dispute_report_2026_04_28.csv');
  writeFileSync(april, header + row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'));
  await page.goto('/#/imports');
  // The shop's orders first: the reports open on a cache that holds orders.
  for (const [file, bucket, count] of [
    [fileURLToPath(new URL('../fixtures/imports/shopify-orders.csv', import.meta.url)), 'created', /^[1-9]/],
    [march, 'created', /^1$/],
    [april, 'updated', /^1$/],
  ] as const) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('region', { name: `Import of ${file.split('/').at(-1)}` }).locator(`[data-bucket="${bucket}"]`)).toHaveText(count, {
      timeout: 30_000,
    });
  }
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Chargeback');
  await table.locator('tbody tr').first().click();
  const detail = page.getByRole('region', { name: 'Dispute 8836000000009902' });
  await expect(detail).toContainText('opened 2026-03-30');
  await expect(detail.getByTestId('dispute-raised')).toHaveText(' · a chargeback since 2026-04-28');
  // The KPI report counts it when it was raised: in April, not in March.
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  for (const [from, to, opened] of [
    ['2026-03-01', '2026-03-31', /none in the period|^0/],
    ['2026-04-01', '2026-04-30', /^1$/],
  ] as const) {
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('To', { exact: true }).fill(to);
    await expect(page.getByTestId('report-title')).toHaveText(`KPI report ${from} to ${to}`);
    await expect(page.getByTestId('figure-disputes-opened').locator('.figure-value')).toHaveText(opened);
  }
});

test('an Adyen report reads as the analyst needs: a request and its chargeback one dispute, a second chargeback open to answer, no code claimed unknown, the JCB card named', async ({
  page,
}, testInfo) => {
  const header =
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone\n';
  const row = (psp: string, method: string, amount: string, date: string, type: string, ref: string, rfi: string, cb: string, opened: string, end: string) =>
    `Nordwind,NordwindDE,${psp},#3001,${method},${date},CET,EUR,${amount},${type},${ref},Fraud,${rfi ? method : ''},${rfi},${cb ? method : ''},${cb},2026-04-02 12:31:00,CET,EUR,${amount},${opened},CET,${end},${end ? 'CET' : ''}\n`;
  const report = testInfo.outputPath('dispute_report_2026_06_02.csv');
  writeFileSync(
    report,
    header +
      // The request without a Dispute PSP Reference, then its chargeback with one.
      row('8836000000000401', 'mc', '120.00', '2026-04-28 09:30:00', 'RequestForInformation', '', '4837', '', '2026-04-28 09:30:00', '2026-05-08 09:30:00') +
      row(
        '8836000000000401',
        'mc',
        '120.00',
        '2026-05-12 09:30:00',
        'Chargeback',
        '8836000000009941',
        '',
        '4837',
        '2026-05-12 09:30:00',
        '2026-06-01 09:30:00',
      ) +
      // Defended and reversed, then the issuer's second chargeback with a new defence period.
      row(
        '8836000000000402',
        'visa',
        '75.00',
        '2026-04-20 09:30:00',
        'Chargeback',
        '8836000000009942',
        '',
        '10.4',
        '2026-04-20 09:30:00',
        '2026-05-10 09:30:00',
      ) +
      row('8836000000000402', 'visa', '75.00', '2026-05-15 16:45:00', 'ChargebackReversed', '8836000000009942', '', '10.4', '2026-04-20 09:30:00', '') +
      row(
        '8836000000000402',
        'visa',
        '75.00',
        '2026-06-02 11:00:00',
        'SecondChargeback',
        '8836000000009942',
        '',
        '10.4',
        '2026-04-20 09:30:00',
        '2026-06-22 11:00:00',
      ) +
      // No code in any code column: the reason is the file's words.
      row('8836000000000403', 'mc', '60.00', '2026-05-20 09:30:00', 'Chargeback', '8836000000009943', '', '', '2026-05-20 09:30:00', '2026-06-09 09:30:00') +
      // A JCB card: no reason table, its brand kept.
      row('8836000000000404', 'jcb', '33.00', '2026-05-21 09:30:00', 'Chargeback', '8836000000009944', '', '541', '2026-05-21 09:30:00', '2026-06-10 09:30:00'),
  );
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(report);
  await expect(page.getByRole('region', { name: 'Import of dispute_report_2026_06_02.csv' }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, {
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  const rowOf = (amount: string) => table.locator('tbody tr', { hasText: amount });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(rowOf('120.00')).toHaveCount(1);
  await expect(rowOf('120.00')).toContainText('Chargeback');
  await expect(rowOf('75.00')).toContainText('Second chargeback');
  await expect(rowOf('75.00').locator('.status').first()).toHaveText('new');
  await expect(rowOf('60.00')).toContainText('Mastercard Fraud');
  await expect(rowOf('33.00')).toContainText('JCB 541');
  await expect(table).not.toContainText('Unknown reason code Fraud');
  await expect(table).not.toContainText('Other network');
  // Counted as listed, in the header and the sidebar: the request and its chargeback are one dispute.
  await expect(page.getByTestId('disputes-count')).toHaveText(/^4 disputes · /);
  await expect(page.getByTestId('cache-summary')).toContainText('4 disputes');
  // The codeless chargeback Adyen calls Fraud is a fraud chargeback: in the Fraud family, not Unknown.
  await expect(page.getByRole('tab', { name: /^Fraud \(/ })).toHaveText('Fraud (3)');
  await expect(page.getByRole('tab', { name: /^Unknown \(/ })).toHaveText('Unknown (1)');

  await rowOf('120.00').click();
  const request = page.getByRole('region', { name: 'Dispute 8836000000009941' });
  await expect(request).toContainText('opened 2026-04-28');
  await expect(request.getByTestId('dispute-raised')).toHaveText(' · a chargeback since 2026-05-12');
  await rowOf('75.00').click();
  const second = page.getByRole('region', { name: 'Dispute 8836000000009942' });
  await expect(second.getByTestId('dispute-stage')).toHaveText(
    'Second chargeback: the issuer declined the answer to the first chargeback and took the money back again.',
  );
  await expect(second.getByTestId('dispute-status')).toHaveText('New');
  await rowOf('60.00').click();
  await expect(page.getByRole('region', { name: 'Dispute 8836000000009943' }).getByRole('heading', { level: 2 })).toHaveText(/^Mastercard · Fraud · /);
});

test('past its deadline a dispute offers what its Too late hint says: accept, or record the network’s outcome', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr[data-urgency="overdue"]');
  const detail = page.getByRole('region', { name: /^Dispute / });
  const moves = detail.getByRole('group', { name: 'Dispute status' }).getByRole('button');
  // New and overdue: nothing to gather evidence for, no submission.
  await rows
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^new$/ }) })
    .first()
    .click({ timeout: 60_000 });
  await expect(detail.getByTestId('dispute-hint')).toContainText('accept it, or record what the network decided (won or lost)');
  await expect(moves).toHaveText(['→ Accepted (not contested)…', '→ Won', '→ Lost']);
  await detail.getByLabel('Status note').fill('Stripe shows it lost');
  await detail.getByRole('button', { name: '→ Lost' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Lost');
  await expect(detail.getByTestId('dispute-history')).toContainText('K. Weber: status → Lost (Stripe shows it lost)');
  await expect(moves).toHaveCount(0);

  // Gathering evidence and overdue: a late submission only through the submit guard, which asks why.
  await rows
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^gathering evidence$/ }) })
    .first()
    .click();
  await expect(moves).toHaveText(['→ Accepted (not contested)…', '→ Won', '→ Lost', '→ Submitted late…']);
  await detail.getByRole('button', { name: '→ Submitted late…' }).click();
  const guard = page.getByRole('dialog', { name: 'Submit anyway?' });
  await expect(guard).toContainText('after the deadline of');
  await guard.getByRole('button', { name: 'Cancel' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
});

test('accepting asks to confirm what is given up; then the checklist and the evidence pack are closed, the countdown gone, and a mistaken accept is corrected, logged', async ({
  page,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  const row = table
    .locator('tbody tr[data-urgency="due-48h"]')
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^new$/ }) })
    .first();
  await row.click({ timeout: 60_000 });
  const detail = page.getByRole('region', { name: /^Dispute / });
  const amount = (await detail.getByRole('heading', { level: 2 }).textContent())!.split(' · ').at(-1)!;
  await expect(detail).toContainText(/respond by \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ h\)/);
  const exports = detail.getByRole('group', { name: 'Exports of the dispute' });
  await expect(exports.getByRole('button', { name: 'Evidence pack (PDF)' })).toBeVisible();
  const acceptButton = detail.getByRole('button', { name: '→ Accepted (not contested)…' });
  await acceptButton.click();
  const confirm = page.getByRole('dialog', { name: 'Accept the chargeback?' });
  // Modal: the focus starts on Cancel (Enter on arrival gives nothing up), Escape cancels and gives the focus back.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the accept confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(acceptButton).toBeFocused();
  await expect(detail.getByTestId('dispute-status')).toHaveText('New');
  await acceptButton.click();
  await expect(confirm.getByTestId('accept-summary')).toContainText(`You give up the ${amount}`);
  await expect(confirm.getByTestId('accept-summary')).toContainText('At Stripe and Adyen an accepted dispute cannot be reopened.');
  // Cancelled, nothing changes.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(detail.getByTestId('dispute-status')).toHaveText('New');
  await expect(detail.getByText('No changes yet; status as imported.')).toBeVisible();

  await detail.getByRole('button', { name: '→ Accepted (not contested)…' }).click();
  await confirm.getByRole('button', { name: `Accept and give up ${amount}` }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Accepted (not contested)');
  await expect(detail).not.toContainText(/\((in|overdue by) \d/);
  await expect(detail).toContainText(/accepted, not contested \(a response was due by \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
  const evidence = detail.getByRole('group', { name: /^Evidence/ });
  await expect(evidence).toContainText('closed, the dispute was accepted and nothing is sent');
  for (const box of await evidence.getByRole('checkbox').all()) await expect(box).toBeDisabled();
  // Accepting ends the contest: no pack to build or print for it.
  await expect(exports).toHaveCount(0);
  await expect(detail.getByTestId('pack-closed')).toHaveText('No evidence pack: the dispute was accepted and nothing is sent.');

  // The wrong dispute: the record is corrected by a logged step with a reason; the accept stays.
  const correctButton = detail.getByRole('button', { name: 'Correct a mistaken accept…' });
  await correctButton.click();
  const correct = page.getByRole('dialog', { name: 'Correct the accept?' });
  await expect(correct.getByLabel('Why correct the accept')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(correct).toHaveCount(0);
  await expect(correctButton).toBeFocused();
  await correctButton.click();
  await expect(correct).toContainText('Only if it was not accepted at Stripe');
  await expect(correct.getByRole('button', { name: 'Back to New' })).toBeDisabled();
  await correct.getByLabel('Why correct the accept').fill('meant the dispute below');
  await correct.getByRole('button', { name: 'Back to New' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('New');
  await expect(detail.getByTestId('dispute-history').locator('li')).toHaveText([
    /K\. Weber: status → New \(correction: recorded as accepted by mistake — meant the dispute below\)$/,
    /K\. Weber: status → Accepted \(not contested\)$/,
  ]);
  await expect(evidence.getByRole('checkbox').first()).toBeEnabled();
  await expect(exports.getByRole('button', { name: 'Evidence pack (PDF)' })).toBeVisible();
  await expect(detail.getByTestId('pack-closed')).toHaveCount(0);
  await expect(row).toHaveAttribute('data-urgency', 'due-48h');
});

test('another dispute chosen far down the list is brought into view', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  await rows.first().click({ timeout: 60_000 });
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByRole('heading', { level: 2 })).toBeInViewport();
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  await expect(detail.getByRole('heading', { level: 2 })).not.toBeInViewport();
  const amount = (await last.locator('td').nth(5).textContent())!.trim();
  await last.click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(amount);
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(detail.getByRole('heading', { level: 2 })).toBeInViewport();
});

test('a payment-ops desk’s own exports on the demo year: Stripe’s American codes named once, an Adyen chargeback answered in Adyen, and a printed payment that is not the disputed charge said so', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  const stripe = testInfo.outputPath('disputes.csv');
  writeFileSync(
    stripe,
    'id,Created (UTC),Amount,Currency,Reason,Status,Evidence Due By (UTC),Charge ID,Charge Description,Card Brand\n' +
      'dp_1Subscr,2026-11-10 07:00:00,30.00,gbp,subscription_canceled,needs_response,2026-11-25 23:59:59,ch_3Subscr,Order #10009,visa\n' +
      'dp_1Unrecog,2026-11-10 08:00:00,41.00,eur,unrecognized,needs_response,2026-11-26 23:59:59,ch_3Unrecog,Order #10011,visa\n',
  );
  const adyen = testInfo.outputPath('dispute_report_2026_11_18.csv');
  writeFileSync(
    adyen,
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone\n' +
      'Nordwind,NordwindDE,8836100000000001,#10020,mc,2026-11-04 10:00:00,CET,EUR,99.90,Chargeback,8836100000009001,Consumer,,,mc,4853,2026-10-01 12:00:00,CET,EUR,99.90,2026-11-04 10:00:00,CET,2026-11-24 10:00:00,CET\n',
  );
  await importEach(page, [stripe, adyen]);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  // A name that only respells its code (canceled, unrecognized) names the reason once.
  await expect(table.locator('tbody tr', { hasText: '#10009' }).locator('td:nth-child(4)')).toHaveText('Visa Subscription cancelled');
  await expect(table.locator('tbody tr', { hasText: '#10011' }).locator('td:nth-child(4)')).toHaveText('Visa Unrecognised');

  // The Adyen chargeback: Adyen's file, no Stripe JSON, nothing asked of Stripe.
  await table.locator('tbody tr', { hasText: '#10020' }).click();
  const detail = page.getByRole('region', { name: 'Dispute 8836100000009001' });
  await expect(detail.getByRole('button', { name: 'Adyen defense documents (JSON)' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Stripe evidence (JSON)' })).toHaveCount(0);
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'yes';
    };
  });
  await detail.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  const checks = detail.getByTestId('pack-checks');
  await checks.locator('summary').click();
  await expect(checks).toContainText('add the items in Adyen');
  await expect(checks).not.toContainText('Stripe evidence JSON');
  await expect(checks).not.toContainText('To upload or write in Stripe by hand');
  // Its PSP reference is not in the cache: the demo's own payment of #10020 is printed in its place, and the checks say so.
  await expect(checks).toContainText(
    /The dispute names payment 8836100000000001 \(Adyen\), which is not in the cache: the pack prints the order's payment \S+ \(Stripe, [^)]+\) in its place/,
  );
});
