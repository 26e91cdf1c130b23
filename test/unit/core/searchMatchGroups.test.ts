// The search box's "matched in" counts: per group of columns, what that narrower search shows in
// the table, filters included, current versions only.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { NO_FILTER } from '../../../shared/orders/query';
import { order } from '../../support/orders';

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

it('counts each group as its narrower search would show it in the table, under the filters', async () => {
  db = createDb('match-groups');
  await new OrderRepository(db).append([
    order({ externalId: '#1001', email: 'koeln.fan@web.de', shipCity: 'Köln', shipName: 'Anna Koehler', marketplace: 'shop' }),
    order({ externalId: '#1002', email: 'anna@gmx.de', shipCity: 'Koeln', shipName: 'Bob Maier', marketplace: 'amazon' }),
    order({ externalId: '#1003', email: 'x@y.de', shipCity: 'Bonn', shipName: 'Carl Koeln', marketplace: 'shop' }),
  ]);
  const store = new OrderStore(db);
  await store.open();
  const found = async (filter = NO_FILTER) => (await store.matchGroups('koeln', filter))!.filter((g) => g.count > 0).map((g) => `${g.prefix} ${g.count}`);
  expect(await found()).toEqual(['email 1', 'name 1', 'city 1']);
  // Only the own shop: the Amazon order's city no longer counts.
  expect(await found({ ...NO_FILTER, marketplaces: ['shop'] })).toEqual(['email 1', 'name 1']);
  expect(await store.matchGroups('city:koeln', NO_FILTER)).toBeNull();
  // Counting leaves the table's own result alone.
  expect(await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'desc' }, search: 'bonn' })).toBe(1);
  await store.matchGroups('koeln', NO_FILTER);
  expect((await store.rows(0, 10)).map((r) => r.externalId)).toEqual(['#1003']);
});
