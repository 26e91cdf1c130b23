// Claims in a team, end to end against a real server: an analyst claims an order and the team
// sees who has it and since when; another analyst cannot take it (the server refuses, with its
// reason, even when that laptop's view is stale); a lead reassigns it from a pick list; rings and
// disputes are claimed the same way; offline the controls say so; compliance only reads claims;
// an admin disables an account in Settings → Team.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { expect, loadDemo, search, visibleRows } from './fixtures';
import { laptop, signedIn, signIn, test } from './teamLaptops';

/** "2026-12-03 14:05 UTC": the server's time, as the decision log shows times, so the test names its shape, never its day. */
const SINCE = String.raw`since \d{4}-\d\d-\d\d \d\d:\d\d UTC`;

/** Review, with the order on top of the queue (the same demo data puts the same one there on every laptop). */
async function reviewTopOrder(page: Page) {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  return page.getByRole('group', { name: 'Who works on this order' });
}

async function teamLaptopWithDemo(page: Page, name: string) {
  await signIn(page, name);
  await signedIn(page, name);
  await loadDemo(page);
}

const topRowMarker = (page: Page) => page.locator('[data-queue-row="0"]').getByTestId('claim-marker');

test('team claims: A claims an order, B sees who has it since when and cannot take it, a lead reassigns it to B and A sees it is B’s; a ring too', async ({
  page,
  browser,
  team,
}) => {
  test.setTimeout(360_000);
  await team.addUser('Ida Berg', 'analyst');
  await team.addUser('Jon Park', 'analyst');
  await team.addUser('Kim Lund', 'lead');

  // A claims the order on top of Review.
  await teamLaptopWithDemo(page, 'Ida Berg');
  const onA = await reviewTopOrder(page);
  await expect(onA).toContainText('Not claimed: nobody on the team has this order.', { timeout: 30_000 });
  await onA.getByRole('button', { name: 'Claim' }).click();
  await expect(onA.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Ida Berg \\(you\\) ${SINCE}\\.$`));
  await expect(topRowMarker(page)).toHaveText(/^IBClaimed by Ida Berg \(you\)/);

  // B: the same order shows as Ida's, in the panel and the queue row, with no Claim to press.
  const b = await laptop(browser, team, 'J. Self');
  await teamLaptopWithDemo(b.page, 'Jon Park');
  const onB = await reviewTopOrder(b.page);
  await expect(onB.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Ida Berg ${SINCE}\\.$`), { timeout: 30_000 });
  await expect(onB).toContainText('Only a lead can hand it to someone else.');
  await expect(onB.getByRole('button', { name: 'Claim' })).toHaveCount(0);
  await expect(onB.getByRole('button', { name: 'Release' })).toHaveCount(0);
  await expect(topRowMarker(b.page)).toHaveText(/^IBClaimed by Ida Berg since/);
  await expectNoSeriousViolations(b.page, 'Review with a claimed order', { include: '.review-body' });

  // Even with a stale view (B's last read of the claims predates Ida's claim) the server refuses, and says why.
  await b.context.route(`${team.origin}/v1/claims`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { claims: [] }, headers: { 'access-control-allow-origin': '*' } }) : route.fallback(),
  );
  await expect(onB).toContainText('Not claimed', { timeout: 30_000 });
  await b.context.unroute(`${team.origin}/v1/claims`);
  await onB.getByRole('button', { name: 'Claim' }).click();
  await expect(onB.getByRole('alert')).toContainText(/order \S+ is claimed by Ida Berg since \d{4}-\d\d-\d\dT/);
  await expect(onB.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Ida Berg ${SINCE}\\.$`));

  // The lead hands it to B from the pick list of active analysts and leads.
  const lead = await laptop(browser, team, 'K. Self');
  await teamLaptopWithDemo(lead.page, 'Kim Lund');
  const onLead = await reviewTopOrder(lead.page);
  await expect(onLead.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Ida Berg ${SINCE}\\.$`), { timeout: 30_000 });
  const pick = onLead.getByLabel('Reassign to');
  // Active analysts and leads (other specs' accounts share this server), never the holder, compliance or an admin.
  await expect.poll(() => pick.locator('option').allTextContents()).toEqual(expect.arrayContaining(['choose…', 'Jon Park (analyst)', 'Kim Lund (lead)']));
  expect((await pick.locator('option').allTextContents()).filter((o) => /Ida Berg|compliance|admin/.test(o))).toEqual([]);
  await pick.selectOption('Jon Park');
  await onLead.getByRole('button', { name: 'Reassign' }).click();
  await expect(onLead.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Jon Park ${SINCE}, assigned by Kim Lund\\.$`));
  await lead.page.screenshot({ path: test.info().outputPath('lead-reassigned.png') });

  // A sees it is B's now and can no longer release it; B sees it is theirs.
  await expect(onA.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Jon Park ${SINCE}, assigned by Kim Lund\\.$`), { timeout: 30_000 });
  await expect(onA.getByRole('button', { name: 'Release' })).toHaveCount(0);
  await expect(topRowMarker(page)).toHaveText(/^JPClaimed by Jon Park since/);
  await expect(onB.getByTestId('case-claim-holder')).toHaveText(/^Claimed by Jon Park \(you\)/, { timeout: 30_000 });

  // The Orders screen's panel of the same order says the same.
  const why = await page.getByRole('complementary', { name: /^Why order / }).getAttribute('aria-label');
  const orderNo = /^Why order (.+) scores/.exec(why ?? '')![1]!;
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, orderNo);
  const at = (await visibleRows(page)).findIndex((r) => r.Order === orderNo);
  expect(at).toBeGreaterThanOrEqual(0);
  await page.locator(`[role="row"][aria-rowindex="${at + 2}"]`).click();
  await expect(page.getByRole('complementary', { name: `Order ${orderNo}` }).getByTestId('case-claim-holder')).toHaveText(
    new RegExp(`^Claimed by Jon Park ${SINCE}, assigned by Kim Lund\\.$`),
  );

  // A ring: B claims the riskiest ring; A's ring list marks it, and A's ring panel names B.
  await b.page.getByRole('link', { name: 'Rings' }).click();
  const bRings = b.page.getByRole('table', { name: 'Rings' });
  await bRings.locator('tbody tr').first().click();
  const ringOnB = b.page.getByRole('group', { name: 'Who works on this ring' });
  await ringOnB.getByRole('button', { name: 'Claim' }).click();
  await expect(ringOnB.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Jon Park \\(you\\) ${SINCE}\\.$`));
  await b.page.screenshot({ path: test.info().outputPath('ring-claimed.png') });

  await page.getByRole('link', { name: 'Rings' }).click();
  const aRings = page.getByRole('table', { name: 'Rings' });
  await expect(aRings.locator('tbody tr').first().getByTestId('claim-marker')).toHaveText(/^JPClaimed by Jon Park since/, { timeout: 30_000 });
  await aRings.locator('tbody tr').first().click();
  await expect(page.getByRole('group', { name: 'Who works on this ring' }).getByTestId('case-claim-holder')).toHaveText(
    new RegExp(`^Claimed by Jon Park ${SINCE}\\.$`),
  );

  // Offline, A's controls say the server cannot be reached instead of pretending.
  await page.context().route(`${team.origin}/**`, (route) => route.abort('internetdisconnected'));
  const ringOnA = page.getByRole('group', { name: 'Who works on this ring' });
  await expect(ringOnA.getByRole('status')).toContainText(/Claims cannot change now: .*cannot be reached/, { timeout: 30_000 });
  await page.context().unroute(`${team.origin}/**`);
  await b.context.close();
  await lead.context.close();
});

test('team claims on a dispute, compliance only reads them, and an admin disables an account in Settings → Team', async ({ page, browser, team }) => {
  test.setTimeout(300_000);
  await team.addUser('Lou Hart', 'analyst');
  await team.addUser('Max Roe', 'compliance');
  await team.addUser('Nia Vos', 'admin');

  // The analyst claims the most urgent dispute.
  await teamLaptopWithDemo(page, 'Lou Hart');
  await page.getByRole('link', { name: 'Disputes' }).click();
  const disputes = page.getByRole('table', { name: 'Disputes by deadline' });
  await disputes.locator('tbody tr').first().click();
  const onDispute = page.getByRole('group', { name: /^Who works on this (dispute|refund claim)$/ });
  await expect(onDispute).toContainText('Not claimed', { timeout: 30_000 });
  await onDispute.getByRole('button', { name: 'Claim' }).click();
  await expect(onDispute.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Lou Hart \\(you\\) ${SINCE}\\.$`));
  await expect(disputes.locator('tbody tr').first().getByTestId('claim-marker')).toHaveText(/^LHClaimed by Lou Hart \(you\)/);

  // Compliance sees who has it but has nothing to press.
  const c = await laptop(browser, team, 'M. Self');
  await teamLaptopWithDemo(c.page, 'Max Roe');
  await c.page.getByRole('link', { name: 'Disputes' }).click();
  await c.page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first().click();
  const onC = c.page.getByRole('group', { name: /^Who works on this (dispute|refund claim)$/ });
  await expect(onC.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Lou Hart ${SINCE}\\.$`), { timeout: 30_000 });
  await expect(onC).toContainText('A compliance account sees claims but does not claim cases.');
  await expect(onC.getByRole('button')).toHaveCount(0);

  // The admin disables the analyst: the account is out at once, the claim stays.
  const admin = await laptop(browser, team, 'N. Self');
  await signIn(admin.page, 'Nia Vos');
  await signedIn(admin.page, 'Nia Vos');
  const accounts = admin.page.getByRole('table', { name: 'Team accounts' });
  const lou = accounts.getByRole('row', { name: /Lou Hart/ });
  await expect(lou).toContainText('analystactive', { timeout: 30_000 });
  await expect(accounts.getByRole('row', { name: /Nia Vos/ })).toContainText('you');
  await expectNoSeriousViolations(admin.page, 'Settings → Team with the accounts', { include: '[aria-labelledby="team-title"]' });
  await lou.getByRole('button', { name: 'Disable Lou Hart' }).click();
  await expect(lou).toContainText('analystdisabled');
  await admin.page.screenshot({ path: test.info().outputPath('team-accounts.png') });

  // Lou's laptop learns at its next round that the session is over: signed out, nothing to claim with.
  await expect(onDispute).toHaveCount(0, { timeout: 30_000 });
  await expect(onC.getByTestId('case-claim-holder')).toHaveText(new RegExp(`^Claimed by Lou Hart ${SINCE}\\.$`));
  await c.context.close();
  await admin.context.close();
});
