// Dispute attachments end to end: a PNG and a PDF attached from the dispute's panel, listed with
// size and SHA-256, the image shown from a Blob URL of its checked type, both in the printed evidence
// pack (the PNG embedded) and in the on-screen list of files to upload; a renamed web page refused by name; an
// e-mail shown as plain text; a removal that leaves its trace in the dispute's history.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { reportPdfOptions } from '../../electron/main/pdfReport';
import { expectNoSeriousViolations } from './axe';
import { backUp, chooseBackup } from './backupSteps';
import { expect, loadDemo, test } from './fixtures';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/attachments');
const file = (name: string) => path.join(FIXTURES, name);
const sha256 = (name: string) =>
  createHash('sha256')
    .update(readFileSync(file(name)))
    .digest('hex');

async function openFirstDispute(page: Page) {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const first = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  await first.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  const disputeId = (await detail.getAttribute('aria-label'))!.replace('Dispute ', '');
  return { detail, disputeId };
}

async function attach(page: Page, names: string[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Attach files…' }).click()]);
  await chooser.setFiles(names.map(file));
}

test('attachment: a PNG and a PDF attached to a dispute are in its evidence pack with size and SHA-256, the PNG printed', async ({ page }) => {
  const { detail, disputeId } = await openFirstDispute(page);
  await detail.getByLabel('What the file shows').selectOption({ label: 'Proof of delivery' });
  await attach(page, ['proof-of-delivery.png', 'delivery-confirmation.pdf']);
  const files = detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr');
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText('proof-of-delivery.png');
  await expect(files.nth(0)).toContainText('PNG image');
  await expect(files.nth(1)).toContainText('delivery-confirmation.pdf');
  await expect(files.nth(1)).toContainText('Proof of delivery');
  await expect(files.nth(0).getByTitle(sha256('proof-of-delivery.png'))).toHaveText(`${sha256('proof-of-delivery.png').slice(0, 12)}…`);
  // Each attach is in the dispute's history, by type, size and hash.
  const history = detail.getByTestId('dispute-history');
  await expect(history).toContainText(/K\. Weber: attached file \d+ “delivery-confirmation\.pdf” \(PDF, \d+ (B|KB), SHA-256/);

  // The image is shown as an <img> from a Blob URL; the PDF offers no "Show", only "Save…".
  await detail.getByRole('button', { name: 'Show proof-of-delivery.png' }).click();
  const img = detail.getByTestId('attachment-image');
  await expect(img).toHaveAttribute('src', /^blob:/);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(240);
  await expect(detail.getByRole('button', { name: 'Show delivery-confirmation.pdf' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'a dispute with attached files', { include: `[aria-label="Dispute ${disputeId}"]` });

  const [download] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Save delivery-confirmation.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('delivery-confirmation.pdf');
  expect(
    createHash('sha256')
      .update(readFileSync(await download.path()))
      .digest('hex'),
  ).toBe(sha256('delivery-confirmation.pdf'));

  // The printed pack lists both with size and full SHA-256 and embeds the PNG; the screen names their upload fields.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'yes';
    };
  });
  await detail.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await expect(page.locator('[data-testid="evidence-pack"] figure img')).toHaveAttribute('src', /^blob:/);
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'attachments-pack-')), 'pack.pdf');
  await page.pdf({ path: pdf, ...reportPdfOptions(false) });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Dispute ${disputeId}`);
  expect(text).toContain('Attached files');
  for (const name of ['proof-of-delivery.png', 'delivery-confirmation.pdf']) {
    expect(text).toContain(name);
    expect(text.replace(/ /g, '')).toContain(sha256(name));
  }
  // Attached as proof of delivery, they are what the pack's delivery rests on.
  expect(text).toContain('Delivery is shown by the attached proof of delivery (proof-of-delivery.png, delivery-confirmation.pdf).');
  // What to upload, and the pack's checks, are the analyst's: on screen, not in the PDF.
  expect(text).not.toContain('file upload');
  expect(text).not.toContain('2 attached files');
  const byHand = detail.getByTestId('pack-by-hand');
  await expect(byHand).toContainText(/shipping_documentation \(file upload\): Attached: proof-of-delivery\.png \(Proof of delivery, PNG image, \d+ KB/);
  await expect(byHand).toContainText(/shipping_documentation \(file upload\): Attached: delivery-confirmation\.pdf \(Proof of delivery, PDF/);
  await expect(detail.getByTestId('pack-checks')).toContainText('2 attached files');
  // The PNG is in the PDF as an image of its own size.
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  expect(images).toMatch(/\s240\s+120\s/);

  // The pack's PDF and the saved file are in the export log, the attachment under its id, not its name.
  await page.getByRole('link', { name: 'Settings' }).click();
  const exports = page.getByRole('table', { name: 'Exports' }).locator('tbody tr');
  await expect(exports.filter({ hasText: `evidence-pack-${disputeId}.pdf` })).toHaveCount(1);
  await expect(exports.filter({ hasText: new RegExp(`${disputeId}-attachment-\\d+\\.pdf`) })).toContainText('attachment');
  expect(await exports.allTextContents()).not.toContainEqual(expect.stringContaining('delivery-confirmation.pdf'));
});

test('attachment: a web page renamed .png is refused, naming the file; an e-mail shows as text; a removal stays in the history', async ({ page }) => {
  const { detail } = await openFirstDispute(page);
  await attach(page, ['invoice.png', 'customer-reply.eml']);
  await expect(detail.getByTestId('attachment-refused')).toContainText(
    'Not attached: “invoice.png” is not a PDF, PNG, JPEG or e-mail (.eml) by its content: it is a web page (HTML).',
  );
  const files = detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr');
  await expect(files).toHaveCount(1);
  await expect(files.first()).toContainText('customer-reply.eml');
  await expect(files.first()).toContainText('Customer e-mail');
  await attach(page, ['tool.pdf']);
  await expect(detail.getByTestId('attachment-refused')).toContainText(
    '“tool.pdf” is not a PDF, PNG, JPEG or e-mail (.eml) by its content: it is a Windows program',
  );
  await expect(files).toHaveCount(1);

  // The e-mail is text in a <pre>: its markup is shown, never run or rendered.
  await detail.getByRole('button', { name: 'Show customer-reply.eml' }).click();
  await expect(detail.getByTestId('attachment-text')).toContainText('<script>alert(1)</script>');
  await expect(detail.locator('.attachment-view script')).toHaveCount(0);

  await detail.getByRole('button', { name: 'Remove customer-reply.eml' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the file?' });
  await expect(dialog.getByRole('button', { name: 'Remove the file' })).toBeDisabled();
  await dialog.getByLabel('Why remove it').fill('belongs to another order');
  await dialog.getByRole('button', { name: 'Remove the file' }).click();
  await expect(detail.getByRole('table', { name: 'Attached files' })).toHaveCount(0);
  await expect(detail.getByTestId('dispute-history').locator('li').first()).toContainText(
    /K\. Weber: removed file \d+ \(E-mail \(\.eml\), \d+ B, SHA-256 [0-9a-f]{12}…\) \(belongs to another order\)/,
  );
});

test('attachment: a file removed since a backup stays removed when that backup is restored', async ({ page }, testInfo) => {
  const { detail, disputeId } = await openFirstDispute(page);
  await attach(page, ['delivery-confirmation.pdf']);
  const files = detail.getByRole('table', { name: 'Attached files' }).locator('tbody tr');
  await expect(files).toHaveCount(1);
  const backup = testInfo.outputPath('with-file.fwbackup');
  await backUp(page, backup);

  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first().click();
  await expect(detail).toHaveAttribute('aria-label', `Dispute ${disputeId}`);
  await detail.getByRole('button', { name: 'Remove delivery-confirmation.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the file?' });
  await dialog.getByLabel('Why remove it').fill('the parcel of another order');
  await dialog.getByRole('button', { name: 'Remove the file' }).click();
  await expect(detail.getByRole('table', { name: 'Attached files' })).toHaveCount(0);

  await chooseBackup(page, backup);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from with-file\.fwbackup/)).toBeVisible();
  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first().click();
  await expect(detail).toHaveAttribute('aria-label', `Dispute ${disputeId}`);
  // The removal made since stays in force, as the history that is kept says.
  await expect(detail.getByTestId('dispute-history').locator('li').first()).toContainText(/removed file \d+ \(PDF, .*\) \(the parcel of another order\)/);
  await expect(detail.getByRole('table', { name: 'Attached files' })).toHaveCount(0);
});
