// `-0.00`, `(0.00)`, `0.00-`: a zero written with a sign is zero, not a negative zero that the
// screens and exports then show as -€0.00.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import { formatMoney } from '../../../shared/domain/money';
import { parseAmount4 } from '../../../shared/ingest';
import { runImport, values } from './support';

describe('a zero amount written with a sign', () => {
  it('a Stripe payment of -0.00 EUR is stored as 0 and shown as €0.00', async () => {
    const text = [
      'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,order_id (metadata)',
      'ch_1,Order 1001,2026-05-01 10:00:00,-0.00,0.00,eur,Paid,1001',
    ].join('\n');
    const [payment] = values<Payment>(await runImport(text), 'payment');
    expect(Object.is(payment!.amountMinor, 0)).toBe(true);
    expect(formatMoney(payment!.amountMinor, 'EUR')).toBe(formatMoney(0, 'EUR'));
  });

  it.each(['-0', '-0.00', '(0.00)', '0.00-', '-€0,00'])('%s reads as 0', (raw) => {
    expect(Object.is(parseAmount4(raw, '.'), 0)).toBe(true);
  });
});
