// A PSP's dispute export writes the order number as its metadata held it (`7001`); Shopify names the
// order `#7001`. The Disputes screen and Reports joined the two; Rings and the review queue counted
// chargebacks by the exact key, so a ring whose card drew a fraud chargeback showed none, and the
// queue scored its other orders without the ring-fraud and prior-chargeback signals.
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

const card = { cardFingerprint: 'fp_Rt55Nm2Qa9Ls', billCountry: 'DE' };
const ringOrders = () => [
  order({ ...card, externalId: '#7001', customerId: 'c1', email: 'j.krause@posteo.de', createdAt: NOW - 48 * H, status: 'fulfilled' }),
  order({ ...card, externalId: '#7002', customerId: 'c2', email: 'mia.krause@gmx.de', createdAt: NOW - 24 * H, status: 'paid' }),
  order({ ...card, externalId: '#7003', customerId: 'c3', email: 'tim.krause@web.de', createdAt: NOW - 2 * H, status: 'paid' }),
];
const chargeback = (orderKey: string): Dispute => ({
  id: 'dp_1Cb77',
  provider: 'stripe',
  paymentId: 'ch_7001',
  orderKey,
  network: 'visa',
  reasonCode: '10.4',
  amountMinor: 1000,
  currency: 'EUR',
  openedAt: NOW - 40 * H,
  dueAt: NOW + 200 * H,
  status: 'new',
});

describe.each([
  ['written as the cache stores it', 'shopify:#7001'],
  ['written without Shopify’s #', 'shopify:7001'],
])('a fraud chargeback on a ring’s order, %s', (_, orderKey) => {
  it('counts in the ring and in the review queue’s signals', async () => {
    db = createDb('chargeback-spelling');
    await new OrderRepository(db).append(ringOrders());
    await db.disputes.add(chargeback(orderKey) as never);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    const overview = await core.rings();
    const ring = overview.rings.find((r) => r.metrics.orders === 3);
    expect(ring).toBeDefined();
    expect(ring!.metrics.disputes).toBe(1);
    expect(ring!.metrics.fraudDisputes).toBe(1);
    const queue = await core.reviewQueue();
    const row = queue.find((r) => r.orderKey === 'shopify:#7003');
    expect(row!.fired.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['ring-fraud', 'prior-chargeback']));
  });
});
