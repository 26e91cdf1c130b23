// Dispute files between two laptops on one real team server: Ina attaches a PDF to a dispute and
// syncs, its bytes reach the server; Jon, on the same demo data, sees her file among the teammates'
// steps on that dispute, downloads it byte for byte from the team, is told when bytes that arrive
// are not hers, and adds it to the dispute's files on his own laptop.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { attachmentFilePath, SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
import { expectNoSeriousViolations } from './axe';
import { expect, loadDemo } from './fixtures';
import { laptop, signedIn, signIn, synced, test } from './teamLaptops';
import { TEAM_PASSWORD, type TeamServerRun } from './teamServer';

const PDF_PATH = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/attachments/delivery-confirmation.pdf');
const PDF = readFileSync(PDF_PATH);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function openFirstDispute(page: Page) {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Disputes' }).click();
  const first = page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  await first.click();
  return page.getByRole('region', { name: /^Dispute / });
}

/** Whether the team server holds a file, asked as `name` would (HEAD, without the bytes). */
async function serverHolds(request: APIRequestContext, team: TeamServerRun, name: string, sha: string): Promise<number> {
  const headers = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) };
  const session = await request.post(`${team.origin}/v1/session`, { headers, data: { name, password: TEAM_PASSWORD } });
  const { token } = (await session.json()) as { token: string };
  return (await request.head(`${team.origin}${attachmentFilePath(sha)}`, { headers: { ...headers, authorization: `Bearer ${token}` } })).status();
}

test('team attachments: Jon downloads the PDF Ina attached to a dispute, byte for byte, and adds it to his evidence', async ({
  page,
  browser,
  team,
  request,
}) => {
  test.setTimeout(300_000);
  await team.addUser('Ina Berg', 'analyst');
  await team.addUser('Jon Vik', 'analyst');

  // Laptop A: Ina attaches the delivery confirmation; it travels with her next round.
  await signIn(page, 'Ina Berg');
  await signedIn(page, 'Ina Berg');
  const mine = await openFirstDispute(page);
  const dispute = await mine.getAttribute('aria-label');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), mine.getByRole('button', { name: 'Attach files…' }).click()]);
  await chooser.setFiles(PDF_PATH);
  await expect(mine.getByRole('table', { name: 'Attached files' }).locator('tbody tr')).toHaveCount(1);
  await expect.poll(() => serverHolds(request, team, 'Ina Berg', sha256(PDF)), { timeout: 30_000 }).toBe(204);
  await synced(page);

  // Laptop B, same demo data: the same dispute shows Ina's file among the teammates' steps.
  const b = await laptop(browser, team, 'J. Self');
  await signIn(b.page, 'Jon Vik');
  await signedIn(b.page, 'Jon Vik');
  const theirs = await openFirstDispute(b.page);
  expect(await theirs.getAttribute('aria-label')).toBe(dispute);
  const teammates = theirs.getByTestId('teammates-dispute');
  await expect(teammates).toContainText('Ina Berg: attached delivery-confirmation.pdf (PDF', { timeout: 30_000 });
  await expectNoSeriousViolations(b.page, "a teammate's file on a dispute", { include: '[data-testid="teammates-dispute"]' });

  const [download] = await Promise.all([
    b.page.waitForEvent('download'),
    teammates.getByRole('button', { name: 'Download delivery-confirmation.pdf from the team' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('delivery-confirmation.pdf');
  expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

  // Bytes that are not Ina's (a proxy, a damaged copy) are refused, saying so, and nothing is saved.
  const altered = Buffer.from(PDF);
  altered.writeUInt8(altered.readUInt8(200) ^ 1, 200);
  await b.context.route(`${team.origin}${attachmentFilePath(sha256(PDF))}`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ status: 200, contentType: 'application/octet-stream', body: altered }) : route.continue(),
  );
  let saved = false;
  b.page.on('download', () => (saved = true));
  await teammates.getByRole('button', { name: 'Download delivery-confirmation.pdf from the team' }).click();
  await expect(teammates.getByRole('alert')).toContainText(
    `Ina Berg’s file from the team server was refused, and not saved: “delivery-confirmation.pdf” is not the file its SHA-256 ${sha256(PDF).slice(0, 12)}… names`,
  );
  expect(saved).toBe(false);
  await b.context.unroute(`${team.origin}${attachmentFilePath(sha256(PDF))}`);

  // Added to Jon's own files on the dispute: it goes into his evidence pack like any attached file.
  await teammates.getByRole('button', { name: "Add delivery-confirmation.pdf to this dispute's evidence" }).click();
  const files = theirs.getByRole('table', { name: 'Attached files' }).locator('tbody tr');
  await expect(files).toHaveCount(1);
  await expect(files.first()).toContainText('delivery-confirmation.pdf');
  await expect(files.first()).toContainText('Jon Vik');
  await expect(files.first().getByTitle(sha256(PDF))).toBeVisible();
  await expect(teammates).toContainText("(in this dispute's files)");
  await expect(teammates.getByRole('alert')).toHaveCount(0);
  await theirs.screenshot({ path: '/tmp/team-attachments-panel.png' });
  await b.context.close();
});
