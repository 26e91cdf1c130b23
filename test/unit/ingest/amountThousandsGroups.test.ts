// Thousands separators group three digits (two in India's lakh grouping, 1,23,456.78): a value whose
// separators form no such groups (`12..50`, `1,234,56`) is a typo, not a thousandfold amount.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { SHOPIFY_HEADER } from '../../../shared/demo/shopifyExport';
import { parseAmount4 } from '../../../shared/ingest';
import { bucketsAddUp, runImport, values } from './support';

describe('separators that group no thousands', () => {
  it('a payment of 12..50 EUR is set aside, not stored as 1,250.00 EUR', async () => {
    const text = [
      'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,order_id (metadata)',
      'ch_1,Order 1001,2026-05-01 10:00:00,12..50,0.00,eur,Paid,1001',
      'ch_2,Order 1002,2026-05-01 10:00:00,"1,234,56",0.00,eur,Paid,1002',
      'ch_3,Order 1003,2026-05-01 10:00:00,"1,234,567.89",0.00,eur,Paid,1003',
    ].join('\n');
    const run = await runImport(text);
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.amountMinor])).toEqual([['ch_3', 123_456_789]]);
    expect(run.summary.problems).toMatchObject([
      { line: 2, column: 4, columnName: 'Amount', code: 'invalid-value' },
      { line: 3, column: 4, columnName: 'Amount', code: 'invalid-value' },
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it.each([
    ['12..50', '.'],
    ['1.2.3', '.'],
    ['1,234,56', '.'],
    ['1.234.56', ','],
    ['12.34,56', ','],
    ['1,2345.00', '.'],
  ] as const)('%s is not an amount', (raw, mark) => {
    expect(Number.isNaN(parseAmount4(raw, mark))).toBe(true);
  });

  it.each([
    ['1.234.567', '.', 12_345_670_000],
    ['1.234.567,89', ',', 12_345_678_900],
    ['1,234,567.89', '.', 12_345_678_900],
    ['1,23,456.78', '.', 1_234_567_800],
    ['12,34,56,789', '.', 123_456_789_0000],
    ['1,234.5', '.', 12_345_000],
  ] as const)('%s with decimal mark %s still reads', (raw, mark, expected) => {
    expect(parseAmount4(raw, mark)).toBe(expected);
  });
});

describe("a file's own amounts say its decimal mark", () => {
  it('a Shopify export re-saved by a German spreadsheet: 2.500 is 2,500.00, as its 1.234,56 says, not 2.50', async () => {
    // The preset says `.` (Shopify writes 12.50); the file's cells say `,`.
    const header = SHOPIFY_HEADER.join(';');
    const row = (name: string, total: string, created: string) => {
      const cells: Record<string, string> = {
        Name: name,
        Email: `${name.slice(1)}@example.de`,
        Currency: 'EUR',
        Total: total,
        'Created at': created,
        'Lineitem quantity': '1',
        'Lineitem name': 'Mantel',
      };
      return SHOPIFY_HEADER.map((h) => cells[h] ?? '').join(';');
    };
    const text = [header, row('#4401', '1.234,56', '2026-06-03 10:00:00 +0200'), row('#4402', '2.500', '2026-06-04 10:00:00 +0200')].join('\n') + '\n';
    const run = await runImport(text);
    expect(run.summary.format).toBe('shopify-orders');
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.totalMinor])).toEqual([
      ['#4401', 123_456],
      ['#4402', 250_000],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});
