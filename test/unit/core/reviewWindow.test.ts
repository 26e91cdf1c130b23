// History is not work: orders older than the review window are stored and linked but not queued;
// a held order stays whatever its age; the window is a setting, kept and checked.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { REVIEW_WINDOW_DAYS } from '../../../shared/decisions/sla';
import { fixedClock } from '../../../shared/time/clock';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 14, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the review window', () => {
  it('queues only orders from the last 14 days, keeps a held older one, and follows the saved setting', async () => {
    db = createDb('review-window');
    // A year of paid orders, one every 10 days, each a new customer; the matrix queues new customers.
    const orders = Array.from({ length: 37 }, (_, i) =>
      order({ externalId: `#${i + 1}`, customerId: `c${i}`, email: `p${i}@example.org`, status: 'paid', createdAt: NOW - i * 10 * DAY - 3_600_000 }),
    );
    await new OrderRepository(db).append(orders);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    await core.saveMatrix(
      { version: 0, rules: [{ id: 'new', signal: 'newCustomer', atLeast: 1, points: 60 }], thresholds: { review: 50, hold: 90 } },
      'queue every new customer',
    );
    const all = await core.saveReviewSettings({ ...(await core.reviewSettings()), windowDays: 365 });
    expect(all.windowDays).toBe(365);
    expect(await core.reviewQueue()).toHaveLength(37);
    await core.decide('shopify:#20', 'hold', 'VELOCITY', '');

    await core.saveReviewSettings({ ...(await core.reviewSettings()), windowDays: REVIEW_WINDOW_DAYS });
    const queue = await core.reviewQueue();
    // #1 (1 h old) and #2 (10 days): inside the window; #20 (190 days) stays because it is held.
    expect(queue.map((r) => [r.orderKey, r.state]).sort()).toEqual([
      ['shopify:#1', 'review'],
      ['shopify:#2', 'review'],
      ['shopify:#20', 'held'],
    ]);
    await expect(core.saveReviewSettings({ ...(await core.reviewSettings()), windowDays: 0 })).rejects.toThrow(
      'The review window must be a whole number of days from 1 to 365',
    );
  });
});
