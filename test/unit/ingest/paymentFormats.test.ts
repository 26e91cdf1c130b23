// Payment exports beyond Stripe, read from fixtures with the providers' real headers (sources in
// test/fixtures/imports/README.md): values read, and every row accounted for.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import type { Dispute } from '../../../shared/domain/dispute';
import { parseFormatPreset, type FormatPreset } from '../../../shared/ingest';
import { rowsToFix } from '../../../shared/ingest/rowsToFix';
import { bucketsAddUp, fixture, runImport, utf8, values } from './support';
import { readFileSync } from 'node:fs';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

describe('payment date, time of day and time zone in columns of their own', () => {
  const preset: FormatPreset = {
    id: 'custom:split-date',
    label: 'Split date',
    kind: 'payments',
    markerColumns: ['Txn'],
    mapping: { id: 'Txn', createdAt: 'Date', createdTime: 'Time', timeZone: 'Zone', amount: 'Amount', currency: 'Currency' },
    options: { source: 'split', timeZone: 'UTC' },
  };

  it("joins the date and the time, and reads them in the zone the row names (else the format's)", async () => {
    const text = [
      'Txn,Date,Time,Zone,Amount,Currency',
      'T1,15.09.2025,14:32:15,CEST,25.00,EUR',
      'T2,15.01.2026,09:00:00,Europe/Berlin,25.00,EUR',
      'T3,22.07.2016,12:15:13,UTC,25.00,EUR',
      'T4,04.09.2018,21:15:11,America/Los_Angeles,25.00,EUR',
      'T5,04.09.2018,21:15:11,,25.00,EUR',
      'T6,04.09.2018,,CET,25.00,EUR',
    ].join('\n');
    const run = await runImport(text, { preset });
    expect(run.summary.warnings).toEqual([]);
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.createdAt])).toEqual([
      ['T1', utc(2025, 9, 15, 12, 32, 15)],
      ['T2', utc(2026, 1, 15, 8)],
      ['T3', utc(2016, 7, 22, 12, 15, 13)],
      ['T4', utc(2018, 9, 5, 4, 15, 11)],
      ['T5', utc(2018, 9, 4, 21, 15, 11)],
      ['T6', utc(2018, 9, 3, 22)],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it("zone abbreviations the format names (PayPal's PST and PDT) and no others", async () => {
    const pacific: FormatPreset = { ...preset, options: { ...preset.options, zoneNames: { PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles' } } };
    const text = 'Txn,Date,Time,Zone,Amount,Currency\nT1,22.07.2016,12:15:13,PDT,1.00,EUR\nT2,29.12.2015,07:45:51,pst,1.00,EUR\n';
    expect(values<Payment>(await runImport(text, { preset: pacific }), 'payment').map((p) => p.createdAt)).toEqual([
      utc(2016, 7, 22, 19, 15, 13),
      utc(2015, 12, 29, 15, 45, 51),
    ]);
    const plain = await runImport(text, { preset });
    expect(plain.summary.warnings.map((w) => w.code)).toEqual(['unknown-time-zone']);
    expect(parseFormatPreset({ ...pacific, options: { ...pacific.options, zoneNames: { PST: 'Pacific' } } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('options.zoneNames.PST'),
    });
  });

  it("a zone the import does not know is named once, and the format's zone is used", async () => {
    const run = await runImport('Txn,Date,Time,Zone,Amount,Currency\nT1,15.09.2025,14:32:15,Mars/Olympus,1.00,EUR\n', { preset });
    expect(run.summary.warnings.map((w) => w.code)).toEqual(['unknown-time-zone']);
    expect(values<Payment>(run, 'payment')[0]!.createdAt).toBe(utc(2025, 9, 15, 14, 32, 15));
  });
});

describe('a file that mixes kinds of rows', () => {
  const preset: FormatPreset = {
    id: 'custom:mixed',
    label: 'Mixed',
    kind: 'payments',
    markerColumns: ['Txn'],
    mapping: { id: 'Txn', createdAt: 'Date', amount: 'Gross', currency: 'Currency' },
    options: { source: 'mixed', timeZone: 'UTC', decimalMark: '.' },
    rowKinds: { column: ['Kind', 'Type'], include: ['payment'], exclude: ['refund', 'hold'], positiveAmount: true, noun: 'customer payment' },
  };
  const text = [
    'Txn,Date,Type,Gross,Currency',
    'T1,2026-05-01,Website Payment,20.00,EUR',
    'T2,2026-05-01,General Currency Conversion,20.00,EUR',
    'T3,2026-05-01,Payment Hold,-20.00,EUR',
    'T4,2026-05-01,Website Payment,-9.99,EUR',
    ',2026-05-01,General Withdrawal,-100.00,EUR',
    'T6,2026-05-01,Express Checkout Payment,abc,EUR',
  ].join('\n');

  it('keeps the rows of its kind; every other row is set aside with the column that says why', async () => {
    const run = await runImport(text, { preset });
    expect(values<Payment>(run, 'payment').map((p) => p.id)).toEqual(['T1']);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [3, 'other-row-kind', 'Type'],
      [4, 'other-row-kind', 'Type'],
      [5, 'other-row-kind', 'Gross'],
      [6, 'other-row-kind', 'Type'],
      // Not a question of kind: its amount is unreadable, which the payment reader reports.
      [7, 'invalid-value', 'Gross'],
    ]);
    expect(run.summary.problems[0]!.reason).toBe('column 3 (Type) says this row is not a customer payment; it was not imported as one');
    expect(run.summary.problems[2]!.reason).toBe(
      'column 4 (Gross) is not above zero: money paid out or refunded is not a customer payment; the row was not imported as one',
    );
    expect({ rows: run.summary.rows, created: run.summary.created, quarantined: run.summary.quarantined }).toEqual({ rows: 6, created: 1, quarantined: 5 });
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('rows of another kind are not rows to fix', async () => {
    const run = await runImport(text, { preset });
    const csv = rowsToFix(text, 1, ',', run.summary.problems);
    expect(
      csv
        .trim()
        .split('\r\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['Txn', 'T6']);
  });

  it("is part of a preset's validated data", () => {
    expect(parseFormatPreset(preset).ok).toBe(true);
    const bad = parseFormatPreset({ ...preset, rowKinds: { column: 'Type', include: [], noun: 'payment' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('rowKinds.include') });
  });
});

describe('PayPal downloads', () => {
  interface Case {
    file: string;
    format: string;
    rows: number;
    payments: number;
    otherKind: number;
  }
  const CASES: Case[] = [
    { file: 'paypal-activity-de.csv', format: 'paypal-activity-de', rows: 8, payments: 3, otherKind: 5 },
    { file: 'paypal-activity-en.csv', format: 'paypal-activity-en', rows: 7, payments: 3, otherKind: 4 },
    { file: 'paypal-statement-en.csv', format: 'paypal-activity-en', rows: 4, payments: 2, otherKind: 2 },
  ];
  for (const c of CASES) {
    it(`${c.file}: detected; customer payments stored, every other row set aside as another kind`, async () => {
      const run = await runImport(fixture(c.file), { fileName: c.file });
      expect(run.summary.errors).toEqual([]);
      expect(run.summary.warnings).toEqual([]);
      expect(run.summary.format).toBe(c.format);
      expect(run.summary.rows).toBe(c.rows);
      expect(run.summary.records.payment.created).toBe(c.payments);
      expect(run.summary.problems.map((p) => p.code)).toEqual(Array(c.otherKind).fill('other-row-kind'));
      expect(bucketsAddUp(run.summary)).toBe(true);
      const again = await runImport(fixture(c.file), { fileName: c.file }, run.known);
      expect({ unchanged: again.summary.unchanged, quarantined: again.summary.quarantined }).toEqual({ unchanged: c.payments, quarantined: c.otherKind });
      const bytewise = await runImport(fixture(c.file), { fileName: c.file }, undefined, [1]);
      expect(bytewise.written.map((r) => [r.key, r.hash])).toEqual(run.written.map((r) => [r.key, r.hash]));
    });
  }

  it('a chargeback row (Rückbuchung, Chargeback) is set aside as one, and a warning says no dispute comes of it', async () => {
    const de = readFileSync(new URL('../../fixtures/imports/paypal-activity-de.csv', import.meta.url), 'utf8').replace(/\n$/, '');
    // Ben Keller's payment of 6 May taken back by his bank, on the row of the refund's shape.
    const fields = de.split('\n')[3]!.split('","');
    fields[4] = 'Rückbuchung';
    fields[12] = '9XY90123JK4567891';
    const run = await runImport(utf8(`${de}\n${fields.join('","')}\n`), { fileName: 'paypal-de.csv' });
    expect(run.summary.records.payment.created).toBe(3);
    const chargeback = run.summary.problems.find((p) => p.line === 10)!;
    expect(chargeback).toMatchObject({
      code: 'other-row-kind',
      reason: expect.stringMatching(/says this row is a chargeback, not a customer payment; it was not imported as one, nor as a dispute$/),
    });
    expect(run.summary.warnings).toEqual([
      expect.objectContaining({
        code: 'chargeback-rows',
        line: 10,
        message: expect.stringMatching(/names chargebacks of payments: they were set aside, not listed under Disputes/),
      }),
    ]);
    // The refund beside it is another kind of row, as before.
    expect(run.summary.problems.find((p) => p.line === 4)!.reason).toMatch(/says this row is not a customer payment/);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('German: decimal commas, Zeitzone per row, the order number from Rechnungsnummer or Zollnummer', async () => {
    const run = await runImport(fixture('paypal-activity-de.csv'));
    expect(values<Payment>(run, 'payment')).toEqual([
      expect.objectContaining({
        id: '1AB23456CD7890123',
        provider: 'paypal',
        orderRef: '#1001',
        createdAt: utc(2026, 5, 5, 12, 32, 15),
        amountMinor: 119000,
        currency: 'EUR',
        status: 'succeeded',
        email: 'anna.schmidt@example.com',
      }),
      expect.objectContaining({
        id: '2BC34567DE8901234',
        orderRef: '#1002',
        createdAt: utc(2026, 5, 6, 7, 5, 41),
        amountMinor: 5990,
        status: 'succeeded',
        email: 'ben.keller@example.com',
      }),
      // Storniert: the buyer's payment did not go through.
      expect.objectContaining({ id: '7GH89012IJ3456789', orderRef: '#1005', createdAt: utc(2026, 5, 10, 20, 13, 5), amountMinor: 24900, status: 'failed' }),
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.columnName])).toEqual([
      [4, 'Typ'],
      [5, 'Typ'],
      [6, 'Typ'],
      [7, 'Brutto'],
      [9, 'Typ'],
    ]);
  });

  it('English activity download: US dates month first, PDT, the custom field when the invoice number is empty', async () => {
    const run = await runImport(fixture('paypal-activity-en.csv'));
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.status, p.email])).toEqual([
      ['9AB12345CD6789012', '#1004', utc(2026, 5, 4, 17, 15, 42), 8900, 'succeeded', 'dana.white@example.com'],
      ['8BC23456DE7890123', '#1006', utc(2026, 5, 15, 1, 2, 10), 123450, 'succeeded', 'eli.novak@example.com'],
      ['5EF56789GH0123456', '#1007', utc(2026, 5, 21, 14, 45, 51), 1500, 'failed', 'fay.lind@example.com'],
    ]);
    // Payment Hold, General Withdrawal, a payment the seller made, a bank deposit.
    expect(run.summary.problems.map((p) => [p.line, p.columnName])).toEqual([
      [4, 'Type'],
      [5, 'Type'],
      [7, 'Gross'],
      [8, 'Type'],
    ]);
  });

  it("a US account's download of a month's first days: no date tells, the rows' PDT says month first, and the card says so", async () => {
    // The English fixture cut to its header and its row of 4 May: a weekly download for 1-7 May.
    const [header, first] = readFileSync(new URL('../../fixtures/imports/paypal-activity-en.csv', import.meta.url), 'utf8').split('\n');
    const run = await runImport(utf8(`${header}\n${first}\n`));
    expect(values<Payment>(run, 'payment').map((p) => p.createdAt)).toEqual([utc(2026, 5, 4, 17, 15, 42)]);
    expect(run.summary.dateOrders).toEqual([{ column: 0, name: 'Date', order: 'MDY', by: 'zone', example: { value: 'PDT', line: 2 } }]);
    // A zone outside the United States says nothing: the guess stays a guess, shown as one.
    const cet = await runImport(utf8(`${header}\n${first!.replace('"PDT"', '"CET"')}\n`));
    expect(cet.summary.dateOrders).toEqual([{ column: 0, name: 'Date', order: 'DMY', by: 'default' }]);
  });

  it("a US account's download in the other US zones: each row's abbreviation is its zone, not the format's Berlin", async () => {
    const [header, first] = readFileSync(new URL('../../fixtures/imports/paypal-activity-en.csv', import.meta.url), 'utf8').split('\n');
    // The fixture's row of 4 May 2026 at 10:15:42 PDT, with another date, time and zone each.
    const rows = [
      ['5/4/2026', '23:30:00', 'EDT', 'E1'],
      ['1/15/2026', '10:00:00', 'EST', 'E2'],
      ['1/15/2026', '10:00:00', 'CST', 'C1'],
      ['7/1/2026', '10:00:00', 'CDT', 'C2'],
      ['7/1/2026', '10:00:00', 'MST', 'M1'],
      ['7/1/2026', '10:00:00', 'MDT', 'M2'],
      ['1/15/2026', '10:00:00', 'AKST', 'A1'],
      ['7/1/2026', '10:00:00', 'HST', 'H1'],
    ].map(([date, time, zone, id]) =>
      first!
        .replace('"5/4/2026"', `"${date}"`)
        .replace('"10:15:42"', `"${time}"`)
        .replace('"PDT"', `"${zone}"`)
        .replace('9AB12345CD6789012', `${id}AB12345CD67890`),
    );
    const run = await runImport(utf8(`${header}\n${rows.join('\n')}\n`));
    expect(run.summary.warnings).toEqual([]);
    expect(values<Payment>(run, 'payment').map((p) => [p.id.slice(0, 2), p.createdAt])).toEqual([
      ['E1', utc(2026, 5, 5, 3, 30, 0)],
      ['E2', utc(2026, 1, 15, 15, 0, 0)],
      ['C1', utc(2026, 1, 15, 16, 0, 0)],
      ['C2', utc(2026, 7, 1, 15, 0, 0)],
      // Arizona: MST in July too.
      ['M1', utc(2026, 7, 1, 17, 0, 0)],
      ['M2', utc(2026, 7, 1, 16, 0, 0)],
      ['A1', utc(2026, 1, 15, 19, 0, 0)],
      ['H1', utc(2026, 7, 1, 20, 0, 0)],
    ]);
  });

  it('English statement: Description names the kind, an IANA zone or CET per row, no Status column', async () => {
    const run = await runImport(fixture('paypal-statement-en.csv'));
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.currency, p.status])).toEqual([
      ['2HI89012JK3456789', '#1008', utc(2026, 9, 5, 3, 44, 10), 130980, 'USD', 'succeeded'],
      ['9KL12345MN6789012', '#1009', utc(2026, 9, 27, 16, 16, 12), 92070, 'EUR', 'succeeded'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.columnName])).toEqual([
      [3, 'Description'],
      [4, 'Description'],
    ]);
  });
});

describe('Adyen received payments report', () => {
  it('shopper IP and e-mail, BIN and last 4 from the masked PAN, issuer country, the CVC, AVS and 3-D Secure answers', async () => {
    const run = await runImport(fixture('adyen-received-payments.csv'), { fileName: 'received_payments_report_2026_05_07.csv' });
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.warnings).toEqual([]);
    expect({ format: run.summary.format, rows: run.summary.rows, created: run.summary.created, quarantined: run.summary.quarantined }).toEqual({
      format: 'adyen-received-payments',
      rows: 4,
      created: 4,
      quarantined: 0,
    });
    const [visa, mc, amex, paypal] = values<Payment>(run, 'payment');
    expect(visa).toEqual({
      id: '8836000000001011',
      provider: 'adyen',
      orderRef: '#1001',
      orderSource: 'shopify',
      createdAt: utc(2026, 5, 1, 8, 0, 5),
      amountMinor: 5990,
      currency: 'EUR',
      status: 'succeeded',
      email: 'anna.schmidt@example.com',
      ip: '203.0.113.7',
      cardBin: '411111',
      cardLast4: '1111',
      cardExpiry: '',
      cardFingerprint: '',
      cardBrand: 'visa',
      cardCountry: 'DE',
      cvcCheck: 'pass',
      avsPostcodeCheck: 'pass',
      avsLine1Check: 'pass',
      threeDs: 'authenticated',
    });
    expect(mc).toMatchObject({
      cardBrand: 'mastercard',
      cardBin: '555555',
      cardCountry: 'US',
      cvcCheck: 'fail',
      avsPostcodeCheck: 'fail',
      avsLine1Check: 'fail',
      threeDs: 'attempted',
    });
    // A refused attempt is kept as a failed payment: card testing is made of these.
    expect(amex).toMatchObject({
      status: 'failed',
      cardBrand: 'amex',
      cardBin: '378282',
      cardLast4: '0005',
      cvcCheck: 'unavailable',
      avsPostcodeCheck: 'unavailable',
      threeDs: 'failed',
    });
    expect(paypal).toMatchObject({ cardBrand: 'paypal', cardBin: '', amountMinor: 123450, ip: '203.0.113.88', createdAt: utc(2026, 5, 7, 10) });
    expect(paypal).not.toHaveProperty('cvcCheck');
    expect(bucketsAddUp(run.summary)).toBe(true);
    const again = await runImport(fixture('adyen-received-payments.csv'), {}, run.known);
    expect(again.summary.unchanged).toBe(4);
  });
});

describe('PayPal case report', () => {
  it('finds the column row below the report headers, reads the cases (amounts in minor units), and sets the footer rows aside as such', async () => {
    const run = await runImport(fixture('paypal-case-report.csv'));
    expect(run.summary).toMatchObject({ format: 'paypal-case-report', headerLine: 4, rows: 7, created: 2 });
    expect(bucketsAddUp(run.summary)).toBe(true);
    // SF, SC, RF, RC, FF: counts, not cases; named as another kind of row, never as broken ones.
    expect(run.summary.problems.map((p) => [p.line, p.code])).toEqual([
      [7, 'other-row-kind'],
      [8, 'other-row-kind'],
      [9, 'other-row-kind'],
      [10, 'other-row-kind'],
      [11, 'other-row-kind'],
    ]);
    expect(run.summary.problems[0]!.reason).toBe('column 1 (CH) says this row (SF) is not a case row (SB); it was not imported as one');
    expect(run.summary.warnings).toEqual([]);
    const [chargeback] = values<Dispute>(run, 'dispute');
    expect(values(run, 'dispute')).toHaveLength(1);
    expect(chargeback).toMatchObject({
      id: 'PP-D-11111111',
      provider: 'paypal',
      paymentId: '5TY12345AB1234567',
      orderKey: 'shopify:#1001',
      network: 'visa',
      reasonCode: '10.4',
      amountMinor: 5990,
      currency: 'EUR',
      status: 'new',
      // 2026/05/20 09:15:00 -0700 is 16:15 UTC.
      openedAt: utc(2026, 5, 20, 16, 15),
      dueAt: utc(2026, 5, 30, 16, 15),
    });
    // A buyer's Non-Receipt case in PayPal's Resolution Center is a refund claim, answered to PayPal
    // by the report's response date, not a card chargeback (tests of the routing: claimImports.test.ts).
    expect(values(run, 'claim')).toEqual([expect.objectContaining({ id: 'PP-D-22222222', kind: 'paypal-inr', amountMinor: 8900, status: 'new' })]);
  });

  it('a closed case takes its result from Outcome; the next day’s report moves the cached case to it', async () => {
    const first = await runImport(fixture('paypal-case-report.csv'));
    const text = new TextDecoder()
      .decode(fixture('paypal-case-report.csv'))
      .replace('"Open",2026/05/30', '"Closed",2026/05/30')
      .replace(',"10.4",""', ',"10.4","RESOLVED_SELLER_FAVOUR"')
      .replace('"Waiting for your response"', '"Closed"')
      .replace(',"Package never arrived","","",""', ',"Package never arrived","","","Resolved buyer favour"');
    const later = await runImport(text, {}, first.known);
    expect(later.summary.warnings).toEqual([]);
    expect(later.summary.updated).toBe(2);
    expect(values<Dispute>(later, 'dispute').map((d) => [d.id, d.status])).toEqual([['PP-D-11111111', 'won']]);
    expect(values(later, 'claim')).toEqual([expect.objectContaining({ id: 'PP-D-22222222', status: 'lost' })]);
    // Closed with no outcome, or one that does not say whose favour: the status stays, and a warning says so.
    const unsaid = text.replace('"RESOLVED_SELLER_FAVOUR"', '"RESOLVED_WITH_PAYOUT"');
    const run = await runImport(unsaid, {}, (await runImport(fixture('paypal-case-report.csv'))).known);
    expect(run.summary.warnings.map((w) => w.code)).toContain('unknown-dispute-status');
    expect(values<Dispute>(run, 'dispute')).toEqual([]);
  });

  it('an amount with a decimal mark is not minor units: the row is set aside, saying how this format writes money', async () => {
    const text = new TextDecoder().decode(fixture('paypal-case-report.csv')).replace(',5990,', ',59.90,');
    const run = await runImport(text);
    expect(run.summary.created).toBe(1);
    expect(run.summary.problems.find((p) => p.code === 'invalid-value')?.reason).toMatch(
      /Disputed amount.*is not a whole number of minor units \(this format writes 5000 for 50\.00\)/,
    );
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});

describe('a payment below zero', () => {
  it('is stored as written and said, as an order total below zero is', async () => {
    const header = 'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status';
    const run = await runImport(`${header}\nch_1,x,2026-05-01 10:00:00,(12.50),0.00,eur,Paid\nch_2,y,2026-05-01 11:00:00,8.00,0.00,eur,Paid\n`);
    expect(run.summary).toMatchObject({ rows: 2, created: 2, quarantined: 0 });
    expect(values<Payment>(run, 'payment').map((p) => p.amountMinor)).toEqual([-1250, 800]);
    expect(run.summary.warnings.map((w) => [w.code, w.line])).toEqual([['negative-amount', 2]]);
  });
});
