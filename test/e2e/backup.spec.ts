// Backup and restore in the browser: an encrypted backup brings back the same cache; a file that
// is not a backup, a wrong passphrase, a hostile or cut-off backup and a forged log are refused
// and change nothing; an older backup sets later decisions aside only with a logged reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { chainEntries, headOf, type DecisionEntry, type DecisionInput } from '../../shared/decisions/chain';
import { openBackup, sealBackup } from '../support/backupFiles';
import { backUp, chooseBackup, PASSPHRASE, verifyLog } from './backupSteps';
import { fillAtoZClaim } from './claimSteps';
import { expect, loadDemo, test } from './fixtures';

/** Releases the next `n` orders of the review queue (no reason code needed). */
async function release(page: Page, n: number): Promise<void> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  const before = (await log.count()) || 0;
  for (let i = 0; i < n; i++) {
    await page.locator('section.review').focus();
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await expect(log).toHaveCount(before + i + 1);
  }
}

/**
 * The demo with `decisions` releases, backed up to `name`: the file, the Settings counts as they
 * were, and the backup section's alert, for a test of a refused restore.
 */
async function backedUpDemo(page: Page, testInfo: TestInfo, decisions: number, name = 'backup.fwbackup') {
  await loadDemo(page);
  await release(page, decisions);
  const file = testInfo.outputPath(name);
  await backUp(page, file);
  const counts = page.getByTestId('settings-counts');
  const before = (await counts.textContent())!;
  const alert = page.locator('section[aria-labelledby="backup-title"]').getByRole('alert');
  return { file, counts, before, alert };
}

test("backup, clear and restore bring back the same cache; the dialog speaks the analyst's language and the restore is logged", async ({ page }, testInfo) => {
  await loadDemo(page);
  await release(page, 3);
  // An import's history row holds the lock it ran under: a backup with one must restore too.
  await page.getByRole('link', { name: 'Imports' }).click();
  const [files] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await files.setFiles(fileURLToPath(new URL('../fixtures/imports/stripe-payments.csv', import.meta.url)));
  await expect(page.getByRole('region', { name: 'Import of stripe-payments.csv' }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/);
  await page.getByRole('link', { name: 'Settings' }).click();
  const counts = page.getByTestId('settings-counts');
  await expect(counts).toHaveText(/^10,000 orders, [\d,]+ payments, [\d,]+ disputes$/);
  const before = await counts.textContent();
  const file = testInfo.outputPath('backup.fwbackup');
  await backUp(page, file);
  // Encrypted and compact: no customer data readable in the file.
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('FWBACKUP');
  expect(bytes.toString('latin1')).not.toMatch(/@(gmail|web|gmx|t-online)\./);
  expect(bytes.length).toBeLessThan(3 * 1024 * 1024);

  await page.getByRole('button', { name: 'Clear local cache…' }).click();
  const wipe = page.getByRole('dialog', { name: 'Confirm clearing the cache' });
  await expect(wipe.getByTestId('wipe-removes')).toContainText('every order, payment and dispute');
  await expect(wipe.getByTestId('wipe-keeps')).toContainText('your name, saved column mappings');
  await wipe.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(counts).toHaveText('0 orders, 0 payments, 0 disputes');
  await expect(page.getByText('The local cache is empty; logged as entry 4 of the decision log.')).toBeVisible();
  // The laptop's settings stay with it: no one is asked their name again.
  await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toHaveCount(0);
  await expect(page.getByLabel('Analyst name')).toHaveValue('K. Weber');
  // Another analyst takes over the laptop, and restores.
  const analyst = page.getByRole('region', { name: 'Analyst' });
  await analyst.getByLabel('Analyst name').fill('L. Braun');
  await analyst.getByRole('button', { name: 'Save' }).click();
  await expect(analyst.getByRole('button', { name: 'Save' })).toBeDisabled();

  await chooseBackup(page, file);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm.getByTestId('restore-summary')).toHaveText(
    /^backup\.fwbackup was written 2026-11-18 \d\d:\d\d UTC by K\. Weber\. It holds 10,000 orders, [\d,]+ payments, [\d,]+ disputes, 3 decisions.*; its decision log verified to entry 3\.$/,
  );
  // The clearing, logged after the backup was written, is no decision lost: it is named as what it is,
  // and, as any entry a restore sets aside, asks why.
  await expect(confirm.getByTestId('restore-loss')).toHaveCount(0);
  await expect(confirm.getByTestId('restore-clears')).toHaveText(
    'The clearing of the cache logged here moves to the archive: the backup brings back the data it removed.',
  );
  await confirm.getByLabel('Why restore this older backup').fill('back to the data before the clearing');
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from backup\.fwbackup; logged as entry 4 of the decision log\.$/)).toBeVisible();
  await expect(counts).toHaveText(before!);
  // The backup's settings came back, not its writer's name: L. Braun restored it and decides on.
  await expect(page.getByLabel('Analyst name')).toHaveValue('L. Braun');
  await expect(page.getByRole('table', { name: 'Exports' }).locator('tbody tr').first()).toContainText('backup');
  await verifyLog(page, 4);
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first()).toContainText('restore');
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText('10,000 orders');
});

test('clearing the cache is logged: who, when, what went and which ring verdicts no longer apply, in the log, its CSV and its verification', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await release(page, 1);
  // A verdict on the riskiest ring, which the clearing will take with it.
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(page.getByTestId('rings-count')).toHaveText(/rings over/, { timeout: 60_000 });
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await ring.getByLabel('Verdict', { exact: true }).selectOption('confirmed-fraud');
  await ring.getByRole('button', { name: 'Save verdict' }).click();
  await expect(ring.getByTestId('ring-marks')).toContainText('Confirmed fraud by K. Weber');

  await page.getByRole('link', { name: 'Settings' }).click();
  const counts = page.getByTestId('settings-counts');
  await expect(counts).toHaveText(/^10,000 orders, [\d,]+ payments, [\d,]+ disputes$/);
  const [, payments, disputes] = /^10,000 orders, ([\d,]+) payments, ([\d,]+) disputes$/.exec((await counts.textContent())!)!;
  await page.getByRole('button', { name: 'Clear local cache…' }).click();
  const wipe = page.getByRole('dialog', { name: 'Confirm clearing the cache' });
  await expect(wipe).toContainText('Clearing is logged in the decision log under your name');
  await wipe.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(page.getByText('The local cache is empty; logged as entry 2 of the decision log.')).toBeVisible();

  // The compliance officer's view: the newest entry of the log says it.
  await page.getByRole('link', { name: 'Review' }).click();
  const newest = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first();
  await expect(newest).toContainText('clear-cache');
  await expect(newest).toContainText('K. Weber');
  await expect(newest).toContainText(
    `Cleared the local cache: 10000 orders, ${payments!.replaceAll(',', '')} payments, ${disputes!.replaceAll(',', '')} disputes, 0 imports, 1 ring verdict or note, 0 link overrides and undos.`,
  );
  await expect(newest).toContainText(/Ring verdicts given here that no longer apply: ring of \S+ confirmed as fraud by K\. Weber, 2026-11-18 14:\d\d UTC\./);
  await expect(newest).toContainText('Link overrides given here that no longer apply: none.');
  await verifyLog(page, 2);

  // Its CSV carries the entry, and the log verifies against it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export decisions (CSV)' }).click()]);
  const csv = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(csv);
  expect(readFileSync(csv, 'utf8').split('\r\n')[2]).toMatch(
    /^2,2026-11-18T14:\d\d:\d\d\.\d{3}Z,,,clear-cache,,"Cleared the local cache: 10000 orders, .*",K\. Weber,,,[0-9a-f]{64},,,$/,
  );
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Verify against a file…' }).click()]);
  await chooser.setFiles(csv);
  await expect(page.getByTestId('witness-verdict')).toHaveText(/^Matches decisions-.*\.csv \(to entry 2\): the hashes and contents of its 2 entries\.$/);
});

test('a failed restore changes nothing: not a backup, a wrong passphrase and a hostile backup are refused', async ({ page }, testInfo) => {
  const { file, counts, before, alert } = await backedUpDemo(page, testInfo, 2);

  const csv = testInfo.outputPath('orders.csv');
  writeFileSync(csv, 'Name,Email\n#1001,anna@example.com\n');
  await chooseBackup(page, csv, null);
  await expect(alert).toContainText('not a Fraud Workbench backup');

  await chooseBackup(page, file, 'not the passphrase');
  await expect(alert).toHaveText('The passphrase is not the one this backup was written with');
  // The dialog stays for another try; cancelled, the next file can be chosen.
  await page.getByRole('dialog', { name: 'Backup passphrase' }).getByRole('button', { name: 'Cancel' }).click();

  // A JSON backup of an earlier version with one table the app does not know.
  const legacy = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/backups/schema-6.json', import.meta.url)), 'utf8'));
  legacy.data.tables.push({ name: 'evil', schema: '++id', rowCount: 1 });
  legacy.data.data.push({ tableName: 'evil', inbound: true, rows: [{ id: 1 }] });
  const hostile = testInfo.outputPath('hostile.json');
  writeFileSync(hostile, JSON.stringify(legacy));
  await chooseBackup(page, hostile, null);
  await expect(alert).toHaveText('hostile.json was not restored: the backup holds a table this app does not know: evil. Nothing in the cache was changed.');

  await expect(page.getByRole('dialog', { name: 'Confirm restore' })).toHaveCount(0);
  await expect(counts).toHaveText(before);
  await verifyLog(page, 2);
});

/** Where each chunk of a backup file ends: after the header, each is its length (4 bytes) and its sealed bytes. */
function chunkEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  let at = 12 + bytes.readUInt32BE(8);
  while (at < bytes.length) {
    at += 4 + bytes.readUInt32BE(at);
    ends.push(at);
  }
  return ends;
}

test('a cut-off backup is refused as incomplete, naming the file and its bytes, without inviting its passphrase again', async ({ page }, testInfo) => {
  const { file, counts, before, alert } = await backedUpDemo(page, testInfo, 2);
  const whole = readFileSync(file);
  const headerEnd = 12 + whole.readUInt32BE(8);
  const n = (x: number) => x.toLocaleString('en-US');

  // Cut inside its header: refused on choosing it, no passphrase asked.
  const header = testInfo.outputPath('cut-header.fwbackup');
  writeFileSync(header, whole.subarray(0, 200));
  await chooseBackup(page, header, null);
  await expect(alert).toHaveText(
    `cut-header.fwbackup was not restored: the backup is cut off (incomplete): it has 200 bytes, but its header alone needs at least ${n(headerEnd)}. Nothing in the cache was changed.`,
  );
  await expect(page.getByRole('dialog', { name: 'Backup passphrase' })).toHaveCount(0);

  // Cut inside a chunk: refused on choosing it too; the lengths before each chunk say it.
  const ends = chunkEnds(whole);
  const inChunk = testInfo.outputPath('cut-chunk.fwbackup');
  const cutAt = ends.at(-1)! - 10;
  writeFileSync(inChunk, whole.subarray(0, cutAt));
  await chooseBackup(page, inChunk, null);
  await expect(alert).toHaveText(
    `cut-chunk.fwbackup was not restored: the backup is cut off (incomplete): it has ${n(cutAt)} bytes, but its part ${ends.length} needs at least ${n(ends.at(-1)!)}. Nothing in the cache was changed.`,
  );
  await expect(page.getByRole('dialog', { name: 'Backup passphrase' })).toHaveCount(0);

  // Cut between two chunks, its last one gone: only the passphrase finds that out, and the dialog closes.
  const { manifest, tables } = await openBackup(whole, PASSPHRASE);
  const inParts = await sealBackup(manifest, tables, PASSPHRASE, 64 * 1024);
  const partEnds = chunkEnds(inParts);
  expect(partEnds.length).toBeGreaterThan(1);
  const lastGone = testInfo.outputPath('last-part-gone.fwbackup');
  writeFileSync(lastGone, inParts.subarray(0, partEnds.at(-2)));
  await chooseBackup(page, lastGone);
  await expect(alert).toHaveText(
    'last-part-gone.fwbackup was not restored: the backup is cut off (incomplete): its last part is missing. Nothing in the cache was changed.',
  );
  await expect(page.getByRole('dialog', { name: 'Backup passphrase' })).toHaveCount(0);

  await expect(page.getByRole('dialog', { name: 'Confirm restore' })).toHaveCount(0);
  await expect(counts).toHaveText(before);
  await verifyLog(page, 2);
});

test('restore of an older backup sets the later decisions aside only with a reason, which is logged; a claim entered since stays', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await release(page, 2);
  const file = testInfo.outputPath('older.fwbackup');
  await backUp(page, file);
  await release(page, 3);
  // A refund claim entered by hand since the backup: the analyst's work, not cached data.
  await page.getByRole('link', { name: 'Disputes' }).click();
  const claims = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').filter({ hasText: 'A2Z-7001' });
  const form = await fillAtoZClaim(page);
  await form.getByRole('button', { name: 'Enter claim' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Claim A2Z-7001 entered/);
  await expect(claims).toHaveCount(1);
  // And a dispute moved on since: its status is read from its kept history, not from the backup's row.
  const table = page.getByRole('table', { name: 'Disputes by deadline' });
  // Still in time: past its deadline a dispute is accepted or given its outcome, not worked on.
  const fresh = table
    .locator('tbody tr:not([data-urgency="overdue"])')
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^new$/ }) })
    .first();
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const order = (await fresh.locator('td').nth(headers.indexOf('Order')).textContent())!;
  await fresh.click();
  const detail = page.getByRole('region', { name: /^Dispute / });
  await detail.getByLabel('Status note').fill('asked the warehouse');
  await detail.getByRole('button', { name: '→ Gathering evidence' }).click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  await chooseBackup(page, file);
  const confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm.getByTestId('restore-loss')).toHaveText(/^3 decisions after entry 2 will be set aside: kept in the archive/);
  const replace = confirm.getByRole('button', { name: 'Replace cache with this backup' });
  await expect(replace).toBeDisabled();
  await confirm.getByLabel('Why restore this older backup').fill('cache damaged by a crash; last good backup');
  await replace.click();
  await expect(page.getByText(/^Restored from older\.fwbackup; logged as entry 3 of the decision log\.$/)).toBeVisible();
  await verifyLog(page, 3);
  const newest = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first();
  await expect(newest).toContainText('restore');
  await expect(newest).toContainText('3 decisions after entry 2 set aside. Reason: cache damaged by a crash; last good backup');
  await page.getByRole('link', { name: 'Disputes' }).click();
  await expect(claims).toHaveCount(1);
  await table.locator('tbody tr').filter({ hasText: order }).first().click();
  await expect(detail.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  await expect(detail.getByTestId('dispute-history')).toContainText('status → Gathering evidence (asked the warehouse)');
});

test('the newer backup restored after an older one by mistake is restored, not refused as forged: its decisions come back and the log verifies', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await release(page, 2);
  const older = testInfo.outputPath('older.fwbackup');
  await backUp(page, older);
  await release(page, 3);
  const newer = testInfo.outputPath('newer.fwbackup');
  await backUp(page, newer);
  // The wrong file first: decisions 3 to 5 are set aside, the restore is entry 3.
  await chooseBackup(page, older);
  let confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await confirm.getByLabel('Why restore this older backup').fill('picked the wrong file');
  await confirm.getByRole('button', { name: 'Replace cache with this backup' }).click();
  await expect(page.getByText(/^Restored from older\.fwbackup; logged as entry 3 of the decision log\.$/)).toBeVisible();
  // Then the right one: it parts from the log here at entry 3, and goes on with the entries the archive holds.
  await chooseBackup(page, newer);
  confirm = page.getByRole('dialog', { name: 'Confirm restore' });
  await expect(confirm.getByTestId('restore-revived')).toHaveText(
    "It brings back the 3 decisions a restore here set aside (entries 3–5): this laptop's archive holds them unchanged, so the backup is this log as it stood before that restore.",
  );
  // Entry 3, set aside now, is the mistaken restore's own entry: named so, not counted as a decision.
  await expect(confirm.getByTestId('restore-loss')).toHaveText(/^1 restore entry after entry 2 will be set aside: kept in the archive/);
  const replace = confirm.getByRole('button', { name: 'Replace cache with this backup' });
  await expect(replace).toBeDisabled();
  await confirm.getByLabel('Why set the decisions here aside').fill('the right file this time');
  await replace.click();
  await expect(page.getByText(/^Restored from newer\.fwbackup; logged as entry 6 of the decision log\.$/)).toBeVisible();
  await verifyLog(page, 6);
  const rows = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(rows.first()).toContainText('1 restore entry after entry 2 set aside; the 3 decisions a restore here set aside (entries 3–5) back in force');
  await expect(rows.filter({ hasText: 'release' })).toHaveCount(5);
});

test('a forged backup (its log rewritten with every hash recomputed) is refused and changes nothing', async ({ page }, testInfo) => {
  const { file, counts, before, alert } = await backedUpDemo(page, testInfo, 3, 'genuine.fwbackup');

  // The forger knows the passphrase: entry 2 turns from release into cancel, every hash after it recomputed.
  const { manifest, tables } = await openBackup(readFileSync(file), PASSPHRASE);
  const entries = (tables.get('decisions') as DecisionEntry[]).sort((a, b) => a.seq - b.seq);
  const inputs: DecisionInput[] = entries
    .slice(1)
    .map(({ seq: _s, prevHash: _p, hash: _h, form: _f, noteSalt: _ns, noteHash: _nh, ...input }, i) =>
      i === 0 ? { ...input, decision: 'cancel', reasonCode: 'FRAUD-RING' } : input,
    );
  const forged = [entries[0]!, ...(await chainEntries(inputs, headOf(entries.slice(0, 1))))];
  tables.set('decisions', forged);
  tables.set('decisionHead', [{ key: 'head', ...headOf(forged) }]);
  const forgedFile = testInfo.outputPath('forged.fwbackup');
  writeFileSync(forgedFile, await sealBackup({ ...manifest, logHead: headOf(forged) }, tables, PASSPHRASE));

  await chooseBackup(page, forgedFile);
  await expect(alert).toHaveText(
    "forged.fwbackup was not restored: the backup's decision log differs from this laptop's at entry 2: it is not a copy of this log (it was forged, or comes from another laptop). Nothing was changed.",
  );
  await expect(counts).toHaveText(before);
  await verifyLog(page, 3);
});
