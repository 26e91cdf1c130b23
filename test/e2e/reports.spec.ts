import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { reportPdfOptions } from '../../electron/main/pdfReport';
import { chooseImportFile, expect, legendColours, loadDemo, test } from './fixtures';
import { CHANNEL_COLOUR } from '../../renderer/src/ui/channelColours';
import { riskyShopifyExport, type RiskyOrder } from '../support/shopifyExport';

const SHOPIFY = fileURLToPath(new URL('../fixtures/imports/shopify-orders.csv', import.meta.url));

const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.-]/g, ''));

/** Cells of a report table's body, by row. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

async function openReports(page: Page, title = /^Fraud trend, weekly by marketplace/) {
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByTestId('report-title')).toHaveText(title, { timeout: 60_000 });
  await expect(page.getByTestId('top-rings')).toBeVisible({ timeout: 60_000 });
}

test('fraud trend on the demo data: figures agree with the orders behind them, a snapshot reopens unchanged, PDF and PNG export', async ({ page }) => {
  await loadDemo(page);
  await openReports(page);

  // The by-marketplace table adds up to the headline figure.
  const groups = await tableRows(page, 'trend-by-group');
  expect(groups.map((r) => r[0])).toEqual(expect.arrayContaining(['Amazon', 'Zalando', 'Own shop']));
  const ordersFigure = num(await page.getByTestId('figure-orders').locator('.figure-value').textContent());
  expect(groups.reduce((n, r) => n + num(r[1]!), 0)).toBe(ordersFigure);
  // The planted rings of the demo year show among the top rings.
  expect((await tableRows(page, 'top-rings')).length).toBeGreaterThan(0);
  // Each named as the Rings screen and the decision log name it: by its earliest order's number
  // (own shop #…, Amazon 123-…, Zalando digits), never the cache's source slug.
  for (const [name] of await tableRows(page, 'top-rings')) expect(name).toMatch(/^ring of (#\d+|\d{3}-\d{7}-\d{7}|\d+)$/);

  // Click-through: the Own shop row opens exactly its orders in the Orders screen.
  const shop = groups.find((r) => r[0] === 'Own shop')!;
  await page.getByRole('button', { name: 'Orders of Own shop', exact: true }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(`${shop[1]} of 10,000 orders`);
  await expect(page.getByRole('button', { name: 'Own shop', pressed: true })).toBeVisible();

  // Split by country: a country's row opens its orders too (a filter the Orders screen shows).
  await openReports(page);
  await page.getByLabel('Split by').selectOption('country');
  await expect(page.getByTestId('report-title')).toHaveText(/by shipping country/);
  const countries = await tableRows(page, 'trend-by-group');
  const de = countries.find((r) => r[0] === 'DE')!;
  expect(num(de[1]!)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Orders of DE', exact: true }).click();
  await expect(page.getByTestId('group-filter')).toContainText('Shipping country: DE');
  await expect(page.getByTestId('orders-count')).toHaveText(`${de[1]} of 10,000 orders`);

  // Back in Reports, the parameters are as the analyst left them.
  await openReports(page, /^Fraud trend, weekly by shipping country/);
  await page.getByLabel('Split by').selectOption('marketplace');
  await expect(page.getByTestId('report-title')).toHaveText(/by marketplace/);
  await expect(page.getByTestId('top-rings')).toBeVisible();
  // Each channel in its own colour, the one a ring's timeline gives it.
  await expect
    .poll(() => legendColours(page.locator('.chart-box', { hasText: 'Orders by marketplace' })))
    .toMatchObject({ Amazon: CHANNEL_COLOUR.amazon, Zalando: CHANNEL_COLOUR.zalando, 'Own shop': CHANNEL_COLOUR.shop });

  // Save a snapshot, then reopen it from the list: same figures, hash checks out, data unchanged.
  const rateShown = await page.getByTestId('figure-fraud-rate').locator('.figure-value').textContent();
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.getByRole('button', { name: /^Snapshot #\d+$/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await page.getByTestId('snapshots').getByRole('button', { name: 'Open' }).first().click();
  await expect(page.getByTestId('snapshot-banner')).toContainText('Its hash checks out. The data behind it is unchanged.');
  await expect(page.getByTestId('figure-fraud-rate').locator('.figure-value')).toHaveText(rateShown!);
  // The same figures; a snapshot offers no click-through (today's orders may differ from its figures).
  expect(await tableRows(page, 'trend-by-group')).toEqual(groups.map((r) => [...r.slice(0, -1), '']));

  // The top rings as CSV name each ring as the table does, one row per row on screen.
  const [ringsCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.report-table', { hasText: 'Top rings of the range' }).getByRole('button', { name: 'CSV' }).click(),
  ]);
  const ringRows = Papa.parse<Record<string, string>>(readFileSync(await ringsCsv.path(), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(ringRows.map((r) => r.ring_name)).toEqual((await tableRows(page, 'top-rings')).map((r) => r[0]));

  // A chart as PNG.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.chart-box', { hasText: 'Orders by marketplace' }).getByRole('button', { name: 'PNG' }).click(),
  ]);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5_000);

  // PDF: the print layout of the snapshot, printed as the Electron shell prints it.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'yes';
    };
  });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  const period = (await page.getByTestId('report-title').textContent())!.match(/(\d{4}-W\d{2}) to (\d{4}-W\d{2})/)!;
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  const pdf = path.join(dir, 'report.pdf');
  // The options the Electron shell prints with; the page numbers come from the print stylesheet.
  await page.pdf({ path: pdf, ...reportPdfOptions(false) });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(`${period[1]} to ${period[2]}`);
  expect(text).toMatch(new RegExp(`Fraud rate\\s+${rateShown!.replace('.', '\\.')} \\(`));
  expect(text).toMatch(/Snapshot hash\s+[0-9a-f]{64}/);
  // The values' rates are edited data: the title page names their date, as the KPI report's does.
  await expect(page.locator('.title-page dt', { hasText: 'Filters' }).locator('+ dd')).toContainText(
    /values in EUR \(other currencies at .*, rates of 2026-11-02\)$/,
  );
  expect(text.replace(/\s+/g, ' ')).toContain(', rates of 2026-11-02)');
  const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
  expect(pages).toBeGreaterThan(1);
  expect(text).toContain(`Page ${pages} of ${pages}`);
  expect(text).not.toContain('Save snapshot');
});

/** ISO week label of a Monday given as YYYY-MM-DD. */
function isoWeek(day: string): string {
  const thursday = new Date(Date.parse(`${day}T00:00:00Z`) + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1).padStart(2, '0')}`;
}

test('a bar of the confirmed-fraud chart opens exactly the fraud orders behind it', async ({ page }) => {
  await loadDemo(page);
  await openReports(page);
  const cells = await tableRows(page, 'trend-rows');
  await page.locator('.chart-box', { hasText: 'Confirmed fraud by marketplace' }).locator('.recharts-bar-rectangle path').first().click();
  await expect(page.getByTestId('only-filter')).toContainText('Confirmed fraud');
  const monday = await page.getByLabel('From date').inputValue();
  const marketplace = (await page.getByRole('group', { name: 'Marketplace' }).getByRole('button', { pressed: true }).textContent())!.trim();
  const cell = cells.find((r) => r[0] === isoWeek(monday) && r[1] === marketplace)!;
  expect(num(cell[4]!)).toBeGreaterThan(0);
  await expect(page.getByTestId('orders-count')).toHaveText(`${cell[4]} of 10,000 orders`);
  // Removing that filter leaves the week and marketplace: all their orders.
  await page.getByRole('button', { name: 'Remove the filter Confirmed fraud' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(`${cell[2]} of 10,000 orders`);

  // A range before the cached data says its figures are partial rather than show a false trend.
  await openReports(page);
  await page.getByLabel('From', { exact: true }).fill('2020-01-06');
  await page.getByLabel('To', { exact: true }).fill('2020-03-01');
  await expect(page.getByTestId('report-title')).toHaveText(/2020-W02 to 2020-W09/);
  await expect(page.getByTestId('partial-data')).toContainText('the range itself starts before the first cached order');
  await expect(page.getByTestId('figure-orders').locator('.figure-value')).toHaveText('0');

  // A previous span the data covers only in part: the cards mark it and show no change against it.
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-11-30');
  await page.getByLabel('Period').selectOption('month');
  await expect(page.getByTestId('report-title')).toHaveText(/monthly by marketplace, 2026-01 to 2026-11/);
  await expect(page.getByTestId('partial-data')).toContainText('the previous span starts before the first cached order');
  for (const card of ['orders', 'confirmed-fraud', 'fraud-rate', 'chargebacks']) {
    await expect(page.getByTestId(`figure-${card}`)).toContainText(/previous [\d,.]+ %? ?\(partial\)/);
    await expect(page.getByTestId(`figure-${card}`).locator('.delta')).toHaveCount(0);
  }
  // So do the tables: each group's previous fraud rate says partial, and no change is computed against it.
  const againstPartial = [
    ...(await tableRows(page, 'trend-by-group')).map((r) => [r[6], r[7]]),
    ...(await tableRows(page, 'trend-by-family')).map((r) => [r[3], r[5]]),
  ];
  expect(againstPartial.length).toBeGreaterThan(3);
  for (const [previous, change] of againstPartial) {
    expect(previous).toMatch(/\(partial\)$/);
    expect(change).toBe('–');
  }
  // And the PDF's first page, which printed the previous fraud rate as whole.
  await expect(page.locator('.title-page dt', { hasText: 'Compared with' }).locator('+ dd')).toHaveText(
    '2025-02-01 to 2025-12-31, covered only in part: no change is shown against it',
  );
  await expect(page.locator('.title-page dt', { hasText: 'Fraud rate' }).locator('+ dd')).toHaveText(/previous span [\d.]+ % \(partial\)$/);
  await expect(page.locator('.title-page dt', { hasText: 'Partial data' }).locator('+ dd')).toContainText(
    'The previous span starts before the first cached order',
  );
  // Card brands named as the KPI report and Disputes name them; a row still opens its orders.
  await page.getByLabel('Split by').selectOption('cardBrand');
  await expect(page.getByTestId('report-title')).toHaveText(/monthly by card brand/);
  const brands = (await tableRows(page, 'trend-by-group')).map((r) => r[0]);
  expect(brands).toEqual(expect.arrayContaining(['Visa', 'Mastercard', 'Amex']));
  expect(brands).not.toContain('visa');
  const visa = (await tableRows(page, 'trend-by-group')).find((r) => r[0] === 'Visa')!;
  await page.getByRole('button', { name: 'Orders of Visa', exact: true }).click();
  await expect(page.getByTestId('group-filter')).toContainText('Card brand: Visa');
  await expect(page.getByTestId('orders-count')).toHaveText(`${visa[1]} of 10,000 orders`);
  await openReports(page, /^Fraud trend, monthly by card brand/);
  await page.getByLabel('Split by').selectOption('marketplace');
  await page.getByLabel('Period').selectOption('week');

  // Switching to months moves From to the first of its month: the box shows what the report counts from.
  await page.getByLabel('From', { exact: true }).fill('2026-05-14');
  await page.getByLabel('Period').selectOption('month');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-05-01');
  await page.getByLabel('Period').selectOption('week');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-04-27');
});

test('CSV export of a report table neutralises cells a spreadsheet would run', async ({ page, now }) => {
  await loadDemo(page);
  // An own-shop order whose payment method is a spreadsheet formula.
  const parsed = Papa.parse<string[]>(readFileSync(SHOPIFY, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, first] = [parsed.data[0]!, parsed.data[1]!];
  const row = [...first];
  const at = (name: string) => header.indexOf(name);
  const yesterday = new Date(Date.parse(now) - 86_400_000).toISOString().replace('T', ' ').slice(0, 19) + ' +0000';
  row[at('Name')] = '#990001';
  row[at('Created at')] = yesterday;
  row[at('Paid at')] = yesterday;
  row[at('Payment Method')] = '=HYPERLINK("http://evil.example","pay")';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-csv-'));
  const file = path.join(dir, 'shopify-formula.csv');
  writeFileSync(file, Papa.unparse([header, row]));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('region', { name: 'Import of shopify-formula.csv' })).toBeVisible({ timeout: 60_000 });

  await openReports(page);
  await page.getByLabel('Split by').selectOption('paymentMethod');
  await expect(page.getByTestId('trend-by-group')).toContainText('=hyperlink');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.report-table', { hasText: 'By payment method, against the previous span' }).getByRole('button', { name: 'CSV' }).click(),
  ]);
  const raw = readFileSync(await download.path(), 'utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const lines = raw.slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'paymentMethod,orders,order_value,fraud_orders,fraud_value,fraud_rate,previous_fraud_rate,chargebacks,chargeback_value,currency,previous_partial',
  );
  const evil = lines.find((l) => l.includes('hyperlink'))!;
  expect(evil.startsWith(`"'=hyperlink(""http://evil.example"",""pay"")",1,`)).toBe(true);
  expect(lines.some((l) => l.startsWith('='))).toBe(false);
});

/** First and last day of the calendar month before the one `at` falls in (UTC). */
function previousMonth(at: string): [string, string] {
  const d = new Date(at);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

// Mid-month, and the edges where a month-to-date range is empty or the year turns.
for (const at of ['2026-11-18T14:00:00Z', '2026-12-01T00:30:00Z', '2026-12-31T23:30:00Z', '2027-01-01T00:15:00Z']) {
  test.describe(`on ${at}`, () => {
    test.use({ now: at });
    test(`KPI report: programme months judged by thresholds the analyst edits as dated data (at ${at})`, async ({ page }) => {
      await loadDemo(page);
      await page.getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('tab', { name: 'KPIs' }).click();
      // Opens on the month so far; judged here on the whole month before it, which has disputes on any day.
      await expect(page.getByTestId('report-title')).toHaveText(new RegExp(`^KPI report ${at.slice(0, 7)}-01 to`));
      // One analyst, no team: no per-analyst table and no conflicts card to read past.
      await expect(page.getByTestId('figure-unresolved-conflicts')).toHaveCount(0);
      const [from, to] = previousMonth(at);
      if (at === '2026-11-18T14:00:00Z') {
        // A range with no disputes has no dispute value: it says so, not "0.00 (mixed currencies)".
        await page.getByLabel('From', { exact: true }).fill('2020-01-01');
        await page.getByLabel('To', { exact: true }).fill('2020-01-31');
        await expect(page.getByTestId('figure-disputes-opened')).toContainText('none in the period');
      }
      await page.getByLabel('From', { exact: true }).fill(from);
      await page.getByLabel('To', { exact: true }).fill(to);
      await expect(page.getByTestId('report-title')).toHaveText(`KPI report ${from} to ${to}`);
      const opened = num(await page.getByTestId('figure-disputes-opened').locator('.figure-value').textContent());
      const families = await tableRows(page, 'kpi-by-family');
      expect(families.reduce((n, r) => n + num(r[1]!), 0)).toBe(opened);
      // Networks by their owners' names, as the Disputes list shows them; every dispute under one.
      const networks = await tableRows(page, 'kpi-by-network');
      expect(networks.length).toBeGreaterThan(0);
      for (const [name] of networks) expect(['Visa', 'Mastercard', 'Amex', 'Discover', 'PayPal', 'Stripe']).toContain(name);
      expect(networks.reduce((n, r) => n + num(r[1]!), 0)).toBe(opened);
      // The programme month of that month with the most disputes (a 10k demo has a few a month).
      const vamp = (await tableRows(page, 'kpi-programmes')).filter((r) => r[0] === from.slice(0, 7)).sort((a, b) => num(b[2]!) - num(a[2]!))[0]!;
      expect(num(vamp[2]!)).toBeGreaterThan(0);
      expect(vamp[5]).toBe('OK');
      await page.getByRole('button', { name: 'Save snapshot' }).click();
      await expect(page.getByRole('button', { name: /^Snapshot #\d+$/ })).toBeVisible();

      // A stricter threshold in force from that month: the same month is now over it.
      await page.getByRole('tab', { name: 'Thresholds and rates' }).click();
      await page.getByRole('button', { name: 'Add threshold' }).click();
      const n = await page.getByTestId('thresholds').locator('tbody tr').count();
      await page.getByLabel(`Programme of threshold ${n}`).selectOption({ label: vamp[1]! });
      await page.getByLabel(`Level of threshold ${n}`).fill('internal alert');
      await page.getByLabel(`Ratio of threshold ${n}`).fill('0.1');
      await page.getByLabel(`Count of threshold ${n}`).fill('1');
      await page.getByLabel(`First month of threshold ${n}`).fill(vamp[0]!);
      await page.getByLabel(`Source of threshold ${n}`).fill('risk committee, 2026-11');
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await expect(page.getByText('Saved.')).toBeVisible();
      await page.getByRole('tab', { name: 'KPIs' }).click();
      await expect(page.getByTestId('kpi-programmes').locator('tbody tr', { hasText: `${vamp[0]}${vamp[1]}` })).toContainText('Over threshold');
      await expect(page.getByTestId('kpi-programmes').locator('tbody tr', { hasText: `${vamp[0]}${vamp[1]}` })).toContainText('internal alert');
      // The snapshot saved before keeps the verdict it had, and says the data behind it changed.
      await page.getByRole('tab', { name: 'Snapshots' }).click();
      await page.getByTestId('snapshots').locator('tbody tr', { hasText: 'KPI report' }).getByRole('button', { name: 'Open' }).click();
      await expect(page.getByTestId('snapshot-banner')).toContainText('Its hash checks out. The cache has changed since');
      await expect(page.getByTestId('kpi-programmes').locator('tbody tr', { hasText: `${vamp[0]}${vamp[1]}` })).toContainText('OK');
      // A threshold without its source is refused with a reason.
      await page.getByRole('tab', { name: 'Thresholds and rates' }).click();
      await page.getByLabel(`Source of threshold ${n}`).fill('');
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await expect(page.getByRole('alert')).toHaveText(`Threshold ${n}: say where the threshold comes from`);

      // A range that ends before it starts: an error, and no stale report left to save or print.
      await page.getByRole('tab', { name: 'KPIs' }).click();
      await expect(page.getByTestId('report-title')).toBeVisible();
      await page.getByLabel('To', { exact: true }).fill('2020-01-01');
      await expect(page.getByRole('alert')).toHaveText('The range must end on or after its first day');
      await expect(page.getByTestId('report-title')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Export PDF' })).toHaveCount(0);
    });
  });
}

test('KPI report: "Thresholds applied" lists the thresholds in force in its months, not one a later row replaced', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await expect(page.getByTestId('report-title')).toHaveText('KPI report 2026-11-01 to 2026-11-30');
  await expect(page.getByTestId('kpi-programmes').locator('tbody tr', { hasText: 'Visa VAMP' })).toHaveCount(1);
  // One chargeback due by now: counted in the singular.
  await expect(page.getByTestId('figure-answered-by-the-deadline')).toContainText('0 of 1 chargeback due by now or answered already');
  // The month is not over at the 18 November clock: the note, its programme rows and the title page say so.
  const partial = 'period runs past today (2026-11-18), so its figures count 2026-11-01 to 2026-11-18 only, not the whole period.';
  await expect(page.getByTestId('partial-data')).toHaveText(`Partial data: the ${partial}`);
  await expect(page.getByTestId('kpi-programmes').locator('tbody tr').first().locator('td').first()).toHaveText('2026-11 (to 2026-11-18)');
  await expect(page.locator('.title-page')).toContainText(`Partial dataThe ${partial}`);
  const applied = page.locator('section.report-table', { has: page.getByRole('heading', { name: /^Thresholds applied/ }) }).locator('tbody tr');
  const rows = (await applied.allTextContents()).map((t) => t.trim());
  // Visa's 2.20 % ran until March 2026; November 2026 was judged at 1.50 %, from April 2026.
  expect(rows.filter((r) => r.startsWith('Visa VAMP'))).toEqual([expect.stringMatching(/^Visa VAMPexcessive1\.50 %1,5002026-04/)]);
  expect(rows.filter((r) => r.startsWith('Mastercard ECM'))).toHaveLength(2);
  // The PDF's first page names them too.
  await expect(page.locator('.title-page dt', { hasText: 'Programme thresholds' }).locator('+ dd')).toHaveText(
    'Visa VAMP, excessive: 1.50 % and 1,500 a month, from 2026-04; Mastercard ECM, ECM: 1.50 % and 100 a month, from 2019-01; Mastercard ECM, HECM: 3.00 % and 300 a month, from 2019-01',
  );

  // A date field that shows another date than the report's: the report says so and offers no PDF or snapshot until it is finished.
  const from = page.getByLabel('From', { exact: true });
  await from.fill('2026-11-15');
  await expect(page.getByTestId('report-title')).toHaveText('KPI report 2026-11-15 to 2026-11-30');
  await from.fill('2026-11-1');
  await expect(page.getByTestId('report-stale')).toHaveText('This report is for the dates applied before: finish the date above to update it.');
  await expect(page.getByRole('button', { name: 'Export PDF' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
  // One it cannot read (day and month ambiguous) stays stale after leaving the field.
  await from.fill('11/01/2026');
  await from.blur();
  await expect(page.locator('.date-problem')).toBeVisible();
  await expect(page.getByTestId('report-stale')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export PDF' })).toHaveCount(0);
  await from.fill('2026-11-01');
  await expect(page.getByTestId('report-title')).toHaveText('KPI report 2026-11-01 to 2026-11-30');
  await expect(page.getByTestId('report-stale')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export PDF' })).toBeVisible();

  // The demo year starts in November 2025: December's Mastercard ratio (ECM, over November's
  // transactions) divides by part of a month, and its row and the table say so; Visa's December is whole.
  await from.fill('2025-12-01');
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  await expect(page.getByTestId('report-title')).toHaveText('KPI report 2025-12-01 to 2025-12-31');
  const programmes = page.getByTestId('kpi-programmes');
  await expect(programmes.locator('tbody tr', { hasText: 'Mastercard ECM' }).locator('td').nth(3)).toHaveText(/^[\d,]+ \(from 2025-11-\d\d\)$/);
  await expect(programmes.locator('tbody tr', { hasText: 'Visa VAMP' }).locator('td').nth(3)).toHaveText(/^[\d,]+$/);
  await expect(page.locator('section.report-table', { has: programmes })).toContainText(/The cached orders start on 2025-11-\d\d: transactions marked "from"/);
});

test('saving a snapshot from the keyboard keeps the focus on its button and says what was saved', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await expect(page.getByTestId('report-title')).toHaveText(/^KPI report/);
  await page.getByRole('button', { name: 'Save snapshot' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved as snapshot #\d+, signed by K\. Weber\.$/ })).toBeVisible();
  // The button now names the snapshot and still holds the focus: the next Tab goes on from here, not from the top.
  const saved = page.getByRole('button', { name: /^Snapshot #\d+$/ });
  await expect(saved).toBeFocused();
  await expect(saved).toHaveAttribute('aria-disabled', 'true');
  // No decision logged yet: the title page says the log was empty, not "entry 0" and a hash of zeros.
  await expect(page.locator('.title-page dt', { hasText: 'Decision log' }).locator('+ dd')).toHaveText('empty');
  // Pressed again, it saves nothing more.
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(page.getByTestId('snapshots').locator('tbody tr')).toHaveCount(1);
});

test('opening a snapshot from the keyboard puts the focus on its way back, not on the page', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await page.getByTestId('snapshots').getByRole('button', { name: 'Open' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('snapshot-banner')).toContainText('Its hash checks out.');
  await expect(page.getByRole('button', { name: 'Back to live figures' })).toBeFocused();
});

test('keyboard drill-down: a chart takes the focus, the arrows move between weeks, Enter opens that week’s orders', async ({ page }) => {
  await loadDemo(page);
  await openReports(page);
  const cells = await tableRows(page, 'trend-rows');
  const chart = page.locator('.chart-box', { hasText: 'Orders by marketplace' });
  // Tab from the chart's PNG button lands on the chart itself.
  await chart.getByRole('button', { name: 'PNG' }).focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('.chart-box')?.querySelector('.chart-title')?.textContent ?? null);
  expect(focused).toBe('Orders by marketplace');
  // The tooltip follows the arrows: the third week.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const tooltip = chart.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toBeVisible();
  const week = (await tooltip.locator('.recharts-tooltip-label').textContent())!.trim();
  await page.keyboard.press('Enter');
  // The Orders screen on that week: as many orders as the report's rows of that week add up to.
  const ordersOfWeek = cells.filter((r) => r[0] === week).reduce((n, r) => n + num(r[2]!), 0);
  expect(ordersOfWeek).toBeGreaterThan(0);
  await expect(page.getByTestId('orders-count')).toHaveText(`${ordersOfWeek.toLocaleString('en')} of 10,000 orders`);
});

test('KPI turnaround leaves out an order decided before the time a later import gave it, and says so', async ({ page }, testInfo) => {
  // The clock stands at 2026-11-18 14:00 UTC. Two risky own-shop orders placed that morning, queued and released at 14:00.
  const write = (name: string, rows: RiskyOrder[]) => {
    const file = testInfo.outputPath(name);
    writeFileSync(file, riskyShopifyExport(rows));
    return file;
  };
  const risky = write('risky.csv', [
    { name: '#990001', createdAt: '2026-11-18 10:00:00 +0000' },
    { name: '#990002', createdAt: '2026-11-18 12:00:00 +0000' },
  ]);
  await expect((await chooseImportFile(page, risky)).locator('[data-bucket="created"]')).toHaveText('2', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^2 orders to decide/, { timeout: 60_000 });
  for (let i = 0; i < 2; i++) {
    await page.locator('section.review').focus();
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await expect(page.getByTestId('queue-count')).toHaveText(new RegExp(`^${1 - i} orders? to decide`));
  }

  // The shop's next export says #990002 was placed at 15:00, an hour after it was released.
  const later = await chooseImportFile(page, write('risky-later.csv', [{ name: '#990002', createdAt: '2026-11-18 15:00:00 +0000' }]));
  await later.getByRole('button', { name: /^Same shop/ }).click();
  await expect(later.locator('[data-bucket="updated"]')).toHaveText('1', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await expect(page.getByTestId('figure-orders-reviewed').locator('.figure-value')).toHaveText('2');
  // The breakdown counts the decisions as they stand, and says how many were ever held: the false positives' denominator.
  await expect(page.getByTestId('figure-orders-reviewed')).toContainText('as they stand: 0 held · 2 released · 0 cancelled; 0 held at some point');
  await expect(page.getByTestId('figure-false-positives')).toContainText('no order was held or cancelled');
  // #990001's 4 h alone: #990002's -1 h is neither its turnaround nor "within target".
  const turnaround = page.getByTestId('figure-turnaround');
  await expect(turnaround.locator('.figure-value')).toHaveText('4.0 h');
  await expect(turnaround).toContainText('1 order left out: decided before the order time a later import gave it');
  await expect(page.getByTestId('figure-decided-within-target').locator('.figure-value')).toHaveText('100.0 %');
});

test('KPI report: a chargeback accepted before its deadline is answered by the deadline, counted apart from the submissions', async ({ page }) => {
  await loadDemo(page);
  const kpis = async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'KPIs' }).click();
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByLabel('To', { exact: true }).fill('2026-11-30');
    await expect(page.getByTestId('report-title')).toHaveText('KPI report 2026-01-01 to 2026-11-30');
    const figure = page.getByTestId('figure-answered-by-the-deadline');
    const [, answered, of] = /^(\d+) of (\d+) chargebacks? due by now or answered already/.exec((await figure.locator('.figure-sub').textContent())!)!;
    return { figure, answered: Number(answered), of: Number(of) };
  };
  const before = await kpis();
  await expect(before.figure).toContainText('in time: 0 submitted, 0 accepted (not contested)');
  // A PLN chargeback of the year is counted in EUR: the cards, the tables and the title page say at which rate.
  const convertedAt = 'values in EUR (other currencies at PLN 0.235, rates of 2026-11-02)';
  await expect(page.getByTestId('figure-disputes-opened')).toContainText(convertedAt);
  await expect(page.getByTestId('figure-win-rate')).toContainText(convertedAt);
  await expect(page.locator('section.report-table', { has: page.getByTestId('kpi-by-network') })).toContainText(`V${convertedAt.slice(1)}.`);
  await expect(page.locator('.title-page')).toContainText(`decision target 24 h; ${convertedAt}`);

  // Accepted a day before its deadline: a deliberate, timely answer.
  await page.getByRole('link', { name: 'Disputes' }).click();
  await page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr[data-urgency="due-48h"]').first().click({ timeout: 60_000 });
  await page.getByRole('button', { name: '→ Accepted (not contested)…' }).click();
  await page.getByRole('button', { name: /^Accept and give up / }).click();
  await expect(page.getByTestId('dispute-status')).toHaveText('Accepted (not contested)');

  const after = await kpis();
  expect([after.answered, after.of]).toEqual([before.answered + 1, before.of + 1]);
  await expect(after.figure).toContainText('in time: 0 submitted, 1 accepted (not contested)');
  await expect(page.getByTestId('kpi-by-family').locator('tbody tr').filter({ hasText: '(1 accepted)' })).toHaveCount(1);
});
