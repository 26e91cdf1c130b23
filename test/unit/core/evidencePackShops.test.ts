// Two own shops number their orders alike: a customer's evidence pack shows each of their orders with
// its own shop's payment, never the other shop's payment for the same number.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { createDb, type StoredPayment, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import type { Payment } from '../../../shared/domain/payment';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const NOW = Date.UTC(2026, 10, 18, 14);
const DAY = 86_400_000;
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const payment = (id: string, fields: Partial<Payment>): StoredPayment => ({
  id,
  provider: 'stripe',
  orderRef: '#1001',
  createdAt: NOW - 10 * DAY,
  amountMinor: 5000,
  currency: 'EUR',
  status: 'succeeded',
  email: 'anna@example.org',
  ip: '',
  cardBin: '424242',
  cardLast4: '4242',
  cardExpiry: '2028-04',
  cardFingerprint: '',
  cardBrand: 'visa',
  cardCountry: 'DE',
  stamp: { importId: 1, scope: 's', hash: id },
  ...fields,
});

describe("a customer's evidence pack across two own shops", () => {
  it("names each order's own shop's payment (the outlet's #1001 as a possible duplicate, with the outlet's charge)", async () => {
    db = createDb('evidence-pack-shops');
    const anna = { email: 'anna@example.org', customerId: 'c-anna', status: 'paid' as const };
    await new OrderRepository(db).append([
      order({ ...anna, externalId: '#1001', createdAt: NOW - 10 * DAY, totalMinor: 5000 }),
      order({ ...anna, externalId: '#1001', source: 'shopify@outlet', channel: 'Outlet', createdAt: NOW - 12 * DAY, totalMinor: 5000 }),
    ]);
    // The main shop's payment sorts first by id: before payments named their shop, the outlet's #1001 showed it.
    await new PaymentStore(db).put([
      payment('ch_1main', { orderSource: 'shopify', cardLast4: '1111' }),
      payment('ch_2out', { orderSource: 'shopify@outlet', cardLast4: '2222', createdAt: NOW - 12 * DAY }),
    ]);
    await db.disputes.add({
      id: 'dp_1',
      provider: 'stripe',
      paymentId: 'ch_1main',
      orderKey: 'shopify:#1001',
      network: 'visa',
      // Duplicate processing: the pack names the customer's other order of the same amount, with its charge.
      reasonCode: '12.6.1',
      amountMinor: 5000,
      currency: 'EUR',
      openedAt: NOW - 2 * DAY,
      dueAt: NOW + 10 * DAY,
      status: 'new',
    });
    const core = createCore(db, fixedClock(NOW));
    const pack = await core.disputeEvidencePack('dp_1');
    // The outlet's #1001 (same amount, two days apart) is named with the outlet's charge, not the disputed one's.
    expect(pack.duplicates).toHaveLength(1);
    expect(pack.duplicates[0]).toMatch(/^Order #1001 of .*, charge ch_2out$/);
  });

  it("lists each shop's #1001 under its own shop: a dispute on the outlet's order reads \u201c#1001 \u00b7 Outlet\u201d", async () => {
    db = createDb('dispute-list-shops');
    await new OrderRepository(db).append([
      order({ externalId: '#1001', createdAt: NOW - 10 * DAY, totalMinor: 5000 }),
      order({ externalId: '#1001', source: 'shopify@outlet', channel: 'Outlet', createdAt: NOW - 12 * DAY, totalMinor: 7000 }),
    ]);
    const dispute = {
      provider: 'stripe' as const,
      network: 'visa' as const,
      reasonCode: '10.4',
      currency: 'EUR',
      openedAt: NOW - 2 * DAY,
      dueAt: NOW + 10 * DAY,
      status: 'new' as const,
    };
    await db.disputes.bulkAdd([
      { ...dispute, id: 'dp_main', paymentId: 'ch_main', orderKey: 'shopify:#1001', amountMinor: 5000 },
      { ...dispute, id: 'dp_out', paymentId: 'ch_out', orderKey: 'shopify@outlet:#1001', amountMinor: 7000 },
    ]);
    const rows = await createCore(db, fixedClock(NOW)).disputeList();
    const shown = Object.fromEntries(rows.map((r) => [r.id, r.order && `${r.order.externalId} · ${r.order.channel}`]));
    expect(shown).toEqual({ dp_main: '#1001 · Own shop', dp_out: '#1001 · Outlet' });
  });
});
