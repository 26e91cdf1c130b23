// The desktop app keeps the decision log's checkpoint file in its user-data folder: every
// decision reaches it, Verify checks the log against it, and the first run offers the OS account
// as the analyst's name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { expect, skipWithoutElectronBinary, test } from './workbenchApp';

skipWithoutElectronBinary();

test('checkpoint: each decision reaches the checkpoint file, and Verify matches the log against it', async ({ workbench: { page, profile } }) => {
  await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue(userInfo().username);
  await page.getByLabel('Your name').fill('K. Weber');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(/orders$/, { timeout: 120_000 });
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  for (let i = 0; i < 2; i++) {
    await page.locator('section.review').focus();
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Release', exact: true }).click();
  }
  await expect(page.getByTestId('checkpoint-status')).toContainText('the log is witnessed to entry 2');
  const file = join(profile, 'decision-log-checkpoints.jsonl');
  expect(existsSync(file)).toBe(true);
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(JSON.parse(lines[0]!)).toEqual({ format: 'fraud-workbench-checkpoints', version: 1 });
  expect(lines.slice(1).flatMap((l) => JSON.parse(l).hashes)).toHaveLength(2);
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: all 2 entries verified.');
  await expect(page.getByTestId('witness-verdict')).toHaveText('Matches the checkpoint file (to entry 2).');
});
