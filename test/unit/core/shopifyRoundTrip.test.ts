// The demo year written as a Shopify orders export (the bench's import input, in small) and
// imported back: every mapped value of every order must come back as the order it was written
// from, and every row be accounted for. Real exports' variety in one file: line items over
// several rows, quoted cells with commas, umlauts, shop-offset times across both DST changes,
// postcodes with a leading apostrophe, cancelled and refunded orders.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { NO_FILTER } from '../../../shared/orders/query';
import { generateDemoAll } from '../../../shared/demo';
import { SHOPIFY_HEADER, shopifyItemsOf, shopifyOrderRows, shopifyTime } from '../../../shared/demo/shopifyExport';
import type { Order } from '../../../shared/domain/order';
import { chunked } from '../../support/importInput';

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a Shopify export of the demo year, imported back', () => {
  it('gives back every order as written, and accounts for every row', async () => {
    db = createDb('shopify-round-trip');
    // A year at 3,000 orders: every day of it, so both DST changes fall inside.
    const { orders } = generateDemoAll({ orders: 3000, seed: 7, now: Date.UTC(2026, 10, 24), chunkSize: 1000 });
    const lines = [SHOPIFY_HEADER.join(',')];
    const written = new Map<string, Order>();
    orders.forEach((o, i) => {
      const rows = shopifyOrderRows(o, 1001 + i, shopifyItemsOf(i + 1));
      lines.push(...rows);
      written.set(`#${1001 + i}`, o);
    });
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const r = await importFile(db, { name: 'orders_export_1.csv', size: bytes.length, chunks: chunked(bytes, 64 * 1024) });

    expect(r.status).toBe('completed');
    expect(r.summary.format).toBe('shopify-orders');
    expect(r.summary.rows).toBe(lines.length - 1);
    expect(r.summary.quarantined).toBe(0);
    expect(r.summary.created).toBe(r.summary.rows);
    expect(r.summary.errors).toEqual([]);

    const store = new OrderStore(db);
    await store.open();
    const count = await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
    expect(count).toBe(orders.length);
    const back = await store.rows(0, count);
    const mismatches: string[] = [];
    for (const got of back) {
      const o = written.get(got.externalId);
      if (!o) {
        mismatches.push(`${got.externalId}: not written`);
        continue;
      }
      const want = {
        source: 'shopify',
        marketplace: 'shop',
        // Written to the second in the shop's local time with its offset.
        createdAt: Math.floor(o.createdAt / 1000) * 1000,
        totalMinor: o.totalMinor,
        currency: o.currency,
        status: o.status,
        email: o.email,
        shipName: o.shipName,
        shipStreet: o.shipStreet,
        shipPostcode: o.shipPostcode,
        shipCity: o.shipCity,
        shipCountry: o.shipCountry,
        billCountry: o.billCountry || o.shipCountry,
        phone: o.phone,
      };
      for (const [field, value] of Object.entries(want)) {
        const actual = (got as unknown as Record<string, unknown>)[field];
        if (actual !== value) mismatches.push(`${got.externalId} ${field}: wrote ${JSON.stringify(value)}, read ${JSON.stringify(actual)}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('writes times in the shop offset the day had', () => {
    // 29 March 2026 01:00 UTC: Berlin moves to summer time; 25 October 2026 01:00 UTC: back.
    expect(shopifyTime(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe('2026-03-29 01:59:59 +0100');
    expect(shopifyTime(Date.UTC(2026, 2, 29, 1, 0, 0))).toBe('2026-03-29 03:00:00 +0200');
    expect(shopifyTime(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe('2026-10-25 02:59:59 +0200');
    expect(shopifyTime(Date.UTC(2026, 9, 25, 1, 0, 0))).toBe('2026-10-25 02:00:00 +0100');
  });
});
