// Display preferences: German or British formats for numbers, money and dates, from the system's
// languages or chosen in Settings; a dark theme that follows the system or is chosen; both kept.
import { expectNoSeriousViolations } from './axe';
import { expect, loadDemo, test, visibleRows } from './fixtures';

test('German formats chosen in Settings show in the tables, the sidebar and the example; ISO again restores them', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const example = page.getByTestId('display-example');
  await expect(example).toContainText('Shown as: 2026-05-01 09:05 UTC · €1,234.56 · 10,000 orders');
  await page.getByLabel('Numbers, money and dates').selectOption('de-DE');
  await expect(example).toContainText(/Shown as: 01\.05\.2026 09:05 UTC · 1\.234,56\s€ · 10\.000 orders/);
  await expect(page.getByTestId('cache-summary')).toContainText('10.000 orders');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText('10.000 orders');
  const row = (await visibleRows(page))[0]!;
  expect(row['Date (UTC)']).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  expect(row.Total).toMatch(/^\d{1,3}(\.\d{3})*,\d\d\s€$/);
  // The date filter asks for and reads dates the German way; 03/04/2026 could be either, and says so.
  const from = page.getByLabel('From date');
  await expect(from).toHaveAttribute('placeholder', 'dd.mm.yyyy');
  await from.fill('03/04/2026');
  await from.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '03/04/2026 could be 3 April or 4 March: write it as dd.mm.yyyy' })).toBeVisible();
  await expect(page.getByTestId('orders-count')).toHaveText('10.000 orders');
  await from.fill('1.11.2026');
  await from.press('Enter');
  await expect(from).toHaveValue('01.11.2026');
  await expect(page.getByTestId('orders-count')).toHaveText(/^[\d.]+ of 10\.000 orders$/);
  expect((await visibleRows(page)).every((r) => r['Date (UTC)']!.slice(3, 10) === '11.2026')).toBe(true);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(from).toHaveValue('');

  // The dates the cache worker writes into its texts follow the same choice as the screen around them.
  await page.getByRole('link', { name: 'Disputes' }).click();
  const late = page
    .getByRole('table', { name: 'Disputes by deadline' })
    .locator('tbody tr')
    .filter({ has: page.locator('[data-verdict="late"]') })
    .first();
  await expect(late).toBeVisible({ timeout: 60_000 });
  await late.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByTestId('dispute-hint')).toHaveText(/^Too late: the deadline to respond passed on \d\d\.\d\d\.\d{4} \d\d:\d\d UTC: /);
  await expect(detail).toContainText(/respond by \d\d\.\d\d\.\d{4} \d\d:\d\d UTC/);

  // Reports write their percentages, hours and changes the German way too: 0,00 %, never 0.00 %.
  await page.getByRole('link', { name: 'Reports' }).click();
  const rate = page.getByTestId('figure-fraud-rate');
  await expect(rate.locator('.figure-value')).toHaveText(/^\d+,\d\d %$/, { timeout: 60_000 });
  await expect(rate).toContainText(/previous \d+,\d\d % [+−]\d+,\d\d pp/);

  // Kept on this laptop: a reload shows the same.
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.reload();
  await expect(page.getByTestId('orders-count')).toHaveText('10.000 orders', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Numbers, money and dates').selectOption('iso');
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText('10,000 orders');
  expect((await visibleRows(page))[0]!['Date (UTC)']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
});

test('the dark theme: chosen, or following the system; every screen keeps its contrast', async ({ page }) => {
  await loadDemo(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  // "System" (the default) follows the operating system's scheme as it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  for (const screen of ['Orders', 'Rings', 'Review', 'Disputes', 'Reports', 'Imports', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, `${screen}, dark theme`);
  }
  // Chosen dark stays dark whatever the system says, and after a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test.describe('on a German system', () => {
  test.use({ locale: 'de-DE' });
  test('formats are German until the analyst chooses otherwise', async ({ page }) => {
    // The first-run offer already counts the German way.
    await loadDemo(page, '10.000 orders');
    await expect(page.getByTestId('cache-summary')).toContainText('10.000 orders');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Numbers, money and dates')).toHaveValue('system');
    await expect(page.getByTestId('display-example')).toContainText(/01\.05\.2026 09:05 UTC · 1\.234,56\s€/);
  });
  test('numbers are typed the German way: 2,5 is two and a half, never 25, and an emptied field is not 0', async ({ page }) => {
    await loadDemo(page, '10.000 orders');
    await page.getByRole('link', { name: 'Review' }).click();
    await expect(page.getByTestId('queue-count')).toHaveText(/zu entscheiden|orders? to decide/, { timeout: 60_000 });
    const panel = page.getByTestId('matrix-panel');
    await panel.locator('summary').click();
    // The browser's own number field made 2,5 into 25 without a word.
    await panel.getByLabel('value-3x at least').fill('2,5');
    const review = panel.getByLabel('Review threshold');
    const whatIf = panel.getByRole('button', { name: 'What if…' });
    // Emptied, the threshold is not taken as 0 (every order queued): the field says so and nothing runs on it.
    await review.fill('');
    await review.blur();
    await expect(panel.getByRole('alert')).toHaveText('Enter a number');
    await expect(review).toHaveAttribute('aria-invalid', 'true');
    await expect(whatIf).toBeDisabled();
    await review.fill('1.000');
    await review.blur();
    await expect(panel.getByRole('alert')).toHaveText('Enter a number from 0 to 100');
    await review.fill('35');
    await expect(whatIf).toBeEnabled();
    await whatIf.click();
    await panel.getByLabel('Why this change').fill('value against history from two and a half times');
    await panel.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(panel.locator('summary')).toContainText('Scoring matrix v3 · review from 35, hold from 60');
    await page.reload();
    await page.getByTestId('matrix-panel').locator('summary').click();
    await expect(page.getByTestId('matrix-panel').getByLabel('value-3x at least')).toHaveValue('2,5');
    await expect(page.getByTestId('matrix-panel').getByLabel('Review threshold')).toHaveValue('35');
  });
});
