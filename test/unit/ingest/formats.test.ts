// Each supported export, read from a small fixture with the platform's real header: detected
// format, layout, row buckets and the records it yields.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { channelLabel, type Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { MemoryKnownRecords, type ParsedRecord } from '../../../shared/ingest';
import { bucketsAddUp, fixture, runImport, utf8, values } from './support';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

interface FixtureCase {
  file: string;
  format: string;
  encoding: string;
  delimiter: string;
  headerLine: number;
  rows: number;
  records: Partial<Record<ParsedRecord['kind'], number>>;
}

const TABLE: FixtureCase[] = [
  { file: 'shopify-orders.csv', format: 'shopify-orders', encoding: 'utf-8', delimiter: ',', headerLine: 1, rows: 6, records: { order: 3 } },
  { file: 'amazon-all-orders.txt', format: 'amazon-all-orders', encoding: 'utf-8', delimiter: '\t', headerLine: 1, rows: 3, records: { order: 2 } },
  { file: 'amazon-unshipped.txt', format: 'amazon-unshipped', encoding: 'utf-8', delimiter: '\t', headerLine: 1, rows: 1, records: { order: 1 } },
  { file: 'zalando-orders-de.csv', format: 'zalando-orders', encoding: 'windows-1252', delimiter: ';', headerLine: 3, rows: 3, records: { order: 2 } },
  { file: 'stripe-payments.csv', format: 'stripe-payments', encoding: 'utf-8', delimiter: ',', headerLine: 1, rows: 4, records: { payment: 4, dispute: 1 } },
  { file: 'adyen-dispute-report.csv', format: 'adyen-disputes', encoding: 'utf-8', delimiter: ',', headerLine: 1, rows: 5, records: { dispute: 2 } },
  { file: 'disputes-unicode.txt', format: 'generic-disputes', encoding: 'utf-16le', delimiter: '\t', headerLine: 1, rows: 2, records: { dispute: 2 } },
];

describe('fixture exports', () => {
  for (const c of TABLE) {
    it(`${c.file}: detected, laid out and counted`, async () => {
      const { summary } = await runImport(fixture(c.file), { fileName: c.file });
      expect(summary.errors).toEqual([]);
      expect(summary.warnings).toEqual([]);
      expect({ format: summary.format, encoding: summary.encoding, delimiter: summary.delimiter, headerLine: summary.headerLine }).toEqual({
        format: c.format,
        encoding: c.encoding,
        delimiter: c.delimiter,
        headerLine: c.headerLine,
      });
      expect(summary.rows).toBe(c.rows);
      expect(summary.created).toBe(c.rows);
      expect(summary.quarantined).toBe(0);
      for (const kind of ['order', 'payment', 'dispute'] as const) expect(summary.records[kind].created).toBe(c.records[kind] ?? 0);
    });

    it(`${c.file}: the same answer in 1-byte and odd-sized chunks, and all unchanged on re-import`, async () => {
      const whole = await runImport(fixture(c.file));
      for (const sizes of [[1], [3, 5, 7, 11]]) {
        const run = await runImport(fixture(c.file), {}, undefined, sizes);
        expect(run.written.map((r) => [r.key, r.hash, r.line, r.lines])).toEqual(whole.written.map((r) => [r.key, r.hash, r.line, r.lines]));
      }
      const again = await runImport(fixture(c.file), {}, whole.known);
      expect({ created: again.summary.created, updated: again.summary.updated, unchanged: again.summary.unchanged }).toEqual({
        created: 0,
        updated: 0,
        unchanged: c.rows,
      });
      expect(again.written).toEqual([]);
    });
  }
});

describe('Shopify orders export', () => {
  it('groups line-item rows into orders, across a quoted multi-line Note Attributes', async () => {
    const run = await runImport(fixture('shopify-orders.csv'));
    const orders = run.written.filter((r) => r.kind === 'order');
    expect(orders.map((r) => [r.key, r.line, r.lines, r.rows])).toEqual([
      ['shopify:#1001', 2, [2, 4], 2],
      ['shopify:#1002', 5, null, 1],
      ['shopify:#1003', 6, [6, 7, 8], 3],
    ]);
    const [o1, o2, o3] = values<Order>(run, 'order');
    expect(o1).toMatchObject({
      externalId: '#1001',
      source: 'shopify',
      marketplace: 'shop',
      status: 'fulfilled',
      createdAt: utc(2026, 5, 1, 8),
      totalMinor: 5990,
      currency: 'EUR',
      email: 'anna.schmidt@example.de',
      phone: '+49 30 1234567',
      shipName: 'Anna Schmidt',
      shipStreet: 'Hauptstraße 5, Hinterhaus',
      shipPostcode: '10115',
      shipCity: 'Berlin',
      shipCountry: 'DE',
      billCountry: 'DE',
      paymentMethod: 'Shopify Payments',
      deviceId: '',
    });
    expect(o2).toMatchObject({ externalId: '#1002', status: 'cancelled', totalMinor: 12000, shipCountry: 'AT' });
    expect(o3).toMatchObject({ externalId: '#1003', status: 'refunded', totalMinor: 123450, shipCountry: 'IT' });
    // Shopify's own Risk Level, lower-cased; the scoring matrix reads it.
    expect([o1, o2, o3].map((o) => o!.riskLevel)).toEqual(['low', 'high', 'medium']);
  });

  it('a line-item row away from its order is set aside, not turned into a half order', async () => {
    const text = new TextDecoder().decode(fixture('shopify-orders.csv'));
    const lines = text.split('\n');
    const orphan = lines[3]!; // #1001's second line item (line 4)
    const moved = [...lines.slice(0, 3), ...lines.slice(4, -1), orphan, ''].join('\n');
    const { summary } = await runImport(moved);
    expect(summary.created).toBe(5);
    expect(summary.problems).toEqual([expect.objectContaining({ line: 8, code: 'orphan-row', column: 16, columnName: 'Created at' })]);
    expect(bucketsAddUp(summary)).toBe(true);
  });

  it('a bad row in an order sets the whole order aside, each row accounted for', async () => {
    const text = new TextDecoder().decode(fixture('shopify-orders.csv')).replace('197.10,"1,234.50"', '197.10,"12x4.50"');
    const { summary } = await runImport(text);
    expect(summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [6, 'invalid-value', 'Total'],
      [7, 'group-member', undefined],
      [8, 'group-member', undefined],
    ]);
    expect(summary.created).toBe(3);
    expect(bucketsAddUp(summary)).toBe(true);
  });
});

describe('Amazon reports', () => {
  it('All Orders: items summed into the order total, discounts subtracted', async () => {
    const [a, b] = values<Order>(await runImport(fixture('amazon-all-orders.txt')), 'order');
    expect(a).toMatchObject({
      externalId: '302-1234567-1234567',
      source: 'amazon.de',
      marketplace: 'amazon',
      status: 'fulfilled',
      totalMinor: 2598 + 999 + 350 - 200,
      createdAt: utc(2026, 5, 3, 8),
      shipCity: 'München',
      shipPostcode: '80331',
      email: '',
      channel: 'Amazon.de',
    });
    expect(b).toMatchObject({ externalId: '305-7654321-7654321', status: 'open', totalMinor: 2480 });
  });

  it('two All Orders reports that overlap, joined: a repeated item of an order is set aside and counted once', async () => {
    const [header, first, second, ...rest] = new TextDecoder().decode(fixture('amazon-all-orders.txt')).split('\n');
    // The first order's two items, each again right after it (the second time a day later updated), then the rest.
    const updated = second!.replace('2026-05-04T10:00:00+00:00', '2026-05-05T10:00:00+00:00');
    const run = await runImport([header, first, first, second, updated, ...rest].join('\n'));
    expect(bucketsAddUp(run.summary)).toBe(true);
    const [a] = values<Order>(run, 'order');
    expect(a!.totalMinor).toBe(2598 + 999 + 350 - 200);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [3, 'duplicate-key', 'sku'],
      [5, 'duplicate-key', 'sku'],
    ]);
    expect(run.summary.problems[0]!.reason).toBe(
      'the same column 12 (sku) and column 13 (asin) as line 2, in the same order, with the same values: an order lists each item once, so this row was set aside and the item counted once (were two reports that overlap joined?)',
    );
    // An older report's copy still Pending without a price, then the newer one's Shipped row: which
    // is current the file does not say, so both count, as they always did, and a warning says so.
    const pending = first!.replace('\tShipped\tAmazon\t', '\tPending\tAmazon\t').replace('\t25.98\t4.15\t', '\t\t\t').replace('\t-2.00\t', '\t\t');
    const older = await runImport([header, pending, first, second, ...rest].join('\n'));
    expect(older.summary.quarantined).toBe(0);
    expect(values<Order>(older, 'order')[0]!.totalMinor).toBe(2598 + 999 + 350 - 200);
    expect(older.summary.warnings.map((w) => [w.code, w.line])).toEqual([['repeated-item', 3]]);
    // Two items of one price are two items: only the item id tells.
    const twin = second!.replace('KA-1', 'KA-2').replace('B0TEST0002', 'B0TEST0009');
    const [b] = values<Order>(await runImport([header, first, second, twin, ...rest].join('\n')), 'order');
    expect(b!.totalMinor).toBe(2598 + 999 + 350 + 999 + 350 - 200);
  });

  it('the sales channel is the order’s channel: an Amazon.co.uk order says so, in the tables too', async () => {
    const text = new TextDecoder().decode(fixture('amazon-all-orders.txt')).replaceAll('\tAmazon.de\t', '\tAmazon.co.uk\t');
    const [a] = values<Order>(await runImport(text), 'order');
    expect(a!.channel).toBe('Amazon.co.uk');
    expect(channelLabel(a!)).toBe('Amazon.co.uk');
    expect(channelLabel({ marketplace: 'amazon' })).toBe('Amazon');
  });

  it('the unshipped report adds the address to an order the All Orders report created, and both re-import unchanged', async () => {
    const known = new MemoryKnownRecords();
    await runImport(fixture('amazon-all-orders.txt'), {}, known);
    const unshipped = await runImport(fixture('amazon-unshipped.txt'), {}, known);
    expect(unshipped.summary.updated).toBe(1);
    const rec = unshipped.written[0]!;
    expect(rec.provided).toEqual(expect.arrayContaining(['shipName', 'shipStreet', 'email']));
    expect(rec.provided).not.toContain('status');
    expect(rec.value).toMatchObject({
      email: 'abc123xyz@marketplace.amazon.de',
      shipName: 'Jonas Weber',
      shipStreet: 'Domstraße 2, 3. OG',
      phone: '+49 221 555123',
    });
    for (const file of ['amazon-all-orders.txt', 'amazon-unshipped.txt']) {
      const again = await runImport(fixture(file), {}, known);
      expect(again.summary.unchanged).toBe(again.summary.rows);
    }
    // Its item twice (two downloads joined): the second row is set aside, the order as before.
    const [header, row] = new TextDecoder().decode(fixture('amazon-unshipped.txt')).split('\n');
    const twice = await runImport([header, row, row].join('\n'), {}, known);
    expect(twice.summary).toMatchObject({ rows: 2, unchanged: 1, quarantined: 1 });
    expect(twice.summary.problems.map((p) => [p.line, p.columnName])).toEqual([[3, 'order-item-id']]);
  });
});

describe('Zalando orders (Windows-1252, semicolons, title line)', () => {
  it('reads umlauts, decimal commas and German dates', async () => {
    const run = await runImport(fixture('zalando-orders-de.csv'));
    const [a, b] = values<Order>(run, 'order');
    expect(run.written.map((r) => r.lines ?? [r.line])).toEqual([[4, 5], [6]]);
    expect(a).toMatchObject({
      externalId: '10105550001',
      source: 'zalando',
      marketplace: 'zalando',
      shipName: 'Jürgen Müller',
      shipStreet: 'Königstraße 12',
      shipCity: 'München',
      totalMinor: 123456,
      createdAt: utc(2026, 5, 1, 8),
      phone: '0171 2345678',
      customerId: 'Z-4711',
      status: 'fulfilled',
    });
    expect(b).toMatchObject({
      shipName: 'Sabine König',
      shipStreet: 'Währinger Straße 3',
      shipCountry: 'AT',
      totalMinor: 7995,
      createdAt: utc(2026, 5, 2, 21, 15),
      status: 'paid',
    });
  });
});

describe('Stripe payments export', () => {
  it('card summary, metadata order reference and IP; dispute columns become a Dispute', async () => {
    const run = await runImport(fixture('stripe-payments.csv'));
    const payments = values<Payment>(run, 'payment');
    expect(payments[0]).toEqual({
      id: 'ch_3PaidAAA1',
      provider: 'stripe',
      orderRef: '#1001',
      orderSource: 'shopify',
      createdAt: utc(2026, 5, 1, 8, 0, 5),
      amountMinor: 5990,
      currency: 'EUR',
      status: 'succeeded',
      email: 'anna.schmidt@example.de',
      ip: '203.0.113.7',
      cardBin: '',
      cardLast4: '4242',
      cardExpiry: '04/28',
      cardFingerprint: 'Fp1aBcD2eF',
      cardBrand: 'visa',
      cardCountry: 'DE',
      // Card CVC Status and Card AVS Zip Status say pass; AVS Line1 is empty, so it is not set.
      cvcCheck: 'pass',
      avsPostcodeCheck: 'pass',
    });
    expect(payments[1]).toMatchObject({ cvcCheck: 'unavailable' });
    expect(payments[1]).not.toHaveProperty('avsPostcodeCheck');
    expect(payments.map((p) => [p.id, p.status, p.cardBrand, p.orderRef])).toEqual([
      ['ch_3PaidAAA1', 'succeeded', 'visa', '#1001'],
      ['ch_3DispBBB2', 'succeeded', 'mastercard', '#1004'],
      ['ch_3RefdCCC3', 'refunded', 'amex', '#1003'],
      ['ch_3FailDDD4', 'failed', 'visa', '#1005'],
    ]);
    expect(values<Dispute>(run, 'dispute')).toEqual([
      {
        id: 'ch_3DispBBB2/dispute',
        provider: 'stripe',
        paymentId: 'ch_3DispBBB2',
        orderKey: 'shopify:#1004',
        network: 'mastercard',
        reasonCode: 'fraudulent',
        amountMinor: 8900,
        currency: 'EUR',
        openedAt: utc(2026, 5, 20, 14),
        dueAt: utc(2026, 6, 3, 23, 59, 59),
        status: 'new',
      },
    ]);
  });

  it('the order reference column is configurable, and a description yields the order number in it', async () => {
    const run = await runImport(fixture('stripe-payments.csv'), { orderRefColumn: 'Description' });
    // The descriptions read "Shopify order #1001", "Order #1003", ...
    expect(values<Payment>(run, 'payment').map((p) => p.orderRef)).toEqual(['#1001', '#1004', '#1003', '#1005']);
  });

  it('a description without a # gives the number after "order", never the last word', async () => {
    const csv = [
      'id,Description,Created date (UTC),Amount,Currency,Status',
      'ch_1,Order 1001 - 2 items,2026-05-01 08:00:05,59.90,eur,Paid',
      'ch_2,Payment for order 1002 qty 3,2026-05-01 08:00:05,59.90,eur,Paid',
      'ch_3,Payment for 3 items,2026-05-01 08:00:05,59.90,eur,Paid',
    ].join('\n');
    const run = await runImport(csv);
    expect(values<Payment>(run, 'payment').map((p) => p.orderRef)).toEqual(['1001', '1002', '']);
  });

  it('a changed dispute state on an unchanged payment row counts the row as updated', async () => {
    const known = new MemoryKnownRecords();
    await runImport(fixture('stripe-payments.csv'), {}, known);
    const text = new TextDecoder().decode(fixture('stripe-payments.csv')).replace('needs_response', 'lost');
    const again = await runImport(text, {}, known);
    expect({ updated: again.summary.updated, unchanged: again.summary.unchanged }).toEqual({ updated: 1, unchanged: 3 });
    expect(again.summary.records.dispute.updated).toBe(1);
    expect(again.summary.records.payment.unchanged).toBe(4);
  });
});

describe('dispute reports', () => {
  it('Adyen: event rows of a dispute merge wherever they are; the latest event sets the status', async () => {
    const run = await runImport(fixture('adyen-dispute-report.csv'));
    expect(run.written.map((r) => [r.key, r.lines])).toEqual([
      ['8836000000009902', [2, 4, 6]],
      ['8836000000009901', [3, 5]],
    ]);
    const [b, a] = values<Dispute>(run, 'dispute');
    expect(b).toEqual({
      id: '8836000000009902',
      provider: 'adyen',
      paymentId: '8836000000000202',
      orderKey: 'shopify:#1002',
      network: 'mastercard',
      reasonCode: '4837',
      amountMinor: 12000,
      currency: 'EUR',
      openedAt: utc(2026, 5, 8, 8),
      // A request for information on 8 May, a chargeback from 12 May: counted as raised then.
      chargebackAt: utc(2026, 5, 12, 7, 30),
      dueAt: utc(2026, 6, 1, 7, 30),
      status: 'won',
      // Won by the reversal recorded on 20 May: only a later event reopens it.
      statusAt: utc(2026, 5, 20, 14, 45),
    });
    expect(a).toMatchObject({
      network: 'visa',
      reasonCode: '10.4',
      status: 'new',
      openedAt: utc(2026, 5, 10, 12, 3),
      dueAt: utc(2026, 5, 31, 21, 59),
      amountMinor: 8900,
    });
  });

  it('generic CSV in UTF-16LE: network from the reason code when no brand is given', async () => {
    const [d1, d2] = values<Dispute>(await runImport(fixture('disputes-unicode.txt')), 'dispute');
    expect(d1).toEqual({
      id: 'DP-2026-001',
      provider: 'psp',
      paymentId: 'PSP-77001',
      orderKey: 'shopify:#1003',
      network: 'visa',
      reasonCode: '13.1',
      amountMinor: 123450,
      currency: 'EUR',
      openedAt: utc(2026, 5, 19, 22),
      // Due Date 2026-06-09 (a date only): due by the end of 9 June in Berlin.
      dueAt: utc(2026, 6, 9, 21, 59, 59),
      status: 'new',
    });
    expect(d2).toMatchObject({ network: 'mastercard', reasonCode: '4853', status: 'won' });
  });

  it('a dispute whose network cannot be told is set aside', async () => {
    const text = 'PSP Reference,Order Reference,Reason Code,Amount,Currency,Opened Date,Due Date,Status\nP1,#1,XYZ-9,10.00,EUR,2026-05-01,2026-05-20,open\n';
    const { summary } = await runImport(utf8(text));
    expect(summary.problems).toEqual([expect.objectContaining({ line: 2, code: 'invalid-value' })]);
    expect(summary.problems[0]!.reason).toContain('card network is unknown');
  });
});
