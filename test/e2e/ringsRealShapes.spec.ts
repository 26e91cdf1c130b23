// Rings on exports in the shapes real shops write them (issue 12): a Packstation five new accounts
// collect at within a day, one address cut into street and house-number columns, and an Amazon
// buyer's gifts under one relay e-mail.
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('five new accounts at one Packstation within a day are a ring; one address across columns and spellings is one; an Amazon buyer with one relay is one customer', async ({
  page,
}, testInfo) => {
  const shop = testInfo.outputPath('shop.csv');
  const shopHeader =
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Shipping Name,Shipping Address1,Shipping Address2,Shipping Zip,Shipping City,Shipping Country';
  const collectors = ['Jonas Becker', 'Mia Hoffmann', 'Paul Schulz', 'Ela Yilmaz', 'Tom Kraus'].map((name, i) =>
    [
      `#910${i + 1}`,
      `kunde${i + 1}.${(i + 1) * 7}@web.example`,
      'paid',
      'EUR',
      '249.00',
      `2026-11-17 ${String(8 + 2 * i).padStart(2, '0')}:00:00 +0100`,
      'Kopfhörer',
      name,
      // The station written as customers write it; each with a Postnummer of their own.
      i % 2 ? 'Packst. 184' : 'Packstation 184',
      String(84_752_310 + i),
      '10115',
      'Berlin',
      'DE',
    ].join(','),
  );
  writeFileSync(
    shop,
    [
      shopHeader,
      ...collectors,
      '#9201,max.weber@mail.example,paid,EUR,89.00,2026-11-16 09:00:00 +0100,Sneaker,Max Weber,Prager Straße 12a,,01069,Dresden,DE',
      // The house number in Address2, and the postcode with the old country prefix.
      '#9202,lena.b@post.example,paid,EUR,95.00,2026-11-16 10:30:00 +0100,Sneaker,Lena Brandt,Prager Straße,12a,D-01069,Dresden,DE',
    ].join('\n') + '\n',
  );

  const amazon = testInfo.outputPath('amazon.txt');
  const amazonHeader =
    'order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\tbuyer-phone-number\tsku\tproduct-name\tquantity-purchased\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tship-service-level\trecipient-name\tship-address-1\tship-address-2\tship-address-3\tship-city\tship-state\tship-postal-code\tship-country\tship-phone-number\tsales-channel';
  const amazonRow = (
    id: string,
    day: string,
    relay: string,
    buyer: string,
    phone: string,
    recipient: string,
    street: string,
    number: string,
    postcode: string,
    city: string,
  ) =>
    [
      id,
      `${id.slice(-5)}0000001`,
      `${day}T09:30:00+00:00`,
      `${day}T09:31:00+00:00`,
      relay,
      buyer,
      phone,
      'SL-1',
      'Stirnlampe',
      '1',
      'EUR',
      '19.90',
      '3.18',
      '4.90',
      '0.78',
      'Standard',
      recipient,
      street,
      number,
      '',
      city,
      '',
      postcode,
      'DE',
      '',
      'Amazon.de',
    ].join('\t');
  writeFileSync(
    amazon,
    [
      amazonHeader,
      // One buyer (one relay address), two gifts to two people, with the buyer's phone.
      amazonRow(
        '305-1000000-0000001',
        '2026-10-01',
        'k3xw9q0mz4lk1tt@marketplace.amazon.de',
        'Anna Schmidt',
        '+49 151 22334455',
        'Anna Schmidt',
        'Lindenstr. 14',
        '',
        '50674',
        'Köln',
      ),
      amazonRow(
        '305-1000000-0000002',
        '2026-10-30',
        'k3xw9q0mz4lk1tt@marketplace.amazon.de',
        'Anna Schmidt',
        '0151 22334455',
        'Bernd Schmidt',
        'Am Hang 3',
        '',
        '80331',
        'München',
      ),
      // A third account at the Dresden address: street and number in two lines, the postcode as a spreadsheet left it.
      amazonRow(
        '305-1000000-0000003',
        '2026-11-16',
        'p9q8r7s6t5@marketplace.amazon.de',
        'Tim Kraus',
        '',
        'Tim Kraus',
        'Prager Str.',
        '12 A',
        '1069',
        'Dresden',
      ),
    ].join('\n') + '\n',
  );

  for (const file of [shop, amazon]) {
    const name = file.split('/').pop()!;
    await page.goto('/#/imports');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('region', { name: `Import of ${name}` }).locator('[data-bucket="created"]')).toHaveText(/^[1-9]/, { timeout: 60_000 });
  }

  await page.getByRole('link', { name: 'Rings' }).click();
  const count = page.getByTestId('rings-count');
  // The Packstation five and the Dresden three; the Amazon buyer's two gifts are one customer's orders.
  await expect(count).toHaveText(/^2 rings over 10 orders/, { timeout: 60_000 });
  await page.getByRole('tab', { name: /^Largest/ }).click();
  const rows = page.getByRole('table', { name: 'Rings' }).locator('tbody tr');
  const ring = page.getByRole('region', { name: /^Ring / });

  await rows.nth(0).click();
  await expect(ring.getByRole('heading', { level: 2 })).toContainText('5 orders · 5 customers');
  await expect(ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr td:nth-child(2)')).toHaveText(['#9101', '#9102', '#9103', '#9104', '#9105']);
  await expect(ring.getByTestId('ring-evidence')).toContainText('same collection point');
  await page.getByText(/^Shared by many, linked all the same/).click();
  await expect(page.getByRole('table', { name: 'Bursts' }).locator('tbody tr').first()).toContainText(
    '5 identities over 0 days, 5 of them within 7 days: a collection point or forwarder by its address, but a burst, linked as a ring',
  );

  await rows.nth(1).click();
  await expect(ring.getByRole('heading', { level: 2 })).toContainText('3 orders · 3 customers');
  await expect(ring.getByRole('table', { name: 'Ring orders' }).locator('tbody tr td:nth-child(2)')).toHaveText(['#9201', '#9202', '305-1000000-0000003']);
  await expect(ring.getByTestId('ring-evidence')).toContainText('same street, house number');
});
