// Tables fit the window from 1280 to 1920 px: no table box scrolls sideways and no cell is cut
// off. A cell may end in an ellipsis only when its whole value is its title (the tooltip and the
// accessible description), as the orders table's narrow cells do. Columns hidden to fit are named
// above the table, their values are in the row's detail, and the column chooser is kept.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, holdSelectedByKeyboard, loadDemo, test } from './fixtures';

const WIDTHS = [1280, 1440, 1920] as const;

/** Every table box that scrolls sideways and every cell whose text is cut without its title. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main')!.getBoundingClientRect();
    const named = (el: Element) => el.getAttribute('aria-label') ?? el.closest('[aria-label]')?.getAttribute('aria-label') ?? el.tagName;
    for (const table of document.querySelectorAll('table, [role="grid"]')) {
      // Tables in a closed panel (a settings editor under a collapsed summary) are not shown.
      if (!table.checkVisibility()) continue;
      const box = table.closest('.table-fit, .table-scroll') ?? table;
      if (box.scrollWidth > box.clientWidth) problems.push(`${named(table)}: box scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
      const r = table.getBoundingClientRect();
      if (r.width > 0 && r.right > main.right + 0.5) problems.push(`${named(table)}: reaches past the screen (${r.right} > ${main.right})`);
      for (const cell of table.querySelectorAll('th, td, [role="gridcell"], [role="columnheader"]')) {
        if (cell.scrollWidth <= cell.clientWidth) continue;
        const text = (cell.textContent ?? '').trim();
        if (text && cell.getAttribute('title') === text) continue;
        problems.push(`${named(table)}: cell “${text}” cut (${cell.scrollWidth} > ${cell.clientWidth})`);
      }
    }
    return problems;
  });
}

/** The orders table's dates cut to an ellipsis. */
async function cutDates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="row"]')]
      .map((row) => row.querySelector('[role="gridcell"]'))
      .filter((cell): cell is Element => cell !== null && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test((cell.textContent ?? '').trim()))
      .filter((cell) => cell.scrollWidth > cell.clientWidth)
      .map((cell) => (cell.textContent ?? '').trim()),
  );
}

/** Empty inputs whose placeholder, the hint of what to type, is wider than the box shows. */
async function cutPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const measure = document.createElement('canvas').getContext('2d')!;
    const cut: string[] = [];
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!input.checkVisibility() || input.value !== '' || input instanceof HTMLTextAreaElement) continue;
      const style = getComputedStyle(input);
      measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const width = measure.measureText(input.placeholder).width;
      if (width > room) cut.push(`“${input.placeholder}” (${Math.ceil(width)} > ${Math.floor(room)} px)`);
    }
    return cut;
  });
}

async function headers(page: Page, table: string): Promise<string[]> {
  return (await page.getByRole('table', { name: table }).locator('thead th').allTextContents()).map((t) => t.trim());
}

test('orders, rings, review, disputes, settings and import-history tables fit 1280, 1440 and 1920 px without cutting a cell or a search hint', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  await loadDemo(page);
  // One import, so the history has a row with its Undo.
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(fileURLToPath(new URL('../fixtures/imports/shopify-orders.csv', import.meta.url)));
  await expect(page.getByRole('region', { name: 'Import of shopify-orders.csv' })).toBeVisible({ timeout: 60_000 });
  const screens: { name: string; hash: string; ready: () => Promise<void> }[] = [
    { name: 'orders', hash: '#/orders', ready: () => expect(page.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first()).toBeVisible() },
    {
      name: 'rings',
      hash: '#/rings',
      ready: () => expect(page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 }),
    },
    {
      name: 'review',
      hash: '#/review',
      ready: () => expect(page.getByRole('table', { name: 'Review queue' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 }),
    },
    {
      name: 'disputes',
      hash: '#/disputes',
      ready: () => expect(page.getByRole('table', { name: 'Disputes by deadline' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 }),
    },
    {
      name: 'settings',
      hash: '#/settings',
      ready: () => expect(page.getByRole('table', { name: 'Hub rules' }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 }),
    },
    {
      name: 'imports',
      hash: '#/imports',
      ready: () => expect(page.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo' })).toBeInViewport(),
    },
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const s of screens) {
      await page.goto(`/${s.hash}`);
      await s.ready();
      expect(await clipped(page), `${s.name} at ${width} px`).toEqual([]);
      // An order's time is read to the minute (bursts, velocity): never cut, not even with its tooltip.
      if (s.name === 'orders') expect(await cutDates(page), `order dates at ${width} px`).toEqual([]);
      expect(await cutPlaceholders(page), `${s.name}: placeholders cut at ${width} px`).toEqual([]);
      await page.screenshot({ path: info.outputPath(`${s.name}-${width}.png`) });
    }
  }
});

test('the decision log fits 1280, 1440 and 1920 px: the rules that fired and the note are read whole', async ({ page }, info) => {
  await loadDemo(page);
  await page.goto('/#/review');
  await expect(page.getByTestId('queue-count')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  await page.locator('section.review').focus();
  await holdSelectedByKeyboard(page, 'same card on four devices within two days, billing and shipping countries differ, called the customer: no answer');
  const log = page.getByRole('table', { name: 'Decisions' });
  await expect(log.locator('tbody tr')).toHaveCount(1);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => clipped(page), `decision log at ${width} px`).toEqual([]);
    // Every cell of the log within the panel that holds it: nothing of an audit entry hidden past its edge.
    const past = await log.evaluate((table) => {
      const panel = table.closest('section')!.getBoundingClientRect();
      return [...table.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().right > panel.right + 0.5).map((c) => (c.textContent ?? '').trim());
    });
    expect(past, `log cells past the panel at ${width} px`).toEqual([]);
    await log.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`log-${width}.png`) });
  }
});

test('narrowing the window hides columns again: a table fitted at 1920 px fits at 1280, its last column in view', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 900 });
  await loadDemo(page);
  for (const [hash, table, last] of [
    ['#/disputes', 'Disputes by deadline', 'Respond or accept'],
    ['#/rings', 'Rings', 'Verdict'],
  ] as const) {
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.goto(`/${hash}`);
    await expect(page.getByRole('table', { name: table }).locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    expect(await headers(page, table)).toContain(last);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => clipped(page), `${table} narrowed to 1280 px`).toEqual([]);
    await expect(page.getByRole('table', { name: table }).locator('thead th', { hasText: last })).toBeInViewport({ ratio: 1 });
  }
});

test("a ring's orders fit 1280, 1440 and 1920 px: each order's expand stays in view, no cell cut", async ({ page }, info) => {
  await loadDemo(page);
  await page.goto('/#/rings');
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click({ timeout: 60_000 });
  const orders = page.getByRole('region', { name: /^Ring / }).getByRole('table', { name: 'Ring orders' });
  await expect(orders.locator('tbody tr').first()).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // The table fits again after the resize: until it has, cells may be cut and rows drawn anew.
    await expect.poll(() => clipped(page), `ring at ${width} px`).toEqual([]);
    // What is hidden says where its values still are: a ring's orders have no detail of their own.
    if (width === 1280)
      await expect(page.getByRole('region', { name: /^Ring / }).getByTestId('hidden-to-fit')).toContainText("(in each order's detail in Orders)");
    const expand = orders.getByRole('button', { name: /^Expand neighbours of order / }).first();
    // A row drawn anew between finding the button and scrolling to it detaches it: found again on the next try.
    await expect(async () => {
      await expand.scrollIntoViewIfNeeded({ timeout: 2_000 });
      await expect(expand, `expand at ${width} px`).toBeInViewport({ ratio: 1 });
    }).toPass();
    await page.screenshot({ path: info.outputPath(`ring-${width}.png`) });
  }
});

test('narrower, low-priority columns hide first and are named; the column chooser is kept across a reload', async ({ page }) => {
  await loadDemo(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#/rings');
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  const narrow = await headers(page, 'Rings');
  const hiddenNote = page.getByTestId('hidden-to-fit');
  await expect(hiddenNote).toContainText('Hidden to fit the width:');
  const hiddenAt1280 = (await hiddenNote.textContent())!.replace(/^Hidden to fit the width: | \(in the detail\)$/g, '').split(', ');
  for (const h of hiddenAt1280) expect(narrow).not.toContain(h);
  // What ranks and names a ring never hides.
  for (const h of ['Rank', 'Risk', 'Orders', 'Value', 'Linked by', 'Verdict']) expect(narrow).toContain(h);

  // Wider, everything shows again.
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(hiddenNote).toHaveCount(0);
  expect(await headers(page, 'Rings')).toEqual(expect.arrayContaining([...narrow, ...hiddenAt1280]));

  // The chooser switches a column off, and the choice outlives a reload.
  await page.getByText('Columns', { exact: true }).click();
  const chooser = page.getByRole('group', { name: 'Columns of Rings' });
  await expect(chooser.getByLabel('Rank')).toBeDisabled();
  await chooser.getByLabel('Cards').uncheck();
  expect(await headers(page, 'Rings')).not.toContain('Cards');
  await page.reload();
  await expect(rings.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  expect(await headers(page, 'Rings')).not.toContain('Cards');
  await page.getByText('Columns', { exact: true }).click();
  await chooser.getByLabel('Cards').check();
  expect(await headers(page, 'Rings')).toContain('Cards');
});

test('a column is resized by dragging its header edge or with the arrow keys, kept across a reload, and sized to its content again', async ({ page }) => {
  await loadDemo(page);
  await page.setViewportSize({ width: 1920, height: 900 });
  await page.goto('/#/rings');
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  const valueHeader = rings.locator('thead th', { hasText: /^Value$/ });
  const width = async () => Math.round((await valueHeader.boundingBox())!.width);
  const auto = await width();

  // Dragged 60 px wider.
  const handle = rings.getByRole('separator', { name: 'Resize the Value column' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect.poll(width).toBe(auto + 60);

  // From the keyboard: Shift+→ is 40 px more, ← 10 px less.
  await handle.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(width).toBe(auto + 90);
  await expect(handle).toHaveAttribute('aria-valuenow', String(auto + 90));

  // Kept on this laptop.
  await page.reload();
  await expect(rings.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(width).toBe(auto + 90);

  // Delete sizes it to its content again.
  await rings.getByRole('separator', { name: 'Resize the Value column' }).focus();
  await page.keyboard.press('Delete');
  await expect.poll(width).toBe(auto);
});
