import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/db/schema';
import { OrderRepository } from '../../../renderer/src/db/orderRepository';
import { OrderStore } from '../../../renderer/src/db/orderStore';
import { DecisionLog } from '../../../renderer/src/db/decisionLog';
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
    const decision = await new DecisionLog(source).append({ orderKey: 'shopify:#1', decision: 'hold', reasonCode: 'FRAUD-RING', note: '', analyst: 'K. Weber', at: 1, score: 80, matrixVersion: 1, undoes: null });
    const before = await allOrders(source);

    const blob = await exportBackup(source);
    expect((await inspectBackup(blob, 'backup-roundtrip')).tables.find((t) => t.name === 'orderBlocks')?.rowCount).toBe(1);

    const payment = await source.payments.get('ch_1');
    source.close();
    await source.delete();

    // Restore into a cache that holds different data: it must be replaced, not merged.
    const target = createDb('backup-roundtrip');
    await new OrderRepository(target).append([order({ externalId: '#stale' })]);
    await new DecisionLog(target).append({ orderKey: 'shopify:#stale', decision: 'release', reasonCode: '', note: '', analyst: 'X', at: 2, score: 10, matrixVersion: 1, undoes: null });
    await restoreBackup(target, blob);
    const after = await allOrders(target);
    expect(after).toEqual(before);
    expect(after.some((o) => o.externalId === '#stale')).toBe(false);
    expect(await target.payments.get('ch_1')).toEqual(payment);
    expect(await target.meta.get('analystName')).toEqual({ key: 'analystName', value: 'K. Weber' });
    const block = (await target.orderBlocks.toArray())[0]!;
    expect(block.createdAt).toBeInstanceOf(Float64Array);
    // The restore replaced the decision log by the backup's, which still verifies; append-only holds again after.
    expect(await new DecisionLog(target).entries()).toEqual([decision]);
    expect(await new DecisionLog(target).verify()).toEqual({ ok: true, entries: 1 });
    await expect(target.decisions.clear()).rejects.toThrow(/append-only/);
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
