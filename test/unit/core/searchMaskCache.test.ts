// The snapshot keeps the masks of recent searches: the "matched in" counts after a free-text search
// (one narrowed query per group) must not push the free text's own mask out, or the table's next
// page and a click on a group each rescan every order.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore, SEARCH_MASKS_KEPT } from '../../../renderer/src/core/storage/orderStore';
import { NO_FILTER } from '../../../shared/orders/query';
import * as search from '../../../shared/orders/search';
import { order } from '../../support/orders';

vi.mock('../../../shared/orders/search', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/orders/search')>();
  return { ...actual, searchMask: vi.fn(actual.searchMask) };
});

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const byDate = { field: 'createdAt', dir: 'desc' } as const;

it('answers a search again from its kept mask after the group counts, and forgets the least recent beyond the limit', async () => {
  db = createDb('search-mask-cache');
  await new OrderRepository(db).append([
    order({ externalId: '#1001', email: 'koeln.fan@web.de', shipCity: 'Köln' }),
    order({ externalId: '#1002', email: 'anna@gmx.de', shipCity: 'Koeln' }),
  ]);
  const store = new OrderStore(db);
  await store.open();
  const scans = vi.mocked(search.searchMask);
  scans.mockClear();

  expect(await store.query({ filter: NO_FILTER, sort: byDate, search: 'koeln' })).toBe(2);
  await store.matchGroups('koeln', NO_FILTER);
  const afterCounts = scans.mock.calls.length;
  expect(afterCounts).toBe(1 + search.MATCH_GROUPS.length);
  // The table's next query of the same text, and a click on a group, scan nothing.
  expect(await store.query({ filter: NO_FILTER, sort: byDate, search: 'koeln' })).toBe(2);
  expect(await store.query({ filter: NO_FILTER, sort: byDate, search: 'email:koeln' })).toBe(1);
  expect(scans.mock.calls.length).toBe(afterCounts);

  // Beyond the limit the least recently used goes first: after as many other searches as are kept,
  // the latest is still answered from its mask and 'koeln', now the least recent, is scanned again.
  for (let i = 0; i < SEARCH_MASKS_KEPT; i++) await store.query({ filter: NO_FILTER, sort: byDate, search: `other${i}` });
  const before = scans.mock.calls.length;
  await store.query({ filter: NO_FILTER, sort: byDate, search: `other${SEARCH_MASKS_KEPT - 1}` });
  expect(scans.mock.calls.length).toBe(before);
  await store.query({ filter: NO_FILTER, sort: byDate, search: 'koeln' });
  expect(scans.mock.calls.length).toBe(before + 1);
});
