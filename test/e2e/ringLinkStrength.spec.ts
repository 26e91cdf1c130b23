// The ring detail says how strong each link is: a fingerprint links strongly, BIN + last 4 +
// expiry at medium, a 6-digit BIN + last 4 or a /24 network weakly.
import { expect, loadDemo, test } from './fixtures';

/** The strength each rule links at (shared/normalize), by the words the evidence uses for it. */
const STRENGTH_OF_RULE: [RegExp, 'strong' | 'medium' | 'weak'][] = [
  [/^fingerprint match$/, 'strong'],
  [/^same BIN, last 4 and expiry$/, 'medium'],
  [/^same 8-digit BIN and last 4/, 'medium'],
  [/^same BIN and last 4 only/, 'weak'],
  [/^same (device id|checkout session|e-mail address|Gmail mailbox|mailbox|number|customer account)/, 'strong'],
  [/^same (collection point|street, house number|IP$|DHL Postnummer)/, 'medium'],
  [/^same (street and postcode|\/24 network|\/64 network|name and postcode)$/, 'weak'],
];

test('each link in a ring names its strength, weak keys included', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/rings over/, { timeout: 60_000 });
  const options = page.getByRole('group', { name: 'Linking options' });
  const before = await count.textContent();
  await options.getByLabel('Weakest key').selectOption('weak');
  await expect(count).not.toHaveText(before!);
  await page.getByRole('tab', { name: /^Largest/ }).click();
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  const lines = await ring.getByTestId('ring-evidence').locator('li').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  const seen = new Set<string>();
  for (const line of lines) {
    const m = /\(([^()]*)\),? (strong|medium|weak) link/.exec(line);
    expect(m, `no strength in "${line}"`).not.toBeNull();
    const [, rule, strength] = m!;
    const expected = STRENGTH_OF_RULE.find(([words]) => words.test(rule!))?.[1];
    expect(expected, `unknown rule words "${rule}"`).toBeDefined();
    expect(strength, line).toBe(expected);
    seen.add(strength!);
  }
  // The demo's largest ring, weak keys allowed, links at all three strengths.
  expect([...seen].sort()).toEqual(['medium', 'strong', 'weak']);
});

test("one card in two PSPs' files, one with its expiry and one without, joins two buyers' orders; a second expiry on it splits them", async ({
  page,
}, testInfo) => {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url)), 'utf8').replace(/^\uFEFF/, '');
  /** A CSV with `header`, one line per row of named values ('' for the others). */
  const csv = (name: string, header: string, rows: Record<string, string>[]) => {
    const names = header.split(',');
    const file = testInfo.outputPath(name);
    writeFileSync(file, [header, ...rows.map((r) => names.map((n) => r[n] ?? '').join(','))].join('\n') + '\n');
    return file;
  };
  const shop = csv(
    'shop.csv',
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping Zip,Shipping City,Shipping Country',
    [
      ['#6001', 'anna@mail.example', 'Anna Adler', 'Lindenstraße 1', '10969', 'Berlin'],
      ['#6002', 'ben@post.example', 'Ben Brandt', 'Seeweg 9', '20095', 'Hamburg'],
      ['#6003', 'clara@web.example', 'Clara Conrad', 'Am Hang 4', '80331', 'München'],
    ].map(([name, email, ship, street, zip, city], i) => ({
      Name: name!,
      Email: email!,
      'Financial Status': 'paid',
      Currency: 'EUR',
      Total: '89.00',
      'Created at': `2026-11-17 1${i}:00:00 +0100`,
      'Lineitem name': 'Sneaker',
      'Shipping Name': ship!,
      'Shipping Address1': street!,
      'Shipping Zip': zip!,
      'Shipping City': city!,
      'Shipping Country': 'DE',
    })),
  );
  // Adyen masks the number to 6 BIN digits and the last 4, with no expiry; this Stripe export has a BIN column and the expiry.
  const adyen = csv('adyen.csv', fixture('adyen-received-payments.csv').split('\n')[0]!, [
    {
      'Merchant Reference': '#6001',
      'Psp Reference': '8836000000006001',
      'Payment Method': 'visa',
      'Creation Date': '2026-11-17 10:00:05',
      TimeZone: 'CET',
      Currency: 'EUR',
      Amount: '89.00',
      Type: 'Authorised',
      'Shopper PAN': '455555******1234',
    },
  ]);
  const stripeHeader = `${fixture('stripe-payments.csv').split('\n')[0]!.trim()},Card BIN`;
  const stripeRow = (order: string, id: string, month: string, year: string) => ({
    id,
    'Created date (UTC)': '2026-11-17 11:00:05',
    Amount: '89.00',
    Currency: 'eur',
    Captured: 'true',
    Status: 'Paid',
    'Card Brand': 'Visa',
    'Card Last4': '1234',
    'Card Exp Month': month,
    'Card Exp Year': year,
    'Card BIN': '455555',
    'order_id (metadata)': order,
  });
  const stripe = csv('stripe.csv', stripeHeader, [stripeRow('#6002', 'ch_6002', '11', '2029')]);

  await page.goto('/#/imports');
  for (const file of [shop, adyen, stripe]) {
    const name = file.split('/').pop()!;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('region', { name: `Import of ${name}` }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  }
  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  await expect(count).toHaveText(/^0 rings over 3 orders/, { timeout: 60_000 });
  // A 6-digit BIN and the last 4 link weakly: once the analyst lets weak keys link, Anna's and Ben's orders are one ring.
  await page.getByRole('group', { name: 'Linking options' }).getByLabel('Weakest key').selectOption('weak');
  await expect(count).toHaveText(/^1 ring over 3 orders/);
  await page.getByRole('table', { name: 'Rings' }).locator('tbody tr').first().click();
  const ring = page.getByRole('region', { name: /^Ring / });
  await expect(ring.getByRole('heading', { level: 2 })).toContainText('2 orders');
  await expect(ring.getByTestId('ring-evidence')).toContainText('card 4555 55** **** 1234 (same BIN and last 4 only, no expiry to compare), weak link');

  // Clara paid with another card of that BIN and last 4 (another expiry): Anna's masked one may be either, so it joins no one.
  const second = csv('stripe-2.csv', stripeHeader, [stripeRow('#6003', 'ch_6003', '04', '2031')]);
  await page.getByRole('link', { name: 'Imports' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(second);
  await expect(page.getByRole('region', { name: 'Import of stripe-2.csv' }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Rings' }).click();
  await page.getByRole('group', { name: 'Linking options' }).getByLabel('Weakest key').selectOption('weak');
  await expect(count).toHaveText(/^0 rings over 3 orders/, { timeout: 60_000 });
  await page.getByText(/^Held back from linking/).click();
  await expect(page.getByRole('table', { name: 'Hubs' }).locator('tbody tr').filter({ hasText: '4555 55** **** 1234' })).toContainText(
    'the same BIN and last 4 on 2 cards with different expiry dates: not one card',
  );
});
