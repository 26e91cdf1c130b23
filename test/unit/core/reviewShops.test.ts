// Two own shops number their orders alike (#1001 in each): the review queue must say which shop
// each queued order is from, as Orders and Rings do, or the analyst cannot tell which one they decide.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 30, 23, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the review queue with two shops', () => {
  it('names the shop of each #1001, and a hold on one stands on that one only', async () => {
    db = createDb('review-two-shops');
    await new OrderRepository(db).append([
      order({ externalId: '#1001', customerId: 'c1', email: 'a.huber@web.de', createdAt: NOW - 3 * H, riskLevel: 'high' }),
      order({
        externalId: '#1001',
        source: 'shopify@outlet',
        channel: 'Outlet',
        customerId: 'o1',
        email: 'l.berg@gmx.de',
        createdAt: NOW - 2 * H,
        riskLevel: 'high',
      }),
      order({
        externalId: '302-1234567-7654321',
        source: 'amazon-all-orders',
        marketplace: 'amazon',
        channel: 'Amazon.co.uk',
        currency: 'GBP',
        createdAt: NOW - H,
        riskLevel: 'high',
      }),
    ]);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    const queue = await core.reviewQueue();
    const shown = (key: string) => queue.find((r) => r.orderKey === key)?.channel;
    expect(shown('shopify:#1001')).toBe('Own shop');
    expect(shown('shopify@outlet:#1001')).toBe('Outlet');
    expect(shown('amazon-all-orders:302-1234567-7654321')).toBe('Amazon.co.uk');

    await core.decide('shopify@outlet:#1001', 'hold', 'STOLEN-CARD', '');
    const after = await core.reviewQueue();
    expect(after.filter((r) => r.externalId === '#1001').map((r) => [r.channel, r.state])).toEqual([
      ['Own shop', 'review'],
      ['Outlet', 'held'],
    ]);
  });
});
