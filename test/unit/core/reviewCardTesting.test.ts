// Over a real (fake-indexeddb) cache: declined payments in the payment store reach the queue's
// card-testing rule, new declines are read after they are written, and a matrix an analyst saved
// before the rule existed keeps its own rules.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type StoredPayment, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import { DEFAULT_MATRIX } from '../../../shared/scoring/matrix';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 18, 14, 0);
const DEVICE = 'dev-41c9e0aa-5b13';
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A €1 try declined on the tester's browser, card `n` of a list. */
const declined = (n: number, at: number): StoredPayment => ({
  id: `ch_3QdX${n}Lk`,
  provider: 'stripe',
  orderRef: '',
  createdAt: at,
  amountMinor: 100,
  currency: 'EUR',
  status: 'failed',
  email: '',
  ip: '185.220.101.47',
  deviceId: DEVICE,
  cardBin: '414720',
  cardLast4: String(2011 + 37 * n),
  cardExpiry: '04/28',
  cardFingerprint: `fpQd${n}x81LmA`,
  cardBrand: 'visa',
  cardCountry: 'US',
});

describe('card testing in the review queue', () => {
  it('scores a paid order after declines on its device, and reads declines written later', async () => {
    db = createDb('review-card-testing');
    await new OrderRepository(db).append([
      order({ externalId: '#88231', customerId: 'cus_N1', email: 'm.hoffmann.shop@gmx.net', deviceId: DEVICE, status: 'paid', createdAt: NOW - 30 * MIN }),
    ]);
    const payments = new PaymentStore(db);
    // Dexie keeps a transaction's scope across awaits only in an async function.
    const write = (ps: StoredPayment[]) =>
      db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await payments.put(ps);
      });
    await write([1, 2].map((n) => declined(n, NOW - (90 - n) * MIN)));
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    // Two declined cards: a customer's bad luck; a new customer alone is released.
    expect((await core.reviewQueue()).map((r) => r.orderKey)).toEqual([]);

    // Four more come in with the next payments file: six cards on that browser in the hour before.
    await write([3, 4, 5, 6].map((n) => declined(n, NOW - (90 - n) * MIN)));
    const [row] = await core.reviewQueue();
    expect(row).toMatchObject({ orderKey: 'shopify:#88231', score: 30, outcome: 'review', matrixVersion: DEFAULT_MATRIX.version });
    expect(row!.fired.map((f) => f.text)).toEqual(['+25 6 cards declined on it or its device, IP, e-mail or account in 24 h', "+5 customer's first order"]);

    // A matrix saved before card testing existed is the analyst's: it keeps scoring without the rule.
    const before = { ...DEFAULT_MATRIX, version: 0, rules: DEFAULT_MATRIX.rules.filter((r) => r.signal !== 'declinedCards') };
    const saved = await core.saveMatrix(before, 'our own weights');
    expect(saved).toBe(DEFAULT_MATRIX.version + 1);
    expect(await core.reviewQueue()).toEqual([]);
  });
});
