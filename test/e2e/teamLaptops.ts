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
