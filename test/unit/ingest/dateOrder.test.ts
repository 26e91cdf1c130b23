// US and European dates read right with no hint: each date column's day/month order is settled
// from its own values, a value that contradicts it is quarantined with the reason, a column that
// never says keeps the format's order, and the order used (and why) is reported. Never a silent swap.
import { describe, expect, it } from 'vitest';
import { dateOrderEvidence, dateOrderExample, DateOrderVote } from '../../../shared/ingest/dateOrder';
import { impossibleDate, parseTimestamp, UTC } from '../../../shared/ingest/dates';
import { parseFormatPreset, type FormatPreset } from '../../../shared/ingest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import { DATE_WARMUP_MAX_ROWS } from '../../../shared/ingest/reader';
import { bucketsAddUp, runImport, utf8, values } from './support';

function preset(dateOrder?: 'DMY' | 'MDY'): FormatPreset {
  const parsed = parseFormatPreset({
    id: 'custom:tx',
    label: 'Transactions',
    kind: 'orders',
    markerColumns: ['Order', 'Date'],
    mapping: { externalId: 'Order', createdAt: 'Date', total: 'Total' },
    options: { source: 'tx', marketplace: 'shop', timeZone: 'UTC', defaultCurrency: 'EUR', ...(dateOrder ? { dateOrder } : {}) },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.preset;
}
const csv = (dates: readonly string[]) => ['Order,Date,Total', ...dates.map((d, i) => `T${i + 1},${d},10.00`)].join('\n') + '\n';
const importDates = (dates: readonly string[], p = preset()) => runImport(utf8(csv(dates)), { preset: p, presets: [p] });
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('a value says which order its column uses', () => {
  it.each([
    ['4/18/15 2:47', 'MDY'],
    ['18/4/15 2:47', 'DMY'],
    ['04-30-22', 'MDY'],
    ['30.04.2022', 'DMY'],
    ['4/5/15', null],
    ['2015-04-18', null],
    ['13/13/15', null],
  ])('%j → %j', (value, order) => expect(dateOrderEvidence(value)).toBe(order));

  it('reads month-first, two-digit years, dashes and 12-hour times', () => {
    expect(iso(parseTimestamp('4/18/15 2:47', UTC, 'MDY'))).toBe('2015-04-18T02:47');
    expect(iso(parseTimestamp('04-30-22', UTC, 'MDY'))).toBe('2022-04-30T00:00');
    expect(iso(parseTimestamp('4/18/2015 2:47 PM', UTC, 'MDY'))).toBe('2015-04-18T14:47');
    expect(iso(parseTimestamp('4/18/2015 12:05 am', UTC, 'MDY'))).toBe('2015-04-18T00:05');
    expect(parseTimestamp('4/18/2015 13:05 PM', UTC, 'MDY')).toBeNaN();
    expect(iso(parseTimestamp('18.04.2015 14:47', UTC))).toBe('2015-04-18T14:47');
    expect(dateOrderExample('4/18/15', 'MDY')).toBe('4/18/15 → 18 Apr 2015');
  });

  it("a vote: the majority wins, dotted dates default to day-first, silence keeps the format's order", () => {
    const v = new DateOrderVote();
    for (const [d, l] of [
      ['4/5/15', 2],
      ['4/18/15', 3],
      ['4/19/15', 4],
      ['19/4/15', 5],
    ] as const)
      v.add(d, l);
    expect(v.settle(undefined, 'DMY')).toEqual({ order: 'MDY', by: 'values', example: { value: '4/18/15', line: 3 } });
    const dots = new DateOrderVote();
    dots.add('01.05.2026', 2);
    expect(dots.settle(undefined, 'MDY')).toEqual({ order: 'DMY', by: 'dots' });
    const quiet = new DateOrderVote();
    quiet.add('4/5/15', 2);
    expect(quiet.settle('MDY', 'DMY')).toEqual({ order: 'MDY', by: 'format' });
    expect(quiet.settle(undefined, 'DMY')).toEqual({ order: 'DMY', by: 'default' });
  });
});

describe('importing dated files with no hint', () => {
  // A US card-transactions file: days 1-12 say nothing, day 13 on says month-first (58 % of a month).
  const us = Array.from({ length: 30 }, (_, i) => `4/${i + 1}/15 2:47`);
  const eu = Array.from({ length: 30 }, (_, i) => `${i + 1}/4/15 14:47`);

  it('a month-first file imports completely and correctly, and says so', async () => {
    const run = await importDates(us);
    expect(run.summary).toMatchObject({ rows: 30, created: 30, quarantined: 0 });
    const orders = values<Order>(run, 'order');
    expect(iso(orders[0]!.createdAt)).toBe('2015-04-01T02:47');
    expect(iso(orders[17]!.createdAt)).toBe('2015-04-18T02:47');
    expect(run.summary.dateOrders).toEqual([{ column: 1, name: 'Date', order: 'MDY', by: 'values', example: { value: '4/13/15 2:47', line: 14 } }]);
  });

  it('a day-first file imports completely and correctly', async () => {
    const run = await importDates(eu);
    expect(run.summary).toMatchObject({ rows: 30, created: 30, quarantined: 0 });
    expect(iso(values<Order>(run, 'order')[3]!.createdAt)).toBe('2015-04-04T14:47');
    expect(run.summary.dateOrders[0]).toMatchObject({ order: 'DMY', by: 'values' });
  });

  it('settles the order even when the telling value comes after the first 256 rows', async () => {
    const long = [...Array.from({ length: 400 }, (_, i) => `4/${(i % 12) + 1}/15`), '4/13/15'];
    const run = await importDates(long);
    expect(run.summary.quarantined).toBe(0);
    expect(iso(values<Order>(run, 'order')[4]!.createdAt)).toBe('2015-04-05T00:00');
    expect(run.summary.dateOrders[0]).toMatchObject({ order: 'MDY', by: 'values', example: { line: 402 } });
  });

  it('a value that contradicts its column is quarantined with the reason, never swapped', async () => {
    const run = await importDates([...us.slice(0, 20), '25/4/15 2:47']);
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.quarantined).toBe(1);
    expect(run.summary.problems[0]).toMatchObject({
      line: 22,
      column: 2,
      reason: expect.stringContaining("25/4/15 2:47 can only be day/month/year, but this column's dates are month/day/year"),
    });
  });

  it("a column that never says keeps the format's order, and the card says it was the format's", async () => {
    const run = await importDates(['4/5/15', '6/7/15'], preset('MDY'));
    expect(iso(values<Order>(run, 'order')[0]!.createdAt)).toBe('2015-04-05T00:00');
    expect(run.summary.dateOrders[0]).toMatchObject({ order: 'MDY', by: 'format' });
    // Values that say otherwise win over the format's order.
    expect((await importDates(eu, preset('MDY'))).summary.dateOrders[0]).toMatchObject({ order: 'DMY', by: 'values' });
  });

  it('ISO dates say nothing and need nothing', async () => {
    const run = await importDates(['2026-05-01 10:00', '2026-05-13 10:00']);
    expect(run.summary).toMatchObject({ created: 2, quarantined: 0 });
    expect(run.summary.dateOrders).toEqual([]);
    // Short dates that never say: read day-first, and the card says no value told.
    expect((await importDates(['4/5/15', '6/7/15'])).summary.dateOrders[0]).toMatchObject({ order: 'DMY', by: 'default' });
  });
});

describe('a date that cannot exist is named for what is wrong with it', () => {
  it.each([
    ['31/13/2026', 'DMY', 'month 13 does not exist (31/13/2026, read as day/month/year)'],
    ['13/31/2026', 'MDY', 'month 13 does not exist (13/31/2026, read as month/day/year)'],
    ['32.01.2026 10:00', 'DMY', 'day 32 does not exist (32.01.2026, read as day/month/year)'],
    ['31/04/2026', 'DMY', 'April has only 30 days (31/04/2026, read as day/month/year)'],
    ['29.02.2026', 'DMY', 'February 2026 has only 28 days (29.02.2026, read as day/month/year)'],
    ['30/02/2028', 'DMY', 'February 2028 has only 29 days (30/02/2028, read as day/month/year)'],
    ['2026-00-10 10:00', 'DMY', 'month 0 does not exist (2026-00-10)'],
    ['2026-02-29T10:00:00Z', 'MDY', 'February 2026 has only 28 days (2026-02-29)'],
  ] as const)('%s read %s', (raw, order, reason) => {
    expect(impossibleDate(raw, order)).toBe(reason);
  });

  it('says nothing of a real date or of a shape it does not read', () => {
    expect(impossibleDate('29.02.2028', 'DMY')).toBeNull();
    expect(impossibleDate('2/29/24', 'MDY')).toBeNull();
    expect(impossibleDate('next Tuesday')).toBeNull();
    expect(impossibleDate('2026-05-01 10:00:00 +0200')).toBeNull();
  });

  it('an import sets the row aside with that reason, not the list of shapes it reads', async () => {
    const run = await importDates(['1/4/2026 10:00', '13/4/2026 10:00', '31/13/2026 10:00', '31/4/2026 10:00']);
    expect(run.summary.quarantined).toBe(2);
    expect(run.summary.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/\(Date\): month 13 does not exist \(31\/13\/2026, read as day\/month\/year\)$/),
      expect.stringMatching(/\(Date\): April has only 30 days \(31\/4\/2026, read as day\/month\/year\)$/),
    ]);
  });
});

describe('columns whose own values do not tell', () => {
  // A payments export with a sparse second date column: most rows have no dispute.
  const payments = (() => {
    const parsed = parseFormatPreset({
      id: 'custom:psp',
      label: 'PSP',
      kind: 'payments',
      markerColumns: ['Txn', 'Date'],
      mapping: {
        id: 'Txn',
        createdAt: 'Date',
        amount: 'Amount',
        currency: 'Currency',
        disputeStatus: 'Dispute Status',
        disputeOpenedAt: 'Dispute Date',
        disputeReason: 'Dispute Reason',
      },
      options: { source: 'psp', timeZone: 'UTC' },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.preset;
  })();
  const psp = (rows: readonly string[]) =>
    runImport(utf8(['Txn,Date,Amount,Currency,Dispute Status,Dispute Reason,Dispute Date', ...rows].join('\n') + '\n'), {
      preset: payments,
      presets: [payments],
    });
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);

  it('take the order another date column of the file settled by its values, and the card says whose', async () => {
    const run = await psp(['P1,04/18/2026,10.00,USD,,,', 'P2,04/19/2026,10.00,USD,needs_response,fraudulent,05/04/2026']);
    expect(day(values<Dispute>(run, 'dispute')[0]!.openedAt)).toBe('2026-05-04');
    expect(run.summary.dateOrders).toEqual([
      { column: 1, name: 'Date', order: 'MDY', by: 'values', example: { value: '04/18/2026', line: 2 } },
      { column: 6, name: 'Dispute Date', order: 'MDY', by: 'file', example: { value: '04/18/2026', line: 2 }, from: 'Date' },
    ]);
  });

  it('a column empty through the warm-up reads its first short dates in the order the file settled, not day-first', async () => {
    const quiet = Array.from({ length: 300 }, (_, i) => `P${i},04/18/2026,10.00,USD,,,`);
    const run = await psp([
      ...quiet,
      'PX,04/19/2026,10.00,USD,needs_response,fraudulent,05/04/2026',
      'PY,04/20/2026,10.00,USD,needs_response,fraudulent,05/20/2026',
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.quarantined).toBe(0);
    expect(values<Dispute>(run, 'dispute').map((d) => day(d.openedAt))).toEqual(['2026-05-04', '2026-05-20']);
    expect(run.summary.dateOrders[1]).toMatchObject({ column: 6, order: 'MDY', by: 'file', from: 'Date' });
  });

  it('ISO dates through the warm-up, then short dates: the first that tells settles the column from there on', async () => {
    const iso300 = Array.from({ length: 300 }, () => '2026-04-18 10:00');
    const run = await importDates([...iso300, '05/20/2026', '05/04/2026', '20/05/2026']);
    expect(bucketsAddUp(run.summary)).toBe(true);
    const orders = values<Order>(run, 'order');
    expect(orders.slice(300).map((o) => iso(o.createdAt).slice(0, 10))).toEqual(['2026-05-20', '2026-05-04']);
    // The value that contradicts the settled order is set aside with the reason, never swapped.
    expect(run.summary.problems).toEqual([expect.objectContaining({ line: 304, reason: expect.stringContaining('20/05/2026 can only be day/month/year') })]);
    expect(run.summary.dateOrders).toEqual([{ column: 1, name: 'Date', order: 'MDY', by: 'values', example: { value: '05/20/2026', line: 302 } }]);
  });

  it('dates read day-first because nothing had told are named in a warning when a later value says month-first, which settles the column from there on', async () => {
    // A US file whose first weeks (days 1-12) outlast the warm-up's limit is the large case of this.
    const iso300 = Array.from({ length: 300 }, () => '2026-04-18 10:00');
    const run = await importDates([...iso300, '05/04/2026', '05/06/2026', '05/20/2026', '07/08/2026', '09/10/2026']);
    expect(run.summary.quarantined).toBe(0);
    const orders = values<Order>(run, 'order');
    expect(orders.slice(300).map((o) => iso(o.createdAt).slice(0, 10))).toEqual(['2026-04-05', '2026-06-05', '2026-05-20', '2026-07-08', '2026-09-10']);
    expect(run.summary.dateOrders).toEqual([{ column: 1, name: 'Date', order: 'MDY', by: 'values', example: { value: '05/20/2026', line: 304 } }]);
    expect(run.summary.warnings).toContainEqual(
      expect.objectContaining({
        code: 'date-order-guessed',
        line: 302,
        message: expect.stringContaining(
          '05/20/2026 (line 304) can only be month/day/year, but 2 earlier dates of this column that could be either, from 05/04/2026 (line 302), were read as day/month/year',
        ),
      }),
    );
    // Read day-first before a value told, and a value then says day-first: the guess was right, no warning.
    const eu = await importDates([...iso300, '05/04/2026', '20/05/2026', '07/08/2026']);
    expect(
      values<Order>(eu, 'order')
        .slice(300)
        .map((o) => iso(o.createdAt).slice(0, 10)),
    ).toEqual(['2026-04-05', '2026-05-20', '2026-08-07']);
    expect(eu.summary.warnings.filter((w) => w.code === 'date-order-guessed')).toEqual([]);
  });

  it('a column whose values never tell keeps day-first, shown as a guess, with no warning', async () => {
    const run = await importDates(Array.from({ length: 400 }, (_, i) => `4/${(i % 12) + 1}/15`));
    expect(run.summary.dateOrders).toEqual([{ column: 1, name: 'Date', order: 'DMY', by: 'default' }]);
    expect(run.summary.warnings.filter((w) => w.code === 'date-order-guessed')).toEqual([]);
  });

  it('a US file whose first weeks outlast the warm-up: the value that tells is read as it says, not set aside, and the guess is named', async () => {
    const firstDays = Array.from({ length: DATE_WARMUP_MAX_ROWS }, (_, i) => `05/${String((i % 12) + 1).padStart(2, '0')}/2026`);
    const run = await importDates([...firstDays, '05/13/2026']);
    expect(run.summary).toMatchObject({ created: DATE_WARMUP_MAX_ROWS + 1, quarantined: 0 });
    expect(iso(values<Order>(run, 'order').at(-1)!.createdAt).slice(0, 10)).toBe('2026-05-13');
    expect(run.summary.warnings).toContainEqual(
      expect.objectContaining({ code: 'date-order-guessed', message: expect.stringContaining(`but ${DATE_WARMUP_MAX_ROWS} earlier dates of this column`) }),
    );
  });
});
