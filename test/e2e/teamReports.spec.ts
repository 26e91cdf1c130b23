// Team conflicts and team reports, end to end against a real team server on PostgreSQL: two
// analysts decide one order differently, the lead resolves it, the conflict leaves an analyst's
// laptop with the resolution shown in its place, and compliance's KPI report counts the order
// once, by the lead's decision, with a row per analyst.
import { execFileSync } from 'node:child_process';
import { reportPdfOptions } from '../../electron/main/pdfReport';
import { expect, loadDemo, test as base, TEST_NOW } from './fixtures';
import { decideOrder, HOUR, laptop, moveClock, signedIn, signIn, syncLine } from './teamLaptops';
import { startTeamServerRun, type TeamServerRun } from './teamServer';

// A team server of its own (not the one teamLaptops' fixture shares between the other team specs):
// the report counts every decision on the server, so no other spec's decisions may be on it.
const test = base.extend<{ allowedOrigins: string[] }, { team: TeamServerRun }>({
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

const T = Date.parse(TEST_NOW);

test('team conflict resolved by the lead disappears on the analysts’ laptops, and the team KPI report counts the lead’s decision once with a row per analyst', async ({
  page,
  browser,
  team,
}) => {
  test.setTimeout(420_000);
  await team.addUser('Ana Weber', 'analyst');
  await team.addUser('Ben Ito', 'analyst');
  await team.addUser('Lea Roth', 'lead');
  await team.addUser('Cora Meyer', 'compliance');

  // Ana (this page, at TEST_NOW) releases the order on top of her queue.
  await signIn(page, 'Ana Weber');
  await signedIn(page, 'Ana Weber');
  await loadDemo(page);
  const id = await decideOrder(page, 'Release');
  await expect(syncLine(page)).toContainText(/synced \d/, { timeout: 30_000 });

  // Ben, an hour later on his laptop (the same demo orders), holds the same order.
  const ben = await laptop(browser, team, 'B. Self');
  await signIn(ben.page, 'Ben Ito');
  await signedIn(ben.page, 'Ben Ito');
  await loadDemo(ben.page);
  await moveClock(ben.page, T + HOUR);
  await decideOrder(ben.page, 'Hold', id);
  await expect(syncLine(ben.page)).toContainText(/synced \d/, { timeout: 30_000 });
  await expect(ben.page.getByTestId('team-conflicts')).toContainText(/Ana Weber released it .*; Ben Ito held it/, { timeout: 30_000 });
  // An analyst sees the conflict but is not offered to resolve it.
  await expect(ben.page.getByRole('button', { name: `Resolve ${id}` })).toHaveCount(0);

  // Ana's laptop lists the conflict too, until a lead resolves it.
  await expect(page.getByTestId('team-conflicts')).toContainText(id, { timeout: 30_000 });

  // Lea, the lead, two hours later: resolves it as a cancel, with a reason code as the form asks.
  const lea = await laptop(browser, team, 'L. Self');
  await signIn(lea.page, 'Lea Roth');
  await signedIn(lea.page, 'Lea Roth');
  await loadDemo(lea.page);
  await moveClock(lea.page, T + 2 * HOUR);
  await lea.page.getByRole('link', { name: 'Review' }).click();
  const conflicts = lea.page.getByTestId('team-conflicts');
  await expect(conflicts).toContainText('Decided differently by the team: for you to resolve', { timeout: 30_000 });
  await conflicts.getByRole('button', { name: `Resolve ${id}` }).click();
  const form = lea.page.getByRole('form', { name: `Resolve order ${id}` });
  await form.getByLabel('Decision that stands').selectOption('cancel');
  await expect(form.getByRole('button', { name: 'Resolve: cancel' })).toBeDisabled();
  await form.getByLabel('Reason code').selectOption('STOLEN-CARD');
  await form.getByLabel('Resolution note').fill('issuer confirmed the card was stolen');
  await lea.page.screenshot({ path: test.info().outputPath('resolve-form.png') });
  await form.getByRole('button', { name: 'Resolve: cancel' }).click();
  await expect(conflicts).toHaveCount(0);
  const history = new RegExp(`${id.replace(/[#]/g, '\\$&')}: Ana Weber released it, Ben Ito held it; resolved by Lea Roth: cancel \\(STOLEN-CARD\\)`);
  await expect(lea.page.getByTestId('team-resolutions')).toContainText(history);
  // The resolution is in Lea's own decision log.
  await expect(lea.page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first()).toContainText('Lea Roth');
  await expect(syncLine(lea.page)).toContainText(/synced \d/, { timeout: 30_000 });
  await expect(syncLine(lea.page)).not.toContainText('waiting');

  // On Ana's laptop the conflict goes, and the resolution shows with its history.
  await expect(page.getByTestId('team-resolutions')).toContainText(history, { timeout: 30_000 });
  await expect(page.getByTestId('team-conflicts')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('analyst-resolved.png') });

  // Compliance, three hours later on its own laptop: the KPI report counts the team.
  const cora = await laptop(browser, team, 'C. Self');
  await signIn(cora.page, 'Cora Meyer');
  await signedIn(cora.page, 'Cora Meyer');
  await loadDemo(cora.page);
  await moveClock(cora.page, T + 3 * HOUR);
  await expect(syncLine(cora.page)).toContainText(/synced \d/, { timeout: 30_000 });
  await cora.page.getByRole('link', { name: 'Reports' }).click();
  await cora.page.getByRole('tab', { name: 'KPIs' }).click();
  await expect(cora.page.getByTestId('report-team')).toContainText('3 decisions pulled from 3 teammate laptops', { timeout: 30_000 });
  // One order, counted once, as the lead's cancel (not Ana's release nor Ben's later hold).
  await expect(cora.page.getByTestId('figure-orders-reviewed')).toContainText('1');
  await expect(cora.page.getByTestId('figure-orders-reviewed')).toContainText('0 held · 0 released · 1 cancelled');
  await expect(cora.page.getByTestId('figure-unresolved-conflicts')).toContainText(/0.*1 resolved by a lead/);
  const rows = cora.page.getByTestId('kpi-by-analyst').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
  // Analyst, orders decided, held · released · cancelled, …, false positives, in unresolved conflicts, conflicts resolved.
  expect((await cells(0)).slice(0, 3)).toEqual(['Ana Weber', '1', '0 · 1 · 0']);
  expect((await cells(1)).slice(0, 3)).toEqual(['Ben Ito', '1', '1 · 0 · 0']);
  expect(await cells(2)).toEqual(expect.arrayContaining(['Lea Roth', '0 · 0 · 1']));
  expect((await cells(2)).at(-1)).toBe('1');
  // Ben held it, the team cancelled it: not a false positive.
  expect((await cells(1)).at(-3)).toBe('0.0 % (0 of 1 held or cancelled)');
  await cora.page.screenshot({ path: test.info().outputPath('kpi-team.png'), fullPage: true });

  // The printed report carries the per-analyst table and the team's sources.
  await cora.page.emulateMedia({ media: 'print' });
  const pdf = test.info().outputPath('kpi.pdf');
  await cora.page.pdf({ path: pdf, ...reportPdfOptions(false) });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Review by analyst');
  expect(text).toMatch(/Lea Roth\s+1\s+0\s*·\s*0\s*·\s*1\s/);
  expect(text).toContain('decisions pulled from 3 teammate laptops');
  for (const l of [ben, lea, cora]) await l.context.close();
});
