import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { shopifyExport, shopOrders } from '../support/shopifyExport';
import { zalandoExport } from '../support/zalandoExport';
import { cacheText, expect, loadDemo, search, test, visibleRows } from './fixtures';

const FIXTURES = fileURLToPath(new URL('../fixtures/imports', import.meta.url));

async function importFiles(page: Page, files: string[]) {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(files);
  await expect(page.getByRole('region', { name: `Import of ${path.basename(files.at(-1)!)}` })).toBeVisible({ timeout: 60_000 });
}

/** Runs of 13-19 digits (single spaces or dashes between) passing Luhn: what a card-number scanner flags. */
function cardLikeRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[ -]?\d)*/g)]
    .map((m) => m[0])
    .filter((run) => {
      const digits = run.replace(/\D/g, '');
      if (digits.length < 13 || digits.length > 19) return false;
      let sum = 0;
      for (let i = 0; i < digits.length; i++) {
        let d = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      return sum % 10 === 0;
    });
}

/** Cells a spreadsheet would run as a formula (OWASP CSV injection), written without the ' guard: not a number, nor a lone dash. */
function unguardedFormulas(csv: string): string[] {
  const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
  const number = /^-?(\d+|\d{1,3}([.,'\u00a0 ]\d{3})+)([.,]\d+)?( ?[%€$£])?$/;
  return cells.filter((c) => /^[^\S\t\r]*[\t\r=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(c) && !number.test(c) && !/^\s*[-+\u2013]\s*$/.test(c));
}

async function buckets(page: Page, file: string) {
  const card = page.getByRole('region', { name: `Import of ${file}` });
  const read = async (b: string) => Number((await card.locator(`[data-bucket="${b}"]`).textContent())!.replace(/,/g, ''));
  return {
    rows: await read('rows'),
    created: await read('created'),
    updated: await read('updated'),
    unchanged: await read('unchanged'),
    quarantined: await read('quarantined'),
  };
}

test('Imports warns that a file imported into the demo cache mixes with the demo year, and points to clearing it', async ({ page }) => {
  await page.goto('/#/imports');
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeVisible();
  await expect(page.getByTestId('demo-warning')).toHaveCount(0);
  await loadDemo(page);
  await page.getByRole('link', { name: 'Imports' }).click();
  const warning = page.getByTestId('demo-warning');
  await expect(warning).toHaveText(/^This cache holds the demo year \(10,000 generated orders\)\. Files imported now are added beside them/);
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  // Imported anyway, the sidebar says the cache now holds both.
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv')]);
  await expect(page.getByText('Demo and imported data', { exact: true })).toBeVisible();
  await warning.getByRole('link', { name: 'Clear local cache…' }).click();
  await expect(page.getByRole('button', { name: 'Clear local cache…' })).toBeVisible();
});

test('a Shopify export imports, shows in Orders, re-imports as unchanged, and Undo removes it', async ({ page, network }) => {
  const file = path.join(FIXTURES, 'shopify-orders.csv');
  await importFiles(page, [file]);
  // The file was read in the import's own read worker, beside the writes (readAhead.ts).
  expect(network.all.filter((u) => /\/assets\/read\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
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

test('bad rows are quarantined with line and column, nothing is lost, and both exports are safe CSV: no formula, full card number or CVV goes out', async ({
  page,
}, testInfo) => {
  const good = Papa.parse<string[]>(readFileSync(path.join(FIXTURES, 'stripe-payments.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  // The Stripe export with a CVC column and a free-text note, as some hand-made exports have.
  const header = [...good[0]!, 'Card CVC', 'Note'];
  const rows = good.slice(1);
  const col = (name: string) => header.indexOf(name);
  const line = (cells: readonly string[]) => Papa.unparse([cells]);
  const badAmount = [...rows[0]!, '321', 'paid with 4111 1111 1111 1111'];
  badAmount[col('id')] = 'ch_badAmount';
  badAmount[col('Amount')] = 'lots';
  badAmount[col('Description')] = '@SUM(1+1)';
  const cardInId = [...rows[0]!, '654', '=HYPERLINK("http://evil.example","invoice")'];
  cardInId[col('id')] = '4111111111111111';
  // Line 3 gets an extra field; then a bad amount, a card number as payment id, an unterminated quote.
  const broken = [
    line(header),
    line([...rows[0]!, '123', 'ok']),
    `${line([...rows[1]!, '456', 'ok'])},surplus`,
    ...rows.slice(2).map((r) => line([...r, '789', ''])),
    line(badAmount),
    line(cardInId),
    `=cmd|' /C calc'!A0${',x'.repeat(header.length - 2)},"open`,
  ].join('\n');
  const file = testInfo.outputPath('stripe-broken.csv');
  writeFileSync(file, broken);
  await importFiles(page, [file]);
  const b = await buckets(page, 'stripe-broken.csv');
  expect(b.quarantined).toBe(4);
  expect(b.created + b.updated + b.unchanged + b.quarantined).toBe(b.rows);
  const card = page.getByRole('region', { name: 'Import of stripe-broken.csv' });
  const problemRows = card.locator('table.problems tbody tr');
  await expect(problemRows.first()).toContainText('3');
  await expect(card.locator('table.problems')).toContainText('column 1 (id) holds a card number');
  await expect(card).not.toContainText('4111');

  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export as CSV' }).click()]);
  const out = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(out);
  // UTF-8 with a byte-order mark, as Excel needs to read umlauts.
  const raw = readFileSync(out, 'utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const csv = raw.slice(1);
  expect(csv.split('\r\n')[0]).toBe('file,line,column,column name,code,reason');
  expect(csv).toContain('stripe-broken.csv,3,');
  expect(unguardedFormulas(csv)).toEqual([]);

  // Fix: the rows with the file's header and a note of what was wrong, every cell made safe.
  const [fixDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export rows to fix' }).click()]);
  const toFixPath = testInfo.outputPath(fixDownload.suggestedFilename());
  await fixDownload.saveAs(toFixPath);
  const toFixText = readFileSync(toFixPath, 'utf8').replace(/^\uFEFF/, '');
  const toFix = toFixText.split('\r\n');
  expect(toFix[0]).toBe(`${line(header)},Import problem`);
  expect(toFix[1]!.startsWith(`${line([...rows[1]!, '', 'ok'])},surplus,`)).toBe(true);
  const fixCells = Papa.parse<string[]>(toFixText, { skipEmptyLines: true }).data;
  expect(fixCells).toHaveLength(5);
  expect(fixCells.slice(1).map((r) => r[col('Card CVC')])).toEqual(['', '', '', '']);
  expect(cardLikeRuns(toFixText)).toEqual([]);
  expect(toFixText).toContain('paid with 41111111******1111');
  expect(unguardedFormulas(toFixText)).toEqual([]);
  expect(fixCells.flat()).toEqual(expect.arrayContaining(["'@SUM(1+1)", `'=HYPERLINK("http://evil.example","invoice")`, "'=cmd|' /C calc'!A0"]));

  // The analyst removes the stray value and the note from the ragged row and imports it again.
  const fixed = testInfo.outputPath('stripe-fixed.csv');
  writeFileSync(fixed, [toFix[0], toFix[1]!.replace(/,surplus,.*$/, ',')].join('\n') + '\n');
  await importFiles(page, [fixed]);
  const after = await buckets(page, 'stripe-fixed.csv');
  expect(after).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, quarantined: 0 });

  // The card is gone once the analyst leaves: the history writes the rows to fix again, from the file chosen again.
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('region', { name: 'Import of stripe-broken.csv' })).toHaveCount(0);
  const history = page.getByRole('table', { name: 'Import history' });
  const again = history.getByRole('button', { name: 'Rows to fix of stripe-broken.csv' });
  // Another file than the one imported writes nothing, and says why.
  const [wrong] = await Promise.all([page.waitForEvent('filechooser'), again.click()]);
  await wrong.setFiles(fixed);
  await expect(page.getByRole('alert')).toContainText('No rows to fix written: the file chosen, stripe-fixed.csv, is not the one imported');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), again.click()]);
  const [refix] = await Promise.all([page.waitForEvent('download'), chooser.setFiles(file)]);
  expect(refix.suggestedFilename()).toBe('stripe-broken-rows-to-fix.csv');
  const refixPath = testInfo.outputPath('again-' + refix.suggestedFilename());
  await refix.saveAs(refixPath);
  const refixText = readFileSync(refixPath, 'utf8').replace(/^\uFEFF/, '');
  expect(refixText).toBe(toFixText);
  expect(refixText.split('\r\n')[0]).toBe(`${line(header)},Import problem`);
  expect(refixText).toContain('column 1 (id) holds a card number');
  await expect(page.getByTestId('history-note')).toHaveText(
    'Saved stripe-broken-rows-to-fix.csv: 4 rows to fix of stripe-broken.csv, each with its problem in the last column',
  );
});

test('a card number in the customer-id column sets those orders aside with the reason shown, and is never stored, nor one Excel zeroed', async ({
  page,
}, testInfo) => {
  const header = 'order_number;order_date;customer_number;customer_email;status;shipping_address.city;shipping_address.country_code;currency;order_amount';
  const file = testInfo.outputPath('zalando-card-in-customer.csv');
  writeFileSync(
    file,
    [
      header,
      '10105559001;01.05.2026 10:00;4111111111111111;a@example.de;approved;Berlin;DE;EUR;10,00',
      '10105559002;01.05.2026 11:00;Z-4712;b@example.de;approved;Berlin;DE;EUR;20,00',
      '10105559003;01.05.2026 12:00;4111111111111111;c@example.de;approved;Berlin;DE;EUR;30,00',
      // 5555555555554444 from a spreadsheet that saved the column as numbers: its check digit zeroed.
      '10105559004;01.05.2026 13:00;5555555555554440;d@example.de;approved;Berlin;DE;EUR;40,00',
      // A card in a city's text: stored, the card reduced.
      '10105559005;01.05.2026 14:00;Z-4713;e@example.de;approved;Karte 4242 4242 4242 4242;DE;EUR;50,00',
      // Its amount missing, so set aside before any cell is read, with zeroed cards in the two
      // columns the rows above held cards in.
      '10105559006;01.05.2026 15:00;4000056655665550;f@example.de;approved;4242424242424240;DE;EUR',
      // A 19-digit UnionPay card the spreadsheet cut to 15 digits, the other four zeroed.
      '10105559007;01.05.2026 16:00;6212345678901230000;g@example.de;approved;Berlin;DE;EUR;70,00',
    ].join('\n') + '\n',
  );
  await importFiles(page, [file]);
  expect(await buckets(page, 'zalando-card-in-customer.csv')).toEqual({ rows: 7, created: 2, updated: 0, unchanged: 0, quarantined: 5 });
  const card = page.getByRole('region', { name: 'Import of zalando-card-in-customer.csv' });
  await expect(card.getByTestId('import-reconciles')).toHaveText(/^Every row accounted for/);
  const problems = card.locator('table.problems tbody tr');
  await expect(problems).toHaveCount(5);
  for (const [i, lineNo] of [
    [0, 2],
    [1, 4],
    [2, 5],
    [4, 8],
  ] as const) {
    await expect(problems.nth(i)).toContainText(String(lineNo));
    await expect(problems.nth(i)).toContainText('column 3 (customer_number) holds a card number');
  }
  await expect(card).not.toContainText('4111');
  await expect(card).not.toContainText('5555');
  await expect(problems.nth(3)).toContainText('7');
  await expect(card).not.toContainText('621234567890123');

  // The rows to fix go out with the card numbers reduced, the zeroed ones too: in the column whose
  // cards set rows aside, and in the city column the import reduced a card in.
  const [fixDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export rows to fix' }).click()]);
  const toFixPath = testInfo.outputPath(fixDownload.suggestedFilename());
  await fixDownload.saveAs(toFixPath);
  const toFixText = readFileSync(toFixPath, 'utf8');
  expect(toFixText).toContain('55555555******4444');
  expect(toFixText).not.toContain('555555555555444');
  expect(toFixText).toMatch(/^10105559006;01\.05\.2026 15:00;40000566\*{6}5556;f@example\.de;approved;42424242\*{6}4242;DE;EUR;;/m);
  expect(toFixText).not.toContain('400005665566555');
  expect(toFixText).not.toContain('424242424242424');
  expect(toFixText).toMatch(/^10105559007;01\.05\.2026 16:00;62123456\*{6};g@example\.de;/m);
  expect(toFixText).not.toContain('621234567890123');
  expect(cardLikeRuns(toFixText)).toEqual([]);

  // Nothing in the cache (every store, backups are written from it) holds the number.
  const text = await cacheText(page);
  expect(text).toContain('Z-4712');
  expect(text).not.toContain('4111111111111111');
  expect(text).not.toContain('555555555555444');
  expect(text).not.toContain('621234567890123');
});

test('full card numbers never reach the cache: only BIN and last 4 are kept, CVV is dropped', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('shop-with-pans.csv');
  const shopify = readFileSync(path.join(FIXTURES, 'shopify-orders.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  // A raw card-number column and a CVV column appended to a real Shopify export.
  const withPans = shopify.map((line, i) => (i === 0 ? `${line},Card Number,CVV` : `${line},4111 1111 1111 1111,123`));
  writeFileSync(file, withPans.join('\n'));
  await importFiles(page, [file]);
  const card = page.getByRole('region', { name: 'Import of shop-with-pans.csv' });
  await expect(card).toContainText(/full card numbers/i);
  await expect(card).toContainText(/security codes/i);

  const text = await cacheText(page);
  expect(text).not.toContain('4111111111111111');
  expect(text).not.toContain('4111 1111 1111 1111');
  // BIN and last 4 are what is kept.
  expect(text).toContain('41111111');
});

test('Stripe payments join their Shopify orders: the order shows the card and IP it was paid with', async ({ page }) => {
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv'), path.join(FIXTURES, 'stripe-payments.csv')]);
  await expect(page.getByTestId('import-enriched')).toContainText(/\d+ own-shop orders? took card and IP details/);
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  const [row] = await visibleRows(page);
  expect(row!.Card).toMatch(/•••• 4242 04\/28$/);
  // At 1440 px the IP column is hidden to fit the width; the order's detail shows it.
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: `Order ${row!.Order}` });
  await expect(detail).toContainText('203.0.113.7');
  // The payments naming the order are listed with their fate, the one it took its card from among them.
  await expect(detail.getByTestId('order-payments').locator('li')).toHaveText([/^ch_3PaidAAA1 · stripe · succeeded · €59\.90 · .* UTC$/]);
});

test('the analyst chooses which payment column holds the order reference', async ({ page }, testInfo) => {
  const stripe = readFileSync(path.join(FIXTURES, 'stripe-payments.csv'), 'utf8')
    .replace('order_id (metadata)', 'shop_ref (metadata)')
    .replace('Shopify order #1001', 'Webshop payment');
  const file = testInfo.outputPath('stripe-custom-ref.csv');
  writeFileSync(file, stripe);
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv')]);
  await page.getByLabel('Order reference column').fill('shop_ref (metadata)');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('region', { name: 'Import of stripe-custom-ref.csv' })).toBeVisible();
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  const [row] = await visibleRows(page);
  expect(row!.Card).toMatch(/•••• 4242/);
});

test('a checkout device id and session in Stripe metadata reach the orders, links them into a ring, and the card checks show on the order', async ({
  page,
}, testInfo) => {
  // The real export plus the metadata column a shop's integration writes (`<key> (metadata)`): one device on #1001 and #1003.
  const lines = readFileSync(path.join(FIXTURES, 'stripe-payments.csv'), 'utf8').split('\n');
  const file = testInfo.outputPath('stripe-device.csv');
  // And the checkout session on #1001's payment.
  const cells = (i: number) =>
    i === 0 ? 'device_id (metadata),session_id (metadata)' : `${i === 1 || i === 3 ? 'dev-7f3a9c21' : ''},${i === 1 ? 'cs_live_a1B2c3D4e5' : ''}`;
  writeFileSync(file, lines.map((l, i) => (l === '' ? l : `${l},${cells(i)}`)).join('\n'));
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv'), file]);
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: 'Order #1001' });
  await expect(detail.locator('div', { has: page.locator('dt', { hasText: /^Card checks$/ }) }).locator('dd')).toHaveText('CVC passed · AVS postcode passed');
  await expect(detail.locator('div', { has: page.locator('dt', { hasText: /^Device$/ }) }).locator('dd')).toHaveText('dev-7f3a9c21');
  await expect(detail.locator('div', { has: page.locator('dt', { hasText: /^Checkout session$/ }) }).locator('dd')).toHaveText('cs_live_a1B2c3D4e5');
  await detail.getByRole('button', { name: 'Show its ring' }).click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('table', { name: 'Ring orders' })).toContainText('#1003', { timeout: 60_000 });
  await expect(ring).toContainText('same device id');
});

test('the import card counts orders, not lines, and says how many new orders are work and how many are history', async ({ page }, testInfo) => {
  // A year-old export: every order is history. The same orders renumbered and dated yesterday: two are work.
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv')]);
  const card = page.getByRole('region', { name: 'Import of shopify-orders.csv' });
  await expect(card.getByTestId('import-records')).toHaveText('3 orders (3 new) from 6 lines');
  await expect(card.getByTestId('import-review-window')).toHaveText(
    '0 new orders from the last 14 days go to scoring for review; 3 older orders are kept as history, not queued.',
  );
  const recent = readFileSync(path.join(FIXTURES, 'shopify-orders.csv'), 'utf8').replaceAll('#100', '#200').replaceAll('2026-05-01', '2026-11-17');
  const file = testInfo.outputPath('shopify-recent.csv');
  writeFileSync(file, recent);
  await importFiles(page, [file]);
  const second = page.getByRole('region', { name: 'Import of shopify-recent.csv' });
  await expect(second.getByTestId('import-records')).toHaveText('3 orders (3 new) from 6 lines');
  await expect(second.getByTestId('import-review-window')).toHaveText(
    '2 new orders from the last 14 days go to scoring for review; 1 older order is kept as history, not queued.',
  );
});

test('two shops with the same order numbers: the second shop’s export asks, writes nothing until answered, and "another shop" keeps both', async ({
  page,
}, testInfo) => {
  const { shopifyExport, shopOrders } = await import('../support/shopifyExport');
  const shopA = testInfo.outputPath('orders_export.csv');
  const outlet = testInfo.outputPath('outlet_orders.csv');
  writeFileSync(shopA, shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')));
  writeFileSync(outlet, shopifyExport(shopOrders(40, '2026-06-15', 70, 'b.example')));
  await importFiles(page, [shopA]);
  expect(await buckets(page, 'orders_export.csv')).toMatchObject({ created: 40 });

  await importFiles(page, [outlet]);
  const card = page.getByRole('region', { name: 'Import of outlet_orders.csv' });
  await expect(card.getByTestId('shop-question')).toHaveText(
    '40 orders #1001–#1040 exist from orders_export.csv with other dates and amounts: the same shop, or another shop? Nothing from this file is imported until you say.',
  );
  await expect(card).toContainText('For example #1001: in this file 2026-06-15 09:00 UTC, €70.00; in the cache 2026-05-01 09:00 UTC, €20.00.');
  await expect(page.getByRole('table', { name: 'Import history' })).not.toContainText('outlet_orders.csv');

  await card.getByLabel('Shop name').fill('Outlet');
  await card.getByRole('button', { name: 'Import as that shop' }).click();
  await expect.poll(() => buckets(page, 'outlet_orders.csv').catch(() => null)).toMatchObject({ created: 40, updated: 0 });

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  // The rows' cells fill in after the count: read them until both are there.
  await expect
    .poll(async () => (await visibleRows(page)).map((r) => [r.Order, r.Channel, r.Total]).sort())
    .toEqual([
      ['#1001', 'Outlet', '€70.00'],
      ['#1001', 'Own shop', '€20.00'],
    ]);

  // The outlet's next export has only new numbers: nothing clashes, yet with two shops it asks which, the outlet offered as last time.
  const july = testInfo.outputPath('outlet_july.csv');
  writeFileSync(july, shopifyExport(shopOrders(45, '2026-06-15', 70, 'b.example').slice(40)));
  await importFiles(page, [july]);
  const which = page.getByRole('region', { name: 'Import of outlet_july.csv' });
  await expect(which.getByTestId('shop-question')).toHaveText(
    'The cache holds orders of 2 own shops (Own shop, Outlet): which shop are the orders in outlet_july.csv from? Nothing from this file is imported until you say.',
  );
  await expect(which).toContainText('Last time a Shopify orders export was from Outlet.');
  // A name that would key its orders like the outlet's is refused before anything is read.
  await which.getByLabel('Shop name').fill('Outlet+');
  await expect(which.locator('.error')).toHaveText(/^“Outlet\+” would file its orders under the same key as the shop “Outlet”/);
  await expect(which.getByRole('button', { name: 'Import as that shop' })).toBeDisabled();
  await which.getByRole('button', { name: 'Outlet — as last time' }).click();
  await expect.poll(() => buckets(page, 'outlet_july.csv').catch(() => null)).toMatchObject({ created: 5 });
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1045');
  await expect.poll(async () => (await visibleRows(page)).map((r) => [r.Order, r.Channel])).toEqual([['#1045', 'Outlet']]);
});

test('a second shop’s payments imported while only the first shop’s orders are in: none lends its card to the first shop’s order it does not fit, the card and the history say why, the order lists them as not joined, and they join the second shop’s orders by assumed shop, marked so in its detail and evidence pack', async ({
  page,
}, testInfo) => {
  const shopA = testInfo.outputPath('orders_export.csv');
  const payments = testInfo.outputPath('outlet_payments.csv');
  const outlet = testInfo.outputPath('outlet_orders.csv');
  writeFileSync(shopA, shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')));
  writeFileSync(outlet, shopifyExport(shopOrders(40, '2026-09-01', 70, 'b.example')));
  // The outlet's payments: #1001 for 70.00 (the own shop's #1001 is 20.00), #1002 on 1 September (the own shop's was placed 1 May).
  writeFileSync(
    payments,
    [
      'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email,Card Last4,Card Exp Month,Card Exp Year,Card Fingerprint,Card Brand,Card Issue Country,order_id (metadata),ip (metadata)',
      'ch_out1,Order #1001,2026-09-01 09:00:30,70.00,0.00,eur,true,Paid,buyer0@b.example,5555,08,2028,fp_out1,Mastercard,FR,#1001,198.51.100.1',
      'ch_out2,Order #1002,2026-09-01 10:00:40,15.00,0.00,eur,true,Paid,buyer1@b.example,5556,08,2028,fp_out2,Mastercard,FR,#1002,198.51.100.2',
    ].join('\n') + '\n',
  );
  await importFiles(page, [shopA]);
  await importFiles(page, [payments]);
  const card = page.getByRole('region', { name: 'Import of outlet_payments.csv' });
  expect(await buckets(page, 'outlet_payments.csv')).toMatchObject({ rows: 2, created: 2, quarantined: 0 });
  await expect(card.getByTestId('import-misfit-payments')).toHaveText(
    "2 payments did not fit the order of their number and were not joined to it: 1 for more than the order's total, 1 dated more than 2 days before the order or more than 92 days after it. " +
      "They are kept, and join another shop's order of that number that fits them once that shop's orders are imported.",
  );
  await expect(card.getByTestId('import-enriched')).toHaveCount(0);
  // The history keeps what the card said: in the row, opened below the table.
  const historyRow = page.getByRole('table', { name: 'Import history' }).locator('tbody tr').filter({ hasText: 'outlet_payments.csv' });
  await historyRow.getByRole('button', { name: '1 warning of outlet_payments.csv' }).click();
  await expect(page.getByTestId('import-warnings').locator('li')).toHaveText([
    "2 payments named an order they did not fit: not joined (1 for more than the order's total, 1 dated more than 2 days before the order or more than 92 days after it).",
  ]);
  // The import of the first shop's orders warned of nothing.
  await expect(
    page
      .getByRole('table', { name: 'Import history' })
      .locator('tbody tr')
      .filter({ hasText: 'orders_export.csv' })
      .getByRole('button', { name: /warning/ }),
  ).toHaveCount(0);

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  const [row] = await visibleRows(page);
  expect(row!.Card).not.toMatch(/5555/);
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: 'Order #1001' });
  // Listed, so the analyst sees it exists, and why it was not joined; its card and IP stay out of the order.
  await expect(detail.getByTestId('order-payments').locator('li')).toHaveText([
    /^ch_out1 · stripe · succeeded · €70\.00 · 2026-09-01 09:00 UTC · did not fit, not joined \(amount: €70\.00, more than the order's total of €20\.00\)$/,
  ]);
  await expect(detail).not.toContainText('198.51.100.1');

  await importFiles(page, [outlet]);
  const asks = page.getByRole('region', { name: 'Import of outlet_orders.csv' });
  await asks.getByLabel('Shop name').fill('Outlet');
  await asks.getByRole('button', { name: 'Import as that shop' }).click();
  await expect.poll(() => buckets(page, 'outlet_orders.csv').catch(() => null)).toMatchObject({ created: 40 });
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  await expect
    .poll(async () => (await visibleRows(page)).map((r) => [r.Channel, /5555/.test(r.Card ?? '')]).sort())
    .toEqual([
      ['Outlet', true],
      ['Own shop', false],
    ]);
  // The outlet's #1001 lists the payment it took by assumed shop, and says so.
  const outletAt = (await visibleRows(page)).findIndex((r) => r.Channel === 'Outlet');
  await page.locator(`[role="row"][aria-rowindex="${outletAt + 2}"]`).click();
  await expect(page.getByRole('complementary', { name: 'Order #1001' }).getByTestId('order-payments').locator('li')).toHaveText([
    /^ch_out1 · stripe · succeeded · €70\.00 · 2026-09-01 09:00 UTC · joined by assumed shop: nobody was asked which shop its payments file is from/,
  ]);

  // A dispute on it: its evidence pack takes that payment, marked the same way, and asks the analyst to make sure.
  const disputes = testInfo.outputPath('outlet_disputes.csv');
  writeFileSync(
    disputes,
    [
      'id,Reason,Status,Charge ID,order_id (metadata),Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
      'dp_out1,fraudulent,needs_response,,#1001,70.00,eur,2026-11-10 10:00,2026-11-30 23:59,mastercard',
    ].join('\n') + '\n',
  );
  await importFiles(page, [disputes]);
  const which = page.getByRole('region', { name: 'Import of outlet_disputes.csv' });
  await which.getByRole('button', { name: /^Outlet/ }).click();
  await expect.poll(() => buckets(page, 'outlet_disputes.csv').catch(() => null)).toMatchObject({ created: 1 });
  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').filter({ hasText: '#1001 · Outlet' }).click();
  const dispute = page.getByRole('region', { name: 'Dispute dp_out1' });
  // The pack is read when it is exported: its print layout (the PDF's, hidden on screen, outside the app's root) then holds it.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'yes';
    };
  });
  await dispute.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await expect(page.getByTestId('evidence-pack').locator('table[aria-label="Payment"]')).toContainText(
    'ch_out1 (Stripe) · €70.00 · succeeded · joined by assumed shop',
  );
  await expect(dispute.getByTestId('pack-checks')).toContainText('Payment ch_out1 is joined by assumed shop to order #1001: nobody was asked which shop');
});

test('two shops’ date-only exports with the same numbers, day and amounts: other buyers ask, and "another shop" leaves the first shop’s orders as they were', async ({
  page,
}, testInfo) => {
  // A date-only export places every order of a day at the same midnight, and a popular price repeats:
  // only the buyer tells the outlet's #1001 from the first shop's.
  const dateOnly = (domain: string) => shopOrders(12, '2026-05-01', 29, domain).map((r) => ({ ...r, createdAt: '2026-05-01', total: '29.90' }));
  const shopA = testInfo.outputPath('orders_may.csv');
  const outlet = testInfo.outputPath('outlet_may.csv');
  writeFileSync(shopA, shopifyExport(dateOnly('a.example')));
  writeFileSync(outlet, shopifyExport(dateOnly('b.example')));
  await importFiles(page, [shopA]);
  expect(await buckets(page, 'orders_may.csv')).toMatchObject({ created: 12 });

  await importFiles(page, [outlet]);
  const card = page.getByRole('region', { name: 'Import of outlet_may.csv' });
  await expect(card.getByTestId('shop-question')).toHaveText(
    '12 orders #1001–#1012 exist from orders_may.csv with other buyers: the same shop, or another shop? Nothing from this file is imported until you say.',
  );
  await expect(card).toContainText(
    'For example #1001: in this file 2026-05-01 00:00 UTC, €29.90, bought by buyer0@b.example; in the cache 2026-05-01 00:00 UTC, €29.90, bought by buyer0@a.example.',
  );
  await expect(page.getByRole('table', { name: 'Import history' })).not.toContainText('outlet_may.csv');

  await card.getByLabel('Shop name').fill('Outlet');
  await card.getByRole('button', { name: 'Import as that shop' }).click();
  await expect.poll(() => buckets(page, 'outlet_may.csv').catch(() => null)).toMatchObject({ created: 12, updated: 0 });
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '#1001');
  expect((await visibleRows(page)).map((r) => [r.Order, r.Channel, r.Total]).sort()).toEqual([
    ['#1001', 'Outlet', '€29.90'],
    ['#1001', 'Own shop', '€29.90'],
  ]);
});

test('a shop’s next export that changes orders says what it changed in them, field by field', async ({ page }, testInfo) => {
  const first = testInfo.outputPath('orders_week1.csv');
  const next = testInfo.outputPath('orders_week1_again.csv');
  const orders = shopOrders(20, '2026-05-04', 30, 'a.example');
  writeFileSync(first, shopifyExport(orders));
  // Three orders refunded since, one buyer's e-mail corrected.
  writeFileSync(
    next,
    shopifyExport(
      orders.map((o, i) => (i === 2 || i === 5 || i === 9 ? { ...o, status: 'refunded' } : i === 7 ? { ...o, email: 'buyer7@a-mail.example' } : o)),
    ),
  );
  await importFiles(page, [first]);
  await expect(page.getByRole('region', { name: 'Import of orders_week1.csv' }).getByTestId('import-changed')).toHaveCount(0);
  await importFiles(page, [next]);
  const card = page.getByRole('region', { name: 'Import of orders_week1_again.csv' });
  await expect(card.getByTestId('import-records')).toHaveText('20 orders (4 updated, 16 unchanged) from 20 lines');
  await expect(card.getByTestId('import-changed')).toHaveText('Updated orders changed: status in 3, e-mail in 1.');
});

test("a US PayPal download of a month's first days: no date tells, the rows' time zone says month first, and the card says so", async ({ page }, testInfo) => {
  const [header, first] = readFileSync(path.join(FIXTURES, 'paypal-activity-en.csv'), 'utf8').split('\n');
  const file = testInfo.outputPath('paypal-week.csv');
  writeFileSync(file, `${header}\n${first}\n`);
  await importFiles(page, [file]);
  const card = page.getByRole('region', { name: 'Import of paypal-week.csv' });
  await expect(card.getByTestId('import-date-orders')).toHaveText(
    'Dates in “Date” read as month/day/year: no value in the file tells, and its rows’ time zone is a US one (PDT, line 2), where dates are written month first',
  );
  expect(await buckets(page, 'paypal-week.csv')).toMatchObject({ created: 1, quarantined: 0 });
});

test('a PayPal download: its holds, withdrawals and deposits are counted apart from rows to fix', async ({ page }) => {
  await importFiles(page, [path.join(FIXTURES, 'paypal-activity-en.csv')]);
  const card = page.getByRole('region', { name: 'Import of paypal-activity-en.csv' });
  const b = await buckets(page, 'paypal-activity-en.csv');
  expect(b.quarantined).toBeGreaterThan(0);
  const other = await card
    .getByRole('table')
    .locator('tbody tr')
    .filter({ hasText: /not a customer payment/ })
    .count();
  expect(other).toBeGreaterThan(0);
  const fix = b.quarantined - other;
  await expect(card.getByTestId('import-other-kinds')).toHaveText(
    `Of the ${b.quarantined} quarantined, ${other} ${other === 1 ? 'is a row' : 'are rows'} of another kind (fees, transfers, conversions: nothing to fix)${fix > 0 ? `; ${fix} ${fix === 1 ? 'needs' : 'need'} fixing.` : '.'}`,
  );
  await expect(card.getByText('Rows created', { exact: true })).toBeVisible();
});

test('a German PayPal download’s chargeback (Rückbuchung) is said apart from its fees: not a dispute, the payment still reads as paid', async ({
  page,
}, testInfo) => {
  const lines = readFileSync(path.join(FIXTURES, 'paypal-activity-de.csv'), 'utf8').trimEnd().split('\n');
  // The refund row of 7 May as the bank's chargeback of Ben Keller's payment instead.
  const fields = lines[3]!.split('","');
  fields[4] = 'Rückbuchung';
  const file = testInfo.outputPath('paypal-rueckbuchung.csv');
  writeFileSync(file, `${[...lines.slice(0, 3), fields.join('","')].join('\n')}\n`);
  await importFiles(page, [file]);
  const card = page.getByRole('region', { name: 'Import of paypal-rueckbuchung.csv' });
  expect(await buckets(page, 'paypal-rueckbuchung.csv')).toMatchObject({ created: 2, quarantined: 1 });
  await expect(card).toContainText('says this row is a chargeback, not a customer payment; it was not imported as one, nor as a dispute');
  await expect(card.locator('.messages')).toContainText(
    "names chargebacks of payments: they were set aside, not listed under Disputes, and the payments they take back still read as paid; import the provider's dispute report to work them",
  );
});

test('a PayPal case report: the column row under the report headers is found, the chargeback lands in Disputes and the buyer claim among the refund claims, the footer rows are set aside as such', async ({
  page,
}) => {
  await importFiles(page, [path.join(FIXTURES, 'shopify-orders.csv'), path.join(FIXTURES, 'paypal-case-report.csv')]);
  const card = page.getByRole('region', { name: 'Import of paypal-case-report.csv' });
  await expect(card).toContainText('PayPal case (dispute) report');
  expect(await buckets(page, 'paypal-case-report.csv')).toMatchObject({ rows: 7, created: 2, quarantined: 5 });
  await expect(card).toContainText('column 1 (CH) says this row (SF) is not a case row (SB); it was not imported as one');
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // The card chargeback by its Visa code, on its order; the PayPal-funded case by PayPal's own reason.
  const chargeback = table.locator('tbody tr', { hasText: 'visa 10.4' });
  await expect(chargeback).toContainText('Fraud');
  await expect(chargeback).toContainText('€59.90');
  await expect(chargeback).toContainText('#1001');
  // The PayPal-funded Non-Receipt case is the buyer's claim in PayPal's Resolution Center: a refund claim.
  const claim = table.locator('tbody tr[data-kind="paypal-inr"]');
  await expect(claim).toContainText('PayPal claim: not received');
  await expect(claim).toContainText('PP-D-22222222');
  await expect(claim).toContainText('€89.00');
});

test('Cancel stops an import mid-file: the batches written stay and are accounted for, and the same file again adds only the rest', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // ~200k rows: long enough to cancel while the read worker is still reading.
  const rows = 200_000;
  const file = testInfo.outputPath('orders.csv');
  writeFileSync(file, zalandoExport(rows));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('import-progress')).toContainText(/[1-9][\d,]* rows/, { timeout: 60_000 });
  await page.getByRole('status', { name: 'Import progress' }).getByRole('button', { name: 'Cancel' }).click();

  const card = page.getByRole('region', { name: 'Import of orders.csv' });
  await expect(card.locator('.status')).toHaveText('cancelled', { timeout: 60_000 });
  const first = await buckets(page, 'orders.csv');
  expect(first.rows).toBeGreaterThan(0);
  expect(first.rows).toBeLessThan(rows);
  expect(first.created + first.updated + first.unchanged + first.quarantined).toBe(first.rows);
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-status', 'cancelled');

  // A new import (and read worker) reads the whole file: what the cancelled one wrote is unchanged.
  await importFiles(page, [file]);
  await expect(card.locator('.status')).toHaveText('completed', { timeout: 180_000 });
  const again = await buckets(page, 'orders.csv');
  expect(again.rows).toBe(rows);
  expect(again.unchanged).toBe(first.created);
  expect(again.created).toBe(rows - first.created);
  expect(again.updated + again.quarantined).toBe(0);
});

/**
 * A cache holding a shop's first export (`firstRows` orders #1001…), and that shop's next export
 * written to `nextFile` (the same orders and more, `nextRows` in all): what the shop check reads.
 */
async function shopWithNextExport(page: Page, firstFile: string, firstRows: number, nextFile: string, nextRows: number): Promise<string> {
  writeFileSync(firstFile, shopifyExport(shopOrders(firstRows, '2026-05-01', 20, 'a.example')));
  writeFileSync(nextFile, shopifyExport(shopOrders(nextRows, '2026-05-01', 20, 'a.example')));
  await importFiles(page, [firstFile]);
  const card = page.getByRole('region', { name: `Import of ${path.basename(firstFile)}` });
  await expect(card.locator('.status')).toHaveText('completed', { timeout: 60_000 });
  return nextFile;
}

test('a shop’s next export into a cache that holds its orders: the shop check shows its progress, writes nothing, then the import adds only what is new', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const nextFile = await shopWithNextExport(page, testInfo.outputPath('shop-export-1.csv'), 40_000, testInfo.outputPath('shop-export-2.csv'), 50_000);

  // What the progress panel said, every time it changed.
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Import progress"]')?.textContent ?? '';
      if (text && text !== said.at(-1)) said.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(nextFile);
  const card = page.getByRole('region', { name: 'Import of shop-export-2.csv' });
  await expect(card.locator('.status')).toHaveText('completed', { timeout: 120_000 });
  expect(await buckets(page, 'shop-export-2.csv')).toEqual({ rows: 50_000, created: 10_000, updated: 0, unchanged: 40_000, quarantined: 0 });

  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  const checking = said.findIndex((t) => t.startsWith('Checking shop-export-2.csv (1 of 1) against the orders of other shops, nothing written yet'));
  expect(checking, said.join('\n')).toBeGreaterThanOrEqual(0);
  expect(said[checking]).toMatch(/[1-9][\d,]* rows read/);
  // No import progress before the check: the import (from the batches the check read) comes after it.
  expect(said.slice(0, checking).filter((t) => / rows /.test(t))).toEqual([]);
});

test('Cancel while the shop check reads writes nothing: no import in the history, the orders as they were, and the screen says so', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // ~300k rows next: the check reads for a few seconds, long enough to cancel it.
  const nextFile = await shopWithNextExport(page, testInfo.outputPath('shop-export-1.csv'), 20_000, testInfo.outputPath('shop-export-2.csv'), 300_000);
  const orders = await cacheText(page);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(nextFile);
  const panel = page.getByRole('status', { name: 'Import progress' });
  await expect(panel).toContainText('Checking shop-export-2.csv (1 of 1) against the orders of other shops, nothing written yet', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toContainText(/[1-9][\d,]* rows read/);
  await panel.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: nothing written for shop-export-2.csv' })).toBeVisible({ timeout: 60_000 });
  await expect(panel).toBeHidden();
  await expect(page.getByRole('region', { name: 'Import of shop-export-2.csv' })).toHaveCount(0);
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.locator('tbody tr')).toHaveCount(1);
  expect(await cacheText(page)).toBe(orders);
});

test('an Adyen dispute report saved again by a German spreadsheet (; and decimal commas) imports as the original does', async ({ page }, testInfo) => {
  const original = readFileSync(path.join(FIXTURES, 'adyen-dispute-report.csv'), 'utf8');
  const rows = Papa.parse<string[]>(original.trim(), { delimiter: ',' }).data;
  const resaved = rows.map((r) => r.map((f) => (/^-?\d+\.\d\d$/.test(f) ? f.replace('.', ',') : f)).join(';')).join('\r\n') + '\r\n';
  expect(resaved).toContain(';120,00;');
  const file = testInfo.outputPath('dispute_report_de.csv');
  writeFileSync(file, resaved);
  await importFiles(page, [file]);
  expect(await buckets(page, 'dispute_report_de.csv')).toEqual({ rows: rows.length - 1, created: rows.length - 1, updated: 0, unchanged: 0, quarantined: 0 });
});

test('two Amazon All Orders reports that overlap, joined: each repeated item is set aside with the line it repeats, and counted once', async ({
  page,
}, testInfo) => {
  const [header, first, second, ...rest] = readFileSync(path.join(FIXTURES, 'amazon-all-orders.txt'), 'utf8').split('\n');
  const file = testInfo.outputPath('all-orders-joined.txt');
  writeFileSync(file, [header, first, first, second, second, ...rest].join('\n'));
  await importFiles(page, [file]);
  const b = await buckets(page, 'all-orders-joined.txt');
  expect(b.quarantined).toBe(2);
  expect(b.rows).toBe(b.created + b.updated + b.unchanged + b.quarantined);
  const card = page.getByRole('region', { name: 'Import of all-orders-joined.txt' });
  await expect(card.getByRole('table').locator('tbody tr').filter({ hasText: 'as line 2, in the same order' })).toHaveCount(1);
  await expect(card.getByRole('table').locator('tbody tr').filter({ hasText: 'as line 4, in the same order' })).toHaveCount(1);
  // The order's total counts each item once: 25.98 + 9.99 + 3.50 shipping − 2.00.
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, '302-1234567-1234567');
  const [row] = await visibleRows(page);
  expect(Object.values(row!).join(' ')).toContain('37.47');
});

test('a file that failed says so, with no green line: an empty file and a workbook named .csv offer no mapping, an unknown CSV does', async ({
  page,
}, testInfo) => {
  const empty = testInfo.outputPath('empty.csv');
  writeFileSync(empty, '');
  // An .xlsx saved under a .csv name: a ZIP whose first entry is [Content_Types].xml.
  const workbook = testInfo.outputPath('orders-from-excel.csv');
  writeFileSync(
    workbook,
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), 19, 0, 0, 0]), Buffer.from('[Content_Types].xml'), Buffer.alloc(64)]),
  );
  const unknown = testInfo.outputPath('unknown-columns.csv');
  writeFileSync(unknown, ['Foo;Bar;Baz', '1;2;3', '4;5;6', '7;8;9', '10;11;12', '13;14;15'].join('\n'));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([empty, workbook, unknown]);
  for (const name of ['empty.csv', 'orders-from-excel.csv', 'unknown-columns.csv']) {
    const card = page.getByRole('region', { name: `Import of ${name}` });
    await expect(card.getByTestId('import-reconciles')).toHaveText(/^Nothing was imported/);
    await expect(card.getByTestId('import-reconciles')).toHaveClass(/error/);
    await expect(card).not.toContainText('Every row accounted for');
  }
  await expect(page.getByRole('region', { name: 'Import of empty.csv' }).getByRole('button', { name: 'Map its columns…' })).toHaveCount(0);
  const sheet = page.getByRole('region', { name: 'Import of orders-from-excel.csv' });
  await expect(sheet).toContainText('save it as CSV (UTF-8) and import that');
  await expect(sheet.getByRole('button', { name: 'Map its columns…' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Import of unknown-columns.csv' }).getByRole('button', { name: 'Map its columns…' })).toBeVisible();
});
