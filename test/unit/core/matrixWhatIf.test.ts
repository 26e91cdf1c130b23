// The scoring matrix's what-if against known outcomes, over a real (fake-indexeddb) cache: the
// current matrix and a draft at their review and hold thresholds, figures worked out by hand; and a
// cache where no order has a known outcome says so (null), with the other figures as before.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { fixedClock } from '../../../shared/time/clock';
import type { Matrix } from '../../../shared/scoring/matrix';
import type { Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

const NOW = Date.UTC(2026, 10, 18, 14, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

// Two rules: billing country differs (+40), disposable e-mail (+30); review from 30, hold from 60.
const MATRIX: Matrix = {
  version: 0,
  rules: [
    { id: 'mismatch', signal: 'countryMismatch', atLeast: 1, points: 40 },
    { id: 'disposable', signal: 'disposableEmail', atLeast: 1, points: 30 },
  ],
  thresholds: { review: 30, hold: 60 },
};

const o = (n: number, f: Partial<Order>) =>
  order({ externalId: `#${n}`, customerId: `c${n}`, email: `p${n}@example.org`, createdAt: NOW - n * 86_400_000, ...f });
const MISMATCH = { billCountry: 'FR' };
const DISPOSABLE = (n: number) => ({ email: `p${n}@mailinator.com` });

//   #1 fraud 70 · #2 fraud 40 · #3 fraud 0 · #4 legit 30 · #5 legit 0 · #6 not known 40
const ORDERS = [
  o(1, { ...MISMATCH, ...DISPOSABLE(1), knownOutcome: 'fraud' }),
  o(2, { ...MISMATCH, knownOutcome: 'fraud' }),
  o(3, { knownOutcome: 'fraud' }),
  o(4, { ...DISPOSABLE(4), knownOutcome: 'legit' }),
  o(5, { knownOutcome: 'legit' }),
  o(6, { ...MISMATCH }),
];

async function coreWith(name: string, orders: Order[]) {
  db = createDb(name);
  await new OrderRepository(db).append(orders);
  const core = createCore(db, fixedClock(NOW));
  await core.setAnalystName('K. Weber');
  await core.saveMatrix(MATRIX, 'two rules');
  return core;
}

describe('what if, against known outcomes', () => {
  it('gives the confusion matrix, precision, recall and the share flagged at both thresholds, for the current matrix and the draft', async () => {
    const core = await coreWith('what-if-outcomes', ORDERS);
    const current = await core.scoringMatrix();
    const r = await core.matrixWhatIf({ ...current, thresholds: { review: 30, hold: 40 } });
    expect(r.knownFraud).toBe(3);
    expect(r.outcomes).not.toBeNull();
    const { orders, fraud, current: now, draft } = r.outcomes!;
    expect([orders, fraud]).toEqual([5, 3]); // #6 has no known outcome
    // Review from 30: flagged #1 #2 #4 → TP 2, FP 1, FN 1 (#3), TN 1 (#5).
    expect(now.review).toMatchObject({ flagged: 3, truePositive: 2, falsePositive: 1, falseNegative: 1, trueNegative: 1, flaggedRate: 0.6 });
    expect(now.review.precision).toBeCloseTo(2 / 3, 12);
    expect(now.review.recall).toBeCloseTo(2 / 3, 12);
    // Hold from 60: only #1 → precision 1, recall 1/3, 1 in 5 held.
    expect(now.hold).toMatchObject({ flagged: 1, truePositive: 1, falsePositive: 0, falseNegative: 2, trueNegative: 2, precision: 1, flaggedRate: 0.2 });
    // The draft holds from 40: #1 and #2 → precision 1, recall 2/3.
    expect(draft.hold).toMatchObject({ threshold: 40, flagged: 2, truePositive: 2, falsePositive: 0, precision: 1, flaggedRate: 0.4 });
    expect(draft.review).toEqual(now.review);
  });

  it('says no order has a known outcome (null) and keeps the other figures', async () => {
    const core = await coreWith(
      'what-if-no-outcomes',
      ORDERS.map(({ knownOutcome: _k, ...rest }) => rest),
    );
    const r = await core.matrixWhatIf(await core.scoringMatrix());
    expect(r.outcomes).toBeNull();
    expect(r.knownFraud).toBe(0);
    // Flagged: #1 (hold), #2 #4 #6 (review).
    expect(r.current).toMatchObject({ hold: 1, review: 3, release: 2, falsePositive: 4 });
  });

  it('scores with rings linked without the labels it measures against: a steady office a quarter labelled fraud is a ring in Rings, not in What if', async () => {
    const office = { shipStreet: 'Hafenweg 3', shipPostcode: '20457', shipCity: 'Hamburg', shipCountry: 'DE' };
    const orders = Array.from({ length: 12 }, (_, i) =>
      o(10 + i * 25, { ...office, shipName: `Person ${String.fromCharCode(65 + i)} Office`, knownOutcome: [1, 4, 9].includes(i) ? 'fraud' : 'legit' }),
    );
    const core = await coreWith('what-if-labels-in-rings', orders);
    const rings = await core.rings();
    expect(rings.rings.map((r) => r.metrics.orders)).toEqual([12]);
    // One rule: in a ring of 2 or more, 50 points; review from 30.
    const ringRule: Matrix = {
      version: (await core.scoringMatrix()).version,
      rules: [{ id: 'ring', signal: 'ringSize', atLeast: 2, points: 50 }],
      thresholds: { review: 30, hold: 60 },
    };
    const r = await core.matrixWhatIf(ringRule);
    // Linked by the labels themselves, all 12 would be flagged and the 3 frauds found: measured
    // fairly, the office is a hub and the rule finds nothing.
    expect(r.outcomes).toMatchObject({ orders: 12, fraud: 3 });
    expect(r.outcomes!.draft.review).toMatchObject({ flagged: 0, truePositive: 0, falseNegative: 3 });
  });
});
