// A verdict is given on a ring, named by one of its orders; a later import that links a new order
// into the ring (an Amazon order, a shop number that sorts first) renames it, and the verdict must
// stay with it: on the Rings list, in its detail, and wherever the verdicts are read.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/time/clock';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { order } from '../normalize/orderFixture';

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 2, 12);
const device = 'dev-4c1e-77a0';

describe('a ring verdict after an import adds an order to the ring', () => {
  it.each([
    [
      'an Amazon order',
      order({ externalId: '302-7788990-1122334', source: 'amazon.de', marketplace: 'amazon', customerId: 'A2XK9QH0BUYER', deviceId: device }),
    ],
    ['a shop order numbered #10000', order({ externalId: '#10000', customerId: 'c-3', email: 'c3@web.de', deviceId: device })],
  ])('%s joins a confirmed ring: the ring keeps its verdict', async (_, joining) => {
    db = createDb(`ring-verdict-after-import-${joining.externalId}`);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const repo = new OrderRepository(db);
    await repo.append(
      [
        order({ externalId: '#9998', customerId: 'c-1', email: 'c1@web.de', deviceId: device, createdAt: NOW - 3 * HOUR }),
        order({ externalId: '#9999', customerId: 'c-2', email: 'c2@web.de', deviceId: device, createdAt: NOW - 2 * HOUR }),
      ],
      0,
    );
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store, fixedClock(NOW));
    const [ring] = (await service.compute()).rings;
    expect(ring?.id).toBe('ring:shopify:#9998');
    await service.decisions.markRing(ring!.id, 'confirmed-fraud', 'chargebacks on both', service.lastRings()[0]!.orderKeys);

    await repo.append([{ ...joining, createdAt: NOW - HOUR }], 0);
    await store.open();
    const after = await service.compute();
    expect(after.rings.map((r) => [r.metrics.orders, r.mark?.status])).toEqual([[3, 'confirmed-fraud']]);
    const detail = await service.detail(after.rings[0]!.id);
    expect(detail.mark?.status).toBe('confirmed-fraud');
    expect(detail.marks.map((m) => [m.status, m.analyst])).toEqual([['confirmed-fraud', 'K. Weber']]);
    expect((await service.verdicts()).get(after.rings[0]!.id)?.status).toBe('confirmed-fraud');
  });

  it('a ring that holds the naming order but not the orders judged is another ring: no verdict', async () => {
    db = createDb('ring-verdict-split');
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const repo = new OrderRepository(db);
    const phone = '0171 5550123';
    await repo.append(
      [
        order({ externalId: '#9998', customerId: 'c-1', email: 'c1@web.de', deviceId: device, phone, createdAt: NOW - 3 * HOUR }),
        order({ externalId: '#9999', customerId: 'c-2', email: 'c2@web.de', deviceId: device, createdAt: NOW - 2 * HOUR }),
      ],
      0,
    );
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store, fixedClock(NOW));
    await service.compute();
    await service.decisions.markRing('ring:shopify:#9998', 'benign', 'one family', service.lastRings()[0]!.orderKeys);
    await service.decisions.addOverride('device', device, 'never-link', 'the family tablet');
    await repo.append(
      [order({ externalId: '302-1111111-2222222', source: 'amazon.de', marketplace: 'amazon', customerId: 'A9OTHER', phone, createdAt: NOW - HOUR })],
      0,
    );
    await store.open();
    const after = await service.compute();
    expect(after.rings.map((r) => [r.id, r.mark])).toEqual([['ring:amazon.de:302-1111111-2222222', null]]);
  });
});
