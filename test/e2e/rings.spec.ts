import type { Page } from '@playwright/test';
import { describeLinkValue } from '../../shared/normalize';
import { chooseImportFile, expect, legendColours, loadDemo, test } from './fixtures';
import { CHANNEL_COLOUR } from '../../renderer/src/ui/channelColours';

test('demo data -> Rings -> the top ring shows its shared card or device in the graph and explains the links', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(page.getByTestId('rings-count')).toHaveText(/^[1-9]\d* rings over 10,000 orders · \d+ hubs held back/, { timeout: 60_000 });
  const rows = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(2);
  // Ranked by risk, highest first.
  const scores = (await rows.locator('td:nth-child(2)').allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  await rows.first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring).toBeVisible();
  const keys = await ring.getByTestId('ring-keys').textContent();
  expect(keys).toMatch(/card|device|email|address|phone/);
  const graph = ring.getByTestId('ring-graph');
  await expect(graph.locator('canvas').first()).toBeVisible();
  await expect(graph).toHaveAttribute('aria-label', /Link graph: \d+ nodes, [1-9]\d* links/);
  const evidence = ring.getByTestId('ring-evidence').locator('li');
  expect(await evidence.count()).toBeGreaterThan(0);
  await expect(evidence.first()).toContainText(/↔/);
  const orders = ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr');
  expect(await orders.count()).toBeGreaterThanOrEqual(2);

  // Another linking option keeps the ring open while it is still a ring; if it is not, the screen says so.
  // An empty hub threshold says what it means: the rules in Settings.
  await expect(page.getByRole('group', { name: 'Linking options' }).getByLabel('Hub threshold')).toHaveAttribute('placeholder', 'as in Settings');
  const title = await ring.getByRole('heading', { level: 2 }).textContent();
  const before = await page.getByTestId('rings-count').textContent();
  await page.getByRole('group', { name: 'Linking options' }).getByLabel('ip').uncheck();
  await expect(page.getByTestId('rings-count')).not.toHaveText(before!);
  const notice = page.getByText('The ring you had open is not a ring with these linking options.');
  await expect(ring.or(notice)).toBeVisible();
  if (await ring.isVisible()) await expect(ring.getByRole('heading', { level: 2 })).toHaveText(title!);
});

test('split a ring with a never-link value: the ring count changes, the override is listed with who and why, and Undo restores it', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const ringsBefore = Number((await count.textContent())!.split(' ')[0]);
  const rows = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  await rows.first().click();
  const ring = page.getByRole('region', { name: /^Ring / });

  // Verdict first: it is kept with the analyst's name.
  await ring.getByLabel('Verdict', { exact: true }).selectOption('confirmed-fraud');
  await ring.getByLabel('Ring note').fill('same drop address, new accounts');
  await ring.getByRole('button', { name: 'Save verdict' }).click();
  await expect(ring.getByTestId('ring-marks')).toContainText('Confirmed fraud by K. Weber');
  await expect(rows.first()).toContainText('confirmed fraud');

  // A note is kept apart from the verdict: listed with who and when, the verdict unchanged.
  await ring.getByLabel('New note').fill('called the customer, no answer');
  await ring.getByRole('button', { name: 'Add note' }).click();
  await expect(ring.getByTestId('ring-notes')).toContainText(/K\. Weber, .*: called the customer, no answer/);
  await expect(ring.getByTestId('ring-marks')).not.toContainText('called the customer');
  await expect(rows.first()).toContainText('confirmed fraud');

  // A ring held together by one value across customers (account ids only link a customer's own
  // orders) must dissolve when that value is never linked. Which ring that is depends on the
  // demo data's "now", so look for one among the top rings.
  let splitter = null;
  const n = Math.min(await rows.count(), 25);
  for (let i = 0; i < n && !splitter; i++) {
    await rows.nth(i).click();
    const rank = (await rows.nth(i).locator('td').first().textContent())!.trim();
    // Named by its earliest order's number, as the reports and the log name it (never the source slug); the rank is only where it stands now.
    await expect(ring.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^Ring #${rank} \\(ring of (#\\d+|\\d{3}-\\d{7}-\\d{7}|\\d+)\\) · `));
    const linking = ring.getByRole('button', { name: /^Never link (?!account )\w+ / });
    if ((await linking.count()) === 1) splitter = linking.first();
  }
  expect(splitter, 'a ring linked by a single value among the top rings').not.toBeNull();
  const [, type, raw] = /^Never link (\w+) (.*)$/.exec((await splitter!.getAttribute('aria-label'))!)!;
  // Shown in words (a card's BIN and last 4, an address as a place), the stored value on hover.
  const value = describeLinkValue(type!, raw!);
  await splitter!.click();
  await page.getByLabel('Reason', { exact: true }).fill('test: our own returns address');
  await page.getByRole('button', { name: 'Never link', exact: true }).click();
  await expect(count).not.toHaveText(new RegExp(`^${ringsBefore} rings`));
  const overrides = page.getByRole('table', { name: 'Linking overrides' });
  await expect(overrides.locator('tbody tr').first()).toContainText('never-link');
  await expect(overrides.locator('tbody tr').first()).toContainText(value);
  await expect(overrides.locator('tbody tr').first().locator(`[title="${raw}"]`)).toHaveCount(1);
  await expect(overrides.locator('tbody tr').first()).toContainText('test: our own returns address');
  await expect(overrides.locator('tbody tr').first()).toContainText('K. Weber');

  await overrides.getByRole('button', { name: 'Undo' }).click();
  await expect(count).toHaveText(new RegExp(`^${ringsBefore} rings`));
  await expect(overrides.locator('tbody tr').first()).toHaveAttribute('data-active', 'false');
  await expect(overrides.locator('tbody tr').first()).toContainText('undone');
});

test('ring lists, linking options, the timeline, and "Show its ring" from an order', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Rings' });

  await page.getByRole('tab', { name: /^Largest/ }).click();
  const sizes = (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
  expect(sizes.length).toBeGreaterThan(1);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

  // Linking on fewer key types finds fewer or different rings (the timing part varies).
  const rings = async () => (await count.textContent())!.split(' · linked in')[0];
  const before = await rings();
  await page.getByRole('group', { name: 'Linking options' }).getByLabel('address').uncheck();
  await expect.poll(rings).not.toBe(before);
  await page.getByRole('group', { name: 'Linking options' }).getByLabel('address').check();
  await expect.poll(rings).toBe(before);

  await table.locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('img', { name: 'Orders per day' })).toBeVisible();
  // Its channels in the colours the Reports charts give them.
  const timeline = await legendColours(ring.getByRole('img', { name: 'Orders per day' }));
  expect(Object.keys(timeline).length).toBeGreaterThan(0);
  const byLabel: Record<string, string> = {
    Amazon: CHANNEL_COLOUR.amazon,
    Zalando: CHANNEL_COLOUR.zalando,
    'Own shop': CHANNEL_COLOUR.shop,
    'Other marketplace': CHANNEL_COLOUR.other,
  };
  for (const [name, colour] of Object.entries(timeline)) expect(colour, name).toBe(byLabel[name]);
  const orderNo = (await ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr').nth(1).locator('td').nth(1).textContent())!;
  const ringTitle = (await ring.getByRole('heading', { level: 2 }).textContent())!;

  await page.getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Search orders').fill(orderNo);
  await expect(page.getByTestId('orders-count')).toHaveText(/^1 of 10,000 orders$/);
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  await page.getByRole('button', { name: 'Show its ring' }).click();
  await expect(page).toHaveURL(/#\/rings$/);
  const shown = page.getByRole('region', { name: /^Ring / });
  await expect(shown.getByRole('heading', { level: 2 })).toHaveText(ringTitle);
  await expect(shown.getByRole('table', { name: 'Ring orders' })).toContainText(orderNo);
});

test('expand a neighbour: an order shows its other key values, a key value shows the orders outside the ring that have it', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(page.getByTestId('rings-count')).toHaveText(/rings over/, { timeout: 60_000 });
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  const graph = ring.getByTestId('ring-graph');
  const nodes = async () => Number(/(\d+) nodes/.exec((await graph.getAttribute('aria-label'))!)![1]);
  const before = await nodes();

  const firstOrder = ring
    .getByRole('table', { name: 'Ring orders' })
    .getByRole('button', { name: /^Expand neighbours of order / })
    .first();
  const orderLabel = (await firstOrder.getAttribute('aria-label'))!.replace('Expand neighbours of ', '');
  await firstOrder.click();
  const expansions = ring.getByTestId('ring-expansions');
  await expect(expansions.locator('li').first()).toContainText(new RegExp(`^${orderLabel}: \\+\\d+ nodes`));
  const afterOrder = await nodes();
  // Every order has keys the ring does not link on (its name, its e-mail at least).
  expect(afterOrder).toBeGreaterThan(before);

  // Expanding one of its own key values brings that value's other orders, if any; the graph
  // never loses nodes and the step is listed.
  const key = expansions.getByRole('button', { name: /^Expand (card|device|email|phone|address|ip|account|name) / }).first();
  const keyLabel = (await key.getAttribute('aria-label'))!.replace('Expand ', '');
  // Values read as the ring's chips read them, never in the index's form (`DE|44835|mullerstr|2`).
  const values = await expansions.getByRole('button', { name: /^Expand / }).allTextContents();
  expect(values.some((v) => /^ (address|name) /.test(v))).toBe(true);
  for (const v of values) expect(v).not.toContain('|');
  await key.click();
  await expect(expansions.locator('li')).toHaveCount(2);
  await expect(expansions.locator('li').nth(1)).toContainText(`${keyLabel}: +`);
  expect(await nodes()).toBeGreaterThanOrEqual(afterOrder);
});

/** The demo loaded and Rings open: its header, and the number of hubs it says are held back. */
async function ringsOfTheDemo(page: Page) {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const hubsHeld = async () => Number((await count.textContent())!.match(/· (\d+) hubs? held back/)![1]);
  return { count, hubsHeld };
}

test('a hub the analyst allows links again: it is no longer counted or listed as held back, and the override says who and why', async ({ page }) => {
  const { hubsHeld } = await ringsOfTheDemo(page);
  const before = await hubsHeld();
  await page.getByText(/^Held back from linking/).click();
  const hubs = page.getByRole('table', { name: 'Hubs' });
  const first = hubs.locator('tbody tr').first();
  const value = (await first.locator('td').nth(1).textContent())!;
  await first.getByRole('button', { name: 'allow linking…' }).click();
  const form = page.getByRole('form', { name: 'Allow a hub to link' });
  await form.getByLabel('Reason for allowing').fill('shared flat of one family, checked by phone');
  await form.getByRole('button', { name: 'Allow' }).click();
  await expect.poll(hubsHeld).toBe(before - 1);
  await expect(page.getByText(/^Held back from linking/)).toHaveText(`Held back from linking (${before - 1}); 1 allowed to link`);
  const allowedRow = hubs.locator('tbody tr').filter({ hasText: value });
  await expect(allowedRow).toContainText('allowed to link');
  await expect(allowedRow.getByRole('button', { name: 'allow linking…' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Linking overrides' }).locator('tbody tr').first()).toContainText(value);
  await expect(page.getByRole('table', { name: 'Linking overrides' }).locator('tbody tr').first()).toContainText('shared flat of one family, checked by phone');
});

test('hubs say what was weighed; the hub rules in Settings change what is held back, are checked when saved, and reset', async ({ page }) => {
  const { count, hubsHeld } = await ringsOfTheDemo(page);
  const before = await hubsHeld();
  expect(before).toBeGreaterThan(0);
  await page.getByText(/^Held back from linking/).click();
  const hubs = page.getByRole('table', { name: 'Hubs' });
  // Every hub says why, with the figures: a collection point by its text, or steady use by many with the figures weighed.
  const whys = await hubs.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(whys.length).toBe(before);
  for (const why of whys)
    expect(why).toMatch(
      /^\d+ identities over \d+ days, \d+ of them within \d+ days?(, \d+ with known fraud)?: (steady use by many|a collection point or forwarder by its address), held back as a hub$/,
    );
  expect(
    whys.some((w) => /collection point/.test(w)),
    'the demo has collection points held back by their text',
  ).toBe(true);
  const steadyIp = whys.some((w) => /steady use/.test(w));
  expect(steadyIp, 'the demo has a hub held back by evidence (the office proxy)').toBe(true);

  // Settings → Rings: a rule out of range is refused with the reason, nothing saved.
  await page.getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Rings: hubs and bursts' });
  await rules.getByLabel('ip: more than … identities').fill('1');
  await rules.getByRole('button', { name: 'Update hub rules' }).click();
  await expect(rules.getByRole('alert')).toHaveText(/Hub rule for ip: the number of identities must be a whole number from 2 to 10,000/);
  await rules.getByLabel('ip: more than … identities').fill('8');
  // The fraud share is a rule too: per cent, more than 0.
  await expect(rules.getByLabel('device: or … % were known fraud')).toHaveValue('25');
  await rules.getByLabel('device: or … % were known fraud').fill('0');
  await rules.getByRole('button', { name: 'Update hub rules' }).click();
  await expect(rules.getByRole('alert')).toHaveText(/Hub rule for device: the fraud share must be more than 0/);
  await rules.getByLabel('device: or … % were known fraud').fill('25');
  // A decimal comma is a decimal: 12,5 % is saved as 12.5 %, never as 125 % (the browser's number
  // field made it so, and a share over 100 % turns burst detection off).
  const burst = rules.getByLabel('device: unless … % of them');
  const burstBefore = await burst.inputValue();
  await burst.fill('12,5');
  await rules.getByRole('button', { name: 'Update hub rules' }).click();
  await expect(rules.getByRole('status')).toHaveText(/Saved/);
  await expect(burst).toHaveValue('12.5');
  await burst.fill(burstBefore);

  // Raising every key type's count above any shared value's: nothing is a hub by evidence any more.
  for (const t of ['card', 'device', 'email', 'phone', 'address', 'ip', 'account', 'name'])
    await rules.getByLabel(`${t}: more than … identities`).fill('10000');
  await rules.getByRole('button', { name: 'Update hub rules' }).click();
  await expect(rules.getByRole('status')).toHaveText(/Saved/);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Rings: hubs and bursts' }).getByLabel('ip: more than … identities')).toHaveValue('10000');

  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const marked = whys.filter((w) => /collection point/.test(w)).length;
  await expect.poll(hubsHeld).toBe(marked);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Rings: hubs and bursts' }).getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('region', { name: 'Rings: hubs and bursts' }).getByLabel('ip: more than … identities')).toHaveValue('8');
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  await expect.poll(hubsHeld).toBe(before);
});

test('after a reload, Rings reads the key index back from the cache and normalises no order', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  // The first visit builds the index (every demo order normalised) ...
  await expect(count).toHaveText(/rings over 10,000 orders .*\(10,000 new orders normalised in/, { timeout: 60_000 });
  const before = (await count.textContent())!.split(' · linked in')[0];
  // ... and the cache worker keeps it in the background: wait until the cache holds it.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<boolean>((resolve, reject) => {
              const open = indexedDB.open('fraud-workbench');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const get = db.transaction('keyIndex').objectStore('keyIndex').get('head');
                get.onsuccess = () => {
                  db.close();
                  resolve(get.result !== undefined);
                };
                get.onerror = () => reject(get.error);
              };
            }),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);

  await page.reload();
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(count).toHaveText(/\(key index read from the cache, no orders normalised\)/, { timeout: 60_000 });
  await expect(count).not.toContainText('new orders normalised');
  expect((await count.textContent())!.split(' · linked in')[0]).toBe(before);
  await expect(page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first()).toBeVisible();
});

test('a ring of 250 orders is drawn grouped by the values its orders share, and still lists every order', async ({ page }, testInfo) => {
  const { writeFileSync } = await import('node:fs');
  // 250 accounts ship to one flat within a day (a drop address in a burst); 30 of them also give one phone.
  const header =
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping Zip,Shipping City,Shipping Country,Shipping Phone';
  const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Klara', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul'];
  const LAST = ['Adler', 'Brandt', 'Conrad', 'Dietz', 'Engel', 'Fuchs', 'Graf', 'Hahn', 'Imhof', 'Jung', 'Kraus', 'Lorenz', 'Maier', 'Nagel', 'Ott', 'Pohl'];
  const lines = Array.from({ length: 250 }, (_, i) =>
    [
      `#${5001 + i}`,
      `buyer${i}@mail${i % 7}.example`,
      'paid',
      'EUR',
      (40 + (i % 30)).toFixed(2),
      `2026-11-17 ${String(8 + Math.floor(i / 25)).padStart(2, '0')}:${String((i * 2) % 60).padStart(2, '0')}:00 +0100`,
      'Sneaker',
      `${FIRST[i % 16]} ${LAST[Math.floor(i / 16)]}`,
      'Lindenstraße 12',
      '10969',
      'Berlin',
      'DE',
      i < 30 ? '+49 151 23456789' : '',
    ].join(','),
  );
  const file = testInfo.outputPath('burst.csv');
  writeFileSync(file, [header, ...lines].join('\n') + '\n');
  await expect((await chooseImportFile(page, file)).locator('[data-bucket="created"]')).toHaveText('250', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Rings' }).click();
  const rows = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  await rows.first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('heading', { level: 2 })).toContainText('250 orders');
  const graph = ring.getByTestId('ring-graph');
  // 30 orders share the flat and the phone, 220 only the flat: two group nodes instead of 250 order nodes.
  await expect(graph).toHaveAttribute('aria-label', /; 250 orders drawn in 2 groups by the values they share/);
  await expect(graph).toHaveAttribute('data-labels-hidden', /^\d+$/);
  expect(await ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr').count()).toBe(250);
});

test('a labelled export: an address in steady use by 12 accounts is a hub, and a ring once a quarter of them are labelled fraud', async ({
  page,
}, testInfo) => {
  const { writeFileSync } = await import('node:fs');
  // 12 accounts ship to one address a month apart each (steady use, like a shared office), in a
  // file with the outcome column a labelled export has.
  const header = 'order_id,order_date,email,amount,currency,shipping_name,shipping_address,shipping_zip,shipping_city,shipping_country,is_fraud';
  const NAMES = [
    'Anna Adler',
    'Ben Brandt',
    'Clara Conrad',
    'David Dietz',
    'Emma Engel',
    'Felix Fuchs',
    'Greta Graf',
    'Hannes Hahn',
    'Ida Imhof',
    'Jonas Jung',
    'Klara Kraus',
    'Lukas Lorenz',
  ];
  const fileOf = (name: string, labelled: number[]) => {
    const lines = NAMES.map((who, i) => {
      const day = new Date(Date.UTC(2026, 0, 5) + i * 25 * 86_400_000).toISOString().slice(0, 10);
      return [
        `LB-${101 + i}`,
        `${day} 10:00`,
        `acct${i}@mail${i}.example`,
        '59.00',
        'EUR',
        who,
        'Hafenweg 3',
        '20457',
        'Hamburg',
        'DE',
        labelled.includes(i) ? '1' : '0',
      ].join(',');
    });
    const file = testInfo.outputPath(name);
    writeFileSync(file, [header, ...lines].join('\n') + '\n');
    return file;
  };
  const choose = async (file: string) => {
    await page.goto('/#/imports');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
  };
  const openRings = async () => {
    await page.getByRole('link', { name: 'Rings' }).click();
    await expect(page.getByTestId('rings-count')).toHaveText(/rings? over 12 orders/, { timeout: 60_000 });
  };

  // One account labelled fraud: background fraud, the address is held back as a hub and says why.
  await choose(fileOf('labelled-1.csv', [4]));
  await page.getByRole('region', { name: 'Import of labelled-1.csv' }).getByRole('button', { name: 'Map its columns…' }).click();
  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await expect(wizard.getByLabel('Known outcome (fraud or legitimate)')).toHaveValue('is_fraud');
  await wizard.getByLabel('Preset name').fill('Labelled shop orders');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  await expect(page.getByRole('region', { name: 'Import of labelled-1.csv' }).locator('[data-bucket="created"]')).toHaveText('12', { timeout: 60_000 });
  await openRings();
  await expect(page.getByTestId('rings-count')).toHaveText(/^0 rings over 12 orders/);
  await page.getByText(/^Held back from linking/).click();
  await expect(page.getByRole('table', { name: 'Hubs' }).locator('tbody tr').first()).toContainText(
    '12 identities over 275 days, 1 of them within 7 days, 1 with known fraud: steady use by many, held back as a hub',
  );

  // The same orders labelled again (the saved preset reads the file), three of them fraud now (two
  // orders changed):
  // the address links them as one ring, and the list of values linked all the same says why.
  await choose(fileOf('labelled-3.csv', [1, 4, 9]));
  await expect(page.getByRole('region', { name: 'Import of labelled-3.csv' }).locator('[data-bucket="updated"]')).toHaveText('2', { timeout: 60_000 });
  await openRings();
  await expect(page.getByTestId('rings-count')).toHaveText(/^1 ring over 12 orders/);
  await expect(page.getByRole('table', { name: 'Rings' }).locator('tbody tr')).toHaveCount(1);
  await page.getByText(/^Shared by many, linked all the same/).click();
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  await expect(page.getByRole('region', { name: /^Ring / })).toContainText('0 disputes (0 fraud) · 3 orders labelled fraud');
  await expect(page.getByRole('table', { name: 'Bursts' }).locator('tbody tr').first()).toContainText(
    '12 identities over 275 days, 1 of them within 7 days, 3 with known fraud: steady use, but by too many with known fraud, linked as a ring',
  );
});

test('an order re-imported with its e-mail corrected is its buyer again, not the customer whose e-mail it had: the pair on one phone becomes a ring', async ({
  page,
}, testInfo) => {
  const { writeFileSync } = await import('node:fs');
  const header =
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping Zip,Shipping City,Shipping Country,Shipping Phone';
  // Bea and Ada order within the hour with one phone; the shop's first export gave Bea's order Ada's e-mail.
  const fileOf = (name: string, beaEmail: string) => {
    const file = testInfo.outputPath(name);
    writeFileSync(
      file,
      [
        header,
        '#8101,ada@mail.example,paid,EUR,80.00,2026-11-16 10:00:00 +0100,Boots,Ada Alt,Ringstraße 4,50667,Köln,DE,+49 151 24680135',
        `#8102,${beaEmail},paid,EUR,95.00,2026-11-16 09:20:00 +0100,Boots,Bea Bold,Domweg 9,50668,Köln,DE,+49 151 24680135`,
      ].join('\n') + '\n',
    );
    return file;
  };
  const importFile = async (file: string, name: string, bucket: string, rows: string) => {
    await page.goto('/#/imports');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('region', { name: `Import of ${name}` }).locator(`[data-bucket="${bucket}"]`)).toHaveText(rows, { timeout: 60_000 });
  };
  const count = page.getByTestId('rings-count');

  await importFile(fileOf('first.csv', 'ada@mail.example'), 'first.csv', 'created', '2');
  await page.getByRole('link', { name: 'Rings' }).click();
  // One e-mail: one customer, and one customer's orders are no ring.
  await expect(count).toHaveText(/^0 rings over 2 orders/, { timeout: 60_000 });

  await importFile(fileOf('corrected.csv', 'bea@mail.example'), 'corrected.csv', 'updated', '1');
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(count).toHaveText(/^1 ring over 2 orders/, { timeout: 60_000 });
  const row = page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first();
  await row.click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('heading', { level: 2 })).toContainText('2 orders · 2 customers');
  // Its orders oldest first, as the heading says: Bea's #8102 came before Ada's #8101 (it was listed after, in number order).
  await expect(ring.getByRole('heading', { name: 'Orders, oldest first' })).toBeVisible();
  await expect(ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr td:nth-child(2)')).toHaveText(['#8102', '#8101']);

  // After a reload the kept index says the same.
  await page.reload();
  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(count).toHaveText(/^1 ring over 2 orders/, { timeout: 60_000 });
});

test('another ring chosen far down the list is brought into view', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const rows = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  await rows.first().click({ timeout: 60_000 });
  const heading = page.getByRole('region', { name: /^Ring / }).getByRole('heading', { level: 2 });
  await expect(heading).toBeInViewport();
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  await expect(heading).not.toBeInViewport();
  await last.click();
  // The panel above the list showed the ring out of sight.
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('a ring of 45 orders lists its first 40 links and says how many more there are, Show more lists the rest', async ({ page }, testInfo) => {
  const { writeFileSync } = await import('node:fs');
  // 45 accounts ship to one address within a day: a burst, linked as one ring of 44 spanning links.
  const header = 'order_id,order_date,email,amount,currency,shipping_name,shipping_address,shipping_zip,shipping_city,shipping_country';
  const lines = Array.from({ length: 45 }, (_, i) =>
    [
      `BR-${101 + i}`,
      `2026-03-05 ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      `buyer${i}@mail${i}.example`,
      '59.00',
      'EUR',
      `Käufer ${i}`,
      'Hafenweg 3',
      '20457',
      'Hamburg',
      'DE',
    ].join(','),
  );
  const file = testInfo.outputPath('burst.csv');
  writeFileSync(file, [header, ...lines].join('\n') + '\n');
  await (await chooseImportFile(page, file)).getByRole('button', { name: 'Map its columns…' }).click();
  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await wizard.getByLabel('Preset name').fill('Burst shop orders');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  await expect(page.getByRole('region', { name: 'Import of burst.csv' }).locator('[data-bucket="created"]')).toHaveText('45', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Rings' }).click();
  await expect(page.getByTestId('rings-count')).toHaveText(/^1 ring over 45 orders/, { timeout: 60_000 });
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  const links = ring.getByTestId('ring-evidence').locator('li');
  await expect(links).toHaveCount(40);
  const more = ring.getByTestId('ring-evidence-more');
  await expect(more).toHaveText('Showing 40 of 44 links. Show 4 more');
  await more.getByRole('button', { name: 'Show 4 more' }).click();
  await expect(links).toHaveCount(44);
  await expect(more).toHaveCount(0);
});
