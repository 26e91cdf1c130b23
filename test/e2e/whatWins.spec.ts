// What wins (issue 13, item 5): the KPI report's win rates by channel and by evidence item, and the
// respond-or-accept hint of an open dispute, which a higher cost of responding turns to accept.
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

test('what wins: KPI win rates by channel and by evidence item ticked or not', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  // The demo's year up to the pinned clock (2026-11-18): disputes decided long after their due date.
  await page.getByLabel('From', { exact: true }).fill('2025-11-01');
  await page.getByLabel('To', { exact: true }).fill('2026-11-17');
  await expect(page.getByTestId('report-title')).toHaveText('KPI report 2025-11-01 to 2026-11-17');

  const channels = await tableRows(page, 'kpi-wins-by-channel');
  // The demo's disputes come with its Stripe payments, i.e. on own-shop orders, all of them in the cache.
  expect(channels.map((r) => r[0])).toContain('Own shop');
  expect(channels.map((r) => r[0])).not.toContain('Order not in the cache');
  for (const [, won, lost, rate] of channels) {
    const w = Number(won!.replace(/,/g, ''));
    const l = Number(lost!.replace(/,/g, ''));
    expect(rate).toBe(`${((100 * w) / (w + l)).toFixed(1)} %`);
  }

  // Nothing is ticked in fresh demo data: every item has no decided dispute with it, so too few to tell.
  const evidence = await tableRows(page, 'kpi-wins-by-evidence');
  const tds = evidence.find((r) => r[0] === '3-D Secure authentication')!;
  expect(tds[1]).toBe('– (none decided)');
  expect(tds[2]).toMatch(/^\d+\.\d % \(\d+ of \d+\)$/);
  expect(tds[3]).toBe('too few to tell');
});

test('what wins: an open dispute says respond with its numbers, and a higher cost of responding turns it to accept', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const rows = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr');
  const respond = rows.filter({ has: page.locator('[data-verdict="respond"]') }).first();
  await expect(respond).toBeVisible({ timeout: 60_000 });
  // A dispute past its deadline is not told to respond: nothing can be sent any more.
  const overdue = rows.filter({ hasText: 'overdue' });
  await expect(overdue.locator('[data-verdict="respond"], [data-verdict="accept"]')).toHaveCount(0);
  const late = overdue.filter({ has: page.locator('[data-verdict="late"]') }).first();
  await late.click();
  await expect(page.getByRole('region', { name: /^Dispute / }).getByTestId('dispute-hint')).toHaveText(
    /^Too late: the deadline to respond passed on \d{4}-\d\d-\d\d \d\d:\d\d UTC: a response can no longer be sent in time: accept it, or record what the network decided \(won or lost\)$/,
  );
  await respond.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  const hint = detail.getByTestId('dispute-hint');
  await expect(hint).toHaveText(/^Respond: win rate \d+ % \([^)]+\) × \S+ − \S+ cost( \([^)]+\))? = \S+: respond$/);
  expect(await hint.textContent()).toContain('€25.00');

  // A response that costs more than any demo dispute is worth: the same dispute now says accept.
  const cost = page.getByTestId('response-cost');
  await cost.locator('summary').click();
  await cost.getByLabel('Cost of responding').fill('EUR 9999.00');
  await cost.getByLabel('Source of the cost').fill('what-if: outside counsel per response');
  await cost.getByRole('button', { name: 'Save cost' }).click();
  await expect(cost.getByText('Saved.')).toBeVisible();
  await expect(hint).toHaveText(/: accept$/);
  expect(await hint.textContent()).toContain('€9,999.00');
  await expect(cost.locator('summary')).toContainText('Cost of responding: €9,999.00 per dispute · saved 2026-11-18');
  await expect(rows.locator('[data-verdict="respond"]')).toHaveCount(0);

  // A cost that is not an amount is refused with the line that is wrong, and nothing changes.
  await cost.getByLabel('Cost of responding').fill('EUR twenty');
  await cost.getByRole('button', { name: 'Save cost' }).click();
  await expect(cost).toContainText('Line 1: write a currency code and an amount');
  await expect(hint).toHaveText(/: accept$/);

  // Costs are in each currency's own units: yen have no decimals, so ¥3,000 is kept as 3000 and shown so again.
  await cost.getByLabel('Cost of responding').fill('EUR 9999.00\nJPY 30.5');
  await cost.getByRole('button', { name: 'Save cost' }).click();
  await expect(cost).toContainText('Line 2: JPY has 0 decimals');
  await cost.getByLabel('Cost of responding').fill('EUR 9999.00\nJPY 3000');
  await cost.getByRole('button', { name: 'Save cost' }).click();
  await expect(cost.getByText('Saved.')).toBeVisible();
  await expect(cost.locator('summary')).toContainText('Cost of responding: €9,999.00 per dispute (+1 currencies)');
  await expect(cost.getByLabel('Cost of responding')).toHaveValue('EUR 9999.00\nJPY 3000');
});
