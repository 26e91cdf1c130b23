// Over a real (fake-indexeddb) cache: what the queue scores an order with.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { fixedClock } from '../../../shared/time/clock';
import type { Dispute } from '../../../shared/domain/dispute';
import { order } from '../normalize/orderFixture';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 18, 14, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the review queue', () => {
  it('does not score a fraud inquiry in the ring as a fraud chargeback', async () => {
    db = createDb('review-ring-inquiry');
    // Three accounts paid with one card within two days: a ring of 3. Months ago one of the
    // card's orders drew a Stripe inquiry (a retrieval request), never a chargeback.
    const card = { cardFingerprint: 'fp_Rt55Nm2Qa9Ls', billCountry: 'DE' };
    const orders = [
      order({ ...card, externalId: '#7001', customerId: 'c1', email: 'j.krause@posteo.de', createdAt: NOW - 48 * H, status: 'fulfilled' }),
      order({ ...card, externalId: '#7002', customerId: 'c2', email: 'mia.krause@gmx.de', createdAt: NOW - 24 * H, status: 'paid' }),
      order({ ...card, externalId: '#7003', customerId: 'c3', email: 'tim.krause@web.de', createdAt: NOW - 2 * H, status: 'paid' }),
    ];
    await new OrderRepository(db).append(orders);
    const inquiry: Dispute = {
      id: 'dp_1Inq77',
      provider: 'stripe',
      paymentId: 'ch_7001',
      orderKey: 'shopify:#7001',
      network: 'visa',
      reasonCode: 'fraudulent',
      amountMinor: 1000,
      currency: 'EUR',
      openedAt: NOW - 40 * H,
      dueAt: 0,
      status: 'won',
      stage: 'inquiry',
    };
    await db.disputes.add(inquiry as never);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    const queue = await core.reviewQueue();
    const row = queue.find((r) => r.orderKey === 'shopify:#7003');
    expect(row).toBeDefined();
    expect(row!.fired.map((f) => f.ruleId)).not.toContain('ring-fraud');
    expect(row!.fired.map((f) => f.ruleId)).not.toContain('prior-chargeback');
  });
});
