import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/core/storage/schema';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { fixedClock } from '../../../shared/time/clock';
import { OrderKeyIndex } from '../../../renderer/src/core/storage/orderKeyIndex';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';

describe('loading demo data', () => {
  it('writes every generated order, payment and dispute, with upsert keys, into an empty cache only', async () => {
    const db = createDb('demo-load-test');
    const progress: number[] = [];
    const n = await loadDemoData(db, { orders: 3000, clock: fixedClock(Date.UTC(2026, 10, 24)) }, (done) => progress.push(done));
    expect(n).toBe(3000);
    expect(await new OrderRepository(db).count()).toBe(3000);
    expect((await OrderKeyIndex.load(db)).size).toBe(3000);
    expect(await db.payments.count()).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(3000);
    await expect(loadDemoData(db, { orders: 10 })).rejects.toThrow(/empty cache/);
    await db.delete();
  });
});
