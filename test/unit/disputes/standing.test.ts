// A Stripe dispute named by the payments export (no id: `<charge>/dispute`) and by the disputes
// export (`dp_…`) is one dispute: listed and counted once, with the newer export's status.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { derivedDisputeId, disputesWithWorkflow, standingDisputes } from '../../../shared/disputes/standing';

const dispute = (id: string, paymentId: string, importId: number, patch: Partial<Dispute> = {}): Dispute & { stamp: { importId: number } } => ({
  id,
  provider: 'stripe',
  paymentId,
  orderKey: 'shopify:#1001',
  network: 'visa',
  reasonCode: 'fraudulent',
  amountMinor: 8900,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 4, 20),
  dueAt: Date.UTC(2026, 5, 3),
  status: 'new',
  stamp: { importId },
  ...patch,
});

describe('disputes that stand', () => {
  it('a charge’s dispute from the payments export gives way to its own-id dispute from the disputes export', () => {
    const derived = dispute(derivedDisputeId('ch_1'), 'ch_1', 1);
    const real = dispute('dp_1', 'ch_1', 2);
    const other = dispute(derivedDisputeId('ch_2'), 'ch_2', 1);
    const { disputes, standsFor } = standingDisputes([derived, real, other]);
    expect(disputes.map((d) => d.id)).toEqual(['dp_1', 'ch_2/dispute']);
    expect(standsFor).toEqual(new Map([['ch_1/dispute', 'dp_1']]));
  });

  it('the one that stands takes the status and deadline of a later payments export', () => {
    const real = dispute('dp_1', 'ch_1', 1, { status: 'new' });
    const later = dispute(derivedDisputeId('ch_1'), 'ch_1', 2, { status: 'lost', dueAt: Date.UTC(2026, 5, 10) });
    expect(standingDisputes([real, later]).disputes).toEqual([{ ...real, status: 'lost', dueAt: Date.UTC(2026, 5, 10) }]);
    // An older payments export says nothing new.
    expect(standingDisputes([{ ...later, stamp: { importId: 0 } }, real]).disputes).toEqual([real]);
  });

  it('keeps the card network the payments export names when the disputes export names none, so Visa VAMP and Mastercard ECM count the dispute', () => {
    // Stripe's disputes export may carry no card brand (the preset reads `Card Brand`, else
    // `Payment Method Type`, which says `card`): its word-style reason then gives the network
    // `stripe`, which neither programme counts. The payments export's row has the charge's
    // `Card Brand`. Visa VAMP counts every dispute on a Visa CNP transaction, Mastercard ECM every
    // Mastercard chargeback (Checkout.com, "How is the VAMP ratio calculated?"; Braintree,
    // "Mastercard Excessive Chargeback Program"): a dispute that loses its network is not counted.
    const derived = dispute(derivedDisputeId('ch_1'), 'ch_1', 1, { network: 'mastercard', reasonCode: 'product_not_received' });
    const real = dispute('dp_1', 'ch_1', 2, { network: 'stripe', reasonCode: 'product_not_received' });
    for (const order of [
      [derived, real],
      [real, { ...derived, stamp: { importId: 3 } }],
    ]) {
      const { disputes } = standingDisputes(order);
      expect(disputes.map((d) => [d.id, d.network])).toEqual([['dp_1', 'mastercard']]);
    }
    // A network the disputes export does name stands.
    expect(standingDisputes([derived, { ...real, network: 'visa' }]).disputes.map((d) => d.network)).toEqual(['visa']);
  });

  it('keeps both when nothing says they are one: another provider, or a charge with several disputes of its own', () => {
    const derived = dispute(derivedDisputeId('ch_1'), 'ch_1', 1);
    expect(standingDisputes([derived, dispute('dp_1', 'ch_1', 2, { provider: 'adyen' })]).disputes).toHaveLength(2);
    expect(standingDisputes([derived, dispute('dp_1', 'ch_1', 2), dispute('dp_2', 'ch_1', 2)]).disputes).toHaveLength(3);
    expect(standingDisputes([dispute('dp_1', '', 2), dispute('/dispute', '', 1)]).disputes).toHaveLength(2);
  });
});

describe('disputes with the status their workflow gives them', () => {
  it('the last status logged under a dispute or one it stands for; evidence ticks change nothing', () => {
    const derived = dispute(derivedDisputeId('ch_1'), 'ch_1', 1);
    const real = dispute('dp_1', 'ch_1', 2);
    const other = dispute('dp_2', 'ch_2', 1);
    const events = [
      { disputeId: 'ch_1/dispute', kind: 'status', status: 'gathering_evidence' as const },
      { disputeId: 'dp_1', kind: 'evidence' },
      { disputeId: 'dp_1', kind: 'status', status: 'submitted' as const },
      { disputeId: 'ch_1/dispute', kind: 'status', status: 'won' as const },
    ];
    const { disputes } = disputesWithWorkflow([derived, real, other], events);
    expect(disputes.map((d) => [d.id, d.status])).toEqual([
      ['dp_1', 'won'],
      ['dp_2', 'new'],
    ]);
  });
});
