// A million orders scroll with every row where it belongs: the scroll space is capped with scaled
// scrolling, so at the top, the middle and the bottom each visible row starts where the one above
// ends, is one row high, and holds its text; the scrollbar, the wheel and the keys all move it,
// and a click opens the order drawn under the pointer.
import type { Page } from '@playwright/test';
import { expect, loadDemo, test } from './fixtures';

const ROW = 30;
const TOTAL = 1_000_000;

interface Geometry {
  first: number;
  last: number;
  problems: string[];
  loading: boolean;
  scrollHeight: number;
}

/** The rows visible in the orders grid, checked against each other and their cells. */
async function geometry(page: Page): Promise<Geometry> {
  return page.evaluate((rowHeight) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Orders"]')!;
    const box = grid.getBoundingClientRect();
    const viewTop = grid.querySelector('.thead')!.getBoundingClientRect().bottom;
    const viewBottom = box.top + grid.clientTop + grid.clientHeight;
    const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"]')]
      .map((el) => ({ el, index: Number(el.getAttribute('aria-rowindex')) - 2, rect: el.getBoundingClientRect() }))
      .filter((r) => r.index >= 0 && r.rect.bottom > viewTop + 0.5 && r.rect.top < viewBottom - 0.5)
      .sort((a, b) => a.index - b.index);
    const problems: string[] = [];
    rows.forEach((r, k) => {
      if (Math.abs(r.rect.height - rowHeight) > 0.01) problems.push(`row ${r.index} is ${r.rect.height} px high`);
      const prev = rows[k - 1];
      if (prev) {
        if (r.index !== prev.index + 1) problems.push(`row ${r.index} follows row ${prev.index}`);
        if (Math.abs(r.rect.top - prev.rect.bottom) > 0.01)
          problems.push(`row ${r.index} starts at ${r.rect.top}, row ${prev.index} ends at ${prev.rect.bottom}`);
      }
      for (const cell of r.el.querySelectorAll('[role="gridcell"]')) {
        if (!cell.textContent) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const t = range.getBoundingClientRect();
        if (t.top < r.rect.top - 0.5 || t.bottom > r.rect.bottom + 0.5)
          problems.push(`row ${r.index}: “${cell.textContent}” drawn at ${t.top}–${t.bottom}, outside ${r.rect.top}–${r.rect.bottom}`);
      }
    });
    if (rows.length === 0) problems.push('no row visible');
    else {
      // The rows cover the viewport: no gap at its top or bottom.
      if (rows[0]!.rect.top > viewTop + 0.5) problems.push(`a gap above row ${rows[0]!.index}`);
      if (rows.at(-1)!.rect.bottom < viewBottom - 0.5) problems.push(`a gap below row ${rows.at(-1)!.index}`);
    }
    return {
      first: rows[0]?.index ?? -1,
      last: rows.at(-1)?.index ?? -1,
      problems,
      loading: rows.some((r) => r.el.querySelector('[aria-busy="true"]') !== null),
      scrollHeight: grid.scrollHeight,
    };
  }, ROW);
}

/** Waits until the visible rows are loaded, then checks them. */
async function settled(page: Page): Promise<Geometry> {
  await expect.poll(async () => (await geometry(page)).loading).toBe(false);
  const g = await geometry(page);
  expect(g.problems).toEqual([]);
  return g;
}

async function orderOfRow(page: Page, index: number): Promise<string> {
  const headers = await page.locator('[role="columnheader"]').allTextContents();
  const col = headers.findIndex((h) => h.trim() === 'Order');
  return (await page
    .locator(`[role="row"][aria-rowindex="${index + 2}"] [role="gridcell"]`)
    .nth(col)
    .textContent())!;
}

// On disk, as a user's cache is: a million orders load in a third of the time they take in memory.
test.use({ onDisk: true });

test('a million orders: rows stay in place at the top, middle and bottom, by scrollbar, wheel and keys', async ({ page }) => {
  test.setTimeout(300_000);
  await loadDemo(page, '1,000,000 orders');
  await expect(page.getByTestId('orders-count')).toHaveText('1,000,000 orders');
  const grid = page.getByRole('grid', { name: 'Orders' });
  await expect(grid).toHaveAttribute('data-scale', 'scaled');

  // Top.
  const top = await settled(page);
  expect(top.first).toBe(0);
  // The scroll space stays within what the browser places exactly (a few million px, not 30 million).
  expect(top.scrollHeight).toBeLessThan(2_100_000);

  // Middle, by the scrollbar: 60 % down, where a 30-million-px list was drawn out of place.
  await grid.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * 0.6));
  const middle = await settled(page);
  const viewportRows = middle.last - middle.first;
  expect(Math.abs(middle.first - Math.round(0.6 * (TOTAL - viewportRows)))).toBeLessThanOrEqual(viewportRows);

  // The wheel moves content pixels: 300 px is ten rows, even where one scroll pixel stands for many.
  await grid.hover();
  await page.mouse.wheel(0, 10 * ROW);
  await expect.poll(async () => (await geometry(page)).first).toBe(middle.first + 10);
  await settled(page);

  // A click opens the order drawn under the pointer.
  const clicked = middle.first + 15;
  const orderNo = await orderOfRow(page, clicked);
  await page.locator(`[role="row"][aria-rowindex="${clicked + 2}"]`).click();
  await expect(page.getByRole('complementary', { name: `Order ${orderNo}` })).toBeVisible();
  await page.getByRole('button', { name: 'Close order detail' }).click();

  // Keys: from the clicked row, arrows move one row, Page Down a page, End to the last order.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', `orders-row-${clicked + 1}`);
  await page.keyboard.press('PageDown');
  const paged = Number((await grid.getAttribute('aria-activedescendant'))!.replace('orders-row-', ''));
  expect(paged).toBeGreaterThan(clicked + 10);
  await settled(page);

  // Bottom.
  await page.keyboard.press('End');
  await expect(grid).toHaveAttribute('aria-activedescendant', `orders-row-${TOTAL - 1}`);
  const bottom = await settled(page);
  expect(bottom.last).toBe(TOTAL - 1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Order ${await orderOfRow(page, TOTAL - 1)}` })).toBeVisible();
  await page.getByRole('button', { name: 'Close order detail' }).click();

  // And back to the top.
  await grid.focus();
  await page.keyboard.press('Home');
  expect((await settled(page)).first).toBe(0);
});
