// The team, end to end: laptops in browser mode signed in as different analysts to one real team
// server on PostgreSQL (the teamLaptops fixture starts it). Decisions travel both ways, also after a laptop
// decided offline; a conflict is flagged for a lead; compliance cannot decide; wrong passwords lock;
// an idle laptop locks.
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { chainTeamEvents, GENESIS_HEAD, SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
import { enterAnalystName, expect, loadDemo, openReviewQueue, releaseQueued, TEST_NOW } from './fixtures';
import { laptop, signedIn, signIn, synced, syncLine, test } from './teamLaptops';
import { LOCKOUT_AFTER, TEAM_PASSWORD } from './teamServer';

/** Decides the order on top of the review queue; returns its key as Review shows it. */
async function decideFirst(page: Page, decision: 'Release' | 'Hold'): Promise<void> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  await page.locator('section.review').focus();
  await page.keyboard.press(decision === 'Release' ? 'r' : 'h');
  const form = page.getByRole('form', { name: new RegExp(`^${decision} order`) });
  if (decision === 'Hold') await form.getByLabel('Reason code').selectOption({ index: 1 });
  await form.getByRole('button', { name: decision, exact: true }).click();
}

test('team sync between analysts: A decides and B sees it; B decides offline, both see each other after reconnecting; the lead sees the conflict', async ({
  page,
  browser,
  team,
}) => {
  test.setTimeout(300_000);
  await team.addUser('Ana Weber', 'analyst');
  await team.addUser('Ben Ito', 'analyst');
  await team.addUser('Lea Roth', 'lead');

  // Laptop A (this test's page): the self-declared name gives way to the account's.
  await signIn(page, 'Ana Weber');
  await signedIn(page, 'Ana Weber');
  await expect(syncLine(page)).toContainText('Team: Ana Weber (analyst)');
  await loadDemo(page);
  await decideFirst(page, 'Release');
  await expect(page.getByTestId('last-decision')).toBeVisible();
  const decidedRow = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first();
  await expect(decidedRow).toContainText('Ana Weber');
  await expect(syncLine(page)).toContainText(/synced \d/, { timeout: 30_000 });

  // Laptop B: same demo data, so the same order is on top of its queue; Ana's release shows on it.
  const b = await laptop(browser, team, 'B. Self');
  await signIn(b.page, 'Ben Ito');
  await signedIn(b.page, 'Ben Ito');
  await loadDemo(b.page);
  await b.page.getByRole('link', { name: 'Review' }).click();
  await expect(b.page.getByTestId('teammates-decisions')).toContainText(/Ana Weber released it · .* · laptop [0-9a-f]{8}/, { timeout: 30_000 });

  // B goes offline (the server's origin unreachable) and holds the same order.
  await b.context.route(`${team.origin}/**`, (route) => route.abort('internetdisconnected'));
  await decideFirst(b.page, 'Hold');
  await expect(syncLine(b.page)).toContainText(/offline since \d.*, 1 change waiting/, { timeout: 30_000 });

  // Back online: nothing was lost, and both laptops see the conflict.
  await b.context.unroute(`${team.origin}/**`);
  await expect(syncLine(b.page)).toContainText(/synced \d/, { timeout: 30_000 });
  await expect(syncLine(b.page)).not.toContainText('waiting');
  // Both laptops run at the tests' one fixed date and their workers count real time from their own
  // start, so which decision reads as "later" depends on which laptop started first: the test asserts
  // both are listed, not their order (the order by time is unit-tested in test/unit/team/teamSync.test.ts).
  const bothDecisions = /(Ana Weber released it .*; Ben Ito held it)|(Ben Ito held it .*; Ana Weber released it)/;
  await expect(page.getByTestId('team-conflicts')).toContainText(bothDecisions, { timeout: 30_000 });
  // Verify checks B's chain of team events against the head the server witnessed for B's laptop.
  await b.page.getByRole('button', { name: 'Verify log' }).click();
  await expect(b.page.getByTestId('team-chain-verdict')).toHaveText("This laptop's team chain is intact (1 events); the server witnessed it up to event 1.");

  // The lead, on a third laptop with no data of its own yet, sees the conflict flagged for them.
  const lead = await laptop(browser, team, 'L. Self');
  await signIn(lead.page, 'Lea Roth');
  await signedIn(lead.page, 'Lea Roth');
  await loadDemo(lead.page);
  await lead.page.getByRole('link', { name: 'Review' }).click();
  await expect(lead.page.getByTestId('team-conflicts')).toContainText('Decided differently by the team: for you to resolve', { timeout: 30_000 });
  await expect(lead.page.getByTestId('team-conflicts')).toContainText(bothDecisions);
  await lead.page.screenshot({ path: test.info().outputPath('lead-review.png') });
  await b.context.close();
  await lead.context.close();
});

test('team compliance cannot decide or erase on request, but purges its own copies: the app refuses before logging, and the server answers 403 to a decision pushed anyway', async ({
  page,
  team,
  request,
}) => {
  await team.addUser('Cora Meyer', 'compliance');
  await signIn(page, 'Cora Meyer');
  await signedIn(page, 'Cora Meyer');
  await loadDemo(page);
  await openReviewQueue(page);
  await releaseQueued(page);
  await expect(page.getByRole('alert')).toContainText('Cora Meyer is signed in as compliance: a compliance account reads the team');
  await expect(page.getByTestId('last-decision')).toHaveCount(0);
  // Nor does it erase: its erasure event would be refused and block its laptop's chain.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Customer email or customer id').fill('anna.schmidt@example.de');
  await expect(page.getByRole('button', { name: 'Find…' })).toBeDisabled();
  await expect(page.getByTestId('erase-not-yours')).toHaveText(
    "Cora Meyer is signed in as compliance: a compliance account reads the team's work and does not erase a customer on request. An analyst, lead or admin account does, and the erasure reaches this laptop with the next sync. The retention purge below is this laptop's own.",
  );
  // A retention purge is this laptop's own: compliance purges its copies too, and the entry stays on the laptop.
  const retention = page.getByRole('form', { name: 'Retention period' });
  await retention.getByLabel(/Keep personal data of orders and payments for/).fill('3');
  await retention.getByRole('button', { name: 'Save' }).click();
  await retention.getByRole('button', { name: 'Purge older data now…' }).click();
  await page.getByRole('dialog', { name: 'Confirm purge' }).getByRole('button', { name: 'Purge' }).click();
  await expect(page.getByText(/^Purged; logged as entry \d+ of the decision log\.$/)).toBeVisible();
  // Its laptop goes on syncing: the entry is not sent, so nothing is refused.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await synced(page);
  await expect(syncLine(page)).not.toContainText(/refused|blocked/i);
  await page.getByTestId('erase-not-yours').screenshot({ path: test.info().outputPath('compliance-erase.png') });

  const headers = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) };
  const session = await request.post(`${team.origin}/v1/session`, { headers, data: { name: 'Cora Meyer', password: TEAM_PASSWORD } });
  const { token } = (await session.json()) as { token: string };
  const events = await chainTeamEvents(
    [
      {
        id: crypto.randomUUID(),
        kind: 'decision',
        payload: { orderKey: 'shopify:#1001', decision: 'release' },
        analyst: 'Cora Meyer',
        at: Date.parse(TEST_NOW),
      },
    ],
    crypto.randomUUID(),
    GENESIS_HEAD,
  );
  const pushed = await request.post(`${team.origin}/v1/events`, { headers: { ...headers, authorization: `Bearer ${token}` }, data: { events } });
  expect(pushed.status()).toBe(403);
});

test(`team sign-in: ${LOCKOUT_AFTER} wrong passwords lock the account, and the app says so`, async ({ page, team }) => {
  await team.addUser('Dan Okafor', 'analyst');
  const alert = page.getByRole('region', { name: 'Team', exact: true }).getByRole('alert');
  for (let i = 0; i < LOCKOUT_AFTER; i++) {
    await signIn(page, 'Dan Okafor', 'not the password at all');
    await expect(alert).toBeVisible();
  }
  await signIn(page, 'Dan Okafor');
  await expect(alert).toContainText(/locked/i);
  await expect(page.getByTestId('team-account')).toHaveCount(0);
});

test('team password: an analyst changes their own in Settings; the new one signs in, the old one no longer', async ({ page, team }) => {
  await team.addUser('Greta Holm', 'analyst');
  await signIn(page, 'Greta Holm');
  await signedIn(page, 'Greta Holm');
  const panel = page.getByRole('region', { name: 'Team', exact: true });
  await panel.getByRole('button', { name: 'Change password…' }).click();
  const form = panel.getByRole('form', { name: 'Change password' });
  const submit = form.getByRole('button', { name: 'Change password' });
  const NEW = 'a longer new password, 2026';
  // Too short, or typed differently twice: said at once, and not sent.
  await form.getByLabel('Current password').fill(TEAM_PASSWORD);
  await form.getByLabel('New password', { exact: true }).fill('short');
  await expect(form).toContainText('The new password needs at least 12 characters.');
  await expect(submit).toBeDisabled();
  await form.getByLabel('New password', { exact: true }).fill(NEW);
  await form.getByLabel('New password again').fill(`${NEW}!`);
  await expect(form).toContainText('The two new passwords differ.');
  await expect(submit).toBeDisabled();
  // A wrong current password: the server says so, and nothing changes.
  await form.getByLabel('Current password').fill('not the password at all');
  await form.getByLabel('New password again').fill(NEW);
  await submit.click();
  await expect(form.getByRole('alert')).toContainText('the current password is wrong');
  await form.getByLabel('Current password').fill(TEAM_PASSWORD);
  await submit.click();
  await expect(panel.getByTestId('password-changed')).toContainText('Password changed.');
  await signedIn(page, 'Greta Holm');
  // Signed out, the old password no longer signs in; the new one does.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Greta Holm');
  await expect(panel.getByRole('alert')).toContainText('wrong name or password');
  await signIn(page, 'Greta Holm', NEW);
  await signedIn(page, 'Greta Holm');
});

test('team settings refuse a server other than the configured one, and name the one the app may talk to', async ({ page, team }) => {
  await page.goto('/#/settings');
  const panel = page.getByRole('region', { name: 'Team', exact: true });
  await expect(panel.getByLabel('Team server')).toHaveValue(team.origin);
  await panel.getByLabel('Team server').fill('https://elsewhere.example.com');
  await panel.getByLabel('Name').fill('Ana Weber');
  await panel.getByLabel('Password').fill(TEAM_PASSWORD);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel.getByRole('alert')).toContainText(`This app may talk only to ${team.origin}`);
});

/**
 * A laptop signed in as `analyst` with the team's idle time set to 2 minutes (by `admin`), whose
 * window clock the test moves (Playwright's clock drives the app's timers); the setting is put back after.
 */
async function withIdleLock(
  {
    browser,
    team,
    request,
  }: { browser: Browser; team: { origin: string; appUrl: string; addUser(name: string, role: string): Promise<unknown> }; request: APIRequestContext },
  names: { admin: string; analyst: string; self: string },
  body: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  await team.addUser(names.admin, 'admin');
  await team.addUser(names.analyst, 'analyst');
  const headers = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) };
  const session = await request.post(`${team.origin}/v1/session`, { headers, data: { name: names.admin, password: TEAM_PASSWORD } });
  const admin = { ...headers, authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
  const before = (await (await request.get(`${team.origin}/v1/settings`, { headers: admin })).json()) as { settings: { idleLockMinutes: number } };
  expect((await request.put(`${team.origin}/v1/settings`, { headers: admin, data: { idleLockMinutes: 2 } })).status()).toBe(200);
  const context = await browser.newContext({ baseURL: team.appUrl, viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.clock.install({ time: new Date(TEST_NOW) });
    await page.goto('/');
    await enterAnalystName(page, names.self);
    await signIn(page, names.analyst);
    await signedIn(page, names.analyst);
    await body(page, context);
  } finally {
    await context.close();
    await request.put(`${team.origin}/v1/settings`, { headers: admin, data: { idleLockMinutes: before.settings.idleLockMinutes } });
  }
}

test('team idle lock: a locked laptop lets no key reach the app behind the lock (no palette, no tabbing out), and a reload keeps it locked', async ({
  browser,
  team,
  request,
}) => {
  await withIdleLock({ browser, team, request }, { admin: 'Ida Admin', analyst: 'Ole Lund', self: 'O. Self' }, async (page) => {
    const lock = page.getByRole('dialog', { name: 'Locked after 2 minutes without input' });
    await page.clock.fastForward(121_000);
    await expect(lock).toBeVisible();

    // Whoever sits down at the locked laptop: the palette's shortcut opens nothing (it would back up
    // the cache or jump to any order), and the keyboard cannot leave the lock for the app behind it.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Go to' })).toHaveCount(0);
    await lock.getByLabel('Password').focus();
    for (const key of ['Shift+Tab', 'Tab', 'Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest('.idle-lock'))).toBe(true);
    }

    // A reload (F5 in browser mode) is no way round the password.
    await page.reload();
    await expect(lock).toBeVisible();
    await lock.getByLabel('Password').fill(TEAM_PASSWORD);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toHaveCount(0);
    await signedIn(page, 'Ole Lund');
  });
});

test('team idle lock over an open dialog: the lock covers it, Escape does not lift it, and the password does', async ({ browser, team, request }) => {
  await withIdleLock({ browser, team, request }, { admin: 'Ines Admin', analyst: 'Eva Dahl', self: 'E. Self' }, async (page) => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up to file…' }).click();
    const backup = page.getByRole('dialog', { name: 'Back up the cache' });
    await expect(backup).toBeVisible();
    const lock = page.getByRole('dialog', { name: 'Locked after 2 minutes without input' });
    await page.clock.fastForward(121_000);
    await expect(lock).toBeVisible();
    await expect(lock.getByLabel('Password')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(lock).toBeVisible();
    // The lock is on top: its password field takes what is typed, not the dialog under it.
    await page.keyboard.type(TEAM_PASSWORD);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toHaveCount(0);
    await expect(backup).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(backup).toHaveCount(0);
  });
});

test('team idle lock on a laptop that cannot reach the team server: signing out of the team opens the workbench, the session ended', async ({
  browser,
  team,
  request,
}) => {
  await withIdleLock({ browser, team, request }, { admin: 'Iris Admin', analyst: 'Timo Berg', self: 'O. Self' }, async (page, context) => {
    const lock = page.getByRole('dialog', { name: 'Locked after 2 minutes without input' });
    await page.clock.fastForward(121_000);
    await expect(lock).toBeVisible();
    // On a train: the team server cannot be reached, so the password cannot be checked there.
    await context.route(`${team.origin}/**`, (route) => route.abort('internetdisconnected'));
    await lock.getByLabel('Password').fill(TEAM_PASSWORD);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock.getByRole('alert')).toBeVisible();
    await expect(lock).toBeVisible();
    // The way out that needs no server: the team session ends, the laptop's own work stays.
    await lock.getByRole('button', { name: 'Sign out of the team' }).click();
    await expect(lock).toHaveCount(0);
    await page.reload();
    await expect(lock).toHaveCount(0);
    await page.goto('/#/settings');
    const panel = page.getByRole('region', { name: 'Team', exact: true });
    await expect(panel.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('team-account')).toHaveCount(0);
  });
});

test('team idle lock in browser mode: work in a second tab keeps the idle first tab from locking the session', async ({ browser, team, request }) => {
  await withIdleLock({ browser, team, request }, { admin: 'Alma Admin', analyst: 'Enno Kraft', self: 'E. Self' }, async (page, context) => {
    const second = await context.newPage();
    await second.clock.install({ time: new Date(TEST_NOW) });
    await second.goto('/#/settings');
    await signedIn(second, 'Enno Kraft');
    const lockIn = (p: Page) => p.getByRole('dialog', { name: 'Locked after 2 minutes without input' });
    // The first tab sits idle 90 s; the analyst presses a key in the second; 40 s later the first
    // tab's 2 minutes have passed, but not 2 minutes without input in the app.
    await page.clock.fastForward(90_000);
    await second.keyboard.press('Shift');
    // The news of it crosses to the first tab as a message between tabs: give it a moment of real time.
    await page.waitForTimeout(500);
    await page.clock.fastForward(40_000);
    await expect(lockIn(page)).toHaveCount(0);
    await expect(lockIn(second)).toHaveCount(0);
    // Nothing anywhere for 2 minutes more: the first tab locks.
    await page.clock.fastForward(121_000);
    await expect(lockIn(page)).toBeVisible();
  });
});

test('team idle lock: after the admin-set idle time without input the laptop locks, input keeps it open, and the password unlocks it', async ({
  browser,
  team,
  request,
}) => {
  await withIdleLock({ browser, team, request }, { admin: 'Ada Admin', analyst: 'Ina Vogt', self: 'I. Self' }, async (page) => {
    const lock = page.getByRole('dialog', { name: 'Locked after 2 minutes without input' });

    // 90 s idle, a key, 90 s idle: never 2 minutes without input, so still open.
    await page.clock.fastForward(90_000);
    await page.keyboard.press('Shift');
    await page.clock.fastForward(90_000);
    await expect(lock).toHaveCount(0);
    // 30 s more without input: 2 minutes since the key, and the laptop locks.
    await page.clock.fastForward(31_000);
    await expect(lock).toBeVisible();
    await expect(lock).toContainText('Enter the password of Ina Vogt to go on.');
    await lock.getByLabel('Password').fill('not the password at all');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock.getByRole('alert')).toBeVisible();
    await expect(lock).toBeVisible();
    await lock.getByLabel('Password').fill(TEAM_PASSWORD);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toHaveCount(0);
    await signedIn(page, 'Ina Vogt');
  });
});
