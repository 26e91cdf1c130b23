import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { chooseImportFile, expect, holdSelectedByKeyboard, loadDemo, search, test } from './fixtures';
import { riskyShopifyExport } from '../support/shopifyExport';

/** Stores a scoring-matrix version as an older app would have, straight into the cache (the page then reloads). */
async function putMatrix(page: Page, record: { version: number; analyst: string; savedAt: number; note: string; matrix: unknown }): Promise<void> {
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fraud-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('matrices', 'readwrite');
          tx.objectStore('matrices').put(record);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    record,
  );
}

test('demo data -> Review -> hold with a reason by keyboard -> the decision is logged -> Verify passes; a tampered entry is named', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9][\d,]* orders? to decide/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  // Highest score first.
  const scores = (await rows.locator('td:nth-child(1)').allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expect(page.getByTestId('fired-rules').locator('li').first()).toHaveText(/^\+\d+ /);

  // No click needed: arriving on Review puts the focus on the queue.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  // Esc closes it too, as it closes every other panel.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  const order = (await rows.nth(1).locator('td:nth-child(3)').textContent())!;
  const score = (await rows.nth(1).locator('td:nth-child(1)').textContent())!;
  // Undecided, the state says what the score suggests, never a bare "hold" that reads as held.
  await expect(rows.nth(1).locator('td:nth-child(2)')).toHaveText(/^(hold suggested|to review)$/);
  // Why it scored so, as the queue shows it for the selected order: the log keeps this with the decision.
  await expect(page.getByTestId('fired-rules')).toBeVisible();
  const rules = await page.getByTestId('fired-rules').locator('li').allTextContents();
  expect(rules.length).toBeGreaterThan(0);

  // Typing in a field never fires a key: an 'h' in the matrix's threshold box holds nothing.
  await page.getByTestId('matrix-panel').locator('summary').click();
  await page.getByLabel('Review threshold').press('h');
  await expect(page.getByRole('form', { name: /^Hold order/ })).toHaveCount(0);
  await page.getByTestId('matrix-panel').locator('summary').click();
  await page.locator('section.review').focus();

  const count = page.getByTestId('queue-count');
  const toDecide = async () => Number((await count.textContent())!.split(' ')[0]!.replace(/,/g, ''));
  const before = await toDecide();
  await expect(count).not.toContainText('on hold');

  await page.keyboard.press('h');
  const form = page.getByRole('form', { name: `Hold order ${order}` });
  await expect(form).toBeVisible();
  // Without a reason code, Enter in the note says what is missing, beside the list, and goes back to it.
  const reasonList = form.getByLabel('Reason code', { exact: true });
  await page.keyboard.press('Tab');
  await page.keyboard.type('no reason');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('A hold needs a reason code: choose one in the list (↓), then press Enter.');
  await expect(reasonList).toBeFocused();
  await expect(reasonList).toHaveAttribute('aria-invalid', 'true');
  await expect(reasonList).toHaveAccessibleDescription('A hold needs a reason code: choose one in the list (↓), then press Enter.');
  await page.getByLabel('Decision note').fill('');
  await reasonList.focus();
  await page.keyboard.press('ArrowDown'); // the reason code list has focus: first code
  await page.keyboard.press('Tab');
  await page.keyboard.type('same card on four devices');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);

  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText(order);
  await expect(log.first()).toContainText('hold');
  await expect(log.first()).toContainText('FRAUD-RING');
  await expect(log.first()).toContainText('same card on four devices');
  await expect(log.first()).toContainText('K. Weber');
  await expect(log.first().locator('td:nth-child(8)')).toHaveText(score);
  await expect(log.first().locator('td:nth-child(10)')).toHaveText(rules.join('; '));
  await expect(rows.filter({ hasText: order }).first()).toContainText('held');
  // Decided: no longer counted as to decide nor given a deadline, held in the analyst's name (not
  // the score's "hold"), and the cursor is on the next order to decide.
  await expect.poll(toDecide).toBe(before - 1);
  await expect(count).toContainText(' · 1 on hold · ');
  await expect(rows.nth(1).locator('td:nth-child(2)')).toHaveText('held by K. Weber');
  await expect(rows.nth(1).locator('td:nth-child(2) .state-held')).toBeVisible();
  await expect(rows.nth(1).locator('td:nth-child(7)')).toHaveText('decided');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');

  // Undo by keyboard: logged as its own entry, and the order is back to be decided.
  await page.keyboard.press('u');
  await expect(log).toHaveCount(2);
  await expect(log.first()).toContainText('undo');
  await expect(log.first()).toContainText('undoes entry 1 (hold)');
  await expect(rows.filter({ hasText: order }).first()).not.toContainText('held');
  // The cursor is back on the order the undo reopened, which is to decide again.
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(toDecide).toBe(before);
  await page.keyboard.press('h');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('same card on four devices');
  await page.keyboard.press('Enter');
  await expect(log).toHaveCount(3);
  await expect(rows.filter({ hasText: order }).first()).toContainText('held');

  // Release the held order with R and no reason code: it reverses the hold, so it asks once more.
  await page.keyboard.press('k');
  await page.keyboard.press('r');
  await page.getByLabel('Decision note').fill('=HYPERLINK("http://evil.example","ok")');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(page.getByTestId('decision-overrides')).toHaveText(
    `${order} is on hold (held by K. Weber): releasing it reverses that hold. Press Release again to go ahead, or Esc to leave it as it is.`,
  );
  await expect(log).toHaveCount(3);
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(log).toHaveCount(4);

  // Export for the order system: oldest first, a formula in a note is neutralised.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export decisions (CSV)' }).click()]);
  const raw = readFileSync(await download.path(), 'utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const csv = raw.slice(1).split('\r\n');
  expect(csv[0]).toBe('seq,time_utc,source,order_id,decision,reason_code,note,analyst,score,matrix_version,hash,undoes,settles,rules');
  expect(csv[1]).toMatch(
    new RegExp(`^1,[^,]+,[a-z_]+,${order},hold,FRAUD-RING,same card on four devices,K\\. Weber,${score},2,[0-9a-f]{64},,,"?([a-z0-9-]+: [^;]+(; )?)+"?$`),
  );
  const ruleCell = Papa.parse<string[]>(csv[1]!).data[0]!.at(-1)!;
  expect(ruleCell.split('; ').map((r) => r.replace(/^[a-z0-9-]+: /, ''))).toEqual(rules);
  expect(csv[2]).toMatch(/^2,[^,]+,[a-z_]+,#?[\w-]+,undo,,undoes entry 1 \(hold\),K\. Weber,/);
  expect(csv[4]).toContain(`,release,,"'=HYPERLINK(""http://evil.example"",""ok"")",K. Weber,`);

  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log intact: all 4 entries verified.');

  // Someone edits the first entry beneath the app: Verify names it.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('fraud-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('decisions', 'readwrite');
    const store = tx.objectStore('decisions');
    const get = store.get(1);
    await new Promise((resolve) => (get.onsuccess = resolve));
    store.put({ ...get.result, reasonCode: 'OTHER' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText('Log broken at entry 1: entry 1 was changed after it was written.');
});

test('edit the scoring matrix, see what it would do on the cached history, save it as a version, and the queue follows', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  const count = page.getByTestId('queue-count');
  await expect(count).toHaveText(/orders? to decide/, { timeout: 60_000 });
  const before = Number((await count.textContent())!.split(' ')[0]!.replace(/,/g, ''));
  const panel = page.getByTestId('matrix-panel');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toContainText('Scoring matrix v2');
  await panel.getByLabel('new-customer points').fill('40');
  await panel.getByRole('button', { name: 'What if…' }).click();
  const table = panel.getByRole('table', { name: 'What if' });
  const cells = async (row: number) => (await table.locator('tbody tr').nth(row).locator('td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const [, curHold, curReview, curRelease, curCaught] = await cells(0);
  const [, draftHold, draftReview, draftRelease, draftCaught] = await cells(1);
  // Every first order now scores 40 more: more flagged, fewer released, no fraud lost.
  expect(draftRelease!).toBeLessThan(curRelease!);
  expect(draftHold! + draftReview!).toBeGreaterThan(curHold! + curReview!);
  expect(draftCaught!).toBeGreaterThanOrEqual(curCaught!);
  expect(curHold! + curReview! + curRelease!).toBe(Number((await table.locator('th').first().textContent())!.match(/Over ([\d,]+)/)![1]!.replace(/,/g, '')));

  await panel.getByLabel('Why this change').fill('new accounts are the problem this month');
  await panel.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(panel.getByTestId('matrix-history')).toContainText(/v3 · \d{4}-\d\d-\d\d \d\d:\d\d UTC · .* new accounts are the problem this month/);
  await expect(panel.locator('summary')).toContainText('Scoring matrix v3');
  await expect.poll(async () => Number((await count.textContent())!.split(' ')[0]!.replace(/,/g, ''))).toBeGreaterThan(before);
  await expect(page.getByRole('complementary').getByRole('heading')).toContainText('matrix v3');
});

test('the queue reloading while a decision form is open (a matrix saved) leaves the form and the cursor on their order', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9][\d,]* orders? to decide/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  const selected = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr[aria-selected="true"]');
  // The top order: orders the change below scores 100 come above it.
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  const order = (await selected.locator('td:nth-child(3)').textContent())!;
  await page.keyboard.press('h');
  const form = page.getByRole('form', { name: `Hold order ${order}` });
  await expect(form).toBeVisible();
  // Meanwhile the matrix changes (here, by this analyst): the queue reloads re-scored and re-sorted.
  const panel = page.getByTestId('matrix-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('new-customer points').fill('100');
  await panel.getByRole('button', { name: 'What if…' }).click();
  await panel.getByLabel('Why this change').fill('first orders to review this week');
  await panel.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('complementary').getByRole('heading')).toContainText('matrix v3');
  // The form still decides the order it was opened for, and the cursor is still on it.
  await expect(form).toBeVisible();
  await expect(selected.locator('td:nth-child(3)')).toHaveText(order);
  await form.getByLabel('Reason code').selectOption('VELOCITY');
  await form.getByRole('button', { name: 'Hold' }).click();
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText(order);
});

test('J on an empty queue leaves the cursor on the first row once the queue fills: H then holds it', async ({ page }) => {
  await loadDemo(page);
  // A matrix with no rules and a review threshold of 1: every order scores 0, nothing is queued.
  await putMatrix(page, {
    version: 3,
    analyst: 'K. Weber',
    savedAt: Date.UTC(2026, 9, 1),
    note: 'nothing to review',
    matrix: { version: 3, thresholds: { review: 1, hold: 1 }, rules: [] },
  });
  await page.reload();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^0 orders to decide/, { timeout: 60_000 });
  await page.keyboard.press('j');
  // The review threshold down to 0: every recent order is queued.
  const panel = page.getByTestId('matrix-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('Review threshold').fill('0');
  await panel.getByRole('button', { name: 'What if…' }).click();
  await panel.getByLabel('Why this change').fill('review everything this week');
  await panel.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9][\d,]* orders? to decide/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  const order = (await rows.first().locator('td:nth-child(3)').textContent())!;
  await page.locator('section.review').focus();
  await page.keyboard.press('h');
  await expect(page.getByRole('form', { name: `Hold order ${order}` })).toBeVisible();
});

test('a matrix saved before a rule was added to the app says so, and adds it to a draft saved as a new version', async ({ page }) => {
  await loadDemo(page);
  // A version saved before card testing existed: the built-in rules without the declined-cards ones.
  await putMatrix(page, {
    version: 1,
    analyst: 'K. Weber',
    savedAt: Date.UTC(2026, 9, 1),
    note: 'before card testing',
    matrix: {
      version: 1,
      thresholds: { review: 30, hold: 60 },
      rules: [
        { id: 'ring-3', signal: 'ringSize', atLeast: 3, points: 25 },
        { id: 'new-customer', signal: 'newCustomer', atLeast: 1, points: 5 },
      ],
    },
  });
  await page.reload();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/orders? to decide/, { timeout: 60_000 });
  const panel = page.getByTestId('matrix-panel');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toContainText('Scoring matrix v1');
  const fresh = panel.getByTestId('matrix-new-rules');
  await expect(fresh).toContainText('Rules added to the app since this version was saved');
  await expect(panel.getByLabel('declined-cards-3 points')).toHaveCount(0);
  await fresh.getByRole('button', { name: /^Add them to the draft$/ }).click();
  await expect(panel.getByLabel('declined-cards-3 points')).toHaveValue('25');
  await expect(panel.getByLabel('declined-cards-10 points')).toHaveValue('40');
  await expect(fresh).toHaveCount(0);
  await panel.getByRole('button', { name: 'What if…' }).click();
  await panel.getByLabel('Why this change').fill('take the card-testing rules');
  await panel.getByRole('button', { name: 'Save as a new version' }).click();
  // The next number after both the saved v1 and the built-in v2, which decisions may already name.
  await expect(panel.locator('summary')).toContainText('Scoring matrix v3');
  await expect(panel.getByTestId('matrix-history')).toContainText(/v3 · .* take the card-testing rules/);
  await expect(panel.getByTestId('matrix-new-rules')).toHaveCount(0);
});

/**
 * The demo in Review, the cursor on the highest-scored queued order whose ring has at least three
 * queued orders (J moves down): its ring panel, the panel's checkboxes and how many orders it lists.
 */
async function reviewAtARingOfThree(page: Page) {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  const ring = page.getByRole('group', { name: 'Decide the ring' });
  const boxes = ring.getByRole('checkbox');
  await page.locator('section.review').focus();
  let n = 0;
  for (let step = 0; step < 40 && n < 3; step++) {
    if (step > 0) await page.keyboard.press('j');
    n = (await ring.isVisible()) ? await boxes.count() : 0;
  }
  expect(n).toBeGreaterThan(2);
  return { ring, boxes, n };
}

test('decide a whole ring at once, with one order excepted', async ({ page }) => {
  const { ring, boxes, n } = await reviewAtARingOfThree(page);
  const excepted = (await boxes.nth(1).getAttribute('aria-label'))!.replace('Include ', '');
  await boxes.nth(1).uncheck();
  await expect(ring.getByRole('button', { name: `Hold ${n - 1}` })).toBeDisabled();
  await ring.getByLabel('Ring reason code').selectOption('FRAUD-RING');
  await ring.getByRole('button', { name: `Hold ${n - 1}` }).click();

  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(n - 1);
  for (const text of await log.allTextContents()) expect(text).toMatch(/hold.*FRAUD-RING.*ring decision on the ring of .*1 excepted/);
  expect((await log.allTextContents()).some((t) => t.includes(excepted))).toBe(false);
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await expect(rows.filter({ hasText: excepted }).first()).not.toContainText('held');
  await expect(rows.filter({ hasText: 'held' })).toHaveCount(n - 1);
  // The cursor moved on to an order still to decide.
  await expect(page.getByRole('table', { name: 'Review queue' }).locator('tbody tr[aria-selected="true"]')).not.toContainText('held');

  // One undo takes the whole ring decision back, entry by entry, all logged.
  await expect(page.getByTestId('last-decision')).toContainText(`Hold of ${n - 1} orders of the ring`);
  await page.getByTestId('last-decision').getByRole('button', { name: 'Undo (U)' }).click();
  await expect(log).toHaveCount(2 * (n - 1));
  await expect(rows.filter({ hasText: 'held' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('log-verdict')).toHaveText(`Log intact: all ${2 * (n - 1)} entries verified.`);
});

test('after a ring decision the keys work again: U undoes it, as the line above the queue says', async ({ page }) => {
  const { ring, n } = await reviewAtARingOfThree(page);
  await ring.getByLabel('Ring reason code').selectOption('FRAUD-RING');
  await ring.getByRole('button', { name: `Hold ${n}` }).click();
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(n);
  await expect(page.getByTestId('last-decision')).toContainText('Undo (U)');
  await page.keyboard.press('u');
  await expect(log).toHaveCount(2 * n);
  await expect(page.getByTestId('last-decision')).toHaveCount(0);
});

test("a ring decision's log entries tell an order already held from one the analyst excepted", async ({ page }) => {
  const { ring, n } = await reviewAtARingOfThree(page);
  await holdSelectedByKeyboard(page, 'card seen on four devices');
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(1);
  await ring.getByLabel('Ring reason code').selectOption('FRAUD-RING');
  await ring.getByRole('button', { name: `Hold ${n - 1}` }).click();
  await expect(log).toHaveCount(n);
  // Newest first: the ring's entries above the single hold. Nobody unticked anything.
  for (const text of (await log.allTextContents()).slice(0, n - 1)) {
    expect(text).toMatch(/ring decision on the ring of .*, 1 already held left as it was/);
    expect(text).not.toContain('excepted');
  }
});

test('a ring released at once carries a release reason code, as a single release does', async ({ page }) => {
  const { ring, n } = await reviewAtARingOfThree(page);
  // A code on both lists is offered once, for every decision: OTHER showed under each group.
  const codes = ring.getByLabel('Ring reason code');
  await expect(codes.locator('option', { hasText: /^OTHER$/ })).toHaveCount(1);
  await expect(codes.locator('optgroup[label="Hold, cancel or release"] option')).toHaveText(['OTHER']);
  await codes.selectOption('OTHER');
  await expect(ring.getByRole('button', { name: `Hold ${n}` })).toBeEnabled();
  await expect(ring.getByRole('button', { name: `Release ${n}` })).toBeEnabled();
  await ring.getByLabel('Ring reason code').selectOption('FALSE-POSITIVE');
  // A release code is no reason to hold or cancel.
  await expect(ring.getByRole('button', { name: `Hold ${n}` })).toBeDisabled();
  await ring.getByRole('button', { name: `Release ${n}` }).click();
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(n);
  for (const text of await log.allTextContents()) expect(text).toMatch(/release.*FALSE-POSITIVE.*ring decision on the ring of/);
});

test('a ring decision leaves out orders an analyst holds, and asks before a release reverses a hold', async ({ page }) => {
  const { ring, n } = await reviewAtARingOfThree(page);
  const selected = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr[aria-selected="true"]');
  const order = (await selected.locator('td:nth-child(3)').textContent())!;
  // Hold this one order on its own, then come back to it.
  await holdSelectedByKeyboard(page, 'card seen on four devices');
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(1);
  await page.keyboard.press('k');
  await expect(selected.locator('td:nth-child(3)')).toHaveText(order);

  // The held order is listed, unticked: the ring's Release is for the others.
  await expect(ring.getByRole('checkbox', { name: `Include ${order}` })).not.toBeChecked();
  await expect(ring.getByRole('button', { name: `Release ${n - 1}` })).toBeEnabled();
  // Ticked on purpose, a release asks once more and says whose hold it reverses.
  await ring.getByRole('checkbox', { name: `Include ${order}` }).check();
  await ring.getByRole('button', { name: `Release ${n}` }).click();
  await expect(ring.getByRole('alert')).toHaveText(
    new RegExp(`^${order.replace(/[#.]/g, '\\$&')} is on hold \\(held by K\\. Weber\\): releasing it reverses that hold\\.`),
  );
  await expect(log).toHaveCount(1);
  await ring.getByRole('button', { name: `Release ${n}` }).click();
  await expect(log).toHaveCount(1 + n);
  await expect(log.first()).toContainText('release');
});

test('a ring confirmed as fraud in Rings: Review holds its orders saying who confirmed it, the ring box links back, and Release asks first', async ({
  page,
}) => {
  const { ring } = await reviewAtARingOfThree(page);
  const selected = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr[aria-selected="true"]');
  const order = (await selected.locator('td:nth-child(3)').textContent())!;
  await expect(ring.getByTestId('ring-verdict')).toHaveText('Its ring is not judged fraud or benign yet. Show the ring');
  await ring.getByRole('button', { name: 'Show the ring' }).click();
  const detail = page.locator('section.ring-detail');
  await expect(detail).toBeVisible({ timeout: 60_000 });
  await detail.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption('confirmed-fraud');
  await detail.getByLabel('Ring note').fill('shared device burst');
  await detail.getByRole('button', { name: 'Save verdict' }).click();
  await expect(detail.getByTestId('ring-marks')).toContainText('Confirmed fraud by K. Weber');

  await page.getByRole('link', { name: 'Review' }).click();
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await rows.filter({ hasText: order }).first().click();
  await expect(page.getByTestId('fired-rules').locator('li').first()).toHaveText('+100 its ring was confirmed as fraud by K. Weber, 2026-11-18 14:00 UTC');
  await expect(rows.filter({ hasText: order }).first().locator('td:nth-child(1)')).toHaveText('100');
  await expect(rows.filter({ hasText: order }).first().locator('td:nth-child(2)')).toHaveText('hold suggested');
  await expect(ring.getByTestId('ring-verdict')).toHaveText('Confirmed fraud by K. Weber, 2026-11-18 14:00 UTC: its orders score as such. Show the ring');
  // Release needs no reason code, so one click would ship a confirmed ring: it asks first.
  const n = await ring.getByRole('checkbox').count();
  await ring.getByRole('button', { name: `Release ${n}` }).click();
  await expect(ring.getByRole('alert')).toHaveText(
    `The ring was confirmed as fraud by K. Weber (2026-11-18 14:00 UTC): releasing lets its orders ship. Press Release ${n} again to go ahead.`,
  );
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(log).toHaveCount(0);
  // One by one too: R on the order asks the same.
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decision-overrides')).toContainText(
    'Its ring was confirmed as fraud by K. Weber (2026-11-18 14:00 UTC): releasing lets it ship.',
  );
  await expect(log).toHaveCount(0);
});

test('R then Enter releases; H, ↓ then Enter holds with the first reason code: Enter decides from the reason list', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  await page.locator('section.review').focus();
  const log = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await page.keyboard.press('r');
  await expect(page.getByLabel('Reason code', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(log).toHaveCount(1);
  await expect(log.first().locator('td:nth-child(4)')).toHaveText('release');
  // A hold needs its code: Enter on the empty list decides nothing and says so; ↓ picks the first, and Enter holds.
  await page.keyboard.press('h');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: /^Hold order/ })).toBeVisible();
  await expect(page.getByRole('form', { name: /^Hold order/ }).getByRole('alert')).toContainText('A hold needs a reason code');
  await expect(log).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('form', { name: /^Hold order/ }).getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(log).toHaveCount(2);
  await expect(log.first().locator('td:nth-child(4)')).toHaveText('hold');
  await expect(log.first().locator('td:nth-child(5)')).toHaveText('FRAUD-RING');
  const held = log.first().locator('td:nth-child(3)');
  const heldOrder = (await held.textContent())!;

  // Back on the held order, C ↓ Enter would cancel over that hold: it asks first, and Enter again decides.
  await page.keyboard.press('k');
  const selected = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr[aria-selected="true"]');
  await expect(selected.locator('td:nth-child(3)')).toHaveText(heldOrder);
  await page.keyboard.press('c');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decision-overrides')).toHaveText(
    `${heldOrder} is on hold (held by K. Weber): cancelling it reverses that hold. Press Cancel again to go ahead, or Esc to leave it as it is.`,
  );
  await expect(log).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(log).toHaveCount(3);
  await expect(log.first().locator('td:nth-child(4)')).toHaveText('cancel');
});

test('the decision target and the reason codes come from Settings', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Decision target in hours').fill('1');
  await page.getByLabel('Hold reason codes').fill('drop-address\nSTOLEN-CARD\n\nstolen-card');
  await page.getByRole('button', { name: 'Update review settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByLabel('Hold reason codes')).toHaveValue('DROP-ADDRESS\nSTOLEN-CARD');
  // The review window: 14 days unless changed; kept across a reload; nonsense refused.
  await expect(page.getByLabel('Review window in days')).toHaveValue('14');
  await page.getByLabel('Review window in days').fill('0');
  await page.getByRole('button', { name: 'Update review settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('The number of days is from 1 to 365, not 0.');
  // Typed key by key as a German analyst does: a number field dropped the comma and saved 245 hours.
  await page.getByLabel('Decision target in hours').fill('');
  await page.getByLabel('Decision target in hours').pressSequentially('24,5');
  await page.getByRole('button', { name: 'Update review settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('24,5 is not a whole number of hours: type 24 or 25.');
  await page.getByLabel('Decision target in hours').fill('1');
  await page.getByLabel('Review window in days').fill('30');
  await page.getByRole('button', { name: 'Update review settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Review window in days')).toHaveValue('30');
  await page.getByLabel('Hold reason codes').fill('');
  await page.getByRole('button', { name: 'Update review settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('Hold and cancel need at least one reason code');

  await page.getByRole('link', { name: 'Review' }).click();
  // Some queued orders are over an hour old: past the 1 h target.
  await expect(page.getByTestId('queue-count')).toHaveText(/ · [1-9]\d* past the 1 h target/, { timeout: 60_000 });
  await page.locator('section.review').focus();
  await page.keyboard.press('h');
  const options = await page.getByLabel('Reason code', { exact: true }).locator('option').allTextContents();
  expect(options).toEqual(['Choose a reason code…', 'DROP-ADDRESS', 'STOLEN-CARD']);
});

test("an analyst's decision shows on the order's detail in Orders", async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  const order = (await rows.first().locator('td:nth-child(3)').textContent())!;
  await page.locator('section.review').focus();
  await page.keyboard.press('h');
  const form = page.getByRole('form', { name: `Hold order ${order}` });
  await form.getByRole('combobox').selectOption({ index: 1 });
  const code = await form.getByRole('combobox').inputValue();
  await form.getByRole('button', { name: 'Hold' }).click();
  await expect(form).toHaveCount(0);

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, order);
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  const detail = page.getByRole('complementary', { name: `Order ${order}` });
  await expect(detail.locator('dt', { hasText: 'Decision' }).locator('+ dd')).toHaveText(`held by K. Weber, 2026-11-18 14:00 UTC (${code})`);
});

test('two shops’ order #990001 read apart in the decision form and the decision log; the queue done says so, the held order reads as held, erased as erased', async ({
  page,
}, testInfo) => {
  const write = (name: string, total: string, createdAt: string) => {
    const file = testInfo.outputPath(name);
    writeFileSync(file, riskyShopifyExport([{ name: '#990001', createdAt, total, email: `buyer@${name.slice(0, 4)}.example` }]));
    return file;
  };
  await expect((await chooseImportFile(page, write('main.csv', '80.00', '2026-11-18 10:00:00 +0000'))).locator('[data-bucket="created"]')).toHaveText('1', {
    timeout: 60_000,
  });
  const outlet = await chooseImportFile(page, write('outl.csv', '95.00', '2026-11-18 11:00:00 +0000'));
  await outlet.getByLabel('Shop name').fill('Outlet');
  await outlet.getByRole('button', { name: 'Import as that shop' }).click();
  await expect(outlet.locator('[data-bucket="created"]')).toHaveText('1', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Review' }).click();
  const count = page.getByTestId('queue-count');
  await expect(count).toHaveText(/^2 orders to decide/, { timeout: 60_000 });
  // The first held, the second released.
  const heldEmail = (await page.getByTestId('queued-email').textContent())!;
  const titles: string[] = [];
  await page.locator('section.review').focus();
  await page.keyboard.press('h');
  const hold = page.getByRole('form', { name: /^Hold order #990001/ });
  titles.push((await hold.getAttribute('aria-label'))!.replace('Hold', 'Release'));
  await hold.getByLabel('Reason code').selectOption('OTHER');
  await hold.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(count).toHaveText(/^1 order to decide · 1 on hold/);
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  const release = page.getByRole('form', { name: /^Release order #990001/ });
  titles.push((await release.getAttribute('aria-label'))!);
  await release.getByRole('button', { name: 'Release', exact: true }).click();
  // The end of the queue says so.
  await expect(count).toHaveText('Queue done: nothing left to decide · 1 on hold · press ? for the keys');
  expect(titles.sort()).toEqual(['Release order #990001', 'Release order #990001 · outlet']);
  const orders = await page.getByRole('region', { name: 'Decision log' }).getByRole('table').locator('tbody tr td:nth-child(3)').allTextContents();
  expect(orders.sort()).toEqual(['#990001', '#990001 · outlet']);

  // What is left is listed as on hold, and reads as held, row and panel.
  await expect(page.getByTestId('queue-done')).toHaveText(
    'Queue done: nothing left to decide. The order listed is on hold, to release (R) or cancel (C) once you know more.',
  );
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td:nth-child(2)')).toHaveText('held by K. Weber');
  await expect(page.getByTestId('queued-held')).toHaveText('Held by K. Weber: on hold, no longer to decide. R releases it, C cancels it.');

  // Its customer erased on request: the e-mail line says why it is blank, as Orders does.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Customer email or customer id').fill(heldEmail);
  await page.getByLabel('Request reference').fill('GDPR-2026-160');
  await page.getByRole('button', { name: 'Find…' }).click();
  await page.getByRole('dialog', { name: 'Confirm erasure' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText(/^Erased; logged as entry 3 of the decision log\.$/)).toBeVisible();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queued-email')).toHaveText('erased on request GDPR-2026-160');
});

test('a matrix draft started before another window saved a version is refused, naming that version', async ({ page }) => {
  await loadDemo(page);
  const open = async (p: Page, version: number) => {
    await p.goto('/#/review');
    await expect(p.getByTestId('queue-count')).toHaveText(/orders? to decide/, { timeout: 60_000 });
    const panel = p.getByTestId('matrix-panel');
    await panel.locator('summary').click();
    await expect(panel.locator('summary')).toContainText(`Scoring matrix v${version}`);
    return panel;
  };
  const first = await open(page, 2);
  const other = await page.context().newPage();
  const second = await open(other, 2);
  // The second window raises the review threshold and saves v3.
  await second.getByLabel('Review threshold').fill('40');
  await second.getByRole('button', { name: 'What if…' }).click();
  await second.getByLabel('Why this change').fill('fewer reviews');
  await second.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(second.locator('summary')).toContainText('Scoring matrix v3');
  // The first, still on its draft of v2, would drop that threshold unseen: refused, nothing saved.
  await first.getByLabel('new-customer points').fill('0');
  await first.getByRole('button', { name: 'What if…' }).click();
  await first.getByLabel('Why this change').fill('no points for new customers');
  await first.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(first.getByRole('alert')).toContainText(
    /^Matrix v3 was saved by .* UTC after this draft was started from v2: saving would replace its rules unseen\./,
  );
  // Reloaded, the first window shows v3 with the second window's threshold, and nothing of its refused draft.
  await page.reload();
  const reopened = await open(page, 3);
  await expect(reopened.getByLabel('Review threshold')).toHaveValue('40');
  await expect(reopened.getByTestId('matrix-history')).not.toContainText('no points for new customers');
});

test('the queue narrowed to one shop, to orders on hold, or to an order number; the header keeps the whole queue', async ({ page }, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const count = page.getByTestId('queue-count');
  const filters = page.getByRole('group', { name: 'Filter the queue' });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  const orderCells = rows.locator('td:nth-child(3)');
  await expect(rows).toHaveCount(3);
  // The count's live region is there, empty, before any filter: one that appears with its text is not read out.
  await expect(filters.getByRole('status')).toBeEmpty();

  // One shop: the outlet's #990001 alone, the cursor on it, the header still the whole queue's.
  await filters.getByLabel('Channel', { exact: true }).selectOption('Outlet');
  await expect(rows).toHaveCount(1);
  await expect(filters.getByTestId('queue-shown')).toHaveText('1 order of 3 listed');
  await expect(page.getByRole('complementary', { name: /^Why order #990001/ })).toContainText('Outlet');
  await page.locator('section.review').focus();
  await page.keyboard.press('h');
  const hold = page.getByRole('form', { name: 'Hold order #990001 · outlet' });
  await hold.getByLabel('Reason code').selectOption('OTHER');
  await hold.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(count).toHaveText(/^2 orders to decide · 1 on hold/);

  // Every channel, on hold only: the order just held, and only it.
  await filters.getByLabel('Channel', { exact: true }).selectOption('');
  await filters.getByLabel('State', { exact: true }).selectOption('held');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td:nth-child(2)')).toHaveText('held by K. Weber');
  // Still to decide: the main shop's two.
  await filters.getByLabel('State', { exact: true }).selectOption('decide');
  await expect(orderCells).toHaveText([/^#99000[12]$/, /^#99000[12]$/]);
  expect((await orderCells.allTextContents()).sort()).toEqual(['#990001', '#990002']);

  // Past the target only: as many as the header counts late.
  await filters.getByLabel('State', { exact: true }).selectOption('all');
  await filters.getByLabel(/^Past the \d+ h target only$/).check();
  const late = Number((await count.textContent())!.match(/· (\d+) past the/)![1]);
  await expect(rows).toHaveCount(late);
  await filters.getByLabel(/^Past the \d+ h target only$/).uncheck();

  // An order number, with or without its #: both shops' #990001; then one nobody has.
  const find = filters.getByLabel('Find an order in the queue');
  await find.fill('990002');
  await expect(orderCells).toHaveText(['#990002']);
  await find.fill('#990001');
  await expect(rows).toHaveCount(2);
  await find.fill('123456');
  await expect(page.getByTestId('queue-none-shown')).toHaveText('No order in the queue matches the filters. Clear filters');

  // Kept while away from Review; cleared, the whole queue is back.
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(filters.getByLabel('Find an order in the queue')).toHaveValue('123456');
  await page.getByTestId('queue-none-shown').getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);
  await expect(filters.getByTestId('queue-shown')).toBeEmpty();
});

/** Two orders of the main shop (e-mails at main.example) and the outlet's #990001, to decide on Review. */
async function queueOfTwoShops(page: Page, outputPath: (name: string) => string): Promise<void> {
  const write = (name: string, orders: { name: string; email: string }[]) => {
    const file = outputPath(name);
    writeFileSync(file, riskyShopifyExport(orders.map((o, i) => ({ ...o, total: `${80 + i}.00`, createdAt: '2026-11-18 10:00:00 +0000' }))));
    return file;
  };
  const main = await chooseImportFile(
    page,
    write('main.csv', [
      { name: '#990001', email: 'a@main.example' },
      { name: '#990002', email: 'b@main.example' },
    ]),
  );
  await expect(main.locator('[data-bucket="created"]')).toHaveText('2', { timeout: 60_000 });
  const outlet = await chooseImportFile(page, write('outl.csv', [{ name: '#990001', email: 'c@outlet.example' }]));
  await outlet.getByLabel('Shop name').fill('Outlet');
  await outlet.getByRole('button', { name: 'Import as that shop' }).click();
  await expect(outlet.locator('[data-bucket="created"]')).toHaveText('1', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^3 orders to decide/, { timeout: 60_000 });
}

test('a filter that hides the order at the cursor starts it at the top of what it lists; a Find that listed nothing, undone, finds it on its order', async ({
  page,
}, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const find = page.getByRole('group', { name: 'Filter the queue' }).getByLabel('Find an order in the queue');
  const table = page.getByRole('table', { name: 'Review queue' });
  const rows = table.locator('tbody tr');
  const selected = table.locator('tbody tr[aria-selected="true"]');
  const why = page.getByRole('complementary', { name: /^Why order / });
  await expect(rows).toHaveCount(3);
  // The cursor on the outlet's order, below the first row.
  await page.locator('section.review').focus();
  for (let i = 0; i < 3 && !(await why.textContent())!.includes('Outlet'); i++) await page.keyboard.press('j');
  await expect(why).toContainText('Outlet');
  expect(Number(await selected.getAttribute('data-queue-row'))).toBeGreaterThan(0);

  // Narrowed to the main shop's e-mails, the outlet's order is not listed: the cursor starts at the top of what is.
  await find.fill('main.example');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await rows.nth(1).click();
  const second = (await rows.nth(1).locator('td:nth-child(3)').textContent())!;

  // A Find that lists nothing, then the one before it again: the cursor is back on its order.
  await find.fill('main.examplex');
  await expect(page.getByTestId('queue-none-shown')).toBeVisible();
  await find.fill('main.example');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(selected.locator('td:nth-child(3)')).toHaveText(second);
});

test('an undo under a filter changed since the decision says its order is back but not listed, and Clear filters shows it', async ({ page }, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const find = page.getByRole('group', { name: 'Filter the queue' }).getByLabel('Find an order in the queue');
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  const why = page.getByRole('complementary', { name: /^Why order / });
  const count = page.getByTestId('queue-count');

  // Found as it is said aloud, with a space after the #, and held.
  await find.fill('# 990002');
  await expect(rows).toHaveCount(1);
  await find.press('Enter');
  await page.keyboard.press('h');
  const hold = page.getByRole('form', { name: /^Hold order #990002/ });
  await hold.getByLabel('Reason code').selectOption('OTHER');
  await hold.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(count).toHaveText(/^2 orders to decide · 1 on hold/);

  // Another filter, then U: the hold is undone, and the screen says where its order went.
  await find.fill('outlet.example');
  await expect(rows).toHaveCount(1);
  await find.press('Enter');
  await page.keyboard.press('u');
  await expect(count).toHaveText(/^3 orders to decide/);
  const undone = page.getByTestId('last-undone');
  await expect(undone).toHaveText(/^Hold of #990002 undone: the order is back in the queue as it was before\. It is not listed under the filters\./);
  await expect(page.getByTestId('last-decision')).toHaveCount(0);
  // The cursor stays on the order it was on.
  await expect(why).toContainText('Outlet');

  // Its Clear filters lists the whole queue, the cursor still on its order, and the note no longer says "not listed".
  await undone.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);
  await expect(why).toContainText('Outlet');
  await expect(undone).toHaveText('Hold of #990002 undone: the order is back in the queue as it was before.');
  await expect(page.locator('section.review')).toBeFocused();

  // The next decision replaces the note.
  await page.keyboard.press('r');
  await page
    .getByRole('form', { name: /^Release order #990001/ })
    .getByRole('button', { name: 'Release', exact: true })
    .click();
  await expect(page.getByTestId('last-decision')).toBeVisible();
  await expect(undone).toHaveCount(0);
});

test("a filter changed with a decision form open keeps the panel on the form's order, or closes the form when it no longer lists it", async ({
  page,
}, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const filters = page.getByRole('group', { name: 'Filter the queue' });
  const why = page.getByRole('complementary', { name: /^Why order / });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  // The form open on the outlet's order, below the first row.
  await page.locator('section.review').focus();
  for (let i = 0; i < 3 && !(await why.textContent())!.includes('Outlet'); i++) await page.keyboard.press('j');
  await expect(why).toContainText('Outlet');
  await page.keyboard.press('h');
  const hold = page.getByRole('form', { name: /^Hold order #990001 · outlet/ });
  await expect(hold).toBeVisible();

  // A filter that still lists it: the form stays, and the panel beside it is the form's order, not the new list's top row.
  await filters.getByLabel('State', { exact: true }).selectOption('decide');
  await expect(rows).toHaveCount(3);
  await filters.getByLabel('Find an order in the queue').fill('example');
  await expect(hold).toBeVisible();
  await expect(why).toContainText('Outlet');

  // One that does not: the form closes rather than decide an order out of sight.
  await filters.getByLabel('Find an order in the queue').fill('main.example');
  await expect(rows).toHaveCount(2);
  await expect(hold).toHaveCount(0);
  await expect(why).not.toContainText('Outlet');
  await expect(page.getByRole('heading', { name: 'Decision log (0)' })).toBeVisible();
});

test('Enter in Find, or Esc in a filter, hands the keys back to the queue; Esc in a filled Find empties it first', async ({ page }, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const section = page.locator('section.review');
  const filters = page.getByRole('group', { name: 'Filter the queue' });
  const find = filters.getByLabel('Find an order in the queue');
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');

  // Enter in Find: the filter kept, J moves the cursor.
  await find.fill('main.example');
  await expect(rows).toHaveCount(2);
  await find.press('Enter');
  await expect(section).toBeFocused();
  await expect(find).toHaveValue('main.example');
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');

  // Esc in a filled Find empties it, as a browser does; in an empty one, or on a list, it hands the keys back.
  await find.press('Escape');
  await expect(find).toHaveValue('');
  await expect(rows).toHaveCount(3);
  await expect(find).toBeFocused();
  await find.press('Escape');
  await expect(section).toBeFocused();
  await filters.getByLabel('State', { exact: true }).selectOption('decide');
  await filters.getByLabel('State', { exact: true }).press('Escape');
  await expect(section).toBeFocused();
  await expect(filters.getByLabel('State', { exact: true })).toHaveValue('decide');
  // Clear filters, by keyboard: the button is gone, the keys are the queue's again.
  await filters.getByRole('button', { name: 'Clear filters' }).press('Enter');
  await expect(filters.getByLabel('State', { exact: true })).toHaveValue('all');
  await expect(section).toBeFocused();
  await find.fill('nobody');
  await page.getByTestId('queue-none-shown').getByRole('button', { name: 'Clear filters' }).press('Enter');
  await expect(rows).toHaveCount(3);
  await expect(section).toBeFocused();
  // The keys' help says so.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('in a filter, back to the queue');
});

test('the end of a narrowed queue counts the holds in the queue, not as listed', async ({ page }, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const count = page.getByTestId('queue-count');
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  await page.locator('section.review').focus();
  for (let held = 1; held <= 3; held++) {
    await holdSelectedByKeyboard(page, `held ${held}`);
    await expect(count).toHaveText(held === 3 ? /^Queue done/ : new RegExp(`· ${held} on hold`));
  }
  await expect(page.getByTestId('queue-done')).toHaveText(
    'Queue done: nothing left to decide. The 3 orders listed are on hold, to release (R) or cancel (C) once you know more.',
  );
  await page.getByRole('group', { name: 'Filter the queue' }).getByLabel('Channel', { exact: true }).selectOption('Outlet');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('queue-done')).toHaveText(
    'Queue done: nothing left to decide. The 3 orders in the queue are on hold, to release (R) or cancel (C) once you know more.',
  );
});

test('a ring is decided whole whatever the filters list of it', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
  const ringBox = page.getByRole('group', { name: 'Decide the ring' });
  // The riskiest order with other orders of its ring in the queue.
  const listed = await rows.count();
  let at = 0;
  for (; at < listed; at++) {
    await rows.nth(at).click();
    if (await ringBox.isVisible()) break;
  }
  expect(at).toBeLessThan(listed);
  const members = Number((await ringBox.locator('legend').textContent())!.match(/^Its ring: (\d+) orders in the queue$/)![1]);
  expect(members).toBeGreaterThan(1);
  const order = (await rows.nth(at).locator('td:nth-child(3)').textContent())!;

  // Listed alone by the Find box, it still brings its whole ring to decide.
  await page.getByLabel('Find an order in the queue').fill(order);
  await expect(rows).toHaveCount(1);
  await expect(ringBox.locator('legend')).toHaveText(`Its ring: ${members} orders in the queue`);
  await expect(ringBox.getByRole('checkbox')).toHaveCount(members);
  await expect(ringBox.getByRole('button', { name: `Release ${members}` })).toBeVisible();
  // Which of them the filters do not list, each said, so a ring decision never decides orders unseen without saying so.
  await expect(ringBox.locator('label', { hasText: 'not listed under the filters' })).toHaveCount(members - 1);

  // Why it scores: the orders a ring rule fired for, the ring's members among them, each saying so.
  const filters = page.getByRole('group', { name: 'Filter the queue' });
  await filters.getByLabel('Find an order in the queue').fill('');
  await expect(ringBox.locator('label', { hasText: 'not listed under the filters' })).toHaveCount(0);
  await filters.getByLabel('Why it scores', { exact: true }).selectOption({ label: 'Orders in its ring' });
  const inRings = await rows.count();
  expect(inRings).toBeGreaterThanOrEqual(members);
  await expect(filters.getByTestId('queue-shown')).toHaveText(new RegExp(`^${inRings} orders of \\d+ listed$`));
  for (const at of [0, inRings - 1]) {
    await rows.nth(at).click();
    await expect(page.getByTestId('fired-rules')).toContainText(/in a ring of \d+ orders/);
  }
});

test('the decision log lists its newest 100 entries and says so, shows more on request, and finds an order’s or an analyst’s entries', async ({
  page,
}, testInfo) => {
  await queueOfTwoShops(page, (name) => testInfo.outputPath(name));
  const section = page.locator('section.review');
  const find = page.getByRole('group', { name: 'Filter the queue' }).getByLabel('Find an order in the queue');
  const entries = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  // The outlet's order released: one entry of its own.
  await find.fill('outlet.example');
  await find.press('Enter');
  await page.keyboard.press('r');
  await page
    .getByRole('form', { name: /^Release order #990001 · outlet/ })
    .getByRole('button', { name: 'Release', exact: true })
    .click();
  await expect(page.getByTestId('last-decision')).toContainText('entry 1.');
  // The main shop's #990002 held and the hold undone, 50 times over: 100 entries more.
  await find.fill('990002');
  await find.press('Enter');
  for (let i = 0; i < 50; i++) {
    await holdSelectedByKeyboard(page, `round ${i + 1}`);
    await expect(page.getByTestId('last-decision')).toContainText(`entry ${2 + 2 * i}.`);
    await section.press('u');
    await expect(page.getByTestId('last-undone')).toBeVisible();
    // The queue read again with the hold undone, before the next H: else the form opens on the order still held.
    await expect(page.getByTestId('queue-count')).toHaveText(/^2 orders to decide · 0 past/);
  }
  await expect(page.getByRole('heading', { name: 'Decision log (101)' })).toBeVisible();

  // The table is cut at 100, and says so: read as the whole log, entry 1 would seem never made.
  await expect(entries).toHaveCount(100);
  await expect(entries.first().locator('td').first()).toHaveText('101');
  const more = page.getByTestId('log-more');
  await expect(more).toHaveText('Showing the newest 100 of 101 entries; the decisions CSV holds the whole log. Show 1 more');
  await more.getByRole('button', { name: 'Show 1 more' }).click();
  await expect(entries).toHaveCount(101);
  await expect(entries.last().locator('td').first()).toHaveText('1');
  await expect(more).toHaveCount(0);

  // Find: one order's entries, however its number is typed; an analyst's; none.
  const logFind = page.getByLabel('Find entries in the decision log');
  await logFind.fill('# 990001');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('#990001 · outlet');
  await expect(page.getByTestId('log-found')).toHaveText('1 entry of 101');
  await logFind.fill('990002');
  await expect(page.getByTestId('log-found')).toHaveText('100 entries of 101');
  await expect(entries).toHaveCount(100);
  await expect(more).toHaveCount(0);
  await logFind.fill('k. weber');
  await expect(page.getByTestId('log-found')).toHaveText('101 entries of 101');
  // A new Find starts again at one page.
  await expect(entries).toHaveCount(100);
  await expect(more).toContainText('Show 1 more');
  await logFind.fill('nobody');
  await expect(page.getByTestId('log-found')).toHaveText('0 entries of 101');
  await expect(entries).toHaveText(['No entry of the log names that order or analyst.']);
});
