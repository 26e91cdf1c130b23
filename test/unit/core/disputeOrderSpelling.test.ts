// Shopify names its orders #1001; a PSP's metadata often writes 1001. Payments join either spelling
// onto the order (orderRefVariants, shared/orders/paymentFacts.ts: "`#1001` in Shopify, `1001` in
// PSP metadata"); a dispute on that payment must reach the same order, or the Disputes screen shows
// it "not in cache", with no CE 3.0 check and a blocked evidence pack.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DisputeService } from '../../../renderer/src/core/disputes/disputeService';
import { ReportService } from '../../../renderer/src/core/reports/reportService';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { STRIPE_DISPUTES } from '../../../shared/ingest/formats/stripe';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 4, 22, 9, 0));
async function* once(b: Uint8Array): AsyncGenerator<Uint8Array> {
  yield b;
}
const file = (name: string, b: Uint8Array) => ({ name, size: b.length, chunks: once(b) });

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a dispute whose export writes the order number without Shopify’s #', () => {
  it('is listed with its Shopify order', async () => {
    db = createDb('dispute-order-spelling');
    const orders = new Uint8Array(readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url)));
    await importFile(db, file('orders_export.csv', orders), {}, undefined, undefined, clock);
    const disputesCsv = new TextEncoder().encode(
      [
        'id,Reason,Status,Charge ID,order_id (metadata),Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'dp_1,fraudulent,needs_response,ch_1,1001,10.00,eur,2026-05-20 10:00,2026-06-09 23:59,visa',
        '',
      ].join('\n'),
    );
    await importFile(db, file('disputes.csv', disputesCsv), { preset: STRIPE_DISPUTES }, undefined, undefined, clock);
    const store = new OrderStore(db);
    await store.open();
    const rings = new RingService(db, store, clock);
    const service = new DisputeService(db, rings, clock);
    const [row] = await service.list();
    expect(row!.order?.externalId).toBe('#1001');
    expect((await service.detail('dp_1')).order?.externalId).toBe('#1001');
    expect((await service.evidencePack('dp_1')).checks.map((c) => c.text)).not.toContain(
      'The disputed order is not in the cache: import its orders export first',
    );
    // The reports' orders behind the period's chargebacks hold it too.
    const snap = store.currentSnapshot();
    const behind = await new ReportService(db, store, rings, clock).ordersBehind(snap, {
      kind: 'chargebacks',
      family: null,
      openedFrom: Date.UTC(2026, 4, 1),
      openedTo: Date.UTC(2026, 5, 1),
      label: 'May',
    });
    const rows = await snap.rowsOfKeys(new Set(['shopify:#1001']));
    expect(behind[rows.get('shopify:#1001')!]).toBe(1);
  });
});
