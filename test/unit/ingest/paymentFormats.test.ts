// Payment exports beyond Stripe, read from fixtures with the providers' real headers (sources in
// test/fixtures/imports/README.md): values read, and every row accounted for.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import { parseFormatPreset, type FormatPreset } from '../../../shared/ingest';
import { rowsToFix } from '../../../shared/ingest/rowsToFix';
import { bucketsAddUp, runImport, values } from './support';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

describe('payment date, time of day and time zone in columns of their own', () => {
  const preset: FormatPreset = {
    id: 'custom:split-date', label: 'Split date', kind: 'payments', markerColumns: ['Txn'],
    mapping: { id: 'Txn', createdAt: 'Date', createdTime: 'Time', timeZone: 'Zone', amount: 'Amount', currency: 'Currency' },
    options: { source: 'split', timeZone: 'UTC' },
  };

  it('joins the date and the time, and reads them in the zone the row names (else the format\'s)', async () => {
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

  it('a zone the import does not know is named once, and the format\'s zone is used', async () => {
    const run = await runImport('Txn,Date,Time,Zone,Amount,Currency\nT1,15.09.2025,14:32:15,Mars/Olympus,1.00,EUR\n', { preset });
    expect(run.summary.warnings.map((w) => w.code)).toEqual(['unknown-time-zone']);
    expect(values<Payment>(run, 'payment')[0]!.createdAt).toBe(utc(2025, 9, 15, 14, 32, 15));
  });
});

describe('a file that mixes kinds of rows', () => {
  const preset: FormatPreset = {
    id: 'custom:mixed', label: 'Mixed', kind: 'payments', markerColumns: ['Txn'],
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
    expect(run.summary.problems[2]!.reason).toBe('column 4 (Gross) is not above zero: money paid out or refunded is not a customer payment; the row was not imported as one');
    expect({ rows: run.summary.rows, created: run.summary.created, quarantined: run.summary.quarantined }).toEqual({ rows: 6, created: 1, quarantined: 5 });
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('rows of another kind are not rows to fix', async () => {
    const run = await runImport(text, { preset });
    const csv = rowsToFix(text, 1, ',', run.summary.problems);
    expect(csv.trim().split('\r\n').map((l) => l.split(',')[0])).toEqual(['Txn', 'T6']);
  });

  it('is part of a preset\'s validated data', () => {
    expect(parseFormatPreset(preset).ok).toBe(true);
    const bad = parseFormatPreset({ ...preset, rowKinds: { column: 'Type', include: [], noun: 'payment' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('rowKinds.include') });
  });
});
