// The decision log's archive on screen: a decision made after a backup, set aside by restoring it,
// is listed under its own number with the restore that set it aside, verified as a chain of its
// own by "Verify log", and exported as a CSV of its own that is never read as the log.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { backUp, chooseBackup } from './backupSteps';
import { expect, loadDemo, test } from './fixtures';

/** Releases the next order of the review queue; returns the order as the log shows it. */
async function releaseNext(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  const before = await log.count();
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(log).toHaveCount(before + 1);
  const headers = (await page.getByRole('table', { name: 'Decisions' }).locator('thead th').allTextContents()).map((h) => h.trim());
  return (await log.first().locator('td').nth(headers.indexOf('Order')).textContent())!.trim();
}

test('a decision set aside by a restore is in the Archive under its own number and the restore that set it aside, verified and exported', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await releaseNext(page);
  const file = testInfo.outputPath('older.fwbackup');
  await backUp(page, file);
  const setAside = await releaseNext(page);
  // Before any restore the archive says it holds nothing.
  const archive = page.getByRole('region', { name: 'Archive' });
  await expect(archive).toContainText('No entry of the decision log has been set aside by a restore.');
  await expect(archive.getByRole('button', { name: 'Export archive (CSV)' })).toBeDisabled();

  await chooseBackup(page, file);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  // The reason asked is labelled on screen, not only by a placeholder that goes once typing starts.
  await expect(confirm.getByText('Why restore this older backup (kept with the restore in the log):')).toBeVisible();
  await confirm.getByLabel('Why restore this older backup').fill('released the wrong order');
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from older\.fwbackup; logged as entry 2 of the decision log\.$/)).toBeVisible();

  await page.getByRole('link', { name: 'Review' }).click();
  // The live log's entry 2 is the restore; the archive's entry 2 is the release it set aside.
  const live = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(live).toHaveCount(2);
  await expect(live.first()).toContainText('restore');
  await expect(archive.getByRole('heading')).toHaveText('Archive: entries restores set aside (1)');
  await expect(archive.getByTestId('archive-numbers')).toContainText('Each keeps its own number from the log it was written in');
  const table = archive.getByRole('table', { name: 'Archived entries' });
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  expect(headers).toEqual(['Its own #', 'Time (UTC)', 'Order', 'Decision', 'Reason', 'Note', 'Analyst', 'Set aside by', 'Now']);
  const row = table.locator('tbody tr');
  await expect(row).toHaveCount(1);
  const cell = (name: string) => row.locator('td').nth(headers.indexOf(name));
  await expect(cell('Its own #')).toHaveText('2');
  await expect(cell('Order')).toHaveText(setAside);
  await expect(cell('Decision')).toHaveText('release');
  await expect(cell('Analyst')).toHaveText('K. Weber');
  await expect(cell('Set aside by')).toHaveText(/^the restore at entry 2, 2026-11-18 14:\d\d UTC, K\. Weber$/);
  await expect(cell('Now')).toHaveText('set aside, not in force');

  // Verify log checks the archive too, as a chain of its own.
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: all 2 entries verified.');
  await expect(page.getByTestId('archive-verdict')).toHaveText(
    'Archive: 1 entry (2) set aside by the restore at entry 2, hashes intact: it continues entry 1 of the live log.',
  );

  // Its CSV: the decisions CSV's columns and the restore that set each entry aside.
  const [download] = await Promise.all([page.waitForEvent('download'), archive.getByRole('button', { name: 'Export archive (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^decision-log-archive-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(csv);
  const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(1);
  const restoreTime = rows[0]!['set_aside_at_utc']!;
  expect(rows[0]).toMatchObject({
    seq: '2',
    decision: 'release',
    analyst: 'K. Weber',
    set_aside_by_entry: '2',
    set_aside_by_analyst: 'K. Weber',
    set_aside_by: 'the restore at entry 2',
    back_in_force_as_entry: '',
  });
  // The order as the table labels it: its number, then its shop when it names one.
  expect(rows[0]!['order_id']).toBe(setAside.split(' · ')[0]);
  expect(rows[0]!['hash']).toMatch(/^[0-9a-f]{64}$/);
  expect(rows[0]!['set_aside_by_hash']).toMatch(/^[0-9a-f]{64}$/);
  expect(restoreTime).toMatch(/^2026-11-18T14:\d\d:\d\d\.\d{3}Z$/);
  // The file is logged like every export.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(
    page.getByRole('table', { name: 'Exports' }).locator('tbody tr').filter({ hasText: 'decision log archive: 1 entry restores set aside' }),
  ).toHaveCount(1);
  // And it is never taken for the log: Verify against it refuses it, saying what it is.
  await page.getByRole('link', { name: 'Review' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Verify against a file…' }).click()]);
  await chooser.setFiles(csv);
  await expect(page.getByRole('alert')).toContainText('this is the export of the decision log archive');
});
