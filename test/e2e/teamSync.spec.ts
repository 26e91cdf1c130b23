// What syncs beyond decisions, end to end: two laptops signed in as two analysts on one real team
// server. Greta's note on an order and her never-link override reach Hugo (who applies the override
// as his own); Greta erases the customer, and the note's text is gone on Hugo's laptop and at the
// server while every device's chain still verifies.
import { describeLinkValue } from '../../shared/normalize';
import type { APIRequestContext } from '@playwright/test';
import { SCHEMA_HEADER, TEAM_SCHEMA_VERSION, verifyTeamChain, type PulledEvent } from '../../shared/team';
import { expectNoSeriousViolations } from './axe';
import { expect, loadDemo, noteOnQueuedCustomer, openReviewQueue, search, TEST_NOW } from './fixtures';
import { HOUR, laptop, moveClock, signedIn, signIn, synced, test } from './teamLaptops';
import { TEAM_PASSWORD, type TeamServerRun } from './teamServer';

/** Everything the server holds, as a compliance account reads it. */
async function serverEvents(request: APIRequestContext, team: TeamServerRun): Promise<PulledEvent[]> {
  const headers = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) };
  const session = await request.post(`${team.origin}/v1/session`, { headers, data: { name: 'Olga Sand', password: TEAM_PASSWORD } });
  const { token } = (await session.json()) as { token: string };
  const pulled = await request.get(`${team.origin}/v1/events?after=0&limit=5000`, { headers: { ...headers, authorization: `Bearer ${token}` } });
  return ((await pulled.json()) as { events: PulledEvent[] }).events;
}

test('team sync of notes and overrides: Hugo sees Greta’s note and applies her never-link override; her erasure reaches Hugo and the server', async ({
  page,
  browser,
  team,
  request,
}) => {
  test.setTimeout(300_000);
  await team.addUser('Greta Lind', 'analyst');
  await team.addUser('Hugo Brand', 'analyst');
  await team.addUser('Olga Sand', 'compliance');

  // Laptop A: a note naming the customer on the order on top of the queue.
  await signIn(page, 'Greta Lind');
  await signedIn(page, 'Greta Lind');
  await loadDemo(page);
  await openReviewQueue(page);
  const email = await noteOnQueuedCustomer(page, (e) => `called ${e} back, says the parcel never came`);
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr')).toHaveCount(1);

  // …and a never-link override on a value of the first ring.
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(page.getByTestId('rings-count')).toHaveText(/rings over/, { timeout: 60_000 });
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const neverLink = page
    .getByRole('region', { name: /^Ring / })
    .getByRole('button', { name: /^Never link \w+ / })
    .first();
  const [, type, raw] = /^Never link (\w+) (.*)$/.exec((await neverLink.getAttribute('aria-label'))!)!;
  // Shown in words; the stored value names the override in the teammate's Apply button.
  const value = describeLinkValue(type!, raw!);
  await neverLink.click();
  await page.getByLabel('Reason', { exact: true }).fill('our returns warehouse');
  await page.getByRole('button', { name: 'Never link', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Linking overrides' }).locator('tbody tr').first()).toContainText(value);
  await synced(page);

  // Laptop B, with the same demo data: the note on the same order, the override offered in Rings.
  const b = await laptop(browser, team, 'B. Self');
  await signIn(b.page, 'Hugo Brand');
  await signedIn(b.page, 'Hugo Brand');
  await loadDemo(b.page);
  await b.page.getByRole('link', { name: 'Review' }).click();
  const notes = b.page.getByTestId('teammates-notes');
  await expect(notes).toContainText(`Greta Lind noted: called ${email} back, says the parcel never came`, { timeout: 30_000 });
  // The order the note is on (the queue's first): after the erasure its customer no longer scores it there.
  const queue = b.page.getByRole('table', { name: 'Review queue' });
  const noted = (await notes.locator('h2, h3').first().textContent())!.replace(/^Teammates' notes on /, '').trim();
  await b.page.getByRole('link', { name: 'Rings' }).click();
  const teamOverrides = b.page.getByRole('table', { name: "Teammates' linking overrides" });
  await expect(teamOverrides.locator('tbody tr').first()).toContainText('never-link', { timeout: 60_000 });
  await expect(teamOverrides.locator('tbody tr').first()).toContainText('our returns warehouse');
  await b.page.screenshot({ path: '/tmp/sync-team-overrides.png', fullPage: true });
  await expectNoSeriousViolations(b.page, "teammates' linking overrides", { include: '[data-testid="team-overrides"]' });
  await teamOverrides.getByRole('button', { name: `Apply Greta Lind's never-link override of ${raw} here` }).click();
  const mine = b.page.getByRole('table', { name: 'Linking overrides' }).locator('tbody tr').first();
  await expect(mine).toContainText(value);
  await expect(mine).toContainText("Greta Lind's override: our returns warehouse");
  await expect(mine).toContainText('Hugo Brand');
  await expect(teamOverrides.locator('tbody tr').first()).toContainText('applied');

  // Greta erases the customer on request: the note's text goes from Hugo's laptop and from the server.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Customer email or customer id').fill(email);
  await page.getByLabel('Request reference').fill('GDPR-2026-204');
  await page.getByRole('button', { name: 'Find…' }).click();
  await page.getByRole('dialog', { name: 'Confirm erasure' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText(/^Erased; logged as entry 2 of the decision log\.$/)).toBeVisible();
  await synced(page);
  await b.page.getByRole('link', { name: 'Review' }).click();
  // Hugo's own copies of the customer's orders go too, and his log says whose erasure it applied.
  const hugosLog = b.page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(hugosLog.filter({ hasText: 'Applied a teammate’s erasure' })).toHaveCount(1, { timeout: 30_000 });
  await expect(hugosLog.first()).toContainText('on request GDPR-2026-204, erased by Greta Lind');
  await expect(hugosLog.first()).not.toContainText(email);
  await queue.locator('tbody tr').filter({ hasText: noted }).first().click();
  await expect(notes).toContainText('Greta Lind noted: (erased on request)');
  await expect(notes).not.toContainText(email);
  await b.page.screenshot({ path: '/tmp/sync-erased-note.png' });
  await expectNoSeriousViolations(b.page, "teammates' notes", { include: '[data-testid="teammates-notes"]' });
  await b.page.getByRole('button', { name: 'Verify log' }).click();
  await expect(b.page.getByTestId('log-verdict')).toHaveText(/^Log intact: (all \d+ entries|its 1 entry) verified\.$/);
  await b.page.getByRole('link', { name: 'Orders' }).click();
  await search(b.page, email);
  await expect(b.page.getByTestId('orders-count')).toHaveText('0 of 10,000 orders');
  await synced(b.page);

  const held = await serverEvents(request, team);
  expect(JSON.stringify(held)).not.toContain(email);
  // Greta's erasure carries its register record; Hugo's laptop never sends it on again.
  const erasures = held.filter((e) => e.kind === 'erasure');
  expect(erasures.filter((e) => JSON.stringify(e.payload).includes('"register"'))).toHaveLength(1);
  expect(JSON.stringify(erasures)).toContain('GDPR-2026-204');
  expect(held.filter((e) => e.kind === 'note')).toHaveLength(1);
  for (const device of new Set(held.map((e) => e.deviceId))) {
    const chain = held.filter((e) => e.deviceId === device).map(({ serverSeq: _s, receivedAt: _r, ...e }) => e);
    expect((await verifyTeamChain(chain)).ok).toBe(true);
  }
  await b.context.close();
});

test('team sync of dispute work: Timo sees Rosa’s status change, with her reason, and her evidence tick in the dispute panel', async ({
  page,
  browser,
  team,
}) => {
  test.setTimeout(240_000);
  await team.addUser('Rosa Dahl', 'analyst');
  await team.addUser('Timo Falk', 'analyst');
  const openFirstNewDispute = async (p: typeof page) => {
    await loadDemo(p);
    await p.getByRole('link', { name: 'Disputes' }).click();
    // Still in time: past its deadline a dispute is accepted or given its outcome, not worked on.
    const rows = p.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr:not([data-urgency="overdue"])');
    const fresh = rows.filter({ has: p.locator('td:nth-child(2)', { hasText: /^new$/ }) }).first();
    await expect(fresh).toBeVisible({ timeout: 60_000 });
    await fresh.click();
    const detail = p.getByRole('region', { name: /^Dispute / });
    await expect(detail.getByTestId('dispute-status')).toHaveText('New');
    return detail;
  };

  await signIn(page, 'Rosa Dahl');
  const mine = await openFirstNewDispute(page);
  const name = await mine.getAttribute('aria-label');
  await mine.getByLabel('Status note').fill('asked the warehouse for the delivery scan');
  await mine.getByRole('button', { name: '→ Gathering evidence' }).click();
  await expect(mine.getByTestId('dispute-status')).toHaveText('Gathering evidence');
  const item = mine
    .getByRole('group', { name: /^Evidence/ })
    .getByRole('checkbox')
    .first();
  const itemName = (await item.locator('xpath=..').textContent())!.trim();
  await item.click();
  await expect(item).toBeChecked();
  await synced(page);

  const b = await laptop(browser, team, 'E. Self');
  await signIn(b.page, 'Timo Falk');
  const theirs = await openFirstNewDispute(b.page);
  expect(await theirs.getAttribute('aria-label')).toBe(name);
  const teammates = theirs.getByTestId('teammates-dispute');
  await expect(teammates).toContainText('Rosa Dahl: status → Gathering evidence (asked the warehouse for the delivery scan)', { timeout: 30_000 });
  await expect(teammates).toContainText(`Rosa Dahl: ticked “${itemName}”`);
  await theirs.screenshot({ path: '/tmp/sync-dispute-panel.png' });
  await expectNoSeriousViolations(b.page, 'teammates on a dispute', { include: '[data-testid="teammates-dispute"]' });
  await b.context.close();
});

test('team sync of ring verdicts: the latest verdict stands on both laptops, with the whole history shown', async ({ page, browser, team }) => {
  test.setTimeout(300_000);
  await team.addUser('Ivo Kern', 'analyst');
  await team.addUser('Jana Wolf', 'analyst');
  const openFirstRing = async (p: typeof page) => {
    await p.getByRole('link', { name: 'Rings' }).click();
    await expect(p.getByTestId('rings-count')).toHaveText(/rings over/, { timeout: 60_000 });
    await p.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
    return p.getByRole('region', { name: /^Ring / });
  };

  // Ivo confirms the riskiest ring as fraud.
  await signIn(page, 'Ivo Kern');
  await signedIn(page, 'Ivo Kern');
  await loadDemo(page);
  const ivos = await openFirstRing(page);
  const ringName = await ivos.getAttribute('aria-label');
  await ivos.getByLabel('Verdict', { exact: true }).selectOption('confirmed-fraud');
  await ivos.getByRole('button', { name: 'Save verdict' }).click();
  await expect(ivos.getByTestId('ring-marks')).toContainText('Confirmed fraud by Ivo Kern');
  await synced(page);

  // Jana, with the same demo orders, sees his verdict on the same ring; an hour later she calls it benign.
  const b = await laptop(browser, team, 'J. Self');
  await signIn(b.page, 'Jana Wolf');
  await signedIn(b.page, 'Jana Wolf');
  await loadDemo(b.page);
  await synced(b.page);
  await moveClock(b.page, Date.parse(TEST_NOW) + HOUR);
  const janas = await openFirstRing(b.page);
  expect(await janas.getAttribute('aria-label')).toBe(ringName);
  await expect(janas.getByTestId('ring-marks')).toContainText('Confirmed fraud by Ivo Kern', { timeout: 30_000 });
  await expect(janas.getByLabel('Verdict', { exact: true })).toHaveValue('confirmed-fraud');
  await janas.getByLabel('Verdict', { exact: true }).selectOption('benign');
  await janas.getByRole('button', { name: 'Save verdict' }).click();
  await expect(janas.getByTestId('ring-marks')).toContainText(/^Benign by Jana Wolf, .* · Confirmed fraud by Ivo Kern/);
  await synced(b.page);

  // On Ivo's laptop the ring he still has open shows Jana's later verdict once a sync round brings
  // it, without a reload: the history and the verdict the form offers.
  await expect(ivos.getByTestId('ring-marks')).toContainText(/^Benign by Jana Wolf, .* · Confirmed fraud by Ivo Kern/, { timeout: 30_000 });
  await expect(ivos.getByLabel('Verdict', { exact: true })).toHaveValue('benign');

  // On Ivo's laptop Jana's later verdict now stands, his own still in the history.
  await expect(async () => {
    await page.reload();
    const again = await openFirstRing(page);
    await expect(again.getByTestId('ring-marks')).toContainText(/^Benign by Jana Wolf, .* · Confirmed fraud by Ivo Kern/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first()).toContainText('benign');
  await b.context.close();
});
