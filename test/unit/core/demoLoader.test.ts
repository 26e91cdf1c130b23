import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/core/storage/schema';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { fixedClock } from '../../../shared/time/clock';
import { OrderKeyIndex } from '../../../renderer/src/core/storage/orderKeyIndex';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { generateDemoAll } from '../../../shared/demo';
import { orderKey } from '../../../shared/domain/order';

describe('loading demo data', () => {
  it('writes every generated order, payment and dispute, with upsert keys, into an empty cache only', async () => {
    const db = createDb('demo-load-test');
    const progress: number[] = [];
    const n = await loadDemoData(db, { orders: 3000, clock: fixedClock(Date.UTC(2026, 10, 24)) }, (done) => progress.push(done));
    expect(n).toBe(3000);
    expect(await new OrderRepository(db).count()).toBe(3000);
    expect((await OrderKeyIndex.load(db)).size).toBe(3000);
    expect(await new PaymentStore(db).count()).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(3000);
    await expect(loadDemoData(db, { orders: 10 })).rejects.toThrow(/empty cache/);
    await db.delete();
  });

  it('stores the generated year as generated: every chunk whole and in order, payments and disputes beside them', async () => {
    // Three chunks of 8,192: the next is generated while the one before commits.
    const db = createDb('demo-load-order-test');
    const now = Date.UTC(2026, 10, 24);
    const progress: number[] = [];
    await loadDemoData(db, { orders: 20_000, seed: 5, clock: fixedClock(now) }, (done) => progress.push(done));
    expect(progress).toEqual([8192, 16384, 20000]);
    const want = generateDemoAll({ orders: 20_000, seed: 5, now });
    const store = new OrderStore(db);
    await store.open();
    const { orders } = await store.allOrders();
    expect(orders.map(orderKey)).toEqual(want.orders.map(orderKey));
    expect(orders).toEqual(want.orders);
    expect(await new PaymentStore(db).count()).toBe(want.payments.length);
    expect(await db.disputes.count()).toBe(want.disputes.length);
    await db.delete();
  });
});
