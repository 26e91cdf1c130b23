import { expect, loadDemo, openReviewQueue, releaseQueued, search, test, visibleRows } from './fixtures';

test.describe('first run and the orders table', () => {
  test("the Card column shows every card's last 4 whole at 1440 px, a long brand shortened", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await loadDemo(page);
    await expect.poll(async () => (await visibleRows(page)).filter((r) => r.Card?.startsWith('MC ')).length).toBeGreaterThan(0);
    // Each last 4 as laid out: where its digits end against where the cell shows text.
    const cut = await page.evaluate(() => {
      const headers = [...document.querySelectorAll('[role="columnheader"]')].map((h) => (h.textContent ?? '').replace(/[▲▼]/g, '').trim());
      const at = headers.indexOf('Card');
      const problems: string[] = [];
      let checked = 0;
      for (const row of document.querySelectorAll('[role="row"][aria-rowindex]')) {
        const cell = row.querySelectorAll('[role="gridcell"]')[at];
        const last4 = /•••• (\d{4})/.exec(cell?.textContent ?? '')?.[1];
        if (!cell || !last4) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf(`•••• ${last4}`);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i + 5);
          range.setEnd(node, i + 9);
          const shows = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
          if (range.getBoundingClientRect().right > shows + 0.5) problems.push(cell.textContent!.trim());
          checked++;
        }
      }
      return { checked, problems };
    });
    expect(cut.checked).toBeGreaterThan(0);
    expect(cut.problems, 'cards whose last 4 is cut off').toEqual([]);
  });

  test('a card brand is named as its owner writes it, as Disputes name the network: whole in the column, in the detail', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadDemo(page);
    await expect.poll(async () => (await visibleRows(page)).filter((r) => r.Card).length).toBeGreaterThan(2);
    const brands = await page.evaluate(() =>
      [...document.querySelectorAll('[role="gridcell"] .card-brand')].map((b) => ({ text: b.textContent ?? '', cut: b.scrollWidth > b.clientWidth })),
    );
    expect(brands.map((b) => b.text)).toContain('Visa');
    for (const b of brands) expect(['Visa', 'MC', 'Amex', 'Discover']).toContain(b.text);
    expect(
      brands.filter((b) => b.cut),
      'brands cut to an ellipsis',
    ).toEqual([]);
    // Made room for without cutting what names an order: its number.
    const orderCut = await page.evaluate(() => {
      const at = [...document.querySelectorAll('[role="columnheader"]')].findIndex((h) => h.textContent === 'Order');
      return [...document.querySelectorAll('[role="row"][aria-rowindex]')]
        .map((r) => r.querySelectorAll('[role="gridcell"]')[at])
        .filter((c) => c && c.scrollWidth > c.clientWidth)
        .map((c) => c!.textContent);
    });
    expect(orderCut, 'order numbers cut to an ellipsis').toEqual([]);

    const visa = page.locator('[role="row"][aria-rowindex]', { hasText: /Visa •••• \d{4}/ }).first();
    await visa.click();
    await expect(page.getByRole('complementary').getByText(/^Visa •••• \d{4}/)).toBeVisible();
  });

  test('first run offers demo data, loads 10k orders, and search finds an order', async ({ page, network }) => {
    await loadDemo(page);
    await expect(page.getByTestId('orders-count')).toHaveText('10,000 orders');
    // The year was made by the two demo workers, beside the writes (demoAhead.ts, DEMO_MAKERS).
    expect(network.all.filter((u) => /\/assets\/demo\.worker-[\w-]+\.js$/.test(u))).toHaveLength(2);
    await expect(page.getByTestId('cache-summary')).toContainText('10,000 orders');

    // Newest first by default.
    await expect.poll(async () => (await visibleRows(page)).length).toBeGreaterThan(10);
    const rows = await visibleRows(page);
    const dates = rows.map((r) => r['Date (UTC)']!);
    expect(dates).toEqual([...dates].sort().reverse());

    // Search by an order number picked from the table: exactly that order remains.
    const target = rows[5]!;
    await search(page, target.Order!);
    await expect(page.getByTestId('orders-count')).toHaveText('1 of 10,000 orders');
    const found = await visibleRows(page);
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(target);

    // Search by an email (different case): every hit carries it.
    const withEmail = rows.find((r) => r.Email && !r.Email.includes('marketplace.amazon'))!;
    await search(page, withEmail.Email!.toUpperCase());
    await expect(page.getByTestId('orders-count')).toHaveText(/^\d+ of 10,000 orders$/);
    for (const r of await visibleRows(page)) {
      const haystack = [r.Email, r.Order, r['Ship to'], r.Postcode, r.Card].join(' ').toLowerCase();
      expect(haystack).toContain(withEmail.Email!.toLowerCase());
    }

    // Search by a card's last4.
    await search(page, '');
    await page.getByRole('button', { name: 'Own shop', exact: true }).click();
    await expect.poll(async () => (await visibleRows(page)).filter((r) => r.Card).length).toBeGreaterThan(0);
    const withCard = (await visibleRows(page)).find((r) => r.Card)!;
    const last4 = withCard.Card!.match(/•••• (\d{4})/)![1]!;
    await search(page, last4);
    await expect(page.getByTestId('orders-count')).toHaveText(/^[\d,]+ of 10,000 orders$/);
    const hits = await visibleRows(page);
    expect(hits.length).toBeGreaterThan(0);
    // Four digits alone are a card's last 4, and the box says so: every hit is that card's last 4, no order number.
    for (const r of hits) expect(r.Card).toMatch(new RegExp(`•••• ${last4}\\b`));
    expect(hits.some((r) => r.Card === withCard.Card)).toBe(true);
    await expect(page.getByTestId('search-reading')).toHaveText(`card last 4 is ${last4} (order:${last4} searches order numbers)`);
    await page.getByRole('button', { name: 'Own shop', exact: true }).click();

    // A city finds its orders; city: searches only the city.
    const city = withCard.City!;
    await search(page, `city:${city}`);
    await expect(page.getByTestId('search-reading')).toHaveText(`city contains “${city.toLowerCase()}”`);
    const inCity = await visibleRows(page);
    expect(inCity.length).toBeGreaterThan(0);
    for (const r of inCity) expect(r.City!.toLowerCase()).toContain(city.toLowerCase());

    // Free text says where it matched, group by group; a group narrows the search to it.
    await page.getByRole('button', { name: 'Own shop', exact: true }).click();
    await search(page, city);
    const groups = page.getByRole('group', { name: 'Matched in' });
    const inCityGroup = groups.getByRole('button', { name: /^city [\d,]+$/ });
    await expect(inCityGroup).toBeVisible();
    const n = (await inCityGroup.textContent())!.replace(/\D/g, '');
    await inCityGroup.click();
    await expect(page.getByLabel('Search orders')).toHaveValue(`city:${city}`);
    await expect(page.getByTestId('orders-count')).toHaveText(`${Number(n).toLocaleString('en-US')} of 10,000 orders`);
    await expect(groups).toBeHidden();

    // Nonsense finds nothing, and says so.
    await search(page, 'no-such-order-zz');
    await expect(page.getByRole('group', { name: 'Matched in' })).toContainText('No match in any column.');
    await expect(page.getByTestId('orders-count')).toHaveText('0 of 10,000 orders');
    await expect(page.getByText('No order matches these filters.')).toBeVisible();
  });

  test('filters by marketplace and date range, sorts by total, and opens an order', async ({ page }) => {
    await loadDemo(page);
    await page.getByRole('button', { name: 'Zalando', exact: true }).click();
    await expect(page.getByTestId('orders-count')).toHaveText(/^[\d,]+ of 10,000 orders$/);
    // The count shows before the rows are drawn again (a busy machine showed none yet).
    await expect.poll(async () => (await visibleRows(page)).length).toBeGreaterThan(5);
    const zalando = await visibleRows(page);
    for (const r of zalando) expect(r.Channel).toBe('Zalando');
    const zalandoCount = Number((await page.getByTestId('orders-count').textContent())!.split(' ')[0]!.replace(/,/g, ''));

    // Narrow to one month: fewer orders, all inside the range.
    const newest = zalando[0]!['Date (UTC)']!.slice(0, 10);
    const monthStart = `${newest.slice(0, 7)}-01`;
    await page.getByLabel('From date').fill(monthStart);
    await page.getByLabel('To date').fill(newest);
    await expect.poll(async () => Number((await page.getByTestId('orders-count').textContent())!.split(' ')[0]!.replace(/,/g, ''))).toBeLessThan(zalandoCount);
    for (const r of await visibleRows(page)) {
      expect(r.Channel).toBe('Zalando');
      expect(r['Date (UTC)']! >= monthStart && r['Date (UTC)']!.slice(0, 10) <= newest).toBe(true);
    }
    // A day that does not exist is named, and the range in force stays; the keyboard moves a day.
    const inRange = await page.getByTestId('orders-count').textContent();
    const to = page.getByLabel('To date');
    await to.fill('2026-02-30');
    await to.press('Enter');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'No such day: 2026-02-30' })).toBeVisible();
    await expect(page.getByTestId('orders-count')).toHaveText(inRange!);
    await to.fill(newest);
    await to.press('ArrowDown');
    await expect(to).toHaveAttribute('aria-invalid', 'false');
    await expect(to).not.toHaveValue(newest);
    await to.press('ArrowUp');
    await expect(to).toHaveValue(newest);

    // Sort by total, largest first.
    await page.getByRole('button', { name: /^Total/ }).click();
    await expect(page.getByRole('columnheader', { name: /Total/ })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(async () => (await visibleRows(page)).length).toBeGreaterThan(2);
    const totals = (await visibleRows(page)).map((r) => Number(r.Total!.replace(/[^\d.]/g, '')));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    // Clicking a row opens its detail.
    const first = (await visibleRows(page))[0]!;
    await page.locator('[role="row"][aria-rowindex="2"]').click();
    const detail = page.getByRole('complementary', { name: `Order ${first.Order}` });
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('Zalando');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('orders-count')).toHaveText('10,000 orders');
  });

  test('every screen is reachable, and on an empty cache says so instead of showing fake data', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByText('The cache holds no orders yet.')).toBeVisible();
    await expect(page).toHaveURL(/#\/reports$/);
    await expect(page.getByTestId('report-title')).toHaveCount(0);
    await page.getByRole('link', { name: 'Imports' }).click();
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Import history' })).toHaveCount(0);
    await expect(page.getByText('No imports yet.')).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('app-info')).toContainText('browser mode');
  });
});

test('the orders table shows the decision that stands on each order, beside the shop’s status', async ({ page }) => {
  await loadDemo(page);
  await openReviewQueue(page);
  await releaseQueued(page);
  const logged = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first();
  await expect(logged).toContainText('release');
  const released = (await logged.locator('td').nth(2).textContent())!.trim();
  expect(released).not.toBe('');

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, released);
  await expect.poll(async () => (await visibleRows(page)).map((r) => [r.Order, r.Decision])).toEqual([[released, 'released']]);
  // An order nobody decided shows none.
  await search(page, '');
  await expect.poll(async () => (await visibleRows(page)).filter((r) => r.Order !== released).some((r) => r.Decision === '')).toBe(true);
});
