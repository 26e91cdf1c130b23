import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, search, test, visibleRows } from './fixtures';

const OWN_EXPORT = [
  'Bestellnummer;Bestelldatum;Kundennummer;E-Mail;Empfänger;Straße;PLZ;Stadt;Land;Betrag;Währung',
  'WEB-5001;01.05.2026 10:00;K-17;lena.berger@example.de;Lena Berger;Lindenweg 4;04109;Leipzig;DE;89,90;EUR',
  'WEB-5002;01.05.2026 11:30;K-18;t.wolf@example.de;Tim Wolf;Am Markt 1;01067;Dresden;DE;1.249,00;EUR',
  'WEB-5003;02.05.2026 09:15;K-17;lena.berger@example.de;Lena Berger;Lindenweg 4;04109;Leipzig;DE;kaputt;EUR',
].join('\r\n');

test('an unknown export is mapped in the wizard, saved as a preset, imported, and detected next time', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('shop-export.csv');
  writeFileSync(file, Buffer.from(OWN_EXPORT, 'latin1'));
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  const card = page.getByRole('region', { name: 'Import of shop-export.csv' });
  await expect(card).toContainText('Format not recognised');
  await expect(card.locator('[data-bucket="created"]')).toHaveText('0');
  await card.getByRole('button', { name: 'Map its columns…' }).click();

  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await expect(wizard.getByLabel('Delimiter')).toHaveValue(';');
  await expect(wizard.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(wizard.getByRole('table', { name: 'Preview' })).toContainText('Lindenweg 4');
  // Suggestions from the German column names.
  await expect(wizard.getByLabel('Order number')).toHaveValue('Bestellnummer');
  await expect(wizard.getByLabel('Order date')).toHaveValue('Bestelldatum');
  await expect(wizard.getByLabel('Email')).toHaveValue('E-Mail');
  await expect(wizard.getByLabel('Ship-to postcode')).toHaveValue('PLZ');
  await wizard.getByLabel('Order total').selectOption('Betrag');
  await wizard.getByLabel('Preset name').fill('Webshop Bestellexport');
  await wizard.getByLabel('Marketplace', { exact: true }).selectOption('shop');

  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  const check = wizard.getByRole('status', { name: 'Mapping check' });
  await expect(check).toContainText('First 3 rows: 2 records, 1 would be quarantined.');
  await expect(check).toContainText('line 4');

  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  const done = page.getByRole('region', { name: 'Import of shop-export.csv' });
  await expect(done).toContainText('Webshop Bestellexport');
  await expect(done.locator('[data-bucket="created"]')).toHaveText('2');
  await expect(done.locator('[data-bucket="quarantined"]')).toHaveText('1');
  await expect(done.locator('table.problems')).toContainText('Betrag');

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, 'WEB-5002');
  const [row] = await visibleRows(page);
  expect(row).toMatchObject({ Order: 'WEB-5002', Channel: 'Own shop', City: 'Dresden', Total: '€1,249.00' });

  // The saved preset now detects the same layout on its own.
  await page.getByRole('link', { name: 'Imports' }).click();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await again.setFiles(file);
  const second = page.getByRole('region', { name: 'Import of shop-export.csv' });
  await expect(second).toContainText('Webshop Bestellexport');
  await expect(second.locator('[data-bucket="unchanged"]')).toHaveText('2');
  await expect(page.getByLabel('Format')).toContainText('Webshop Bestellexport');
  expect(path.basename(file)).toBe('shop-export.csv');
});

// A US shop's export: month first, two-digit years, 12-hour clock. The first rows could be read
// either way; a later row (4/18) settles it. No setting is touched.
const US_EXPORT = [
  'Order No,Order Date,Customer Email,Ship Zip,Ship City,Ship Country,Order Total,Currency',
  'US-1001,4/5/26 9:05 AM,amy@example.com,10001,New York,US,19.99,USD',
  'US-1002,4/6/26 2:47 PM,bo@example.com,94105,San Francisco,US,42.50,USD',
  'US-1003,4/18/26 11:00 PM,cy@example.com,60601,Chicago,US,5.00,USD',
].join('\n');

// A file whose dates never tell (every day is 12 or less): the analyst says month first.
const UNTOLD_EXPORT = [
  'Ref,Placed,Email,Zip,City,Country,Amount,Currency',
  'UT-1,3/4/2026 10:00,dee@example.com,10001,New York,US,10.00,USD',
  'UT-2,5/6/2026 10:00,eve@example.com,10001,New York,US,11.00,USD',
].join('\n');

async function mapInWizard(page: import('@playwright/test').Page, file: string, name: string, columns: { number: string; date: string; total: string }) {
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  const card = page.getByRole('region', { name: `Import of ${path.basename(file)}` });
  await expect(card).toContainText('Format not recognised');
  await card.getByRole('button', { name: 'Map its columns…' }).click();
  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await wizard.getByLabel('Order number').selectOption(columns.number);
  await wizard.getByLabel('Order date').selectOption(columns.date);
  await wizard.getByLabel('Order total').selectOption(columns.total);
  await wizard.getByLabel('Preset name').fill(name);
  return wizard;
}

test('dates: a month-first export is read month-first by its own values, and a file whose dates never tell takes the order chosen in the wizard', async ({
  page,
}, testInfo) => {
  const us = testInfo.outputPath('us-orders.csv');
  writeFileSync(us, US_EXPORT);
  let wizard = await mapInWizard(page, us, 'US shop', { number: 'Order No', date: 'Order Date', total: 'Order Total' });
  // Sold on a marketplace the workbench has no preset for: the channel is named here.
  await wizard.getByLabel('Marketplace', { exact: true }).selectOption('other');
  await wizard.getByLabel('Channel name').fill('eBay.com');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  let check = wizard.getByRole('status', { name: 'Mapping check' });
  await expect(check).toContainText('First 3 rows: 3 records, 0 would be quarantined.');
  await expect(check.getByTestId('check-date-orders')).toHaveText(
    'Dates in “Order Date” read as month/day/year: its values say so (4/18/26 → 18 Apr 2026, line 4)',
  );
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  const done = page.getByRole('region', { name: 'Import of us-orders.csv' });
  await expect(done.locator('[data-bucket="created"]')).toHaveText('3');
  await expect(done.getByTestId('import-date-orders')).toContainText('month/day/year: its values say so');

  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, 'US-1001');
  expect((await visibleRows(page))[0]).toMatchObject({ Order: 'US-1001', 'Date (UTC)': '2026-04-05 09:05', Channel: 'eBay.com' });
  await search(page, 'US-1002');
  expect((await visibleRows(page))[0]).toMatchObject({ Order: 'US-1002', 'Date (UTC)': '2026-04-06 14:47' });

  const untold = testInfo.outputPath('untold.csv');
  writeFileSync(untold, UNTOLD_EXPORT);
  wizard = await mapInWizard(page, untold, 'Untold shop', { number: 'Ref', date: 'Placed', total: 'Amount' });
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  check = wizard.getByRole('status', { name: 'Mapping check' });
  // Nothing in the file tells: the guess is shown as a guess.
  await expect(check.getByTestId('check-date-orders')).toContainText('Dates in “Placed” read as day/month/year: no value in the file tells the order');
  await wizard.getByLabel('Date order').selectOption('MDY');
  await wizard.getByLabel('Time zone').fill('America/New_York');
  // The format is one named own shop's: its files are that shop's, nobody asked.
  await wizard.getByLabel('Shop name', { exact: true }).fill('Outlet US');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  await expect(check.getByTestId('check-date-orders')).toHaveText('Dates in “Placed” read as month/day/year: the format says so (no value in the file tells)');
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  const second = page.getByRole('region', { name: 'Import of untold.csv' });
  await expect(second.locator('[data-bucket="created"]')).toHaveText('2');

  await page.getByRole('link', { name: 'Orders' }).click();
  // 4 March 10:00 in New York (standard time until 8 March, UTC-5) is 15:00 UTC.
  await search(page, 'UT-1');
  expect((await visibleRows(page))[0]).toMatchObject({ Order: 'UT-1', 'Date (UTC)': '2026-03-04 15:00', Channel: 'Outlet US' });
});

test("dates: a date column whose own values never tell is read in the order the file's other date column settled, and the check says whose", async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('us-cancellations.csv');
  // Only one order was cancelled, on 4 May: "5/4/26" alone could be either order.
  writeFileSync(
    file,
    [
      'Order No,Order Date,Cancelled,Order Total,Currency',
      'UC-1,4/18/26 9:05 AM,,19.99,USD',
      'UC-2,4/20/26 2:47 PM,5/4/26 10:00 AM,42.50,USD',
      'UC-3,4/21/26 11:00 PM,,5.00,USD',
    ].join('\n'),
  );
  const wizard = await mapInWizard(page, file, 'US cancellations', { number: 'Order No', date: 'Order Date', total: 'Order Total' });
  await wizard.getByLabel('Cancelled at').selectOption('Cancelled');
  await wizard.getByRole('button', { name: 'Check the first rows' }).click();
  const check = wizard.getByRole('status', { name: 'Mapping check' });
  await expect(check.getByTestId('check-date-orders')).toHaveText(
    [
      'Dates in “Order Date” read as month/day/year: its values say so (4/18/26 → 18 Apr 2026, line 2)',
      'Dates in “Cancelled” read as month/day/year: its own values do not tell; the file’s “Order Date” column says so (4/18/26 → 18 Apr 2026, line 2)',
    ].join(''),
  );
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  await expect(page.getByRole('region', { name: 'Import of us-cancellations.csv' }).locator('[data-bucket="created"]')).toHaveText('3');
});

test('amounts written in minor units (4990 for 49.90, as Klarna and PayPal SFTP files write them) are read so when the wizard says', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('minor-units.csv');
  writeFileSync(file, 'Ref,Placed,Amount\nMU-1,2026-03-04 10:00,4990\nMU-2,2026-03-05 11:00,12000\n');
  const wizard = await mapInWizard(page, file, 'Minor units shop', { number: 'Ref', date: 'Placed', total: 'Amount' });
  await wizard.getByLabel('Amounts in minor units (5000 is 50.00)').check();
  await wizard.getByRole('button', { name: 'Save preset and import' }).click();
  await expect(page.getByRole('region', { name: 'Import of minor-units.csv' }).locator('[data-bucket="created"]')).toHaveText('2');
  await page.getByRole('link', { name: 'Orders' }).click();
  await search(page, 'MU-1');
  expect((await visibleRows(page))[0]).toMatchObject({ Order: 'MU-1', Total: '€49.90' });
  await search(page, 'MU-2');
  expect((await visibleRows(page))[0]).toMatchObject({ Order: 'MU-2', Total: '€120.00' });
});

test('a long export whose first bytes are plain ASCII: the wizard says its encoding is not sure yet, until the analyst chooses one', async ({
  page,
}, testInfo) => {
  const header = 'Bestellnummer;Bestelldatum;Kundennummer;E-Mail;Empfaenger;Strasse;PLZ;Stadt;Land;Betrag;Waehrung';
  const rows = Array.from(
    { length: 900 },
    (_, i) => `WEB-${6000 + i};01.05.2026 10:00;K-${i};k${i}@example.de;Lena Berger;Lindenweg 4;04109;Leipzig;DE;89,90;EUR`,
  );
  const file = testInfo.outputPath('long-export.csv');
  writeFileSync(
    file,
    Buffer.from([header, ...rows, 'WEB-7000;02.05.2026 09:15;K-9;m@example.de;Jürgen Müller;Königsweg 1;04109;Leipzig;DE;12,50;EUR'].join('\r\n'), 'latin1'),
  );
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  const card = page.getByRole('region', { name: 'Import of long-export.csv' });
  await card.getByRole('button', { name: 'Map its columns…' }).click();
  const wizard = page.getByRole('region', { name: 'Mapping wizard' });
  await expect(wizard.getByLabel('Encoding')).toHaveValue('utf-8');
  await expect(wizard.getByTestId('encoding-hint')).toContainText('until a later byte says the file is Windows-1252');
  // Choosing an encoding makes it sure: the hint goes.
  await wizard.getByLabel('Encoding').selectOption('windows-1252');
  await expect(wizard.getByTestId('encoding-hint')).toHaveCount(0);
});

test('a card number in a free-text cell is shown in the wizard reduced to BIN and last 4, never whole', async ({ page }, testInfo) => {
  // Rows as a reviewer's webshop export wrote them: a customer's card typed into the remark column.
  const file = testInfo.outputPath('webshop-eu-export.csv');
  writeFileSync(
    file,
    [
      '\uFEFFAuftrag;Datum;Kunde;Mail;IP-Adresse;Empfänger;Straße;PLZ;Ort;Land;Summe;Währung;Bemerkung;Intern',
      'WS-7001;02/11/2026 14:05;K-1;mara.klein@example.de;192.0.2.10;Mara Klein;Birkenweg 1;10115;Berlin;DE;€ 1.249,00;EUR;Bitte klingeln;x',
      'WS-7002;13/11/2026 09:00;K-2;otto.b@example.de;192.0.2.11;Otto Berg;Am Ring 2;50667;Köln;DE;89,90 €;EUR;Karte 4111 1111 1111 1111 exp 04/28;y',
      'WS-7003;05/12/2026 20:15;K-3;lea.s@example.de;192.0.2.10;Lea Sommer;Hafen 3;20095;Hamburg;DE;-12,50;EUR;Gutschrift;z',
    ].join('\n'),
  );
  await page.goto('/#/imports');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await page.getByRole('region', { name: 'Import of webshop-eu-export.csv' }).getByRole('button', { name: 'Map its columns…' }).click();
  const preview = page.getByRole('region', { name: 'Mapping wizard' }).getByRole('table', { name: 'Preview' });
  await expect(preview).toContainText('Bitte klingeln');
  await expect(preview).toContainText('Karte 41111111******1111 exp 04/28');
  const whole = /4111[\s-]*1111[\s-]*1111[\s-]*1111/;
  expect(await page.content()).not.toMatch(whole);
  expect(await page.locator('body').innerText()).not.toMatch(whole);
});
