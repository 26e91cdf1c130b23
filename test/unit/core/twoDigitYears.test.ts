// Two-digit years in an import are read near the year of the import's clock, never the machine's
// and never always 20xx: "31.12.99" in 2026 is 1999; the same file read in 2081 is 2099.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService, type ImportResult } from '../../../renderer/src/core/imports/importService';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { shopifyExport } from '../../support/shopifyExport';

let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const file = shopifyExport([{ name: '#1001', email: 'a@example.com', total: '10.00', createdAt: '31.12.99 10:00' }]);

async function createdYear(now: number): Promise<number> {
  db = createDb(`two-digit-${n++}`);
  const [r]: ImportResult[] = await new ImportService(db, fixedClock(now)).run([new File([file], 'orders.csv', { type: 'text/csv' })], null);
  expect(r).toMatchObject({ status: 'completed', summary: { created: 1, quarantined: 0 } });
  const [block] = await db.orderBlocks.toArray();
  expect(await new OrderRepository(db).count()).toBe(1);
  return new Date(block!.createdAt[0]!).getUTCFullYear();
}

describe('two-digit years', () => {
  it('are read near the import clock’s year', async () => {
    expect(await createdYear(Date.UTC(2026, 10, 18))).toBe(1999);
    expect(await createdYear(Date.UTC(2081, 0, 5))).toBe(2099);
  });
});
