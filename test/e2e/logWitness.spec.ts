// The decision log against its witnesses, in browser mode: a log rewritten beneath the app so that
// its own chain verifies (tamper) is still caught by a downloaded checkpoint, a decisions CSV or a
// report PDF made before; a log cut short or emptied is named shorter; old checkpoints are reminded of.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chainEntries, headOf, type DecisionEntry, type DecisionInput } from '../../shared/decisions/chain';
import { reportPdfOptions } from '../../electron/main/pdfReport';
import { expect, loadDemo, test } from './fixtures';

async function release(page: Page, n: number): Promise<void> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  for (let i = 0; i < n; i++) {
    await page.locator('section.review').focus();
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await expect(log).toHaveCount(i + 1);
  }
}

/** The stored entries, read beneath the app. */
function readLog(page: Page): Promise<DecisionEntry[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('fraud-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<DecisionEntry[]>((resolve) => {
      const r = db.transaction('decisions').objectStore('decisions').getAll();
      r.onsuccess = () => resolve(r.result as DecisionEntry[]);
    });
    db.close();
    return rows;
  });
}

/** Replaces the stored log and its head beneath the app, as someone with the browser's devtools could. */
function writeLog(page: Page, entries: DecisionEntry[]): Promise<void> {
  return page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('fraud-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['decisions', 'decisionHead'], 'readwrite');
    tx.objectStore('decisions').clear();
    tx.objectStore('decisionHead').clear();
    for (const e of list) tx.objectStore('decisions').put(e);
    const last = list.at(-1);
    if (last) tx.objectStore('decisionHead').put({ key: 'head', seq: last.seq, hash: last.hash });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, entries);
}

/** Entry `seq` turned into a cancel, every hash from it on recomputed: a log whose own chain verifies. */
async function rewritten(entries: DecisionEntry[], seq: number): Promise<DecisionEntry[]> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const kept = sorted.filter((e) => e.seq < seq);
  const inputs: DecisionInput[] = sorted
    .filter((e) => e.seq >= seq)
    .map(({ seq: s, prevHash: _p, hash: _h, form: _f, noteSalt: _ns, noteHash: _nh, ...input }) =>
      s === seq ? { ...input, decision: 'cancel', reasonCode: 'FRAUD-RING' } : input,
    );
  return [...kept, ...(await chainEntries(inputs, kept.length ? headOf(kept) : null))];
}

async function verifyAgainst(page: Page, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Verify against a file…' }).click()]);
  await chooser.setFiles(file);
}

test('checkpoint: a tampered log with every hash and the head recomputed verifies on its own, but not against the downloaded checkpoint, the decisions CSV or the report PDF', async ({
  page,
}, testInfo) => {
  await loadDemo(page);
  await release(page, 4);
  const status = page.getByTestId('checkpoint-status');
  await expect(status).toContainText('No checkpoint of the log downloaded yet.');
  const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Download checkpoint' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^decision-log-checkpoint-2026-11-18-14-00-entry-4\.jsonl$/);
  const checkpoint = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(checkpoint);
  await expect(status).toContainText('Last checkpoint downloaded 2026-11-18 14:');
  await expect(status).toContainText(' UTC at entry 4; the log is at entry 4.');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export decisions (CSV)' }).click()]);
  const csv = testInfo.outputPath(csvDownload.suggestedFilename());
  await csvDownload.saveAs(csv);
  // The file as exported matches, hashes and contents; a copy with one decision edited is the file
  // changed (its hashes are the log's), not "Matches".
  await verifyAgainst(page, csv);
  await expect(page.getByTestId('witness-verdict')).toHaveText(/^Matches decisions-.*\.csv \(to entry 4\): the hashes and contents of its 4 entries\.$/);
  const edited = testInfo.outputPath('decisions-edited.csv');
  const rows = readFileSync(csv, 'utf8').split('\r\n');
  rows[2] = rows[2]!.replace(',release,', ',cancel,');
  writeFileSync(edited, rows.join('\r\n'));
  await verifyAgainst(page, edited);
  await expect(page.getByTestId('witness-verdict')).toHaveText(
    "Differs from decisions-edited.csv: entry 2 in decisions-edited.csv is not the log's entry 2: its decision differs (the file carries the entry's hash, so the file was changed after it was written).",
  );

  // A report PDF made now names the log's head in its title.
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByTestId('report-title')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedTitle = document.title;
    };
  });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-title', / · decision log 4:[0-9a-f]{64}$/);
  const title = await page.locator('body').getAttribute('data-printed-title');
  await page.evaluate((t) => (document.title = t!), title);
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('report.pdf');
  await page.pdf({ path: pdf, ...reportPdfOptions(false) });
  await page.emulateMedia({ media: 'screen' });

  // Beneath the app: entry 2 becomes a cancel and every hash after it, and the head, are recomputed.
  await writeLog(page, await rewritten(await readLog(page), 2));
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: all 4 entries verified.');
  // With no witness to compare, the verdict says what it cannot see rather than vouch for the log.
  await expect(page.getByTestId('log-verdict-scope')).toHaveText(
    'Checked against itself only: a log rewritten with every hash recomputed passes this check too. Verify against a checkpoint, backup, decisions CSV or report PDF kept outside this cache to see a rewrite.',
  );

  await verifyAgainst(page, checkpoint);
  await expect(page.getByTestId('witness-verdict')).toHaveText(
    /^Differs from decision-log-checkpoint-.*\.jsonl: entry 2 differs from what .* saw .*: it, or an entry before it, was changed\.$/,
  );
  await verifyAgainst(page, csv);
  await expect(page.getByTestId('witness-verdict')).toHaveText(/^Differs from decisions-.*\.csv: entry 2 differs/);
  await verifyAgainst(page, pdf);
  await expect(page.getByTestId('witness-verdict')).toHaveText(
    /^Differs from report\.pdf: the log's head \(entry 4, [0-9a-f]{12}…\) is not the head report\.pdf saw/,
  );
  expect(readFileSync(pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
});

test('checkpoint: a tampered log cut short (head moved back) or emptied is named shorter than the checkpoint saw', async ({ page }, testInfo) => {
  await loadDemo(page);
  await release(page, 3);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('checkpoint-status').getByRole('button', { name: 'Download checkpoint' }).click(),
  ]);
  const checkpoint = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(checkpoint);
  const entries = (await readLog(page)).sort((a, b) => a.seq - b.seq);

  await writeLog(page, entries.slice(0, 1));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Decision log (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: its 1 entry verified.');
  await verifyAgainst(page, checkpoint);
  await expect(page.getByTestId('witness-verdict')).toHaveText(
    /^Differs from decision-log-checkpoint-.*: the log ends at entry 1, but .* saw entry 3: entries were removed\.$/,
  );

  await writeLog(page, []);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Decision log (0)' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: no entries yet.');
  await verifyAgainst(page, checkpoint);
  await expect(page.getByTestId('witness-verdict')).toHaveText(/the log ends at entry 0, but .* saw entry 3: entries were removed\.$/);
});

test('checkpoint reminder: a week after the last download, with new decisions, browser mode asks for a new checkpoint', async ({ page }) => {
  await loadDemo(page);
  await release(page, 1);
  const status = page.getByTestId('checkpoint-status');
  await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Download checkpoint' }).click()]);
  await expect(status).not.toHaveClass(/warning/);
  // Eight days later, one more decision.
  await page.clock.setFixedTime(new Date(Date.parse('2026-11-26T14:00:00Z')));
  await page.reload();
  await release(page, 0);
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(status).toHaveClass(/warning/);
  await expect(status).toContainText("the log's only witness outside this browser is a checkpoint you keep: download one");
});
