// Stripe payments exports as sellers download them over the years: the older "Created (UTC)"
// layout, the "Unified payments" export with PaymentIntent states, and the amounts Stripe writes.
// Header lines from public importers (test/fixtures/imports/README.md, stripe-payments sections).
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Payment } from '../../../shared/domain/payment';
import { bucketsAddUp, runImport, values } from './support';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

// The payments export before Stripe renamed `Created (UTC)` to `Created date (UTC)` (gratipay's importer).
const OLDER_HEADER =
  'id,Description,Seller Message,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Fee,Tax,Converted Currency,Mode,Status,Statement Descriptor,Customer ID,Customer Description,Customer Email,Captured,Card ID,Card Last4,Card Brand,Card Funding,Card Exp Month,Card Exp Year,Card Name,Card Address Line1,Card Address Line2,Card Address City,Card Address State,Card Address Country,Card Address Zip,Card Issue Country,Card Fingerprint,Card CVC Status,Card AVS Zip Status,Card AVS Line1 Status,Card Tokenization Method,Disputed Amount,Dispute Status,Dispute Reason,Dispute Date (UTC),Dispute Evidence Due (UTC),Invoice ID,Payment Source Type,Destination,Transfer,Interchange Costs,Merchant Service Charge,Transfer Group,PaymentIntent ID';

// The Dashboard's "Unified payments" export (Payments > Export, default columns and more).
const UNIFIED_HEADER =
  'id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Converted Amount,Converted Amount Refunded,Converted Currency,Decline Reason,Description,Fee,Is Link,Link Funding,Mode,PaymentIntent ID,Payment Source Type,Refunded date (UTC),Statement Descriptor,Status,Seller Message,Taxes On Fee,Card Brand,Card Last4,Card Fingerprint,Customer Email,Disputed Amount,Dispute Date (UTC),Dispute Reason,Dispute Status,order_id (metadata)';

/** A unified-export row: the columns a test cares about, the rest empty. */
function unifiedRow(id: string, status: string, amount: string, refunded: string, currency: string, order: string, dispute = ',,,'): string {
  return `${id},2026-05-01 10:00:00,${amount},${refunded},${currency},true,,,,,Order ${order},0.00,false,,Live,pi_${id},card,,,${status},,0.00,Visa,4242,FpAAA,shopper@example.com,${dispute},${order}`;
}

describe('the older payments export, which writes Created (UTC)', () => {
  const row =
    'ch_1Old,Order #1001,Payment complete.,2019-03-04 10:07,25.00,0.00,usd,25.00,0.00,1.03,0.00,usd,Live,Paid,,cus_1,,shopper@example.com,true,card_1,4242,Visa,credit,12,2025,Ann Example,,,,,US,,US,FpOld1,pass,pass,pass,,,,,,,,card,,,,,,pi_1Old';

  it('is read as a Stripe payments export, its creation time in UTC', async () => {
    const run = await runImport(`${OLDER_HEADER}\n${row}\n`);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toMatch(/^stripe-payments/);
    expect(values<Payment>(run, 'payment')).toEqual([
      expect.objectContaining({
        id: 'ch_1Old',
        orderRef: '#1001',
        createdAt: utc(2019, 3, 4, 10, 7),
        amountMinor: 2500,
        currency: 'USD',
        status: 'succeeded',
        cardLast4: '4242',
        cardExpiry: '12/25',
        cardFingerprint: 'FpOld1',
        cardCountry: 'US',
        cvcCheck: 'pass',
      }),
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('its balance history, which also writes Created (UTC) and Status, is still no payments export', async () => {
    const text =
      'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Status,Description\ntxn_1,refund,ch_1,-249.00,-7.52,-241.48,usd,2016-07-25 15:34,2016-07-25 15:34,available,REFUND FOR CHARGE\n';
    const run = await runImport(text);
    expect(run.summary.format).toBeNull();
    expect(run.summary.errors.map((e) => e.code)).toEqual(['unknown-format']);
  });
});

describe('the unified payments export', () => {
  it('PaymentIntents that took no money (requires_payment_method, requires_action, incomplete, expired) are not paid', async () => {
    const text = [
      UNIFIED_HEADER,
      unifiedRow('ch_rpm', 'requires_payment_method', '25.00', '0.00', 'usd', '#2001'),
      unifiedRow('ch_rpm2', 'Requires payment method', '25.00', '0.00', 'usd', '#2002'),
      unifiedRow('ch_act', 'requires_action', '25.00', '0.00', 'usd', '#2003'),
      unifiedRow('ch_conf', 'requires_confirmation', '25.00', '0.00', 'usd', '#2004'),
      unifiedRow('ch_inc', 'Incomplete', '25.00', '0.00', 'usd', '#2005'),
      unifiedRow('ch_exp', 'Expired', '25.00', '0.00', 'usd', '#2006'),
      unifiedRow('ch_can', 'Canceled', '25.00', '0.00', 'usd', '#2007'),
      unifiedRow('ch_fail', 'Failed', '25.00', '0.00', 'usd', '#2008'),
      unifiedRow('ch_paid', 'Paid', '25.00', '0.00', 'usd', '#2009'),
      unifiedRow('ch_succ', 'Succeeded', '25.00', '0.00', 'usd', '#2010'),
    ].join('\n');
    const run = await runImport(text);
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.status])).toEqual([
      ['ch_rpm', 'failed'],
      ['ch_rpm2', 'failed'],
      ['ch_act', 'failed'],
      ['ch_conf', 'failed'],
      ['ch_inc', 'failed'],
      ['ch_exp', 'failed'],
      ['ch_can', 'failed'],
      ['ch_fail', 'failed'],
      ['ch_paid', 'succeeded'],
      ['ch_succ', 'succeeded'],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('amounts as Stripe writes them: zero- and three-decimal currencies, thousands in quotes, refunds in part and in full, a dispute', async () => {
    const text = [
      UNIFIED_HEADER,
      unifiedRow('ch_jpy', 'Paid', '1500', '0', 'jpy', '#3001'),
      unifiedRow('ch_krw', 'Paid', '"15,000"', '0', 'krw', '#3002'),
      unifiedRow('ch_kwd', 'Paid', '12.345', '0.000', 'kwd', '#3003'),
      unifiedRow('ch_bhd', 'Paid', '"1,250.500"', '0.000', 'bhd', '#3004'),
      unifiedRow('ch_big', 'Paid', '"1,234.56"', '0.00', 'usd', '#3005'),
      unifiedRow('ch_part', 'Partially refunded', '100.00', '30.00', 'eur', '#3006'),
      unifiedRow('ch_full', 'Paid', '100.00', '100.00', 'eur', '#3007'),
      unifiedRow('ch_refd', 'Refunded', '100.00', '100.00', 'eur', '#3008'),
      unifiedRow('ch_disp', 'Disputed', '"2,000"', '0', 'jpy', '#3009', '"2,000",2026-05-10 09:00:00,fraudulent,needs_response'),
    ].join('\n');
    const run = await runImport(text);
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.amountMinor, p.currency, p.status])).toEqual([
      ['ch_jpy', 1500, 'JPY', 'succeeded'],
      ['ch_krw', 15000, 'KRW', 'succeeded'],
      ['ch_kwd', 12345, 'KWD', 'succeeded'],
      ['ch_bhd', 1250500, 'BHD', 'succeeded'],
      ['ch_big', 123456, 'USD', 'succeeded'],
      // Money was kept: a partial refund leaves the payment paid.
      ['ch_part', 10000, 'EUR', 'succeeded'],
      ['ch_full', 10000, 'EUR', 'refunded'],
      ['ch_refd', 10000, 'EUR', 'refunded'],
      ['ch_disp', 2000, 'JPY', 'succeeded'],
    ]);
    expect(values<Dispute>(run, 'dispute')).toEqual([
      expect.objectContaining({
        paymentId: 'ch_disp',
        amountMinor: 2000,
        currency: 'JPY',
        reasonCode: 'fraudulent',
        status: 'new',
        openedAt: utc(2026, 5, 10, 9),
      }),
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});

describe('a disputed amount of zero', () => {
  it('with no dispute state, reason or date is no dispute: the payment is stored, not set aside', async () => {
    const text = [
      UNIFIED_HEADER,
      unifiedRow('ch_zero', 'Paid', '89.00', '0.00', 'eur', '#3101', '0.00,,,'),
      unifiedRow('ch_bare', 'Paid', '89.00', '0.00', 'eur', '#3102', '0,,,'),
      // Still a dispute: a state, or a date, beside the zero.
      unifiedRow('ch_state', 'Paid', '89.00', '0.00', 'eur', '#3103', '0.00,2026-05-10 09:00:00,fraudulent,needs_response'),
      unifiedRow('ch_dated', 'Paid', '89.00', '0.00', 'eur', '#3104', '0.00,2026-05-10 09:00:00,,'),
    ].join('\n');
    const run = await runImport(text);
    expect(run.summary.quarantined).toBe(0);
    expect(values<Payment>(run, 'payment').map((p) => p.id)).toEqual(['ch_zero', 'ch_bare', 'ch_state', 'ch_dated']);
    expect(values<Dispute>(run, 'dispute').map((d) => d.paymentId)).toEqual(['ch_state', 'ch_dated']);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('with a dispute state but no date is still a dispute missing its date', async () => {
    const run = await runImport([UNIFIED_HEADER, unifiedRow('ch_undated', 'Paid', '89.00', '0.00', 'eur', '#3105', '0.00,,,needs_response')].join('\n'));
    expect(run.summary.quarantined).toBe(1);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});
