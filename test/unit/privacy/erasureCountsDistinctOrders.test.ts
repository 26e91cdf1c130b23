// An order a Stripe payment enriched (its card details) is stored twice: the import's version,
// superseded, and the enriched one. An erasure blanks both, but it is one order: the confirm
// dialog and the log entry count distinct order keys, and two shops' #1001 stay two orders.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { applyPersonalDataPlan, planCustomerErasure, summarise } from '../../../renderer/src/core/privacy/personalData';
import { checkBackupRegister } from '../../../renderer/src/core/privacy/erasureRegister';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { fixedClock } from '../../../shared/time/clock';
import { chunked } from '../../support/importInput';
import { order } from '../../support/orders';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), 'utf8');
const importText = (db: WorkbenchDb, name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return importFile(db, { name, size: bytes.length, chunks: chunked(bytes, 4096) }, {}, undefined, undefined, clock);
};
async function cache(name: string) {
  const db = createDb(name);
  dbs.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  return db;
}

describe('an erasure counts each order once', () => {
  it('counts an order joined by its Stripe payment once, in the plan and in the log entry', async () => {
    const db = await cache('erase-distinct-stripe');
    await importText(db, 'shopify-orders.csv', fixture('shopify-orders.csv'));
    await importText(db, 'stripe-payments.csv', fixture('stripe-payments.csv'));

    const plan = await planCustomerErasure(db, 'carla@example.org');
    const summary = summarise(plan);
    expect(summary.orders).toBe(1);
    expect(summary.orderNumbers).toEqual(['#1003']);
    expect(summary.payments).toBe(1);
    // Both stored versions of #1003 (the import's and the enriched one) are still blanked.
    expect([...plan.rows.values()].flat().length).toBe(2);

    const entry = await applyPersonalDataPlan(db, plan, { reference: 'GDPR-2026-151', clock });
    expect(entry.note).toContain('Erased the personal data of 1 order and 1 payment on request GDPR-2026-151');
    // The register keeps the one key, and a backup's check still reads the entry in the singular.
    const register = await db.erasures.toArray();
    expect(register.map((r) => r.orderKeys)).toEqual([['shopify:#1003']]);
    const entries = await new DecisionLog(db).entries();
    expect(() => checkBackupRegister(register, entries, [])).not.toThrow();
  });

  it('keeps two shops’ #1001 apart: two orders', async () => {
    const db = await cache('erase-distinct-shops');
    await new OrderRepository(db).append([
      order({ source: 'shopify@shop-a', externalId: '#1001', email: 'dora@example.org' }),
      order({ source: 'shopify@shop-b', externalId: '#1001', email: 'dora@example.org' }),
    ]);
    const plan = await planCustomerErasure(db, 'dora@example.org');
    expect(summarise(plan).orders).toBe(2);
    const entry = await applyPersonalDataPlan(db, plan, { reference: 'GDPR-2026-152', clock });
    expect(entry.note).toContain('Erased the personal data of 2 orders and 0 payments on request GDPR-2026-152');
  });
});
