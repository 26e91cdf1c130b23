#!/usr/bin/env node
// Retakes the README's screenshots from the current build (npm run build first): serves
// out/renderer on a free local port, loads the 10k demo data at a fixed date in Debian's
// Chromium, and writes resources/screenshots/{orders,rings,review,reports,imports,disputes}.png.
//   node resources/scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (name) => path.join(root, 'resources/screenshots', name);
const NOW = new Date('2026-11-18T14:00:00Z');

const server = spawn(process.execPath, [path.join(root, 'resources/scripts/serve.mjs'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
    if (m) resolve(m[0]);
  });
  server.on('exit', () => reject(new Error('the static server stopped')));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.clock.setFixedTime(NOW);
  page.setDefaultTimeout(120_000);
  await page.goto(base);
  await page.getByLabel('Your name').fill('K. Weber');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.goto(`${base}#/orders`);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page
    .getByTestId('orders-count')
    .filter({ hasText: /^10,000 orders$/ })
    .waitFor();
  await page.screenshot({ path: out('orders.png') });

  await page.getByRole('link', { name: 'Rings' }).click();
  await page.getByTestId('rings-count').waitFor();
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  await page
    .getByRole('region', { name: /^Ring / })
    .getByTestId('ring-graph')
    .locator('canvas')
    .first()
    .waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out('rings.png') });

  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByTestId('queue-count').waitFor();
  await page.screenshot({ path: out('review.png') });

  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByTestId('top-rings').waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out('reports.png') });

  const dir = mkdtempSync(path.join(tmpdir(), 'fw-shots-'));
  const csv = path.join(dir, 'orders_export.csv');
  writeFileSync(
    csv,
    [
      'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Zip,Shipping City,Shipping Country',
      '#20001,lena.berger@example.de,paid,EUR,89.90,2026-11-17 10:00:00 +0100,Item,04109,Leipzig,DE',
      '#20002,t.wolf@example.de,paid,EUR,1249.00,2026-11-17 11:30:00 +0100,Item,01067,Dresden,DE',
      '#20003,lena.berger@example.de,paid,EUR,kaputt,2026-11-18 09:15:00 +0100,Item,04109,Leipzig,DE',
    ].join('\n') + '\n',
  );
  await page.getByRole('link', { name: 'Imports' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(csv);
  await page.getByRole('region', { name: 'Import of orders_export.csv' }).waitFor();
  await page.screenshot({ path: out('imports.png') });

  // Disputes: a refund claim in the list with the chargebacks, and a dispute with a proof of delivery attached.
  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByText('Enter a refund claim (A-to-z, SAFE-T, PayPal, marketplace return)').click();
  const form = page.getByRole('form', { name: 'Enter a refund claim' });
  await form.getByLabel('Claim or case reference').fill('A2Z-7001');
  await form.getByLabel('Order number').fill('302-1111111-2222222');
  await form.getByLabel('Amount').fill('59.90');
  await form.getByLabel(/^Clock starts \(UTC\)/).fill('2026-11-17T10:00');
  await form.getByLabel('What the buyer says (no personal data)').fill('parcel not received');
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await form.getByRole('status').waitFor();
  await page.getByText('Enter a refund claim (A-to-z, SAFE-T, PayPal, marketplace return)').click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first().click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await detail.getByLabel('What the file shows').selectOption({ label: 'Proof of delivery' });
  const fixtures = path.join(root, 'test/fixtures/attachments');
  const [files] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Attach files…' }).click()]);
  await files.setFiles([path.join(fixtures, 'proof-of-delivery.png'), path.join(fixtures, 'delivery-confirmation.pdf')]);
  await detail.getByRole('button', { name: 'Show proof-of-delivery.png' }).click();
  await detail.getByTestId('attachment-image').waitFor();
  await detail.getByRole('table', { name: 'Attached files' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('disputes.png') });
  console.log('wrote resources/screenshots/{orders,rings,review,reports,imports,disputes}.png');
} finally {
  await browser.close();
  server.kill();
}
