// The evidence pack of a Visa 10.4 dispute with CE 3.0 priors from the demo data: Stripe's evidence
// JSON (parsed against Stripe's shape, the priors in it), the printed pack (browser mode prints with
// window.print, which a test cannot save: the page's print layout is printed to PDF here the way the
// Electron shell prints it, and read with pdftotext), both in the export log; a not-received pack
// without tracking, which must not claim delivery nor print the app's own checks (the PDF is what the
// issuer reads); and the submit guard.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportPdfOptions } from '../../electron/main/pdfReport';
import type { Locator } from '@playwright/test';
import { adyenDefenseFileSchema } from '../../shared/disputes/adyenDefense';
import { stripeEvidenceFileSchema } from '../../shared/disputes/stripeEvidence';
import { expect, loadDemo, test } from './fixtures';

const ATTACHMENTS = new URL('../fixtures/attachments/', import.meta.url).pathname;

/** The pack's print layout as the Electron shell prints it, read back as text; pages split at form feeds. */
async function printedPack(detail: Locator): Promise<string> {
  const page = detail.page();
  await page.evaluate(() => {
    delete document.body.dataset.printed;
    window.print = () => {
      document.body.dataset.printed = 'yes';
    };
  });
  await detail.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-')), 'pack.pdf');
  await page.pdf({ path: pdf, ...reportPdfOptions(false) });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** A phrase as pdftotext may wrap it: any run of spaces or line breaks between its words. */
const words = (phrase: string) => new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));

/** What only the analyst reads: the pack's checks, its to-dos and gaps, and the relative deadline. */
function expectNothingInternal(text: string): void {
  for (const internal of [
    'Checks before export',
    'To do',
    'To upload or write in Stripe by hand',
    'This evidence pack (PDF)',
    'uncategorized_file',
    'not in the cache',
    'not in the export',
    'Respond by',
    // The workflow's steps and the JSON's bookkeeping: the shop's desk, not the bank's business.
    'Gathering evidence',
    'To Stripe',
  ])
    expect(text).not.toContain(internal);
  expect(text).not.toMatch(/\(in \d+ (h|d)|overdue by/);
}

test('evidence pack of a Visa 10.4 dispute with CE 3.0 priors and an attachment: Stripe JSON with the priors, the printed pack with the file, both logged', async ({
  page,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const eligible = page
    .getByRole('table', { name: 'Disputes by deadline' })
    .locator('tbody tr')
    .filter({ hasText: /eligible \(\d+ orders\)/ })
    .first();
  await expect(eligible).toBeVisible({ timeout: 60_000 });
  await eligible.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  const disputeId = (await detail.getAttribute('aria-label'))!.replace('Dispute ', '');
  const priorOrders = await detail.getByRole('table', { name: 'CE 3.0 prior orders' }).locator('tbody tr td:nth-child(2)').allTextContents();
  expect(priorOrders.length).toBeGreaterThanOrEqual(2);
  // An attached screenshot of the customer's account activity goes into the pack.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach files…' }).click()]);
  await chooser.setFiles(path.join(ATTACHMENTS, 'proof-of-delivery.png'));
  await expect(detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr')).toHaveCount(1);

  // Stripe evidence JSON: Stripe's shape, exactly two of the qualifying priors with their charges.
  const [download] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Stripe evidence (JSON)' }).click()]);
  expect(download.suggestedFilename()).toBe(`stripe-evidence-${disputeId}.json`);
  const file = stripeEvidenceFileSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
  const ce3 = file.evidence.enhanced_evidence!.visa_compelling_evidence_3;
  expect(ce3.prior_undisputed_transactions).toHaveLength(2);
  for (const p of ce3.prior_undisputed_transactions) expect(p.charge).toMatch(/^ch_/);
  expect(ce3.disputed_transaction.merchandise_or_services).toBe('merchandise');
  expect(file.evidence.customer_purchase_ip).toBeTruthy();
  expect(file.evidence.access_activity_log).toContain('UTC order');
  await expect(detail.getByTestId('pack-summary')).toContainText('Pack for fraud');

  // The PDF: the print path runs, and the pack's print layout is what prints.
  const text = await printedPack(detail);
  expect(text).toContain(`Dispute ${disputeId}`);
  expect(text).toMatch(/Reason\s+Visa (10\.4|fraudulent)/);
  // The argument, from the pack's facts: the CE 3.0 priors it prints.
  expect(text).toContain("The merchant's response");
  expect(text).toMatch(words('earlier undisputed orders on the same card, 120 to 365 days before, qualify under Visa Compelling Evidence 3.0'));
  expect(text).toContain('Payment and card checks');
  expect(text).toContain('IP address and device');
  expect(text).toContain('Visa Compelling Evidence 3.0: eligible');
  for (const o of priorOrders) expect(text).toContain(o);
  for (const p of ce3.prior_undisputed_transactions) expect(text).toContain(p.charge);
  expect(text).toContain("Timeline of the customer's orders, refunds and disputes");
  expect(text).toContain('Attached files');
  expect(text).toContain('proof-of-delivery.png');
  // The pack alone: none of the screen around it, and none of the analyst's checks and to-dos, which
  // stay on the screen.
  expect(text).not.toContain('Disputes by deadline');
  expect(text).not.toContain('Evidence pack (PDF)');
  expectNothingInternal(text);
  await expect(detail.getByTestId('pack-by-hand')).toContainText('receipt (file upload)');
  // The first page is the dispute, the argument and the facts after it, not a cover on its own.
  expect(text.split('\f')[0]).toContain('Order, customer, shipping and billing');
  expect(Number(/Page 1 of (\d+)/.exec(text)?.[1])).toBeGreaterThan(1);

  // Both files are in the export log, saying which dispute and nothing personal.
  await page.getByRole('link', { name: 'Settings' }).click();
  const exports = page.getByRole('table', { name: 'Exports' }).locator('tbody tr');
  await expect(exports.filter({ hasText: `evidence-pack-${disputeId}.pdf` })).toContainText(`Evidence pack, dispute ${disputeId}`);
  // In browser mode the PDF went to the print dialog, which never says whether it was saved: the log says just that.
  await expect(exports.filter({ hasText: `evidence-pack-${disputeId}.pdf` })).toContainText("sent to the browser's print dialog");
  await expect(exports.filter({ hasText: `stripe-evidence-${disputeId}.json` })).not.toContainText('print dialog');
  await expect(exports.filter({ hasText: `stripe-evidence-${disputeId}.json` })).toContainText('json');
  expect(await exports.filter({ hasText: disputeId }).allTextContents()).not.toContainEqual(expect.stringContaining('@'));
});

test('evidence pack of a not-received dispute without tracking: no delivery claimed until a proof of delivery is attached, no checks or to-dos printed', async ({
  page,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const row = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').filter({ hasText: 'Product not received' }).first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  const order = /order (#\d+)/.exec(await detail.innerText())![1]!;
  // Two evidence items ticked, as the reviewer did: ticking is the analyst's note, not evidence the issuer sees.
  const boxes = detail.getByRole('group', { name: /^Evidence/ }).getByRole('checkbox');
  for (const i of [0, 1]) {
    await boxes.nth(i).click();
    await expect(boxes.nth(i)).toBeChecked();
  }

  const bare = await printedPack(detail);
  expect(bare).toContain("The merchant's response");
  expect(bare).toMatch(words(`The shop's records show order ${order} as fulfilled (shipped) to`));
  // The timeline's order rows say so in the same words, not the cache's keys ("· fulfilled", "· open").
  expect(bare).toMatch(new RegExp(`Order ${order} · [^·\n]+ · [^·\n]+ · fulfilled \\(shipped\\)`));
  expect(bare).not.toMatch(/· (open|fulfilled) *$/m);
  expect(bare).not.toMatch(/delivered|Delivery is shown/i);
  expectNothingInternal(bare);
  expect(bare.split('\f')[0]).toContain('Order, customer, shipping and billing');
  // On screen: the gap, and the advice, since nothing printed answers a not-received claim.
  await expect(detail.getByTestId('pack-advice')).toHaveText(
    'Nothing in the pack answers the not received claim: add a proof of delivery, or consider accepting the dispute',
  );
  await expect(detail.getByTestId('pack-checks')).toContainText('No proof of delivery is attached');
  await expect(detail.getByTestId('pack-by-hand')).toContainText('uncategorized_file (file upload): This evidence pack (PDF)');

  // The carrier's delivery confirmation attached as proof of delivery: now delivery is argued, from it.
  await detail.getByLabel('What the file shows').selectOption({ label: 'Proof of delivery' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach files…' }).click()]);
  await chooser.setFiles(path.join(ATTACHMENTS, 'delivery-confirmation.pdf'));
  await expect(detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr')).toHaveCount(1);
  const proved = await printedPack(detail);
  expect(proved).toMatch(words('Delivery is shown by the attached proof of delivery (delivery-confirmation.pdf).'));
  expectNothingInternal(proved);
  await expect(detail.getByTestId('pack-advice')).toHaveCount(0);
});

test('submit guard: an overdue dispute with evidence missing is submitted only with a reason, which is logged', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  const overdue = rows.filter({ has: page.locator('td:nth-child(2)', { hasText: /^gathering evidence$/ }) }).and(page.locator('tr[data-urgency="overdue"]'));
  await expect(overdue.first()).toBeVisible({ timeout: 60_000 });
  await overdue.first().click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  const history = detail.getByTestId('dispute-history').locator('li');
  const before = await history.count();

  await detail.getByRole('button', { name: '→ Submitted' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit anyway?' });
  await expect(dialog).toContainText(/Submitted with \d+ of \d+ evidence items missing and after the deadline of \d{4}-\d\d-\d\d \d\d:\d\d UTC\?/);
  // No reason, no change: the button waits for one, and cancelling leaves the dispute as it was.
  await expect(dialog.getByRole('button', { name: 'Submitted anyway' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  await expect(history).toHaveCount(before);

  await detail.getByRole('button', { name: '→ Submitted' }).click();
  await dialog.getByLabel('Why submit now').fill('issuer agreed to a late response by phone');
  await dialog.getByRole('button', { name: 'Submitted anyway' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Submitted');
  await expect(history.first()).toContainText(
    /K\. Weber: status → Submitted \(issuer agreed to a late response by phone — submitted with \d+ of \d+ evidence items missing, after the deadline of /,
  );
});

const IMPORTS = new URL('../fixtures/imports/', import.meta.url).pathname;

/** Adyen's defense file as the dispute's button saves it, checked against its shape. */
async function adyenFile(detail: Locator, disputeId: string) {
  const [download] = await Promise.all([
    detail.page().waitForEvent('download'),
    detail.getByRole('button', { name: 'Adyen defense documents (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`adyen-defense-${disputeId}.json`);
  return adyenDefenseFileSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
}

test('evidence pack of an Adyen dispute: Adyen’s defense documents by defense reason, filled from the pack and the attached files, what to upload by hand and Adyen’s limits', async ({
  page,
}, testInfo) => {
  // Adyen's dispute report with a Mastercard 4855 (goods not provided) chargeback added on order #1003.
  const report = readFileSync(path.join(IMPORTS, 'adyen-dispute-report.csv'), 'utf8');
  const goods =
    'NordwindGmbH,NordwindShopDE,8836000000000303,#1003,mc,2026-11-12 09:00:00,CET,EUR,45.00,Chargeback,8836000000009903,Goods not provided,,,4855,Goods or Services Not Provided,2026-11-01 10:00:00,CET,EUR,45.00,2026-11-12 09:00:00,CET,2026-11-30 09:00:00,CET,,,,,,DE,DE,,';
  const file = testInfo.outputPath('adyen-disputes.csv');
  writeFileSync(file, `${report.trimEnd()}\n${goods}\n`);
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([path.join(IMPORTS, 'shopify-orders.csv'), file]);
  await expect(page.getByRole('region', { name: 'Import of adyen-disputes.csv' })).toBeVisible({ timeout: 60_000 });

  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr', { hasText: 'mastercard 4855' }).click();
  const detail = page.getByRole('region', { name: 'Dispute 8836000000009903' });
  const bare = await adyenFile(detail, '8836000000009903');
  expect(bare).toMatchObject({ defenseReasonCode: 'GoodsOrServicesProvided', scheme: 'mastercard', satisfied: false });
  expect(bare.toUploadByHand.map((d) => d.defenseDocumentTypeCode)).toEqual(['ProofOfGoodsOrServicesProvided', 'ProofOfAbilityToProvideServices']);
  const checks = detail.getByTestId('pack-checks');
  await checks.locator('summary').click();
  await expect(checks).toContainText('Adyen: upload by hand as ProofOfGoodsOrServicesProvided (OneOrMore): proof of delivery');
  await expect(checks).toContainText('Adyen limits: Adyen takes PDF up to 2 MB, JPG and TIFF up to 10 MB');

  // A carrier's delivery confirmation attached as proof of delivery fills it; an e-mail Adyen would refuse as it is.
  await detail.getByLabel('What the file shows').selectOption({ label: 'Proof of delivery' });
  let [picker] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach files…' }).click()]);
  await picker.setFiles(path.join(ATTACHMENTS, 'delivery-confirmation.pdf'));
  await detail.getByLabel('What the file shows').selectOption({ label: 'Customer e-mail' });
  [picker] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach files…' }).click()]);
  await picker.setFiles(path.join(ATTACHMENTS, 'customer-reply.eml'));
  await expect(detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr')).toHaveCount(2);
  const proved = await adyenFile(detail, '8836000000009903');
  expect(proved.satisfied).toBe(true);
  expect(proved.toUploadByHand).toEqual([]);
  expect(proved.defenseDocumentTypes[0]!.files).toEqual([
    { file: expect.stringMatching(/^8836000000009903-attachment-\d+\.pdf$/), contentType: 'application/pdf', from: 'attachment' },
  ]);
  await expect(checks).toContainText(/Would be refused Adyen would refuse 8836000000009903-attachment-\d+\.eml is EML/);

  // Mastercard fraud on order #1002: CompellingEvidence, the cardholder identified by the evidence pack itself.
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr', { hasText: 'mastercard 4837' }).click();
  const fraud = await adyenFile(page.getByRole('region', { name: 'Dispute 8836000000009902' }), '8836000000009902');
  expect(fraud).toMatchObject({ defenseReasonCode: 'CompellingEvidence', satisfied: true });
  expect(fraud.defenseDocumentTypes).toEqual([
    expect.objectContaining({
      defenseDocumentTypeCode: 'CardholderIdentification',
      requirementLevel: 'Required',
      files: [{ file: 'evidence-pack-8836000000009902.pdf', contentType: 'application/pdf', from: 'evidence-pack' }],
    }),
  ]);
  // Visa fraud on an order the cache does not hold: no pack to send, so the defense material is to upload by hand.
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr', { hasText: 'visa 10.4' }).click();
  const visa = await adyenFile(page.getByRole('region', { name: 'Dispute 8836000000009901' }), '8836000000009901');
  expect(visa).toMatchObject({ defenseReasonCode: 'AdditionalInformation', satisfied: false });
  expect(visa.toUploadByHand.map((d) => d.defenseDocumentTypeCode)).toEqual(['DefenseMaterial']);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('table', { name: 'Exports' }).locator('tbody tr').filter({ hasText: 'adyen-defense-8836000000009901.json' })).toContainText(
    'Adyen defense documents, dispute 8836000000009901',
  );
});
