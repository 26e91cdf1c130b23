// Amounts a spreadsheet saved in scientific notation (Excel writes numbers of 12 digits and more
// as `1E+11`, keeping 6 significant digits): the amount is lost, so the row is set aside.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import { parseAmount4 } from '../../../shared/ingest';
import { bucketsAddUp, runImport, values } from './support';

const HEADER = 'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,order_id (metadata)';

describe('an amount in scientific notation', () => {
  it('a Stripe export re-saved in Excel: 100,000,000,000 JPY written 1E+11 is set aside, not stored as 111 JPY', async () => {
    const text = [HEADER, 'ch_1,Order 1001,2026-05-01 10:00:00,1E+11,0,jpy,Paid,1001', 'ch_2,Order 1002,2026-05-01 10:00:00,1500,0,jpy,Paid,1002'].join('\n');
    const run = await runImport(text);
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.amountMinor])).toEqual([['ch_2', 1500]]);
    expect(run.summary.problems).toMatchObject([{ line: 2, column: 4, columnName: 'Amount', code: 'invalid-value' }]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it.each([
    ['1E+11', '.'],
    ['1.2E+5', '.'],
    ['1,5E+12', ','],
    ['2.5E-05', '.'],
    ['1e+11', '.'],
  ] as const)('%s is not an amount', (raw, mark) => {
    expect(Number.isNaN(parseAmount4(raw, mark))).toBe(true);
  });

  it('letters after the digits are still a currency code', () => {
    expect(parseAmount4('12.50EUR', '.')).toBe(125_000);
    expect(parseAmount4('12.50 EUR', '.')).toBe(125_000);
    expect(parseAmount4('EUR-12.50', '.')).toBe(-125_000);
  });
});
