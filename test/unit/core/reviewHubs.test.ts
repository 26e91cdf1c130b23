// Over a real (fake-indexeddb) cache: a value the rings hold back as a hub (a company's goods-in
// warehouse many customers ship to) is many people's, so another customer's chargeback there is
// no earlier chargeback of this one.
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
const DAY = 24 * H;
const NOW = Date.UTC(2026, 11, 31, 22, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const warehouse = { shipStreet: 'Industriestraße 5', shipPostcode: '04129', shipCity: 'Leipzig', shipCountry: 'DE', billCountry: 'DE' };

describe('scoring at a hub', () => {
  it('does not count a chargeback of another customer at a warehouse the rings hold back as a hub', async () => {
    db = createDb('review-hub-chargeback');
    // Twenty customers of one company ship to its goods-in over half a year, one every nine days:
    // steady use by many, a hub. Four months ago one of them drew a fraud chargeback.
    const history = Array.from({ length: 20 }, (_, i) =>
      order({
        ...warehouse,
        externalId: `#${5000 + i}`,
        customerId: `c${i}`,
        email: `staff${i}@example-gmbh.de`,
        shipName: `Person ${i}`,
        createdAt: NOW - (10 + i * 9) * DAY,
        status: 'fulfilled',
      }),
    );
    const today = order({
      ...warehouse,
      externalId: '#5100',
      customerId: 'c100',
      email: 'j.meier@example-gmbh.de',
      shipName: 'Jana Meier',
      createdAt: NOW - 2 * H,
      riskLevel: 'high',
    });
    await new OrderRepository(db).append([...history, today]);
    const chargeback: Dispute = {
      id: 'dp_1Wh4',
      provider: 'stripe',
      paymentId: 'ch_5012',
      orderKey: 'shopify:#5012',
      network: 'visa',
      reasonCode: '10.4',
      amountMinor: 8900,
      currency: 'EUR',
      openedAt: NOW - 120 * DAY,
      dueAt: 0,
      status: 'lost',
    };
    await db.disputes.add(chargeback as never);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    const queue = await core.reviewQueue();
    const row = queue.find((r) => r.orderKey === 'shopify:#5100');
    expect(row).toBeDefined();
    // +35 for another customer's chargeback took it from review (35) to hold (70).
    expect(row!.fired.map((f) => f.ruleId)).toEqual(['marketplace-risk-high', 'new-customer']);
    expect(row!.state).toBe('review');
  });
});
