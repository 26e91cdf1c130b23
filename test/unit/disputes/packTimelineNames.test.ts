// The evidence pack goes to the bank: its cover names the network as its owner writes it (Visa
// 10.4, f70b986) and the status in words; the customer's timeline in the same pack must too, not
// the cache's keys ("visa 10.4 … gathering_evidence"), nor the workflow's steps ("Gathering evidence"),
// and its orders read in the argument's words ("fulfilled (shipped)"), not the cache's ("fulfilled").
import { describe, expect, it } from 'vitest';
import { packSections, timelineOf } from '../../../shared/disputes/evidenceSections';
import type { EvidenceInput } from '../../../shared/disputes/evidence';
import { ORDER_STATUSES } from '../../../shared/domain/order';
import type { Dispute } from '../../../shared/domain/dispute';
import { order } from '../normalize/orderFixture';

const o = order({ externalId: '#1001', createdAt: Date.UTC(2026, 4, 1), status: 'fulfilled' });
const d: Dispute = {
  id: 'dp_1',
  provider: 'stripe',
  paymentId: 'ch_1',
  orderKey: 'shopify:#1001',
  network: 'visa',
  reasonCode: '10.4',
  amountMinor: 8900,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 4, 20),
  dueAt: Date.UTC(2026, 5, 9),
  status: 'gathering_evidence',
};

describe('the evidence pack timeline', () => {
  it('names the dispute’s network as the pack’s cover does, and its state as the bank reads it', () => {
    const entry = timelineOf([{ order: o, payment: null, disputes: [d] }], 'shopify:#1001').find((e) => e.kind === 'dispute')!;
    expect(entry.text).toBe('Dispute dp_1 · Visa 10.4 · €89.00 · open');
  });

  it('prints outcomes, never the workflow’s own steps (the shop’s desk is not the bank’s business)', () => {
    const text = (status: Dispute['status']) =>
      timelineOf([{ order: o, payment: null, disputes: [{ ...d, status }] }], 'shopify:#1001')
        .find((e) => e.kind === 'dispute')!
        .text.split(' · ')
        .at(-1);
    expect(['new', 'gathering_evidence', 'submitted', 'won', 'lost', 'accepted'].map((s) => text(s as Dispute['status']))).toEqual([
      'open',
      'open',
      'answered, not yet decided',
      'decided for the merchant',
      'decided for the cardholder',
      'not contested',
    ]);
  });

  it('prints each order’s state in plain words, as the argument and the order table say it', () => {
    const words = ORDER_STATUSES.map((status) => {
      const history = [{ order: { ...o, status }, payment: null, disputes: [] }];
      const row = timelineOf(history, 'shopify:#1001').find((e) => e.kind === 'order')!.text;
      const input = { dispute: d, disputed: history[0]!, history, reasonLabel: 'Fraud' } as unknown as EvidenceInput;
      const table = packSections(input, 'fraud').order.find(([label]) => label === 'Status')![1];
      expect(row.split(' · ').at(-1), status).toBe(table);
      return [status, table];
    });
    expect(Object.fromEntries(words)).toEqual({
      open: 'placed',
      paid: 'paid',
      fulfilled: 'fulfilled (shipped)',
      cancelled: 'cancelled',
      refunded: 'refunded',
    });
  });
});
