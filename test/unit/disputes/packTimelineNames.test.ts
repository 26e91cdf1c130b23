// The evidence pack goes to the bank: its cover names the network as its owner writes it (Visa
// 10.4, f70b986) and the status in words; the customer's timeline in the same pack must too, not
// the cache's keys ("visa 10.4 … gathering_evidence").
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../shared/disputes/evidenceSections';
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
  it('names the dispute’s network and status as the pack’s cover does', () => {
    const entry = timelineOf([{ order: o, payment: null, disputes: [d] }], 'shopify:#1001').find((e) => e.kind === 'dispute')!;
    expect(entry.text).toBe('Dispute dp_1 · Visa 10.4 · €89.00 · Gathering evidence');
  });
});
