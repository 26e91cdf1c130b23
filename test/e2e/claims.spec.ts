// Refund claims beside chargebacks: a claim entered by hand gets the deadline its kind's window gives
// (with the window's source), sits in the one deadline list among the chargebacks by urgency, filters
// by kind, moves along its workflow with each change logged, and follows an edited, dated window.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { fillAtoZClaim } from './claimSteps';
import { expect, loadDemo, test } from './fixtures';

test('claim: an A-to-z claim entered by hand shows its deadline in the list with the chargebacks, and follows an edited window', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  const chargebacks = await rows.count();

  // The test runs at 2026-11-18 14:00 UTC: a claim of the 17th at 10:00 is due in 44 hours.
  const form = await fillAtoZClaim(page);
  await form.getByLabel('What the buyer says (no personal data)').fill('parcel not received');
  await expect(form.getByTestId('claim-preview')).toContainText(
    'Respond by 2026-11-20 10:00 UTC: 72 hours from the claim or Amazon’s request to respond to Amazon (https://sellercentral.amazon.com/',
  );
  await expectNoSeriousViolations(page, 'the refund claim form', { include: '[data-testid="claim-entry"]' });
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await expect(form.getByRole('status')).toHaveText('Claim A2Z-7001 entered: respond by 2026-11-20 10:00 UTC');

  // In the one list, among the chargebacks, by urgency: due within 48 h, after every overdue one.
  await expect(rows).toHaveCount(chargebacks + 1);
  await expect(page.getByTestId('disputes-count')).toContainText('· 1 refund claim ·');
  const claim = rows.filter({ hasText: 'A2Z-7001' });
  await expect(claim).toHaveAttribute('data-kind', 'amazon-a-to-z');
  await expect(claim).toHaveAttribute('data-urgency', 'due-48h');
  await expect(claim.locator('td').nth(0)).toContainText('in 44 h');
  await expect(claim.locator('td').nth(2)).toHaveText('Amazon A-to-z claim');
  await expect(claim.locator('td').nth(0)).toHaveAttribute('title', /^2026-11-20 10:00 UTC: 72 hours from/);
  const urgencies = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-urgency')));
  const at = urgencies.indexOf('due-48h');
  expect(urgencies.slice(0, at).every((u) => u === 'overdue')).toBe(true);
  expect(urgencies.slice(at + 1)).not.toContain('overdue');
  expect(await rows.evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-kind') === 'chargeback').length)).toBe(chargebacks);

  // Filter by kind: claims alone, chargebacks alone.
  await page.getByLabel('Kind of dispute').selectOption({ label: 'Refund claims' });
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Kind of dispute').selectOption({ label: 'Chargebacks' });
  await expect(rows).toHaveCount(chargebacks);
  await page.getByLabel('Kind of dispute').selectOption({ label: 'Chargebacks and refund claims' });

  // Its panel: the deadline and where the window comes from; a status change logged with its note.
  await claim.click();
  const panel = page.getByRole('region', { name: 'Claim A2Z-7001' });
  await expect(panel.getByTestId('claim-deadline')).toContainText('Respond by 2026-11-20 10:00 UTC (in 44 h)');
  await expect(panel.getByTestId('claim-deadline')).toContainText('read 2026-12-03');
  await panel.getByLabel('Status note').fill('asked the carrier for the delivery scan');
  await panel.getByRole('button', { name: '→ Gathering evidence' }).click();
  await expect(panel.getByTestId('claim-status')).toHaveText('Gathering evidence');
  await expect(panel.getByTestId('claim-history')).toContainText('K. Weber: status → Gathering evidence (asked the carrier for the delivery scan)');
  await expectNoSeriousViolations(page, 'a refund claim', { include: '[aria-label="Claim A2Z-7001"]' });

  // Amazon.de answers in 48 hours: a window row from 2026-11-01 moves this claim's deadline, not older ones'.
  await page.getByText(/^Claim response windows:/).click();
  const windows = page.getByRole('table', { name: 'Claim response windows' });
  await page.getByRole('button', { name: 'Add window' }).click();
  const n = await windows.locator('tbody tr').count();
  const of = `of window ${n}`;
  await windows.getByLabel(`Kind ${of}`).selectOption({ label: 'Amazon A-to-z claim' });
  await windows.getByLabel(`Length ${of}`).fill('48');
  await windows.getByLabel(`Unit ${of}`).selectOption({ label: 'hours' });
  await windows.getByLabel(`First day ${of}`).fill('2026-11-01');
  await page.getByRole('button', { name: 'Save windows' }).click();
  await expect(page.getByTestId('claim-windows').getByRole('alert')).toContainText(`Window ${n}: name the source`);
  await windows.getByLabel(`Source ${of}`).fill('https://sellercentral.amazon.de/help/hub/reference/external/G1781');
  await windows.getByLabel(`Read on ${of}`).fill('2026-12-03');
  await page.getByRole('button', { name: 'Save windows' }).click();
  await expect(page.getByTestId('claim-windows').locator('summary')).toContainText('Amazon A-to-z 48 hours');
  await expect(claim.locator('td').nth(0)).toContainText('in 20 h');
  await expect(panel.getByTestId('claim-deadline')).toContainText('Respond by 2026-11-19 10:00 UTC (in 20 h): 48 hours from the claim');
  await expectNoSeriousViolations(page, 'Disputes with a refund claim and the windows open');
  await page.getByRole('region', { name: 'Claim A2Z-7001' }).scrollIntoViewIfNeeded();
  await page.getByRole('table', { name: 'Disputes by deadline' }).scrollIntoViewIfNeeded();
});

test('claim: accepting asks to confirm the amount refunded to the buyer, Cancel leaves it as it was, a mistaken accept is corrected with a reason; past its deadline, accept or the outcome', async ({
  page,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  // At 2026-11-18 14:00 UTC the claim of the 17th at 10:00 is in time (due on the 20th).
  const form = await fillAtoZClaim(page);
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').filter({ hasText: 'A2Z-7001' }).click();
  const panel = page.getByRole('region', { name: 'Claim A2Z-7001' });
  const moves = panel.getByRole('group', { name: 'Claim status' }).getByRole('button');
  await expect(moves).toHaveText(['→ Gathering evidence', '→ Accepted (not contested)…']);
  await expect(panel.getByTestId('claim-late')).toHaveCount(0);

  await panel.getByLabel('Status note').fill('buyer has a point');
  await panel.getByRole('button', { name: '→ Accepted (not contested)…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept the claim?' });
  await expect(confirm.getByTestId('claim-accept-summary')).toHaveText(
    'Accept this A-to-z claim of €59.90 without contesting it? The claim is granted: the €59.90 is refunded to the buyer at your cost, and you no longer respond to Amazon. This records the accept here only; it sends nothing to Amazon. It is logged under your name, with your note.',
  );
  // Cancelled, nothing changes: it was accepted at the first click.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByTestId('claim-status')).toHaveText('New');
  await expect(panel.getByText('No changes yet; entered as new.')).toBeVisible();

  await panel.getByRole('button', { name: '→ Accepted (not contested)…' }).click();
  await confirm.getByRole('button', { name: 'Accept and give up €59.90' }).click();
  await expect(panel.getByTestId('claim-status')).toHaveText('Accepted (not contested)');
  await expect(panel.getByTestId('claim-history')).toContainText('K. Weber: status → Accepted (not contested) (buyer has a point)');
  await expect(moves).toHaveText(['Correct a mistaken accept…']);
  // Accepted, the deadline no longer runs: no countdown, the day it was due kept.
  await expect(panel.getByTestId('claim-deadline')).toHaveText('Accepted, not contested (a response was due by 2026-11-20 10:00 UTC).');

  // The wrong claim: the record is corrected by a logged step with a reason; the accept stays.
  await panel.getByRole('button', { name: 'Correct a mistaken accept…' }).click();
  const correct = page.getByRole('dialog', { name: 'Correct the accept?' });
  await expect(correct).toContainText(
    'Only if you did not refund the buyer for it at Amazon: this changes nothing at Amazon. The claim goes back to New; the accept stays in the history',
  );
  await expect(correct.getByRole('button', { name: 'Back to New' })).toBeDisabled();
  await correct.getByLabel('Why correct the accept').fill('meant the next claim');
  await correct.getByRole('button', { name: 'Back to New' }).click();
  await expect(panel.getByTestId('claim-status')).toHaveText('New');
  await expect(panel.getByTestId('claim-history').locator('li')).toHaveText([
    /K\. Weber: status → New \(correction: recorded as accepted by mistake — meant the next claim\)$/,
    /K\. Weber: status → Accepted \(not contested\) \(buyer has a point\)$/,
  ]);
  await expect(moves).toHaveText(['→ Gathering evidence', '→ Accepted (not contested)…']);
  await expect(panel.getByTestId('claim-deadline')).toContainText('Respond by 2026-11-20 10:00 UTC (in 44 h)');

  // A claim past its deadline (clock started on the 14th, due on the 17th): accept or the outcome, no gathering.
  // The form is still open, cleared for the next claim (the kind kept).
  await form.getByLabel('Claim or case reference').fill('A2Z-7002');
  await form.getByLabel('Amount').fill('24.00');
  await form.getByLabel(/^Clock starts \(UTC\)/).fill('2026-11-14T10:00');
  // A notice's deadline typed wrong is not saved as the window's while the field shows it.
  await form.getByLabel(/^Deadline from the notice/).fill('2026-11-3x');
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await expect(page.getByTestId('claim-entry').getByRole('alert').last()).toContainText('The deadline from the notice shown is not a date yet');
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByLabel(/^Deadline from the notice/).fill('');
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await expect(form.getByRole('status')).toContainText('Claim A2Z-7002 entered');
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').filter({ hasText: 'A2Z-7002' }).click();
  const overdue = page.getByRole('region', { name: 'Claim A2Z-7002' });
  await expect(overdue.getByTestId('claim-late')).toHaveText('Too late to respond in time: accept it, or record what Amazon decided (won or lost).');
  await expect(overdue.getByRole('group', { name: 'Claim status' }).getByRole('button')).toHaveText(['→ Accepted (not contested)…', '→ Won', '→ Lost']);
  await overdue.getByRole('button', { name: '→ Lost' }).click();
  await expect(overdue.getByTestId('claim-status')).toHaveText('Lost');
});

const IMPORTS = fileURLToPath(new URL('../fixtures/imports', import.meta.url));

async function chooseFile(page: Page, file: string) {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(path.join(IMPORTS, file));
  const card = page.getByRole('region', { name: `Import of ${file}` });
  await expect(card).toBeVisible({ timeout: 60_000 });
  return card;
}

test('claim form: the Kind drop-down is a field like the others, as wide and bordered as the reference box under it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const form = page.getByRole('form', { name: 'Enter a refund claim' });
  await page.getByText('Enter a refund claim (A-to-z, SAFE-T, PayPal, marketplace return)').click();
  const kind = (await form.getByLabel('Kind').boundingBox())!;
  const reference = (await form.getByLabel('Claim or case reference').boundingBox())!;
  // It stretched across the whole form (810 px at 1366) with the browser's own black border.
  expect(Math.round(kind.width)).toBe(Math.round(reference.width));
  const border = (label: string) =>
    form.getByLabel(label, { exact: true }).evaluate((e) => [getComputedStyle(e).borderColor, getComputedStyle(e).borderRadius]);
  expect(await border('Kind')).toEqual(await border('Claim or case reference'));
});

test('the Kind filter above the disputes is drawn as the other filters are, like Orders’ Status', async ({ page }) => {
  await loadDemo(page);
  const look = (name: string) =>
    page.getByRole('combobox', { name, exact: true }).evaluate((e) => {
      const s = getComputedStyle(e);
      const label = getComputedStyle(e.closest('label')!);
      return { border: s.borderColor, radius: s.borderRadius, padding: s.padding, label: label.color };
    });
  const status = await look('Status');
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  // It was the browser's own drop-down, black-framed and square, its label in the body's ink.
  expect(await look('Kind of dispute')).toEqual(status);
});

test('claim: a PayPal case report’s buyer claim and an A-to-z claims sheet mapped in the wizard come in as refund claims, in the one deadline list with their windows; the same sheet again updates nothing', async ({
  page,
}) => {
  // PayPal: the Visa chargeback stays a dispute, the buyer's Non-Receipt case becomes a claim.
  const paypal = await chooseFile(page, 'paypal-case-report.csv');
  await expect(paypal.getByTestId('import-records')).toContainText('1 dispute (1 new) · 1 claim (1 new) from 7 lines');

  // Amazon publishes no A-to-z claims download with a fixed header: the wizard maps the sheet.
  const sheet = await chooseFile(page, 'amazon-a-to-z-claims.csv');
  await expect(sheet).toContainText('Format not recognised');
  await sheet.getByRole('button', { name: 'Map its columns…' }).click();
  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await wizard.getByLabel('Record kind').selectOption('claims');
  await expect(wizard.getByLabel('Claim or case reference')).toHaveValue('Claim ID');
  await expect(wizard.getByLabel('Deadline the notice names')).toHaveValue('Respond By');
  await expect(wizard).toContainText('Still to map: Kind of claim');
  await wizard.getByLabel('Kind of claim', { exact: true }).selectOption({ label: 'Amazon A-to-z claim' });
  await wizard.getByLabel('Preset name').fill('A-to-z claims');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  await expect(wizard.getByRole('status', { name: 'Mapping check' })).toContainText('First 3 rows: 2 records, 1 would be quarantined.');
  await expectNoSeriousViolations(page, 'the wizard mapping a claims sheet', { include: '[aria-label="Mapping wizard"]' });
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  const done = page.getByRole('region', { name: 'Import of amazon-a-to-z-claims.csv' });
  await expect(done).toContainText('A-to-z claims');
  await expect(done.getByTestId('import-records')).toContainText('2 claims (2 new) from 3 lines');
  await expect(done.locator('[data-bucket="quarantined"]')).toHaveText('1');
  await expect(done.locator('table.problems')).toContainText('Claim Date');

  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('disputes-count')).toContainText('· 3 refund claims ·');
  // The window applies where the sheet names no deadline; the notice's own deadline where it does.
  await expect(rows.filter({ hasText: 'AZ-4401' }).locator('td').nth(0)).toHaveAttribute('title', /^2026-12-01 10:00 UTC: 72 hours from the claim/);
  await expect(rows.filter({ hasText: 'AZ-4402' }).locator('td').nth(0)).toHaveAttribute('title', /^2026-11-30 20:00 UTC: the deadline the notice names/);
  const paypalClaim = rows.filter({ hasText: 'PP-D-22222222' });
  await expect(paypalClaim).toHaveAttribute('data-kind', 'paypal-inr');
  await expect(paypalClaim).toHaveAttribute('data-urgency', 'overdue');
  await expect(paypalClaim.locator('td').nth(0)).toHaveAttribute('title', /^2026-05-31 21:02 UTC: the deadline the notice names/);
  await paypalClaim.click();
  await expect(page.getByRole('region', { name: 'Claim PP-D-22222222' }).getByTestId('claim-deadline')).toContainText('Respond by 2026-05-31 21:02 UTC');

  // Next week's sheet with the same claims: recognised by its saved format, nothing duplicated.
  const again = await chooseFile(page, 'amazon-a-to-z-claims.csv');
  await expect(again).toContainText('A-to-z claims');
  await expect(again.getByTestId('import-records')).toContainText('2 claims (2 unchanged)');
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(rows).toHaveCount(4);
});
