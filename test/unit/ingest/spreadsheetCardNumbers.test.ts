// Card numbers a spreadsheet rewrote. Excel keeps 15 significant digits of a number: "When you type
// a number that contains more than 15 digits in a cell, Excel changes any digits past the fifteenth
// place to zeros ... you type a credit card ID number ... Excel changes the last digit to a zero"
// (Microsoft KB 269370, "Last digits are changed to zeros when you type long numbers in cells of
// Excel"); in the General format it shows and saves 4.11111E+15. A 16-digit card's last digit is its
// Luhn check digit, so 4111111111111110 still names the whole card (the answers under "I enter in a
// 16 digit number and Excel turns the last digit to 0", pcreview.co.uk, rebuild it with a formula):
// it is a card number, reduced to BIN + last 4 like any other, never kept as it is. A card cell that
// is no card at all (4.11111E+15) is left empty, saying so.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { parseFormatPreset, suggestMapping, type FormatPreset } from '../../../shared/ingest';
import { bucketsAddUp, runImport, values } from './support';

const HEADER = 'Order Number;Order Date;Total;Currency;Email;Card Number;Card Expiry;Shipping Name;Street;Payment Info';

function webshopPreset(): FormatPreset {
  const { mapping } = suggestMapping(HEADER.split(';'), 'orders');
  const parsed = parseFormatPreset(
    JSON.parse(
      JSON.stringify({
        id: 'custom:webshop',
        label: 'Webshop export',
        kind: 'orders',
        markerColumns: ['Order Number', 'Order Date'],
        mapping: { ...mapping, paymentMethod: 'Payment Info' },
        options: { source: 'webshop', marketplace: 'shop', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR' },
      }),
    ),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.preset;
}

describe('card numbers Excel rewrote (German Excel, semicolons)', () => {
  const preset = webshopPreset();
  const file =
    [
      HEADER,
      // 4111111111111111 and 5555555555554444 saved from a column formatted as Number.
      'W-1;01.05.2026 10:00;49,00;EUR;x1@example.com;4111111111111110;04/28;Eva Lang;Ringstraße 1;Kreditkarte',
      'W-2;01.05.2026 11:00;15,50;EUR;x2@example.com;;11/27;Tom Berg;Am Hang 4;5555555555554440',
      // The General format: nothing of the card is left.
      'W-3;02.05.2026 09:30;230,00;EUR;x3@example.com;4,11111E+15;01/30;Ida Roth;Seeweg 9;Kreditkarte',
    ].join('\r\n') + '\r\n';

  it('a card whose check digit Excel zeroed is read as that card: BIN and last 4 kept, the number nowhere', async () => {
    const run = await runImport(file, { preset, presets: [preset], fileName: 'bestellungen.csv' });
    expect(bucketsAddUp(run.summary)).toBe(true);
    const orders = values<Order>(run, 'order');
    expect(orders.map((o) => [o.externalId, o.cardBin, o.cardLast4, o.paymentMethod])).toEqual([
      ['W-1', '41111111', '1111', 'Kreditkarte'],
      ['W-2', '', '', '55555555******4444'],
      ['W-3', '', '', 'Kreditkarte'],
    ]);
    const stored = JSON.stringify(run.written.map((r) => r.value));
    expect(stored).not.toMatch(/411111111111111|555555555555444/);
  });

  it('a card of 17-19 digits Excel cut to 15: its BIN is kept, no last 4 made up, and the number is nowhere', async () => {
    const longCards =
      [
        HEADER,
        'W-4;03.05.2026 10:00;20,00;EUR;x4@example.com;6212345678901230000;04/28;Eva Lang;Ringstraße 1;Kreditkarte',
        // Cut, and its zeros pass Luhn: still no last 4 made up.
        'W-7;03.05.2026 13:00;23,00;EUR;x7@example.com;6212345678901280000;04/28;Ole Hahn;Am Ring 2;4123456789012330000',
        'W-5;03.05.2026 11:00;21,00;EUR;x5@example.com;;11/27;Tom Berg;Am Hang 4;4123456789012340000',
        // 19 digits from no network, ending in zeros: an id, not a card.
        'W-6;03.05.2026 12:00;22,00;EUR;x6@example.com;;11/27;Ida Roth;Seeweg 9;9123456789012340000',
      ].join('\r\n') + '\r\n';
    const run = await runImport(longCards, { preset, presets: [preset], fileName: 'bestellungen.csv' });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.cardBin, o.cardLast4, o.paymentMethod])).toEqual([
      ['W-4', '62123456', '', 'Kreditkarte'],
      ['W-7', '62123456', '', '41234567******'],
      ['W-5', '', '', '41234567******'],
      ['W-6', '', '', '9123456789012340000'],
    ]);
    expect(JSON.stringify(run.written.map((r) => r.value))).not.toMatch(/621234567890123|621234567890128|412345678901234|412345678901233/);
  });

  it('says which columns held such numbers, and that a card cell it could not read was left empty', async () => {
    const run = await runImport(file, { preset, presets: [preset], fileName: 'bestellungen.csv' });
    expect(run.summary.warnings.map((w) => [w.code, w.message, w.line])).toEqual([
      [
        'unreadable-card-number',
        'column 6 (Card Number) has values that are no card number (a spreadsheet may have rewritten them, as in 4.11111E+15); the card was left empty',
        4,
      ],
      ['card-number-column', 'column 6 (Card Number) held full card numbers in 1 cell; only BIN and last 4 were kept', 2],
      ['masked-card-number', 'column 10 (Payment Info) held card numbers in 1 cell of text; they were reduced to BIN and last 4', 3],
    ]);
  });
});

describe('card numbers Excel rewrote in an id column', () => {
  const HEADER_IDS = 'Order Number;Order Date;Total;Currency;Email;Customer ID;Shipping Name;Street';
  const { mapping } = suggestMapping(HEADER_IDS.split(';'), 'orders');
  const parsed = parseFormatPreset({
    id: 'custom:webshop-ids',
    label: 'Webshop export with customer ids',
    kind: 'orders',
    markerColumns: ['Order Number', 'Customer ID'],
    mapping,
    options: { source: 'webshop', marketplace: 'shop', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR' },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const preset = parsed.preset;
  const lines = (ids: string[]) =>
    [HEADER_IDS, ...ids.map((id, i) => `W-${i + 1};0${i + 1}.05.2026 10:00;49,00;EUR;x${i + 1}@example.com;${id};Eva Lang ${i + 1};Ringstraße ${i + 1}`)].join(
      '\r\n',
    ) + '\r\n';

  it('a column that holds a whole card number holds cards: a zeroed one before it is set aside too, and stored nowhere', async () => {
    // The shop put the card number in the customer id; Excel zeroed the check digit of 4111111111111111,
    // and 4000000000000010, whose check digit is 0, still reads whole.
    const run = await runImport(lines(['4111111111111110', '4000000000000010', 'K-1001']), { preset, presets: [preset], fileName: 'kunden.csv' });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['W-3']);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [2, 'card-number', 6],
      [3, 'card-number', 6],
    ]);
    const stored = JSON.stringify(run.written.map((r) => r.value));
    expect(stored).not.toMatch(/411111111111111|400000000000001/);
  });

  it('a card of 17-19 digits keeps only 15 of them, the rest zeroed: in a column that held a whole card it is set aside too', async () => {
    // Excel kept 15 digits of a 19-digit UnionPay card and of a 17-digit Discover card.
    const run = await runImport(lines(['4111111111111111', '6212345678901230000', '65123456789012300', 'K-1004']), {
      preset,
      presets: [preset],
      fileName: 'kunden.csv',
    });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['W-4']);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [2, 'card-number', 6],
      [3, 'card-number', 6],
      [4, 'card-number', 6],
    ]);
    expect(JSON.stringify(run.written.map((r) => r.value))).not.toMatch(/621234567890123|651234567890123/);
  });

  it('16 digits ending in 0 in a column with no whole card are an id, kept as it is', async () => {
    const run = await runImport(lines(['4111111111111110', '5555555555554440']), { preset, presets: [preset], fileName: 'kunden.csv' });
    expect(values<Order>(run, 'order').map((o) => o.customerId)).toEqual(['4111111111111110', '5555555555554440']);
  });
});
