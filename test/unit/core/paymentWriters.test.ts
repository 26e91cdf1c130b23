// Two payment writers at once, as the app can run them: a payments-only import in the import worker
// and a demo load in the cache worker (the Orders screen offers it while the cache holds no order).
// The import's store keeps its index for the whole run; it must not overwrite the demo's blocks.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../renderer/src/core/storage/schema';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { fixedClock } from '../../../shared/time/clock';
import { chunked } from '../../support/importInput';

const stripe = new TextDecoder().decode(readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url)));

describe('payments written by two writers at once', () => {
  it('a demo load during a payments import: both writers’ payments are all there, each once', async () => {
    const db = createDb('payment-writers');
    await db.open();
    const [header, row] = stripe.split('\n');
    const rows = Array.from({ length: 12_000 }, (_, i) => row!.replace('ch_3PaidAAA1', `ch_x${i}`).replace('#1001', `#9${i}`));
    const bytes = new TextEncoder().encode([header, ...rows].join('\n') + '\n');
    let demo: string[] = [];
    const out = await importFile(
      db,
      { name: 'stripe.csv', size: bytes.length, chunks: chunked(bytes, 64 * 1024) },
      {},
      undefined,
      undefined,
      undefined,
      undefined,
      {
        afterBatch: async () => {
          if (demo.length) return;
          const before = new Set((await new PaymentStore(db).all()).map((p) => p.id));
          await loadDemoData(db, { orders: 2000, clock: fixedClock(Date.UTC(2026, 10, 24)) });
          demo = (await new PaymentStore(db).all()).map((p) => p.id).filter((id) => !before.has(id));
        },
      },
    );
    expect(out.status).toBe('completed');
    expect(out.summary.created).toBe(12_000);
    expect(demo.length).toBeGreaterThan(0);
    const all = (await new PaymentStore(db).all()).map((p) => p.id);
    expect(all.length).toBe(new Set(all).size);
    expect(all.filter((id) => id.startsWith('ch_x')).length).toBe(12_000);
    const kept = new Set(all);
    expect(demo.filter((id) => !kept.has(id))).toEqual([]);
    expect(await new PaymentStore(db).count()).toBe(12_000 + demo.length);
    db.close();
    await db.delete();
  }, 60_000);
});
