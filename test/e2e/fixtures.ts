// Every browser-mode test runs at a fixed date (the window's clock, which the app's workers
// follow) and with a request log: the app must never reach beyond the page's own 127.0.0.1
// origin, and each test asserts that at its end.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The date every test runs at unless it names another with `test.use({ now })`. */
export const TEST_NOW = '2026-11-18T14:00:00Z';

export interface NetworkLog {
  all: string[];
  outside(): string[];
}

/** The analyst every test signs in as at first run, unless it names another (or null: no name yet). */
export const TEST_ANALYST = 'K. Weber';

export const test = base.extend<{
  network: NetworkLog;
  now: string;
  pinnedClock: void;
  analyst: string | null;
  namedAnalyst: void;
  allowedOrigins: string[];
  onDisk: boolean;
}>({
  /** Origins besides the page's own that a test lets the app reach: the team server, in team tests only. */
  allowedOrigins: [[], { option: true }],
  /**
   * A profile on disk, as a user's browser has, instead of Playwright's usual incognito context,
   * whose IndexedDB lives in memory: Chromium 150 writes there about three times slower than to
   * disk (a 1M-order demo load: 165 s against 51 s), and a storage quota set over DevTools holds
   * only on disk. Such a context records no Playwright trace.
   */
  onDisk: [false, { option: true }],
  context: async ({ context, onDisk, launchOptions, headless, viewport, locale, colorScheme, acceptDownloads, baseURL }, use, testInfo) => {
    if (!onDisk) {
      await use(context);
      return;
    }
    const dir = testInfo.outputPath('profile');
    const persistent: BrowserContext = await chromium.launchPersistentContext(dir, {
      ...launchOptions,
      headless,
      viewport,
      locale,
      colorScheme,
      acceptDownloads,
      baseURL,
    });
    try {
      await use(persistent);
    } finally {
      await persistent.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  now: [TEST_NOW, { option: true }],
  pinnedClock: [
    async ({ page, now }, use) => {
      await page.clock.setFixedTime(new Date(now));
      await use();
    },
    { auto: true },
  ],
  analyst: [TEST_ANALYST, { option: true }],
  namedAnalyst: [
    async ({ page, analyst, pinnedClock: _clock, network: _network }, use) => {
      if (analyst !== null) {
        await page.goto('/');
        await enterAnalystName(page, analyst);
      }
      await use();
    },
    { auto: true },
  ],
  network: [
    async ({ context, baseURL, allowedOrigins }, use) => {
      const origin = new URL(baseURL!).origin;
      const all: string[] = [];
      context.on('request', (r) => all.push(r.url()));
      // Every request the page makes is answered: no missing asset (a favicon) and no broken link.
      const failed: string[] = [];
      // (A team server's refusals — a wrong password, a 403 — are answers the tests expect.)
      context.on('response', (r) => {
        if (r.status() >= 400 && r.url().startsWith(`${origin}/`)) failed.push(`${r.status()} ${r.url()}`);
      });
      // The page's own policy is read without complaint: Chromium drops a source it cannot parse
      // (an IPv6 address once was one) with an error in the console, and what it drops is blocked.
      const policyErrors: string[] = [];
      context.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/.test(m.text()) && /invalid source/.test(m.text())) policyErrors.push(m.text());
      });
      const allowed = [origin, ...allowedOrigins].map((o) => `${o}/`);
      const log: NetworkLog = {
        all,
        outside: () => all.filter((u) => !allowed.some((o) => u.startsWith(o)) && !u.startsWith('blob:') && !u.startsWith('data:')),
      };
      await use(log);
      expect(all.length, 'the page made requests at all (sanity check of the log)').toBeGreaterThan(0);
      expect(log.outside(), 'requests that left the page and the team server').toEqual([]);
      expect(failed, 'requests the local server could not answer').toEqual([]);
      expect(policyErrors, 'sources the content security policy names that Chromium cannot read').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Chooses `file` on the Imports screen; returns the card of its import (or of its question). */
export async function chooseImportFile(page: Page, file: string): Promise<Locator> {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  return page.getByRole('region', { name: `Import of ${path.basename(file)}` });
}

/** Answers the first-run question: who is deciding. */
export async function enterAnalystName(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Who is deciding?' })).toHaveCount(0);
}

export async function loadDemo(page: Page, size = '10,000 orders'): Promise<void> {
  await page.goto('/#/orders');
  await expect(page.getByRole('heading', { name: 'Your local cache is empty' })).toBeVisible();
  await page.getByLabel(size).check();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByTestId('orders-count')).toHaveText(/orders$/, { timeout: 120_000 });
}

/** Holds the order under the queue's cursor by keyboard: H, the first reason code, the note, Enter. */
export async function holdSelectedByKeyboard(page: Page, note: string): Promise<void> {
  await page.keyboard.press('h');
  await page.keyboard.press('ArrowDown'); // the reason code list has focus: first code
  await page.keyboard.press('Tab');
  await page.keyboard.type(note);
  await page.keyboard.press('Enter');
}

/** Opens Review and waits for its queue to hold orders. */
export async function openReviewQueue(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
}

/** Notes on the order at the queue's cursor a text naming its customer's email; returns the email. */
export async function noteOnQueuedCustomer(page: Page, note: (email: string) => string): Promise<string> {
  const email = (await page.getByTestId('fired-rules').locator('xpath=following-sibling::p[1]').textContent())!.trim();
  expect(email).toContain('@');
  await page.locator('section.review').focus();
  await page.keyboard.press('n');
  await page.getByLabel('Decision note').fill(note(email));
  await page.getByRole('button', { name: 'Note', exact: true }).click();
  return email;
}

/** Releases the order at the queue's cursor (a release needs no reason code). */
export async function releaseQueued(page: Page): Promise<void> {
  await page.locator('section.review').focus();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
}

/** Types a search and waits until the result on screen is for that text. */
export async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search orders').fill(text);
  const count = page.getByTestId('orders-count');
  await expect(count).toHaveAttribute('data-search', text);
  await expect(count).toHaveAttribute('aria-busy', 'false');
  // The rows' cells fill in after the count: a test reading them at once read too few.
  await expect(page.locator('[role="row"][aria-rowindex] [aria-busy]')).toHaveCount(0);
}

/** Cell texts of the visible data rows, by column header label. */
export async function visibleRows(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => {
    const headers = [...document.querySelectorAll('[role="columnheader"]')].map((h) => (h.textContent ?? '').replace(/[▲▼]/g, '').trim());
    return [...document.querySelectorAll('[role="row"][aria-rowindex]')]
      .filter((r) => Number(r.getAttribute('aria-rowindex')) > 1 && !r.querySelector('[aria-busy]'))
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((r) => Object.fromEntries([...r.querySelectorAll('[role="gridcell"]')].map((c, i) => [headers[i] ?? String(i), (c.textContent ?? '').trim()])));
  });
}

/** Every record of every store of the app's IndexedDB as text: what the cache holds, to search. */
export async function cacheText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('fraud-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const parts: string[] = [];
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      parts.push(`${name}: ${JSON.stringify(rows)}`);
    }
    db.close();
    return parts.join('\n');
  });
}

/** A Recharts chart's legend: each entry's name and the colour of its swatch. */
export async function legendColours(chart: Locator): Promise<Record<string, string>> {
  return chart
    .locator('.recharts-legend-item')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((i) => [i.querySelector('.recharts-legend-item-text')?.textContent ?? '', i.querySelector('path')?.getAttribute('fill') ?? '']),
      ),
    );
}
