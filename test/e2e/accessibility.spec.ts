// axe-core on every screen and every panel an analyst opens: no serious or critical WCAG 2.1
// A/AA violation. The checks are soft, so one run names every screen's violations at once.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, loadDemo, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';

const FIXTURES = fileURLToPath(new URL('../fixtures/imports', import.meta.url));

test.describe('accessibility of the first run', () => {
  test.use({ analyst: null });
  test('accessibility: the "Who is deciding?" screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the first-run screen');
  });
});

test('accessibility: every screen and its open panels on the demo data', async ({ page }) => {
  await loadDemo(page);
  await expectNoSeriousViolations(page, 'Orders');

  await page.locator('[role="row"][aria-rowindex="2"]').click();
  await expect(page.getByRole('complementary', { name: /^Order / })).toBeVisible();
  await expectNoSeriousViolations(page, 'Orders with an order’s detail open');

  await page.getByRole('link', { name: 'Rings' }).click();
  const rings = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  await expect(rings.first()).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'Rings');
  await rings.first().click();
  await expect(page.getByRole('region', { name: /^Ring / })).toBeVisible();
  await expectNoSeriousViolations(page, 'a ring’s detail');

  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9][\d,]* orders? to decide/, { timeout: 60_000 });
  await expectNoSeriousViolations(page, 'Review');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Review’s key help');
  await page.keyboard.press('?');

  await page.getByRole('link', { name: 'Disputes' }).click();
  const disputes = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  await expect(disputes.first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Disputes');
  await disputes.first().click();
  await expect(page.getByRole('region', { name: /^Dispute / })).toBeVisible();
  await expectNoSeriousViolations(page, 'a dispute’s detail');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('tab', { name: 'Fraud trend' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'Reports, fraud trend');
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await expect(page.getByRole('tab', { name: 'KPIs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/turnaround/i).first()).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'Reports, KPIs');

  await page.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Imports');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Analyst' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Settings');
});

test('accessibility: the mapping wizard and the undo confirm dialog', async ({ page }, testInfo) => {
  const unknown = testInfo.outputPath('shop-export.csv');
  writeFileSync(unknown, ['Bestellnummer;Bestelldatum;E-Mail;Betrag', 'WEB-1;01.05.2026 10:00;a@example.de;89,90'].join('\r\n'));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(unknown);
  const card = page.getByRole('region', { name: 'Import of shop-export.csv' });
  await expect(card).toContainText('Format not recognised');
  await expectNoSeriousViolations(page, 'an import card of an unknown format');
  await card.getByRole('button', { name: 'Map its columns…' }).click();
  await expect(page.getByRole('region', { name: 'Mapping wizard' }).getByRole('table', { name: 'Preview' })).toContainText('WEB-1');
  await expectNoSeriousViolations(page, 'the mapping wizard');
  await page.getByRole('region', { name: 'Mapping wizard' }).getByRole('button', { name: 'Check the first rows' }).click();
  await expect(page.getByRole('status', { name: 'Mapping check' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the mapping wizard’s check');

  await page.goto('/#/imports');
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await again.setFiles(path.join(FIXTURES, 'shopify-orders.csv'));
  await expect(page.getByTestId('import-reconciles')).toHaveText(/^Every row accounted for/);
  await expectNoSeriousViolations(page, 'Imports after an import');
  const history = page.getByRole('table', { name: 'Import history' });
  const undo = history.getByRole('button', { name: 'Undo' }).first();
  await undo.click();
  const confirm = page.getByRole('dialog', { name: 'Confirm undo' });
  await expect(confirm).toBeVisible();
  // Modal: the focus starts on Cancel inside it, and Escape cancels, giving the focus back to Undo.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, 'the undo confirm dialog');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(undo).toBeFocused();
  await expect(history.locator('tbody tr').first()).not.toHaveAttribute('data-status', 'undone');
});

test('accessibility: tabs are one tab stop, and arrow keys, Home and End choose the tab and show its panel', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const reports = page.getByRole('tablist', { name: 'Reports' });
  const trend = reports.getByRole('tab', { name: 'Fraud trend' });
  await expect(trend).toHaveAttribute('aria-selected', 'true');
  // Roving tab index: only the chosen tab is in the tab order.
  await expect(reports.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await trend.focus();
  await page.keyboard.press('ArrowRight');
  const kpis = reports.getByRole('tab', { name: 'KPIs' });
  await expect(kpis).toBeFocused();
  await expect(kpis).toHaveAttribute('aria-selected', 'true');
  await expect(trend).toHaveAttribute('aria-selected', 'false');
  const panel = page.getByRole('tabpanel', { name: 'KPIs' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Turnaround').first()).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('End');
  await expect(reports.getByRole('tab', { name: 'Thresholds and rates' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Thresholds and rates' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(trend).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Fraud trend' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(reports.getByRole('tab', { name: 'Thresholds and rates' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(trend).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('link', { name: 'Rings' }).click();
  const lists = page.getByRole('tablist', { name: 'Ring lists' });
  await lists.getByRole('tab', { name: /^Riskiest/ }).focus();
  await page.keyboard.press('ArrowRight');
  const largest = lists.getByRole('tab', { name: /^Largest/ });
  await expect(largest).toBeFocused();
  await expect(largest).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: /^Largest/ }).getByRole('table', { name: 'Rings' })).toBeVisible();
  // A ring opens from the keyboard too.
  const firstRing = page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first();
  await firstRing.focus();
  await page.keyboard.press('Enter');
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring).toBeVisible();
  // The focus moves into what opened, Escape closes it, and the focus is back on the row.
  await expect(ring.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ring).toBeHidden();
  await expect(firstRing).toBeFocused();

  await page.getByRole('link', { name: 'Disputes' }).click();
  const families = page.getByRole('tablist', { name: 'Reason families' });
  await families.getByRole('tab', { name: /^All/ }).focus();
  await page.keyboard.press('ArrowRight');
  const second = families.getByRole('tab').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('table', { name: 'Disputes by deadline' })).toBeVisible();
});
