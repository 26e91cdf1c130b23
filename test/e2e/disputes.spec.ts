import { expect, loadDemo, test } from './fixtures';

const RANK = ['overdue', 'due-48h', 'open', 'no-deadline', 'closed'];

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

  // Families: the fraud tab holds only fraud-family reasons.
  await page.getByRole('tab', { name: /^Fraud \(\d+\)$/ }).click();
  const families = await rows.locator('td:nth-child(4)').allTextContents();
  expect(families.length).toBeGreaterThan(0);
  expect(new Set(families)).toEqual(new Set(['Fraud']));
});

test('the Visa CE 3.0 check finds the eligible case in the demo data and lists its prior orders', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  const eligible = table.locator('tbody tr').filter({ hasText: /eligible \(\d+ orders\)/ });
  await expect(eligible.first()).toBeVisible({ timeout: 60_000 });
  await expect(eligible.first()).toContainText('visa');
  await eligible.first().click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await expect(detail.getByTestId('ce3-check')).toContainText('Visa Compelling Evidence 3.0: eligible');
  const priors = detail.getByRole('table', { name: 'CE 3.0 prior orders' }).locator('tbody tr');
  expect(await priors.count()).toBeGreaterThanOrEqual(2);
  for (const shares of await priors.locator('td:nth-child(5)').allTextContents()) expect(shares).toMatch(/ip|device/);
});
