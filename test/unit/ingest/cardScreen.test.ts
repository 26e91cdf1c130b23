// Card numbers in every cell, whatever its column is mapped to: in an id or link key the row is set
// aside (ids are never rewritten), in free text the number is reduced to BIN + last 4 with a warning,
// and the ids exports are full of (Shopify, Amazon, IMEIs) raise no alarm.
import { describe, expect, it } from 'vitest';
import { parseFormatPreset, suggestMapping, type FormatPreset } from '../../../shared/ingest';
import { LUHN_VALID_IDS, TEST_CARDS } from '../domain/cardFixtures';
import { bucketsAddUp, fixture, runImport, utf8, values } from './support';
import { luhnValid as LUHN } from '../../../shared/domain/luhn';

const HEADERS = ['Order Number', 'Order Date', 'Total', 'Currency', 'Customer ID', 'Email', 'Phone', 'Device ID', 'Shipping Name', 'Street', 'City', 'Notes'];
const ID_COLUMNS = ['Order Number', 'Customer ID', 'Email', 'Phone', 'Device ID'] as const;
const TEXT_COLUMNS = ['Shipping Name', 'Street', 'City'] as const;

function webshopPreset(): FormatPreset {
  const { mapping } = suggestMapping(HEADERS, 'orders');
  const parsed = parseFormatPreset({
    id: 'custom:webshop',
    label: 'Webshop export',
    kind: 'orders',
    markerColumns: ['Order Number', 'Order Date'],
    mapping,
    options: { source: 'webshop', marketplace: 'shop', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR' },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.preset;
}

type Row = Partial<Record<(typeof HEADERS)[number], string>>;

/** A webshop export: one order per row, W-1, W-2…, with `rows[i]`'s cells over plain defaults. */
function webshopCsv(rows: readonly Row[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = rows.map((r, i) => {
    const base: Row = {
      'Order Number': `W-${i + 1}`,
      'Order Date': '2026-05-01 10:00',
      Total: '10.00',
      Currency: 'EUR',
      'Customer ID': `C-${i + 1}`,
      Email: `w${i + 1}@example.com`,
      'Shipping Name': 'Eva Lang',
      Street: 'Ringstraße 1',
      City: 'Berlin',
    };
    const cells: Row = { ...base, ...r };
    return HEADERS.map((h) => quote(cells[h] ?? '')).join(',');
  });
  return [HEADERS.join(','), ...lines].join('\n') + '\n';
}

const preset = webshopPreset();
const importWebshop = (rows: readonly Row[]) => runImport(utf8(webshopCsv(rows)), { preset, presets: [preset] });

describe('card numbers in ids and link keys', () => {
  it('phone numbers written without their + (13 digits, Luhn-valid, starting 49) import as phones', async () => {
    // German mobile numbers in E.164 without the plus: 49 + 11 digits. These happen to pass Luhn and start like Visa.
    const phones = ['4915112345678', '4917612345679', '4916098765434'];
    for (const p of phones) expect(LUHN(p), p).toBe(true);
    const run = await importWebshop(phones.map((Phone) => ({ Phone })));
    expect(run.summary).toMatchObject({ rows: 3, created: 3, quarantined: 0 });
    // Written like a card (4-4-4-1 is no card layout, 4-6-5 is), or longer than any phone, it is a card.
    const grouped = await importWebshop([{ Phone: '3782 822463 10005' }, { Phone: '4111111111111111' }]);
    expect(grouped.summary).toMatchObject({ rows: 2, created: 0, quarantined: 2 });
    // An Amex or a 13-digit Visa with no + is no phone: no country writes its numbers so.
    const plain = await importWebshop([{ Phone: '378282246310005' }, { Phone: '4222222222222' }]);
    expect(plain.summary).toMatchObject({ rows: 2, created: 0, quarantined: 2 });
  });

  it('a card in free text, however its groups are parted, is reduced to BIN and last 4', async () => {
    const written = [
      '4111\u00a01111\u00a01111\u00a01111',
      '4111.1111.1111.1111',
      '4111  1111  1111  1111',
      '4111 - 1111 - 1111 - 1111',
      '4111\u20131111\u20131111\u20131111',
    ];
    const run = await importWebshop(written.map((card, i) => ({ [TEXT_COLUMNS[i % 3]!]: `Karte${card}` })));
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.created).toBe(written.length);
    const stored = JSON.stringify(values(run, 'order'));
    expect(stored).not.toMatch(/1111.?1111.?1111/);
    expect(stored.match(/41111111\*{6}1111/g)).toHaveLength(written.length);
  });

  it('two orders with 4111111111111111 in Customer ID are set aside, naming the column; the rest import', async () => {
    const run = await importWebshop([{ 'Customer ID': '4111111111111111' }, {}, { 'Customer ID': '4111111111111111' }]);
    expect(run.summary).toMatchObject({ rows: 3, created: 1, quarantined: 2 });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.problems).toEqual(
      [2, 4].map((line) => ({
        file: 'test.csv',
        line,
        code: 'card-number',
        column: 5,
        columnName: 'Customer ID',
        reason:
          'column 5 (Customer ID) holds a card number; ids and link keys are never rewritten, so the row was set aside (remove the card number there and import the row again)',
      })),
    );
    expect(values<{ externalId: string; customerId: string }>(run, 'order').map((o) => [o.externalId, o.customerId])).toEqual([['W-2', 'C-2']]);
    expect(JSON.stringify(run.summary)).not.toContain('4111');
  });

  // A phone has at most 15 digits: a plain 13-15 digit run in Phone is a phone without its + (next test).
  const phoneLike = (column: string, card: string) => column === 'Phone' && /^\d{13,15}$/.test(card);
  it.each(
    ID_COLUMNS.flatMap((column) =>
      TEST_CARDS.flatMap(({ network, plain, printed }) =>
        [plain, printed].filter((card) => !phoneLike(column, card)).map((card) => ({ column, network, card })),
      ),
    ),
  )('a $network card $card in $column sets its row aside', async ({ column, card }) => {
    const run = await importWebshop([{ [column]: card }, {}]);
    expect(run.summary).toMatchObject({ rows: 2, created: 1, quarantined: 1 });
    const [p] = run.summary.problems;
    expect(p).toMatchObject({ line: 2, code: 'card-number', columnName: column });
    expect(p!.reason).toContain(`(${column}) holds a card number`);
    expect(JSON.stringify(run)).not.toContain(card);
  });

  it('a card number inside an id with other text still sets the row aside: ids are never rewritten', async () => {
    const run = await importWebshop([{ 'Device ID': 'dev 4111 1111 1111 1111' }, { 'Order Number': '#5555555555554444' }]);
    expect(run.summary.problems.map((p) => [p.line, p.columnName])).toEqual([
      [2, 'Device ID'],
      [3, 'Order Number'],
    ]);
  });

  it.each(ID_COLUMNS.flatMap((column) => LUHN_VALID_IDS.map(([what, id]) => ({ column, what, id }))))(
    '$what $id in $column imports as written, without a warning',
    async ({ column, id }) => {
      const run = await importWebshop([{ [column]: id }]);
      expect(run.summary).toMatchObject({ rows: 1, created: 1, quarantined: 0 });
      expect(run.summary.warnings).toEqual([]);
      expect(JSON.stringify(run.written)).toContain(JSON.stringify(id));
    },
  );

  it('a card number in a later line-item row sets the whole order aside, and the rows still add up', async () => {
    const text =
      [
        'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Lineitem price,Phone',
        '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,40.00,+49 30 1234567',
        '#1001,a@example.com,,,,,Socks,10.00,4111111111111111',
        '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,5.00,Socks,5.00,',
      ].join('\n') + '\n';
    const run = await runImport(utf8(text));
    expect(run.summary).toMatchObject({ rows: 3, created: 1, quarantined: 2 });
    expect(run.summary.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'group-member'],
      [3, 'card-number'],
    ]);
  });

  it('payments and disputes: a card number in the payment id, order reference or dispute reference sets the record aside', async () => {
    const stripe = new TextDecoder()
      .decode(fixture('stripe-payments.csv'))
      .replace('ch_3PaidAAA1', '4111111111111111')
      .replace('Shopify order #1004', '5555 5555 5555 4444');
    const payments = await runImport(utf8(stripe));
    expect(payments.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [2, 'card-number', 'id'],
      [3, 'card-number', 'Description'],
    ]);
    expect(bucketsAddUp(payments.summary)).toBe(true);

    const adyen = new TextDecoder().decode(fixture('adyen-dispute-report.csv')).replace(',#1002,', ',4111111111111111,');
    const disputes = await runImport(utf8(adyen));
    const aside = disputes.summary.problems.filter((p) => p.code === 'card-number');
    expect(aside.map((p) => p.columnName)).toEqual(['Merchant Reference']);
    expect(bucketsAddUp(disputes.summary)).toBe(true);
    expect(JSON.stringify(disputes)).not.toContain('4111111111111111');
  });
});

describe('card numbers in free text', () => {
  it.each(TEXT_COLUMNS.flatMap((column) => TEST_CARDS.map(({ network, plain, printed }) => ({ column, network, plain, printed }))))(
    'a $network card in $column is reduced to BIN + last 4 with a warning naming the column',
    async ({ column, plain, printed }) => {
      const run = await importWebshop([{ [column]: `card ${printed} on file` }, { [column]: plain }, {}]);
      expect(run.summary).toMatchObject({ rows: 3, created: 3, quarantined: 0 });
      const bin = plain.slice(0, plain.length >= 16 ? 8 : 6);
      const reduced = `${bin}******${plain.slice(-4)}`;
      const field = { 'Shipping Name': 'shipName', Street: 'shipStreet', City: 'shipCity' }[column];
      expect(values<Record<string, string>>(run, 'order').map((o) => o[field])).toEqual([`card ${reduced} on file`, reduced, expect.not.stringContaining(bin)]);
      const at = HEADERS.indexOf(column) + 1;
      expect(run.summary.warnings).toEqual([
        {
          level: 'warning',
          code: 'masked-card-number',
          message: `column ${at} (${column}) held card numbers in 2 cells of text; they were reduced to BIN and last 4`,
          line: 2,
          column: at,
        },
      ]);
      expect(JSON.stringify(run)).not.toContain(plain);
    },
  );

  it('addresses, Amazon order numbers, IMEIs and phone numbers in free text stay as written', async () => {
    const street = 'Packstation 123, Postnummer 303-1234567-1234564';
    const run = await importWebshop([{ Street: street, 'Shipping Name': 'IMEI 356938035643809' }, { City: '+4915112345678' }]);
    expect(run.summary.warnings).toEqual([]);
    expect(values<{ shipStreet: string; shipName: string; shipCity: string }>(run, 'order').map((o) => [o.shipStreet, o.shipName, o.shipCity])).toEqual([
      [street, 'IMEI 356938035643809', 'Berlin'],
      ['Ringstraße 1', 'Eva Lang', '+4915112345678'],
    ]);
  });
});
