// The demo year's card payments written as a Stripe payments export (the bench's payments input,
// bench/paymentsCsv.ts, in small) and imported back: every payment is stored as it was written,
// in blocks, and every row is accounted for.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { generateDemoAll } from '../../../shared/demo';
import { STRIPE_HEADER, stripeRow } from '../../../bench/paymentsCsv';
import { chunked } from '../../support/importInput';

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe("a Stripe export of the demo year's payments, imported back", () => {
  it('stores every payment as written, in blocks, and accounts for every row', async () => {
    db = createDb('stripe-round-trip');
    const { payments } = generateDemoAll({ orders: 8000, seed: 11, now: Date.UTC(2026, 10, 24), chunkSize: 1000 });
    expect(new Set(payments.map((p) => p.status))).toEqual(new Set(['succeeded', 'failed', 'refunded']));
    const bytes = new TextEncoder().encode([STRIPE_HEADER.join(','), ...payments.map(stripeRow)].join('\n') + '\n');
    const r = await importFile(db, { name: 'payments.csv', size: bytes.length, chunks: chunked(bytes, 64 * 1024) });
    expect(r.status).toBe('completed');
    expect(r.summary.format).toBe('stripe-payments');
    expect(r.summary).toMatchObject({ rows: payments.length, created: payments.length, quarantined: 0 });

    const stored = new Map((await new PaymentStore(db).all()).map((p) => [p.id, p]));
    expect(stored.size).toBe(payments.length);
    for (const p of payments) {
      // What a Stripe export carries of a payment (no BIN, device or session in these columns).
      expect(stored.get(p.id), p.id).toMatchObject({
        orderRef: p.orderRef,
        createdAt: Math.floor(p.createdAt / 1000) * 1000,
        amountMinor: p.amountMinor,
        currency: p.currency,
        status: p.status,
        email: p.email,
        ip: p.ip,
        cardLast4: p.cardLast4,
        cardExpiry: p.cardExpiry,
        cardFingerprint: p.cardFingerprint,
        cardCountry: p.cardCountry,
      });
    }
  });
});
