import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository, ORDER_BLOCK_SIZE } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { NO_FILTER } from '../../../shared/orders/query';
import { order } from '../../support/orders';

let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

function freshDb() {
  db = createDb(`store-test-${n++}`);
  return db;
}

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

describe('OrderStore over column blocks', () => {
  it('stores orders across several blocks and reads every one back in place', async () => {
    const db = freshDb();
    const total = ORDER_BLOCK_SIZE * 2 + 17;
    const orders = Array.from({ length: total }, (_, i) =>
      order({ externalId: `#${10000 + i}`, createdAt: T0 + i * HOUR, marketplace: i % 3 === 0 ? 'amazon' : 'shop', email: `buyer${i}@web.de` }),
    );
    await new OrderRepository(db).append(orders);
    expect(await db.orderBlocks.count()).toBe(3);
    const store = new OrderStore(db);
    expect(await store.open()).toBe(total);
    expect(await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' })).toBe(total);
    const rows = await store.rows(ORDER_BLOCK_SIZE - 2, ORDER_BLOCK_SIZE + 2);
    expect(rows.map((r) => r.externalId)).toEqual(
      [ORDER_BLOCK_SIZE - 2, ORDER_BLOCK_SIZE - 1, ORDER_BLOCK_SIZE, ORDER_BLOCK_SIZE + 1].map((i) => `#${10000 + i}`),
    );
    const { row: _row, ...first } = (await store.rows(total - 1, total))[0]!;
    expect(first).toEqual(orders[total - 1]);
  });

  it('filters by marketplace and date range and sorts newest first', async () => {
    const db = freshDb();
    const orders = Array.from({ length: 100 }, (_, i) => order({ externalId: `#${i}`, createdAt: T0 + i * HOUR, marketplace: i % 2 ? 'zalando' : 'shop' }));
    await new OrderRepository(db).append(orders);
    const store = new OrderStore(db);
    await store.open();
    const n = await store.query({
      filter: { ...NO_FILTER, marketplaces: ['zalando'], from: T0 + 10 * HOUR, to: T0 + 20 * HOUR },
      sort: { field: 'createdAt', dir: 'desc' },
      search: '',
    });
    expect(n).toBe(5);
    expect((await store.rows(0, 5)).map((r) => r.externalId)).toEqual(['#19', '#17', '#15', '#13', '#11']);
  });

  it('searches text it has not loaded yet, across blocks', async () => {
    const db = freshDb();
    const orders = Array.from({ length: ORDER_BLOCK_SIZE + 5 }, (_, i) =>
      order({ externalId: `#${i}`, createdAt: T0 + i, email: i === ORDER_BLOCK_SIZE + 3 ? 'Needle.Person@gmail.com' : `p${i}@gmx.de` }),
    );
    await new OrderRepository(db).append(orders);
    const store = new OrderStore(db);
    await store.open();
    expect(await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: 'needle.person' })).toBe(1);
    expect((await store.rows(0, 1))[0]!.externalId).toBe(`#${ORDER_BLOCK_SIZE + 3}`);
  });

  it('opens an empty cache with zero orders', async () => {
    const store = new OrderStore(freshDb());
    expect(await store.open()).toBe(0);
    expect(await store.query({ filter: NO_FILTER, sort: { field: 'totalMinor', dir: 'desc' }, search: 'x' })).toBe(0);
    expect(store.span()).toBeNull();
  });
});

describe('OrderStore snapshots', () => {
  it('pages through a result on the state it was queried on, even after the cache reopened', async () => {
    const db = freshDb();
    const repo = new OrderRepository(db);
    await repo.append(Array.from({ length: 50 }, (_, i) => order({ externalId: `#a${i}`, createdAt: T0 + i })));
    const store = new OrderStore(db);
    await store.open();
    expect(await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' })).toBe(50);
    // Another worker writes and this one reopens before the table asked for its next page.
    await repo.append(Array.from({ length: 50 }, (_, i) => order({ externalId: `#b${i}`, createdAt: T0 - 1000 + i })));
    await store.open();
    expect(store.count).toBe(100);
    // The old result is gone with the reopen; a fresh query sees both imports.
    expect(await store.rows(0, 5)).toEqual([]);
    expect(await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' })).toBe(100);
    expect((await store.rows(0, 1))[0]!.externalId).toBe('#b0');
  });
});

describe('order block ids', () => {
  it('are never reused, even after the newest blocks were removed (as Undo does)', async () => {
    const db = freshDb();
    const repo = new OrderRepository(db);
    const [a] = await repo.append([order({ externalId: '#1' })]);
    const [b] = await repo.append([order({ externalId: '#2' })]);
    await db.orderBlocks.delete(b!);
    await db.orderText.delete(b!);
    await db.orderKeys.delete(b!);
    const [c] = await repo.append([order({ externalId: '#3' })]);
    expect(a).toBe(1);
    expect(b).toBe(2);
    expect(c).toBe(3);
  });
});
