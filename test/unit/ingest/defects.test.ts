// Bad input gets a clear message with the exact line and column, never a hang or a silent drop,
// and the answer does not depend on how the bytes were chunked.
import { describe, expect, it } from 'vitest';
import { CsvRecordStream, type FormatPreset, type RowProblem } from '../../../shared/ingest';
import { FileMessages } from '../../../shared/ingest/problems';
import { SHOPIFY_ORDERS } from '../../../shared/ingest/formats/shopify';
import type { Order } from '../../../shared/domain/order';
import { bucketsAddUp, fixture, runImport } from './support';

const SIMPLE: FormatPreset = {
  id: 'test-orders',
  label: 'Test orders',
  kind: 'orders',
  markerColumns: ['Order', 'Date', 'Total'],
  mapping: { externalId: 'Order', createdAt: 'Date', total: 'Total', currency: 'Currency', email: 'Email' },
  options: { source: 'test', marketplace: 'shop', grouping: 'none', defaultCurrency: 'EUR', decimalMark: '.' },
};

const H = 'Order,Date,Total,Email\n';
const ok = (id: string) => `${id},2026-05-01 10:00,10.00,${id.toLowerCase()}@example.com\n`;

type Where = Pick<RowProblem, 'line' | 'code'> & { column?: number };
const where = (p: RowProblem): Where => (p.column === undefined ? { line: p.line, code: p.code } : { line: p.line, column: p.column, code: p.code });

interface Case {
  name: string;
  text: string;
  rows: number;
  created: number;
  problems: Where[];
}

const CASES: Case[] = [
  {
    name: 'ragged row with too many fields',
    text: H + ok('A1') + 'A2,2026-05-01,10.00,a2@example.com,surplus\n' + ok('A3'),
    rows: 3,
    created: 2,
    problems: [{ line: 3, column: 5, code: 'ragged' }],
  },
  {
    name: 'trailing empty fields are not ragged',
    text: H + 'A1,2026-05-01,10.00,a@example.com,,\n',
    rows: 1,
    created: 1,
    problems: [],
  },
  {
    name: 'ragged row with too few fields names the first missing column',
    text: H + ok('A1') + ok('A2') + 'A3,2026-05-01\n',
    rows: 3,
    created: 2,
    problems: [{ line: 4, column: 3, code: 'ragged' }],
  },
  {
    name: 'unterminated quote mid-file: only its line is set aside, reading resumes on the next',
    text: H + ok('A1') + 'A2,2026-05-01,"10.00,b@example.com\n' + ok('A3') + 'A4,2026-05-01,12.00,"d@example.com"\n',
    rows: 4,
    created: 3,
    problems: [{ line: 3, column: 3, code: 'quote' }],
  },
  {
    name: 'unterminated quote on the last line',
    text: H + ok('A1') + 'A2,2026-05-01,10.00,"b@example.com\n',
    rows: 2,
    created: 1,
    problems: [{ line: 3, column: 4, code: 'quote' }],
  },
  {
    name: 'malformed quotes on one line',
    text: H + 'A1,2026-05-01,10.00,"a"b@example.com"\n' + ok('A2'),
    rows: 2,
    created: 1,
    problems: [{ line: 2, column: 4, code: 'quote' }],
  },
  {
    name: 'quoted newlines: a record spans lines and later lines keep their physical numbers',
    text: H + 'A1,2026-05-01,10.00,"multi\nline\nnote"\n' + ok('A2') + 'A3,2026-05-01\n',
    rows: 3,
    created: 2,
    problems: [{ line: 6, column: 3, code: 'ragged' }],
  },
  {
    name: 'mixed line endings (CRLF, LF, lone CR) count as lines',
    text: H.replace('\n', '\r\n') + ok('A1').replace('\n', '\r\n') + ok('A2') + ok('A3').replace('\n', '\r') + 'A4,2026-05-01\r\n',
    rows: 4,
    created: 3,
    problems: [{ line: 5, column: 3, code: 'ragged' }],
  },
  {
    name: 'a field over 64 KiB sets its row aside',
    text: H + ok('A1') + `A2,2026-05-01,10.00,${'x'.repeat(70_000)}\n` + ok('A3'),
    rows: 3,
    created: 2,
    problems: [{ line: 3, column: 4, code: 'field-too-long' }],
  },
  {
    name: 'control characters (binary junk) set the row aside',
    text: H + ok('A1') + 'A2,2026-05-01,10.00,b\u0000\u0007@example.com\n' + ok('A3'),
    rows: 3,
    created: 2,
    problems: [{ line: 3, column: 4, code: 'control-chars' }],
  },
  {
    name: 'an empty required value names its column',
    text: H + ok('A1') + 'A2,,10.00,b@example.com\n',
    rows: 2,
    created: 1,
    problems: [{ line: 3, column: 2, code: 'missing-value' }],
  },
  {
    name: 'an unreadable date or amount names its column',
    text: H + 'A1,2026-13-01,10.00,a@example.com\n' + 'A2,2026-05-01,ten,b@example.com\n' + 'A3,2026-05-01,10.005,c@example.com\n',
    rows: 3,
    created: 0,
    problems: [
      { line: 2, column: 2, code: 'invalid-value' },
      { line: 3, column: 3, code: 'invalid-value' },
      { line: 4, column: 3, code: 'invalid-value' },
    ],
  },
  {
    name: 'an empty key sets the row aside',
    text: H + ',2026-05-01,10.00,a@example.com\n' + ok('A2'),
    rows: 2,
    created: 1,
    problems: [{ line: 2, column: 1, code: 'missing-value' }],
  },
  {
    name: 'a second, different version of a record in the same file',
    text: H + ok('A1') + ok('A2') + 'A1,2026-05-01,99.00,a1@example.com\n' + ok('A2'),
    rows: 4,
    created: 2,
    problems: [{ line: 4, code: 'duplicate-key' }],
  },
  {
    name: 'blank lines and title lines before the header are skipped',
    text: 'Orders export\n\n' + H + ok('A1') + '\n' + ',,,\n' + 'A2,2026-05-01\n',
    rows: 2,
    created: 1,
    problems: [{ line: 7, column: 3, code: 'ragged' }],
  },
  {
    name: 'a report title line with nearly as many fields as the header is not taken for it',
    text: 'Report,Bestellungen,von 01.05.2026\n' + H + ok('A1') + ok('A2'),
    rows: 2,
    created: 2,
    problems: [],
  },
  {
    // RFC 4180: a field holding the delimiter is quoted, and every line has the same number of fields.
    // An exporter that does not quote `1,000.00` pushes every column after it one to the right; with
    // the last column empty, the row looks like one with a trailing delimiter but is read shifted.
    name: 'a value with an unquoted delimiter makes one row a field wider than the rows before it: set aside, not read shifted',
    text: 'Order,Date,Total,Email,Note\n' + 'A1,2026-05-01,10.00,a@example.com,\n' + 'A2,2026-05-01,1,000.00,b@example.com,\n',
    rows: 2,
    created: 1,
    problems: [{ line: 3, column: 6, code: 'ragged' }],
  },
  {
    // A first row set aside for its values past the header gives the file no width: a later row
    // shifted by an unquoted delimiter, its last column empty, is still set aside.
    name: 'a first row set aside for values past the header does not let a later shifted row through',
    text:
      'Order,Date,Total,Email,Note\n' +
      'A1,2026-05-01,1,000.00,a@example.com,x\n' +
      'A2,2026-05-01,10.00,b@example.com,\n' +
      'A3,2026-05-01,2,000.00,c@example.com,\n',
    rows: 3,
    created: 1,
    problems: [
      { line: 2, column: 6, code: 'ragged' },
      { line: 4, column: 6, code: 'ragged' },
    ],
  },
  {
    name: 'a quoted first row of the header width gives the file its width too',
    text: 'Order,Date,Total,Email,Note\n' + '"A1",2026-05-01,10.00,a@example.com,\n' + 'A2,2026-05-01,1,000.00,b@example.com,\n',
    rows: 2,
    created: 1,
    problems: [{ line: 3, column: 6, code: 'ragged' }],
  },
  {
    name: 'a short label row first does not make the rows after it, each ending in a delimiter, too wide',
    text: 'Order,Date,Total,Email,Note\n' + 'May 2026\n' + 'A1,2026-05-01,10.00,a@example.com,,\n' + 'A2,2026-05-01,12.00,b@example.com,,\n',
    rows: 3,
    created: 2,
    problems: [{ line: 2, column: 2, code: 'ragged' }],
  },
  {
    name: 'every data row ending in a delimiter the header lacks is read',
    text: 'Order,Date,Total,Email,Note\n' + 'A1,2026-05-01,10.00,a@example.com,,\n' + 'A2,2026-05-01,12.00,b@example.com,,\n',
    rows: 2,
    created: 2,
    problems: [],
  },
  {
    name: 'every data row carries a surplus field: the header is still the first line',
    text: H + 'A1,2026-05-01,10.00,a@example.com,x\n' + 'A2,2026-05-01,10.00,b@example.com,y\n',
    rows: 2,
    created: 0,
    problems: [
      { line: 2, column: 5, code: 'ragged' },
      { line: 3, column: 5, code: 'ragged' },
    ],
  },
];

describe('row defects', () => {
  for (const c of CASES) {
    for (const sizes of [undefined, [1], [7, 3, 64]]) {
      it(`${c.name} (chunks ${sizes ? sizes.join('/') : 'whole'})`, async () => {
        const { summary } = await runImport(c.text, { preset: SIMPLE }, undefined, sizes);
        expect(summary.errors).toEqual([]);
        expect(summary.problems.map(where)).toEqual(c.problems);
        expect(summary.rows).toBe(c.rows);
        expect(summary.created).toBe(c.created);
        expect(bucketsAddUp(summary)).toBe(true);
      });
    }
  }

  it('reasons name columns and lines, never the values', async () => {
    const secret = 'very.secret@example.com';
    const { summary } = await runImport(H + `A1,2026-13-01,10.00,${secret}\nA2,2026-05-01,10.00,${secret},x\n`, { preset: SIMPLE });
    expect(summary.problems).toHaveLength(2);
    expect(summary.problems[0]!.reason).toContain('column 2 (Date)');
    expect(JSON.stringify(summary)).not.toContain(secret);
  });
});

describe('amounts that name their currency', () => {
  const rows = (run: Awaited<ReturnType<typeof runImport>>) => run.written.map((r) => r.value as Order).map((o) => [o.externalId, o.totalMinor, o.currency]);
  const reasons = (run: Awaited<ReturnType<typeof runImport>>) => run.summary.problems.map((p) => [p.line, p.column, p.reason]);

  it('an amount in another currency than the currency column is set aside, naming both columns', async () => {
    const run = await runImport(
      'Order,Date,Total,Currency\nA1,2026-05-01,$12.50,EUR\nA2,2026-05-01,12.50 USD,EUR\nA3,2026-05-01,€12.50,EUR\nA4,2026-05-01,$12.50,CAD\n',
      {
        preset: SIMPLE,
      },
    );
    expect(run.summary).toMatchObject({ rows: 4, created: 2, quarantined: 2 });
    expect(rows(run)).toEqual([
      ['A3', 1250, 'EUR'],
      ['A4', 1250, 'CAD'],
    ]);
    expect(reasons(run)).toEqual([
      [2, 3, 'column 3 (Total) writes its amount in another currency than column 4 (Currency)'],
      [3, 3, 'column 3 (Total) writes its amount in another currency than column 4 (Currency)'],
    ]);
  });

  it("without a currency column, a certain sign or code is the currency, a shared sign ($) is set aside unless the format's default is one of its currencies", async () => {
    const text = 'Order,Date,Total\nA1,2026-05-01,£99.00\nA2,2026-05-01,12.50 CHF\nA3,2026-05-01,"$1,234.50"\nA4,2026-05-01,10.00\n';
    const run = await runImport(text, { preset: SIMPLE });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(rows(run)).toEqual([
      ['A1', 9900, 'GBP'],
      ['A2', 1250, 'CHF'],
      ['A4', 1000, 'EUR'],
    ]);
    expect(reasons(run)).toEqual([
      [
        4,
        3,
        "column 3 (Total) writes a currency sign that several currencies use (USD, CAD, AUD…) and the file has no currency column to say which; map a currency column or set the format's default currency",
      ],
    ]);
    const dollars = await runImport(text, { preset: { ...SIMPLE, options: { ...SIMPLE.options, defaultCurrency: 'USD' } } });
    expect(rows(dollars)).toContainEqual(['A3', 123450, 'USD']);
  });

  it('Polish, Czech and Indian signs name their currency, in the amount or in the currency column; a typo in a code is set aside', async () => {
    const text =
      'Order,Date,Total,Currency\nP1,2026-05-01,"129,99 zł",\nP2,2026-05-01,"1 299 Kč",Kč\nP3,2026-05-01,"₹1,299.00",\nP4,2026-05-01,12.50,Euro\nP5,2026-05-01,12.50,EUE\nP6,2026-05-01,12.50,anna@example.org\n';
    const run = await runImport(text, { preset: SIMPLE });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(rows(run)).toEqual([
      ['P1', 12999, 'PLN'],
      ['P2', 129900, 'CZK'],
      ['P3', 129900, 'INR'],
      ['P4', 1250, 'EUR'],
    ]);
    // The typo is named; what a shifted row holds there is not repeated.
    expect(reasons(run)).toEqual([
      [6, 4, 'column 4 (Currency) says EUE, which is not an ISO 4217 currency code'],
      [7, 4, 'column 4 (Currency) is not a currency code (three letters, such as EUR)'],
    ]);
  });

  it('the line items of one order cannot be in two currencies', async () => {
    const lines: FormatPreset = {
      ...SIMPLE,
      markerColumns: ['Order', 'Date', 'Price'],
      mapping: { externalId: 'Order', createdAt: 'Date', lineAmount: 'Price' },
      options: { ...SIMPLE.options, grouping: 'adjacent' },
    };
    const run = await runImport('Order,Date,Price\nA1,2026-05-01,£5.00\nA1,,€5.00\n', { preset: lines });
    expect(run.summary).toMatchObject({ rows: 2, created: 0, quarantined: 2 });
    expect(reasons(run)).toEqual([
      [2, undefined, 'another row of the same order (line 3) was set aside'],
      [3, 3, 'column 3 (Price) writes its amount in another currency than column 3 (Price) of the same order'],
    ]);
  });
});

describe('"none" written as - or n/a in an amount column', () => {
  const PSP: FormatPreset = {
    id: 'test-payments',
    label: 'Test payments',
    kind: 'payments',
    markerColumns: ['Txn', 'Date'],
    mapping: {
      id: 'Txn',
      createdAt: 'Date',
      amount: 'Amount',
      currency: 'Currency',
      amountRefunded: 'Refunded',
      disputeAmount: 'Disputed',
      disputeOpenedAt: 'Dispute Date',
    },
    options: { source: 'psp', timeZone: 'UTC' },
  };

  it('an optional amount (refund, disputed amount) reads it as empty; the required amount does not', async () => {
    const text =
      'Txn,Date,Amount,Currency,Refunded,Disputed,Dispute Date\nP1,2026-05-01,10.00,EUR,-,\u2013,\nP2,2026-05-01,10.00,EUR,n/a,N/A,\nP3,2026-05-01,-,EUR,,,\n';
    const run = await runImport(text, { preset: PSP });
    expect(run.summary).toMatchObject({ rows: 3, created: 2, quarantined: 1 });
    expect(run.written.map((r) => r.kind)).toEqual(['payment', 'payment']);
    expect(run.summary.problems.map((p) => [p.line, p.column, p.reason])).toEqual([[4, 3, 'column 3 (Amount) is not an amount']]);
  });

  it('a discount written as - is no discount', async () => {
    const lines: FormatPreset = {
      ...SIMPLE,
      markerColumns: ['Order', 'Date', 'Price'],
      mapping: { externalId: 'Order', createdAt: 'Date', lineAmount: 'Price', lineDiscount: 'Discount' },
      options: { ...SIMPLE.options, grouping: 'adjacent' },
    };
    const run = await runImport('Order,Date,Price,Discount\nA1,2026-05-01,5.00,-\nA1,,5.00,1.00\n', { preset: lines });
    expect(run.summary).toMatchObject({ rows: 2, created: 2, quarantined: 0 });
    expect((run.written[0]!.value as Order).totalMinor).toBe(900);
  });
});

describe('two-digit years', () => {
  it('31.12.99 is 1999, not 2099; the year they are read near can be handed in', async () => {
    const text = H + 'A1,31.12.99 10:00,10.00,a@example.com\nA2,01.05.26 10:00,10.00,b@example.com\n';
    const read = async (referenceYear?: number) =>
      (await runImport(text, { preset: SIMPLE, ...(referenceYear ? { referenceYear } : {}) })).written.map((r) =>
        new Date((r.value as Order).createdAt).getUTCFullYear(),
      );
    expect(await read()).toEqual([1999, 2026]);
    expect(await read(2110)).toEqual([2099, 2126]);
  });
});

describe('file-level problems', () => {
  it('an empty file', async () => {
    const { summary } = await runImport('', { preset: SIMPLE });
    expect(summary.errors.map((e) => e.code)).toEqual(['empty-file']);
    expect(summary.rows).toBe(0);
  });

  it('a file of blank lines has no header', async () => {
    const { summary } = await runImport('\n\r\n  \n', { preset: SIMPLE });
    expect(summary.errors.map((e) => e.code)).toEqual(['no-header']);
  });

  it('a header with no rows is a warning, not an error', async () => {
    const { summary } = await runImport(H, { preset: SIMPLE });
    expect(summary.errors).toEqual([]);
    expect(summary.warnings.map((w) => w.code)).toEqual(['no-rows']);
    expect(summary.rows).toBe(0);
  });

  it('duplicate headers: the first column of a name is read, with a warning', async () => {
    const { summary, written } = await runImport('Order,Date,Total,Email,Email\nA1,2026-05-01,10.00,first@example.com,second@example.com\n', {
      preset: SIMPLE,
    });
    expect(summary.warnings.map((w) => w.code)).toContain('duplicate-header');
    expect(summary.warnings.find((w) => w.code === 'duplicate-header')!.message).toContain('column 5 repeats the name of column 4');
    expect((written[0]!.value as { email: string }).email).toBe('first@example.com');
  });

  it('an empty header name is reported with its column', async () => {
    const { summary } = await runImport('Order,,Date,Total\nA1,x,2026-05-01,10.00\n', { preset: SIMPLE });
    expect(summary.warnings.find((w) => w.code === 'empty-header')!.message).toContain('column 2 has no name');
    expect(summary.created).toBe(1);
  });

  it('a workbook or other binary file is named as such', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    const { summary } = await runImport(zip, { preset: SIMPLE });
    expect(summary.errors[0]!.code).toBe('not-text');
    expect(summary.errors[0]!.message).toContain('Excel workbook');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 32);
    expect((await runImport(noise)).summary.errors[0]!.code).toBe('not-text');
  });

  it('the wrong format chosen names the missing columns and what the file looks like', async () => {
    const { summary } = await runImport(fixture('stripe-payments.csv'), { preset: SHOPIFY_ORDERS });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]!.code).toBe('wrong-format');
    expect(summary.errors[0]!.message).toBe(
      'this file is not a Shopify orders export: it lacks the columns Name, Financial Status, Created at, Lineitem name, Total. It looks like a Stripe payments export.',
    );
    expect(summary.rows).toBe(0);
  });

  it('an unknown format asks for the wizard', async () => {
    const { summary } = await runImport('Foo,Bar\n1,2\n');
    expect(summary.errors.map((e) => e.code)).toEqual(['unknown-format']);
  });

  it('a required column missing from an otherwise matching file is named', async () => {
    const { summary } = await runImport('Order,Date,Total\nA1,2026-05-01,10.00\n', {
      preset: { ...SIMPLE, mapping: { ...SIMPLE.mapping, currency: 'Currency' }, options: { ...SIMPLE.options, defaultCurrency: undefined } },
    });
    // Currency is optional when… it is not: without a default every row needs one.
    expect(summary.problems[0]!.code).toBe('missing-value');
    const missing = await runImport('Order,Total\nA1,10.00\n', { preset: { ...SIMPLE, markerColumns: ['Order'] } });
    expect(missing.summary.errors[0]!.code).toBe('missing-columns');
    expect(missing.summary.errors[0]!.message).toContain('Order date (Date)');
  });
});

describe('oversized records', () => {
  it('an unterminated quote cannot swallow more than 1 MiB: its line is set aside and reading resumes', async () => {
    const lines = [H, ok('A0'), 'A1,2026-05-01,"10.00,a@example.com\n'];
    for (let i = 2; i < 30_000; i++) lines.push(ok(`A${i}`));
    const text = lines.join('');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const { summary } = await runImport(text, { preset: SIMPLE }, undefined, [65_536]);
    expect(summary.problems.map(where)).toEqual([{ line: 3, code: 'record-too-long' }]);
    expect(summary.rows).toBe(30_000);
    expect(summary.created).toBe(29_999);
  });

  it('the record splitter counts only the blank lines the file has, also after a damaged quote at its end', () => {
    // Line 2's quote is malformed and swallows the line break; reading resumes on line 3, whose
    // quote never closes, so lines 3-4 reach the end of the file unparsed. Line 4 ("") is blank.
    const seen: { line: number; code?: string }[] = [];
    const stream = new CsvRecordStream(
      { delimiter: ',', headerLine: 1 },
      { header: () => undefined, row: (_, line) => seen.push({ line }), problem: (line, code) => seen.push({ line, code }) },
      new FileMessages(),
    );
    stream.push('x y\n"a";"b","\n"\n""\n');
    stream.end();
    expect(seen).toEqual([
      { line: 2, code: 'quote' },
      { line: 3, code: 'quote' },
    ]);
    expect(stream.blankLines).toBe(1);
  });

  it('the record splitter drops a line longer than the limit and keeps counting lines', () => {
    const seen: { line: number; code?: string; fields?: string[] }[] = [];
    const stream = new CsvRecordStream(
      { delimiter: ',', headerLine: 1, maxRecordChars: 100, maxFieldChars: 50 },
      {
        header: () => undefined,
        row: (fields, line) => seen.push({ line, fields }),
        problem: (line, code) => seen.push({ line, code }),
      },
      new FileMessages(),
    );
    stream.push('a,b\n1,2\n');
    for (let i = 0; i < 10; i++) stream.push('x'.repeat(40));
    stream.push('\n3,4\n');
    stream.end();
    expect(seen).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, code: 'record-too-long' },
      { line: 4, fields: ['3', '4'] },
    ]);
  });
});
