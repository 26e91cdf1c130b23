// Two own shops number their orders alike: the second shop's export never overwrites the first's
// without the analyst saying so. Asked, nothing is written; answered "another shop", both shops'
// orders live side by side; answered "same shop", they update.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService, type ImportResult } from '../../../renderer/src/core/imports/importService';
import type { ImportOutcome } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderKeyIndex } from '../../../renderer/src/core/storage/orderKeyIndex';
import { fixedClock } from '../../../shared/time/clock';
import { shopifyExport, shopOrders } from '../../support/shopifyExport';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const completed = (r: ImportResult | undefined): ImportOutcome => {
  if (!r || r.status === 'asks') throw new Error(`expected an import, got ${JSON.stringify(r)}`);
  return r;
};

async function setUp() {
  db = createDb(`shops-${n++}`);
  const service = new ImportService(db, clock);
  const first = completed((await service.run([file('shop-a.csv', shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')))], null))[0]);
  expect(first.summary.created).toBe(40);
  const outlet = file('outlet.csv', shopifyExport(shopOrders(40, '2026-06-15', 70, 'b.example')));
  return { service, outlet };
}

describe('two shops with the same order numbers', () => {
  it('the second shop’s export asks and writes nothing', async () => {
    const { service, outlet } = await setUp();
    const [r] = await service.run([outlet], null);
    expect(r!.status).toBe('asks');
    if (r!.status !== 'asks') return;
    expect(r!.question).toMatchObject({ file: 'outlet.csv', orders: 40, first: '#1001', last: '#1040', from: ['shop-a.csv'], differs: ['date', 'amount'] });
    expect(await db.imports.count()).toBe(1);
    expect((await OrderKeyIndex.load(db)).size).toBe(40);
  });

  it('"another shop" keeps both: the first shop’s orders are untouched, the outlet’s are its own and labelled', async () => {
    const { service, outlet } = await setUp();
    const second = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(second.summary).toMatchObject({ created: 40, updated: 0 });
    const index = await OrderKeyIndex.load(db);
    expect(index.size).toBe(80);
    expect(index.get('shopify:#1001')).toBeDefined();
    expect(index.get('shopify@outlet:#1001')).toBeDefined();
    // The name is remembered and offered next time.
    expect(await service.run([outlet], null)).toMatchObject([{ status: 'asks', question: { shops: ['Outlet'] } }]);
    // Imported again as the outlet: nothing changes.
    const again = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 40 });
  });

  it('"same shop" updates them, as the analyst said', async () => {
    const { service, outlet } = await setUp();
    const second = completed((await service.run([outlet], null, undefined, {}, { sameShop: true }))[0]);
    expect(second.summary).toMatchObject({ created: 0, updated: 40 });
    expect((await OrderKeyIndex.load(db)).size).toBe(40);
  });

  it('the same shop’s next export (same orders, new status or more orders) does not ask', async () => {
    const { service } = await setUp();
    const more = shopOrders(45, '2026-05-01', 20, 'a.example');
    const r = completed((await service.run([file('shop-a-later.csv', shopifyExport(more).replaceAll(',paid,', ',refunded,'))], null))[0]);
    expect(r.summary).toMatchObject({ created: 5, updated: 40 });
  });

  it('a bad shop name is refused before anything is read', async () => {
    const { service, outlet } = await setUp();
    await expect(service.run([outlet], null, undefined, {}, { shop: 'a@b' })).rejects.toThrow(/Shop name: a shop name cannot hold @/);
  });
});

describe('marketplace orders are never a shop question', () => {
  it('an Amazon unshipped report after the All Orders report (same orders, other fields and totals) updates without asking, however small the files', async () => {
    db = createDb(`shops-${n++}`);
    const service = new ImportService(db, clock);
    const fx = (name: string) => new File([readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url))], name);
    completed((await service.run([fx('amazon-all-orders.txt')], null))[0]);
    const second = completed((await service.run([fx('amazon-unshipped.txt')], null))[0]);
    expect(second.summary.updated).toBe(1);
  });
});
