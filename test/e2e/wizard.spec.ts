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
  await wizard.getByLabel('Channel').selectOption('shop');

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
