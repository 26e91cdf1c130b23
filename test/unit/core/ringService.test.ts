// The rings service keeps its key index between runs: a second run normalises nothing, an import
// normalises only its own orders, and superseded or removed orders stop linking. Each state is
// checked against a fresh service that builds everything from scratch.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
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

const NOW = Date.UTC(2026, 10, 1);
const ringsOf = (o: Awaited<ReturnType<RingService['compute']>>) => o.rings.map((r) => `${r.id}:${r.metrics.orders}`).sort();

async function fromScratch(store: OrderStore) {
  return ringsOf(await new RingService(db, store).compute());
}

describe('RingService key index', () => {
  it('is kept between runs, extended by an import, and forgets superseded and removed orders', async () => {
    db = createDb('ring-service-test');
    await loadDemoData(db, { orders: 3000, clock: fixedClock(NOW) });
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store);

    const first = await service.compute();
    expect(first.indexedOrders).toBe(3000);
    expect(first.rings.length).toBeGreaterThan(2);
    const again = await service.compute({ keyTypes: ['card', 'device'] });
    expect(again.indexedOrders).toBe(0);
    expect((await service.compute()).indexedOrders).toBe(0);

    // An import of two new customers sharing a device: only they are normalised, and they ring.
    const shared = { deviceId: 'dev-new-ring-1', createdAt: NOW - 3_600_000 };
    const repo = new OrderRepository(db);
    const [blockId] = await repo.append(
      [
        order({ externalId: '#new-1', customerId: 'n1', email: 'n1@example.org', shipName: 'Ann Neu', ...shared }),
        order({ externalId: '#new-2', customerId: 'n2', email: 'n2@example.org', shipName: 'Bo Neu', ...shared }),
      ],
      0,
    );
    await store.open();
    const extended = await service.compute();
    expect(extended.indexedOrders).toBe(2);
    expect(ringsOf(extended)).toContain('ring:shopify:#new-1:2');
    expect(ringsOf(extended)).toEqual(await fromScratch(store));

    // One of them superseded (its row no longer live): that ring is gone, nothing re-normalised.
    const block = (await db.orderBlocks.get(blockId!))!;
    block.live[1] = 0;
    await db.orderBlocks.update(blockId!, { live: block.live });
    await store.open();
    const superseded = await service.compute();
    expect(superseded.indexedOrders).toBe(0);
    expect(ringsOf(superseded)).not.toContain('ring:shopify:#new-1:2');
    expect(ringsOf(superseded)).toEqual(await fromScratch(store));

    // The block removed (an undo): the index is rebuilt from what is left.
    await db.orderBlocks.delete(blockId!);
    await store.open();
    const undone = await service.compute();
    expect(undone.indexedOrders).toBe(3000);
    expect(ringsOf(undone)).toEqual(ringsOf(first));
  });
});

describe('hub rules as data', () => {
  it('saved per key type, checked, kept, and applied to the next linking; a bad rule is refused with its reason', async () => {
    db = createDb('ring-service-hub-rules');
    const DAY = 86_400_000;
    // 9 accounts on one device: one months earlier, 8 within two days.
    const orders = Array.from({ length: 9 }, (_, i) =>
      order({
        externalId: `#${i + 1}`,
        customerId: `c${i}`,
        email: `p${i}@example.org`,
        deviceId: 'dev-burst-9',
        createdAt: i === 0 ? 0 : 120 * DAY + i * 3_600_000,
      }),
    );
    await new OrderRepository(db).append(orders);
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store);
    const before = await service.compute();
    expect(before.rings.map((r) => r.metrics.orders)).toEqual([9]);
    expect(before.bursts.map((b) => b.value)).toEqual(['dev-burst-9']);
    await expect(service.saveHubRules({ device: { burstShare: 0 } })).rejects.toThrow('Hub rule for device: the burst share must be more than 0');
    const saved = await service.saveHubRules({ device: { burstShare: 0.95 } });
    expect(saved.device).toEqual({ identities: 8, steadyDays: 45, burstShare: 0.95, burstDays: 7, fraudShare: 0.25 });
    expect(saved.ip.burstDays).toBe(1);
    await expect(service.saveHubRules({ device: { fraudShare: -1 } })).rejects.toThrow('Hub rule for device: the fraud share must be more than 0');
    // Rules saved before the fraud share existed read with its default.
    await db.meta.put({ key: 'hubRules', value: { ...saved, device: { identities: 8, steadyDays: 45, burstShare: 0.95, burstDays: 7 } } });
    expect((await service.hubRules()).device.fraudShare).toBe(0.25);
    // A new service (a reload) reads the saved rules: the device is now held back as a hub, with why.
    const after = await new RingService(db, store).compute();
    expect(after.rings).toEqual([]);
    expect(after.hubs.map((h) => [h.value, h.why])).toEqual([
      ['dev-burst-9', '9 identities over 120 days, 8 of them within 7 days: steady use by many, held back as a hub'],
    ]);
  });

  it('weighs orders labelled fraud in hub judgement, from an index built here or read back from the cache', async () => {
    db = createDb('ring-service-labels');
    await loadDemoData(db, { orders: 500, clock: fixedClock(NOW) });
    // One device used by 12 accounts, a month apart: steady use, a hub, until a quarter are labelled fraud.
    const DAY = 86_400_000;
    const steady = (prefix: string, labelled: number[]) =>
      Array.from({ length: 12 }, (_, i) =>
        order({
          externalId: `#${prefix}-${i}`,
          customerId: `${prefix}${i}`,
          email: `${prefix}${i}@example.org`,
          shipName: `Kim ${prefix}${i}`,
          deviceId: `dev-${prefix}`,
          createdAt: NOW - 400 * DAY + i * 25 * DAY,
          ...(labelled.includes(i) ? { knownOutcome: 'fraud' } : {}),
        }),
      );
    await new OrderRepository(db).append([...steady('quiet', [3]), ...steady('farm', [0, 5, 9])], 0);
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store);
    const built = await service.compute();
    expect(built.indexedOrders).toBe(524);
    expect(ringsOf(built)).toContain('ring:shopify:#farm-0:12');
    expect(ringsOf(built).some((r) => r.includes('#quiet-'))).toBe(false);
    expect(built.hubs.find((h) => h.value === 'dev-quiet')?.why).toMatch(/1 with known fraud: steady use by many, held back as a hub$/);
    expect(built.bursts.find((b) => b.value === 'dev-farm')?.why).toMatch(
      /3 with known fraud: steady use, but by too many with known fraud, linked as a ring$/,
    );
    await service.saved();

    // A new start reads the index back: the labels come with it, and nothing is normalised.
    const restarted = await new RingService(db, store).compute();
    expect(restarted.indexedOrders).toBe(0);
    expect(restarted.restoredOrders).toBe(524);
    expect(ringsOf(restarted)).toEqual(ringsOf(built));
  });

  it('an order re-imported with its e-mail corrected splits the customer its old version joined, in the index kept too', async () => {
    db = createDb('ring-service-superseded-customers');
    await loadDemoData(db, { orders: 300, clock: fixedClock(NOW) });
    const repo = new OrderRepository(db);
    const pair = { deviceId: 'dev-pair-7', createdAt: NOW - 3_600_000 };
    const ada = order({ externalId: '#pair-1', customerId: '', email: 'ada@example.org', shipName: 'Ada Alt', ...pair });
    const beaTypo = order({ externalId: '#pair-2', customerId: 'bea-7', email: 'ada@example.org', shipName: 'Bea Bold', ...pair });
    const [typoBlock] = await repo.append([ada, beaTypo], 0);
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store);
    expect(ringsOf(await service.compute()).filter((r) => r.includes('#pair-'))).toEqual([]);

    // The corrected version arrives; the typo's row is superseded (as an import marks it).
    await repo.append([{ ...beaTypo, email: 'bea@example.org' }], 0);
    const block = (await db.orderBlocks.get(typoBlock!))!;
    block.live[1] = 0;
    await db.orderBlocks.update(typoBlock!, { live: block.live });
    await store.open();
    const fixed = await service.compute();
    expect(fixed.indexedOrders).toBe(1);
    expect(ringsOf(fixed)).toContain('ring:shopify:#pair-1:2');
    await service.saved();
    const restarted = await new RingService(db, store).compute();
    expect(restarted.indexedOrders).toBe(0);
    expect(ringsOf(restarted)).toEqual(ringsOf(fixed));
  });
});
