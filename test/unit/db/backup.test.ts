import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/db/schema';
import { OrderRepository } from '../../../renderer/src/db/orderRepository';
import { OrderStore } from '../../../renderer/src/db/orderStore';
import { exportBackup, inspectBackup, restoreBackup } from '../../../renderer/src/db/backup';
import { NO_FILTER } from '../../../shared/orders/query';
import { order } from '../../support/orders';

async function allOrders(db: ReturnType<typeof createDb>) {
  const store = new OrderStore(db);
  const n = await store.open();
  await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, n);
}

describe('backup and restore', () => {
  it('round-trips every table, typed-array blocks included, into a wiped cache', async () => {
    const source = createDb('backup-roundtrip');
    const orders = Array.from({ length: 300 }, (_, i) => order({ externalId: `#${i}`, createdAt: Date.UTC(2026, 0, 1) + i * 60_000, totalMinor: i * 101 }));
    await new OrderRepository(source).append(orders);
    await source.payments.put({ id: 'ch_1', provider: 'stripe', orderRef: '#1', createdAt: 1, amountMinor: 101, currency: 'EUR', status: 'succeeded', email: 'a@b.de', ip: '203.0.113.1', cardBin: '424242', cardLast4: '4242', cardExpiry: '03/27', cardFingerprint: 'fp', cardBrand: 'visa', cardCountry: 'DE' });
    await source.meta.put({ key: 'analystName', value: 'K. Weber' });
    const before = await allOrders(source);

    const blob = await exportBackup(source);
    expect((await inspectBackup(blob, 'backup-roundtrip')).tables.find((t) => t.name === 'orderBlocks')?.rowCount).toBe(1);

    const payment = await source.payments.get('ch_1');
    source.close();
    await source.delete();

    // Restore into a cache that holds different data: it must be replaced, not merged.
    const target = createDb('backup-roundtrip');
    await new OrderRepository(target).append([order({ externalId: '#stale' })]);
    await restoreBackup(target, blob);
    const after = await allOrders(target);
    expect(after).toEqual(before);
    expect(after.some((o) => o.externalId === '#stale')).toBe(false);
    expect(await target.payments.get('ch_1')).toEqual(payment);
    expect(await target.meta.get('analystName')).toEqual({ key: 'analystName', value: 'K. Weber' });
    const block = (await target.orderBlocks.toArray())[0]!;
    expect(block.createdAt).toBeInstanceOf(Float64Array);
    await target.delete();
  });

  it('rejects a file that is not a backup before touching the cache', async () => {
    const target = createDb('backup-reject');
    await new OrderRepository(target).append([order()]);
    await expect(restoreBackup(target, new Blob(['Name,Email\n#1,a@b.de\n']))).rejects.toThrow(/not a Fraud Workbench backup/);
    expect(await target.orderBlocks.count()).toBe(1);
    await target.delete();
  });
});
