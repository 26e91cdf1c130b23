// What the team e2e specs share: the worker's real team server as a fixture, more laptops (each
// its own browser profile and fixed clock), signing in through Settings → Team, and the team line.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { enterAnalystName, expect, test as base, TEST_NOW } from './fixtures';
import { startTeamServerRun, TEAM_PASSWORD, type TeamServerRun } from './teamServer';

export const test = base.extend<{ allowedOrigins: string[] }, { team: TeamServerRun }>({
  team: [
    async ({}, use) => {
      const run = await startTeamServerRun();
      await use(run);
      await run.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ team }, use) => use(team.appUrl),
  allowedOrigins: async ({ team }, use) => use([team.origin]),
});

/**
 * A second (third…) laptop: its own browser profile, at a fixed time (the tests' date unless
 * given: laptops whose entries must order by time get different ones), the analyst's name given.
 */
export async function laptop(
  browser: Browser,
  team: TeamServerRun,
  selfDeclared: string,
  at: string = TEST_NOW,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: team.appUrl, viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(at));
  await page.goto('/');
  await enterAnalystName(page, selfDeclared);
  return { context, page };
}

/** The team line under the navigation (Settings → Team shows it too). */
export const syncLine = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByTestId('team-sync');

export async function signIn(page: Page, name: string, password = TEAM_PASSWORD): Promise<void> {
  await page.goto('/#/settings');
  const panel = page.getByRole('region', { name: 'Team', exact: true });
  await panel.getByLabel('Name').fill(name);
  await panel.getByLabel('Password').fill(password);
  await panel.getByRole('button', { name: 'Sign in' }).click();
}

export async function signedIn(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('team-account')).toContainText(`as ${name}`);
}

/** Waits for the laptop's next completed sync round with nothing left waiting. */
export async function synced(page: Page): Promise<void> {
  await expect(syncLine(page)).toContainText(/synced \d/, { timeout: 30_000 });
  await expect(syncLine(page)).not.toContainText('waiting', { timeout: 30_000 });
}

export const HOUR = 3_600_000;

/**
 * Sets the laptop's clock to `at` and reloads, so its cache worker (which follows the page's clock
 * from its start, with real elapsed time) follows the new time. Demo data is generated at the
 * clock's time: load it before moving, and every laptop holds the same orders.
 */
export async function moveClock(page: Page, at: number): Promise<void> {
  await page.clock.setFixedTime(new Date(at));
  await page.reload();
}

/** Decides an order in Review (`orderId`, or the one on top of the queue); returns the order's id as Review shows it. */
export async function decideOrder(page: Page, decision: 'Release' | 'Hold', orderId?: string): Promise<string> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  if (orderId) {
    await page
      .locator('[data-queue-row]')
      .filter({ has: page.getByRole('cell', { name: orderId, exact: true }) })
      .click();
  }
  await page.locator('section.review').focus();
  await page.keyboard.press(decision === 'Release' ? 'r' : 'h');
  const form = page.getByRole('form', { name: new RegExp(`^${decision} order`) });
  const id = (await form.getAttribute('aria-label'))!.replace(`${decision} order `, '');
  if (decision === 'Hold') await form.getByLabel('Reason code').selectOption({ index: 1 });
  await form.getByRole('button', { name: decision, exact: true }).click();
  await expect(page.getByTestId('last-decision')).toContainText(`${decision} of ${id} logged`);
  return id;
}
