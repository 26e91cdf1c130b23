// A Stripe dispute named by the payments export (no id: `<charge>/dispute`) and by the disputes
// export (`dp_…`) is one dispute: listed and counted once, with the status of the export that holds
// the newer data.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { derivedDisputeId, disputesWithWorkflow, standingDisputes, type Imported } from '../../../shared/disputes/standing';
import { runImport, values } from '../ingest/support';

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

/** A charge's row of the payments export, its dispute open; the disputes export a month on, the dispute won. */
const STRIPE_PAYMENTS = [
  'id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Card Brand,Card Last4,Customer Email,Disputed Amount,Dispute Status,Dispute Reason,Dispute Date (UTC),Dispute Evidence Due (UTC),order_id (metadata)',
  'ch_1,2026-05-01 08:00:00,89.00,0.00,eur,Paid,Visa,4242,ann@example.com,89.00,needs_response,fraudulent,2026-05-20 08:00:00,2026-06-05 23:59:59,#1001',
].join('\n');
const STRIPE_DISPUTES = [
  'id,Created (UTC),Amount,Currency,Reason,Status,Evidence Due By (UTC),Charge ID',
  'dp_1,2026-05-20 08:00:00,89.00,eur,fraudulent,won,2026-06-05 23:59:59,ch_1',
].join('\n');

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
    const submitted = { ...real, status: 'submitted' as const };
    expect(standingDisputes([{ ...later, status: 'new', stamp: { importId: 0 } }, submitted]).disputes).toEqual([submitted]);
  });

  it('whichever export was imported last, an outcome stands over a status that comes before it', () => {
    // Stripe's exports date no status, and they are imported in any order: a won dispute is not
    // undone by an older payments export read after the disputes export, nor a lost one by an older
    // disputes export read after the payments export.
    const won = dispute('dp_1', 'ch_1', 1, { status: 'won' });
    const open = dispute(derivedDisputeId('ch_1'), 'ch_1', 2, { status: 'new', dueAt: Date.UTC(2026, 5, 10) });
    expect(standingDisputes([won, open]).disputes).toEqual([won]);
    const lost = { ...open, status: 'lost' as const, stamp: { importId: 1 } };
    expect(standingDisputes([lost, { ...won, status: 'new', stamp: { importId: 2 } }]).disputes.map((d) => [d.id, d.status])).toEqual([['dp_1', 'lost']]);
    // An inquiry the payments export shows raised to a chargeback is one, open, though its own
    // export, read later, still says the inquiry closed.
    const closed = { ...won, stage: 'inquiry' as const, stamp: { importId: 3 } };
    expect(standingDisputes([open, closed]).disputes).toEqual([{ ...won, stamp: { importId: 3 }, status: 'new', dueAt: Date.UTC(2026, 5, 10) }]);
  });

  it('both Stripe exports imported, the payments export first or last: the dispute stays won', async () => {
    for (const files of [
      [STRIPE_PAYMENTS, STRIPE_DISPUTES],
      [STRIPE_DISPUTES, STRIPE_PAYMENTS],
    ]) {
      const stored: Imported[] = [];
      for (const [i, file] of files.entries())
        for (const d of values<Dispute>(await runImport(file), 'dispute')) stored.push({ ...d, stamp: { importId: i + 1 } });
      expect(standingDisputes(stored).disputes.map((d) => [d.id, d.status])).toEqual([['dp_1', 'won']]);
    }
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

  it('keeps the order the payments export links when the disputes export links none, whichever came first', async () => {
    // Stripe's disputes export names the order only when the charge's metadata is exported: without
    // it, the dispute that stands would lose its order (no evidence pack, no order in the reports).
    const derived = dispute(derivedDisputeId('ch_1'), 'ch_1', 1);
    const real = dispute('dp_1', 'ch_1', 2, { orderKey: '' });
    for (const order of [
      [derived, real],
      [real, { ...derived, stamp: { importId: 3 } }],
    ]) {
      expect(standingDisputes(order).disputes.map((d) => [d.id, d.orderKey])).toEqual([['dp_1', 'shopify:#1001']]);
    }
    // An order the disputes export does link stands.
    expect(standingDisputes([derived, { ...real, orderKey: 'shopify:#1002' }]).disputes.map((d) => d.orderKey)).toEqual(['shopify:#1002']);
    // As the two exports are read: the disputes export's columns name no order.
    const stored: Imported[] = [];
    for (const [i, file] of [STRIPE_PAYMENTS, STRIPE_DISPUTES].entries())
      for (const d of values<Dispute>(await runImport(file), 'dispute')) stored.push({ ...d, stamp: { importId: i + 1 } });
    expect(stored.map((d) => [d.id, d.orderKey])).toEqual([
      ['ch_1/dispute', 'shopify:#1001'],
      ['dp_1', ''],
    ]);
    expect(standingDisputes(stored).disputes.map((d) => [d.id, d.orderKey])).toEqual([['dp_1', 'shopify:#1001']]);
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
