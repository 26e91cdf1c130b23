// A Stripe disputes export names the order by the charge's description when the shop wrote no
// order_id metadata: "Order #1001 - 2 items", as the payments export's Description does. The
// payments export reads the order number out of such text (orderReference, shared/orders/
// paymentFacts.ts); the dispute read from the disputes export must name the same order, or the
// dispute that stands for the charge (standing.ts keeps the dp_… one) shows its order "not in
// cache", CE 3.0 cannot be checked and the evidence pack is blocked.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Payment } from '../../../shared/domain/payment';
import { STRIPE_DISPUTES } from '../../../shared/ingest/formats/stripe';
import { runImport, values } from './support';

describe('the order a dispute names', () => {
  it('reads the order number out of the charge description, as the payments export does', async () => {
    const run = await runImport(
      [
        'id,Reason,Status,Charge ID,Charge Description,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'dp_1,fraudulent,needs_response,ch_1,Order #1001 - 2 items,89.00,eur,2026-05-20 10:00,2026-06-09 23:59,visa',
        'dp_2,product_not_received,needs_response,ch_2,Bestellung Nr. 1002,45.00,eur,2026-05-21 10:00,2026-06-10 23:59,visa',
        '',
      ].join('\n'),
      { preset: STRIPE_DISPUTES },
    );
    expect(values<Dispute>(run, 'dispute').map((d) => [d.id, d.orderKey])).toEqual([
      ['dp_1', 'shopify:#1001'],
      ['dp_2', 'shopify:1002'],
    ]);
  });

  it('names the order its charge names in the payments export', async () => {
    const payments = await runImport(
      [
        'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,Card Brand',
        'ch_1,Order #1001 - 2 items,2026-05-01 10:00,89.00,0.00,eur,Paid,Visa',
        '',
      ].join('\n'),
    );
    const [payment] = values<Payment>(payments, 'payment');
    const disputes = await runImport(
      [
        'id,Reason,Status,Charge ID,Charge Description,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'dp_1,fraudulent,needs_response,ch_1,Order #1001 - 2 items,89.00,eur,2026-05-20 10:00,2026-06-09 23:59,visa',
        '',
      ].join('\n'),
      { preset: STRIPE_DISPUTES },
    );
    expect(values<Dispute>(disputes, 'dispute')[0]!.orderKey).toBe(`shopify:${payment!.orderRef}`);
  });
});
