// One set of orders per team (issue 16), end to end against a real team server: a lead's import
// reaches an analyst's laptop and its undo for the team does too; two leads importing the same
// file offline end with one team import; a transfer cut mid-way resumes; the check names a difference.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { shopifyExport, shopOrders } from '../support/shopifyExport';
import { expectNoSeriousViolations } from './axe';
import { expect, search, visibleRows } from './fixtures';
import { laptop, signedIn, signIn, synced, syncLine, test } from './teamLaptops';

/** Imports one file through the Imports screen and waits for its result card. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('region', { name: `Import of ${path.basename(file)}` })).toBeVisible({ timeout: 60_000 });
}

const history = (page: Page) => page.getByRole('table', { name: 'Import history' });
const historyRow = (page: Page, fileName: string) => history(page).locator('tbody tr', { hasText: fileName });

/** The table shows every column, the Undo button included, without scrolling sideways. */
async function expectFits(table: Locator): Promise<void> {
  const { scroll, client } = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
  expect(scroll, 'the import history scrolls sideways').toBeLessThanOrEqual(client);
}

async function openImports(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
}

async function checkAgainstTeam(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Check this laptop against the team' }).click();
  return page.getByTestId('team-orders-check');
}

test('team orders: a lead’s import reaches an analyst’s laptop, the check says it holds the team’s orders, and the lead’s undo for the team reaches it too', async ({
  page,
  browser,
  team,
}, testInfo) => {
  test.setTimeout(180_000);
  await team.addUser('Pia Sommer', 'lead');
  await team.addUser('Raul Ortega', 'analyst');
  const file = testInfo.outputPath('orders_2026-11.csv');
  writeFileSync(file, shopifyExport(shopOrders(40, '2026-11-03', 20, 'example.de')));

  // A, a lead, imports while signed in: the import becomes the team's.
  await signIn(page, 'Pia Sommer');
  await signedIn(page, 'Pia Sommer');
  await importFile(page, file);
  await synced(page);
  await openImports(page);
  await expect(historyRow(page, 'orders_2026-11.csv')).toContainText('Shared with the team', { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('lead-history.png'), fullPage: true });
  await expectFits(history(page));

  // B, an analyst, imports nothing: the team's orders arrive with the sync.
  const b = await laptop(browser, team, 'R. Self');
  await signIn(b.page, 'Raul Ortega');
  await signedIn(b.page, 'Raul Ortega');
  await synced(b.page);
  await b.page.getByRole('link', { name: 'Orders' }).click();
  await expect(b.page.getByTestId('orders-count')).toHaveText('40 orders', { timeout: 30_000 });
  await search(b.page, '#1007');
  expect((await visibleRows(b.page)).map((r) => [r.Order, r.Total])).toEqual([['#1007', '€26.00']]);
  await openImports(b.page);
  const onB = historyRow(b.page, 'orders_2026-11.csv');
  await expect(onB).toContainText('From Pia Sommer');
  await b.page.screenshot({ path: testInfo.outputPath('analyst-history.png'), fullPage: true });
  await expectNoSeriousViolations(b.page, 'the import history with the Team column', { include: '[aria-labelledby="history-title"]' });
  // The server lets only leads and admins undo a team import: the analyst is not offered it.
  await expect(onB.getByRole('button', { name: /Undo/ })).toHaveCount(0);
  await expect(b.page.getByTestId('team-undo-why')).toHaveText('orders_2026-11.csv is a team import: only admin and lead accounts may undo a team import.');

  const check = await checkAgainstTeam(b.page);
  await expect(check).toHaveAttribute('data-same', 'yes');
  await expect(check).toContainText('This laptop holds the team’s orders.');
  await expect(check).toContainText('The orders from team imports are exactly those Pia Sommer’s laptop held after orders_2026-11.csv.');
  await b.page.screenshot({ path: testInfo.outputPath('team-orders-check.png'), fullPage: true });
  await expectNoSeriousViolations(b.page, 'the Team orders block', { include: '.team-orders-check' });

  // B's own file stays on B (an analyst may not import for the team), and is B's to undo.
  const sample = testInfo.outputPath('my_sample.csv');
  writeFileSync(sample, shopifyExport(shopOrders(10, '2026-11-06', 70, 'example.net').map((r, i) => ({ ...r, name: `#${5001 + i}` }))));
  await importFile(b.page, sample);
  const own = historyRow(b.page, 'my_sample.csv');
  await expect(own).toContainText('This laptop only: Raul Ortega is analyst; only admin and lead accounts may import for the team.', { timeout: 30_000 });
  await expect(syncLine(b.page)).not.toContainText('waiting');
  await expect(own.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expect(b.page.getByTestId('team-undo-why')).toHaveCount(0);
  await b.page.screenshot({ path: testInfo.outputPath('analyst-history-own-file.png'), fullPage: true });
  await expectFits(history(b.page));

  // A undoes the team's import for the team: gone on B at its next sync (B's own file stays), and B's history says undone.
  await openImports(page);
  await historyRow(page, 'orders_2026-11.csv').getByRole('button', { name: 'Undo for the team' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm undo' });
  await expect(confirm).toContainText('it is undone on every teammate’s laptop too');
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByText('Undid the import of orders_2026-11.csv')).toBeVisible();
  await expect(historyRow(page, 'orders_2026-11.csv')).toHaveAttribute('data-status', 'undone');

  await b.page.getByRole('link', { name: 'Orders' }).click();
  await search(b.page, '');
  await expect(b.page.getByTestId('orders-count')).toHaveText('10 orders', { timeout: 30_000 });
  await openImports(b.page);
  await expect(historyRow(b.page, 'orders_2026-11.csv')).toHaveAttribute('data-status', 'undone');
  await expect(own).toHaveAttribute('data-status', 'completed');
  await expect(own).toContainText('This laptop only: Raul Ortega is analyst;');
  const again = await checkAgainstTeam(b.page);
  await expect(again).toHaveAttribute('data-same', 'yes');
  await expect(again).toContainText('my_sample.csv is on this laptop only: Raul Ortega is analyst');
  await b.context.close();
});

/** Cuts this laptop off the team server (every request to it fails as a lost network would), or lets it through again. */
async function offline(page: Page, team: { origin: string }, cut: boolean): Promise<void> {
  if (cut) await page.context().route(`${team.origin}/**`, (route) => route.abort('internetdisconnected'));
  else await page.context().unroute(`${team.origin}/**`);
}

/** Undoes the team's newest import for everyone from this (lead's) laptop, so the next test's laptops start from a team with no live imports. */
async function undoForTeam(page: Page, fileName: string): Promise<void> {
  await openImports(page);
  const row = history(page)
    .locator('tbody tr', { has: page.locator('[data-team="shared"]') })
    .filter({ hasText: fileName });
  await row.getByRole('button', { name: 'Undo for the team' }).click();
  await page.getByRole('dialog', { name: 'Confirm undo' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(row).toHaveAttribute('data-status', 'undone');
}

/**
 * The Orders screen comes to show `count` ("20 orders"), waiting through any re-query: a sync round
 * can start one right after the last ended, so a count read once when not busy could be mid-search.
 */
async function expectOrders(page: Page, count: string): Promise<void> {
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(count);
}

test('team sync offline: both leads import the same file while the server cannot be reached, then sync: one team import, no duplicate orders', async ({
  page,
  browser,
  team,
}, testInfo) => {
  test.setTimeout(180_000);
  await team.addUser('Sven Aalto', 'lead');
  await team.addUser('Tara Quist', 'lead');
  const file = testInfo.outputPath('orders_week45.csv');
  writeFileSync(file, shopifyExport(shopOrders(25, '2026-11-04', 40, 'example.com')));

  await signIn(page, 'Sven Aalto');
  await signedIn(page, 'Sven Aalto');
  const b = await laptop(browser, team, 'T. Self');
  await signIn(b.page, 'Tara Quist');
  await signedIn(b.page, 'Tara Quist');

  // Both laptops lose the server, and both import the week's export.
  for (const p of [page, b.page]) {
    await offline(p, team, true);
    await importFile(p, file);
    await expect(syncLine(p)).toContainText(/offline since .*, 1 import waiting/, { timeout: 30_000 });
    await expect(historyRow(p, 'orders_week45.csv')).toContainText('Waiting to be shared');
  }

  // A is back first: its import becomes the team's. Then B: the team has the file, B's copy goes, the team's stands.
  await offline(page, team, false);
  await synced(page);
  await expect(historyRow(page, 'orders_week45.csv')).toContainText('Shared with the team', { timeout: 30_000 });
  await offline(b.page, team, false);
  await synced(b.page);
  const dropped = history(b.page).locator('tbody tr', { has: b.page.locator('[data-team="duplicate"]') });
  await expect(dropped).toContainText('The team already has this file, imported by Sven Aalto', { timeout: 30_000 });
  await expect(dropped).toHaveAttribute('data-status', 'undone');
  await expect(history(b.page).locator('tbody tr', { has: b.page.locator('[data-team="shared"]') })).toContainText('From Sven Aalto');
  await b.page.screenshot({ path: testInfo.outputPath('duplicate-history.png'), fullPage: true });
  await expectFits(history(b.page));

  // The same 25 orders on both, none twice.
  for (const p of [page, b.page]) {
    await expectOrders(p, '25 orders');
    await search(p, '#1010');
    expect((await visibleRows(p)).map((r) => [r.Order, r.Total])).toEqual([['#1010', '€49.00']]);
  }
  const check = await checkAgainstTeam(b.page);
  await expect(check).toHaveAttribute('data-same', 'yes');

  await undoForTeam(page, 'orders_week45.csv');
  await b.context.close();
});

test('team sync: a transfer cut off mid-way resumes, on the way up and on the way down', async ({ page, browser, team }, testInfo) => {
  test.setTimeout(180_000);
  await team.addUser('Wim Dekker', 'lead');
  await team.addUser('Xenia Roth', 'analyst');
  // 12,000 orders: three chunks of 5,000 records.
  const file = testInfo.outputPath('orders_big.csv');
  writeFileSync(file, shopifyExport(shopOrders(12_000, '2026-11-05', 10, 'example.de')));

  // The lead's upload of the second chunk is cut once; every chunk upload is counted.
  const puts: string[] = [];
  let cutUp = false;
  await page.context().route(`${team.origin}/v1/imports/*/chunks/*`, (route) => {
    const url = new URL(route.request().url());
    if (route.request().method() !== 'PUT') return route.fallback();
    puts.push(url.pathname);
    if (url.pathname.endsWith('/chunks/1') && !cutUp) {
      cutUp = true;
      return route.abort('connectionreset');
    }
    return route.fallback();
  });
  await signIn(page, 'Wim Dekker');
  await signedIn(page, 'Wim Dekker');
  await importFile(page, file);
  await expect(historyRow(page, 'orders_big.csv')).toContainText('Shared with the team', { timeout: 60_000 });
  const opId = /\/v1\/imports\/([^/]+)\/chunks\//.exec(puts[0]!)![1]!;
  const chunk = (n: number) => `/v1/imports/${opId}/chunks/${n}`;
  // Chunk 1 twice (cut, then sent again); chunk 0 only once: the server kept it, the laptop asked what it lacks.
  expect(puts).toEqual([chunk(0), chunk(1), chunk(1), chunk(2)]);

  // The analyst's download of the last chunk is cut once.
  const b = await laptop(browser, team, 'X. Self');
  const gets: string[] = [];
  let cutDown = false;
  await b.context.route(`${team.origin}/v1/imports/*/chunks/*`, (route) => {
    const url = new URL(route.request().url());
    gets.push(url.pathname);
    if (url.pathname === chunk(2) && !cutDown) {
      cutDown = true;
      return route.abort('connectionreset');
    }
    return route.fallback();
  });
  await signIn(b.page, 'Xenia Roth');
  await signedIn(b.page, 'Xenia Roth');
  await b.page.getByRole('link', { name: 'Orders' }).click();
  await expect(b.page.getByTestId('orders-count')).toHaveText('12,000 orders', { timeout: 90_000 });
  // Only this import's chunks (the team's undone imports are not fetched), each once but the cut one.
  expect(gets).toEqual([chunk(0), chunk(1), chunk(2), chunk(2)]);
  await search(b.page, '#13000');
  expect((await visibleRows(b.page)).map((r) => r.Order)).toEqual(['#13000']);
  await openImports(b.page);
  await expect(historyRow(b.page, 'orders_big.csv')).toContainText('From Wim Dekker');
  await expect(historyRow(b.page, 'orders_big.csv')).toContainText('12,000');
  const check = await checkAgainstTeam(b.page);
  await expect(check).toHaveAttribute('data-same', 'yes');

  await undoForTeam(page, 'orders_big.csv');
  await b.context.close();
});

test('team orders check names a planted difference: an order changed while signed out, and a team import not applied yet', async ({
  page,
  browser,
  team,
}, testInfo) => {
  test.setTimeout(180_000);
  await team.addUser('Yara Lenz', 'lead');
  await team.addUser('Zeno Faber', 'analyst');
  const rows = shopOrders(20, '2026-11-03', 20, 'example.de');
  const october = testInfo.outputPath('orders_2026-10.csv');
  writeFileSync(october, shopifyExport(rows));

  await signIn(page, 'Yara Lenz');
  await signedIn(page, 'Yara Lenz');
  await importFile(page, october);
  await expect(historyRow(page, 'orders_2026-10.csv')).toContainText('Shared with the team', { timeout: 30_000 });

  const b = await laptop(browser, team, 'Z. Self');
  await signIn(b.page, 'Zeno Faber');
  await signedIn(b.page, 'Zeno Faber');
  await expectOrders(b.page, '20 orders');

  // Signed out, B imports a correction of one team order (#1004 at another amount), as the same shop.
  await b.page.goto('/#/settings');
  await b.page.getByRole('region', { name: 'Team', exact: true }).getByRole('button', { name: 'Sign out' }).click();
  await expect(b.page.getByRole('region', { name: 'Team', exact: true }).getByRole('button', { name: 'Sign in' })).toBeVisible();
  const correction = testInfo.outputPath('correction.csv');
  writeFileSync(correction, shopifyExport([{ ...rows[3]!, total: '99.00' }]));
  await importFile(b.page, correction);
  const card = b.page.getByRole('region', { name: 'Import of correction.csv' });
  await expect(card.getByTestId('shop-question')).toContainText('#1004');
  await card.getByRole('button', { name: 'Same shop: update them' }).click();
  await expect(historyRow(b.page, 'correction.csv')).toHaveAttribute('data-status', 'completed');
  await signIn(b.page, 'Zeno Faber');
  await signedIn(b.page, 'Zeno Faber');
  await synced(b.page);

  // A imports the late orders; B pulls the operation but cannot fetch its records yet.
  await b.context.route(`${team.origin}/v1/imports/*/chunks/*`, (route) => route.abort('connectionreset'));
  const late = testInfo.outputPath('orders_late.csv');
  writeFileSync(late, shopifyExport(shopOrders(5, '2026-11-20', 90, 'example.org').map((r, i) => ({ ...r, name: `#${2001 + i}` }))));
  await importFile(page, late);
  await expect(historyRow(page, 'orders_late.csv')).toContainText('Shared with the team', { timeout: 30_000 });

  const check = await checkAgainstTeam(b.page);
  await expect(check).toHaveAttribute('data-same', 'no');
  await expect(check).toContainText('This laptop does not hold the team’s orders as they are.');
  await expect(check).toContainText('Missing import orders_late.csv (Yara Lenz).');
  await expect(check).toContainText(/1 order differs from what Yara Lenz’s laptop held after orders_2026-10\.csv: \S*#1004\./);
  await b.page.screenshot({ path: testInfo.outputPath('team-orders-check-differs.png'), fullPage: true });
  await expectNoSeriousViolations(b.page, 'the Team orders block with differences', { include: '.team-orders-check' });

  // The network back, B applies the late orders: nothing is missing, the corrected order still differs.
  await b.context.unroute(`${team.origin}/v1/imports/*/chunks/*`);
  await b.page.getByRole('link', { name: 'Orders' }).click();
  await expect(b.page.getByTestId('orders-count')).toHaveText('25 orders', { timeout: 30_000 });
  await search(b.page, '#1004');
  expect((await visibleRows(b.page)).map((r) => [r.Order, r.Total])).toEqual([['#1004', '€99.00']]);
  const again = await checkAgainstTeam(b.page);
  await expect(again).toHaveAttribute('data-same', 'no');
  await expect(again).not.toContainText('Missing');
  await expect(again).toContainText(/1 order differs from what Yara Lenz’s laptop held after orders_late\.csv: \S*#1004\./);

  await undoForTeam(page, 'orders_late.csv');
  await undoForTeam(page, 'orders_2026-10.csv');
  await b.context.close();
});
