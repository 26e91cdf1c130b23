// Payments in blocks (paymentStore.ts) against a plain map of payments by id: any sequence of
// writes and removals leaves the same payments, found the same way by id, order reference and
// date, in blocks that stay within their size, with keys that match them.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaymentStore, paymentKeysOf } from '../../../renderer/src/core/storage/paymentStore';
import { createDb, type StoredPayment, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';

const BLOCK = 3;

function payment(id: string, orderRef: string, createdAt: number, amountMinor: number): StoredPayment {
  return {
    id,
    provider: 'stripe',
    orderRef,
    createdAt,
    amountMinor,
    currency: 'EUR',
    status: 'succeeded',
    email: '',
    ip: '',
    cardBin: '424242',
    cardLast4: '4242',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: 'visa',
    cardCountry: 'DE',
  };
}

const byId = (a: StoredPayment, b: StoredPayment) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Step = { put: StoredPayment[] } | { remove: string[] };

const idArb = fc.integer({ min: 0, max: 14 }).map((i) => `ch_${i}`);
const paymentArb = fc
  .record({ id: idArb, ref: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 0, max: 9 }), amount: fc.integer({ min: 1, max: 999 }) })
  .map((p) => payment(p.id, `#${p.ref}`, p.at, p.amount));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ put: fc.array(paymentArb, { maxLength: 8 }) }),
  fc.record({ remove: fc.array(idArb, { maxLength: 5 }) }),
);

let n = 0;
async function freshDb(): Promise<WorkbenchDb> {
  const db = createDb(`payments-${n++}`);
  await db.open();
  return db;
}

async function expectSame(db: WorkbenchDb, store: PaymentStore, model: Map<string, StoredPayment>): Promise<void> {
  const want = [...model.values()].sort(byId);
  // The store that wrote, and one that reads the cache afresh, see the same payments.
  for (const s of [store, new PaymentStore(db, BLOCK)]) {
    expect([...(await s.all())].sort(byId)).toEqual(want);
    expect(await s.count()).toBe(want.length);
    const ids = ['ch_0', 'ch_3', 'ch_7', 'ch_14', 'ch_99'];
    expect(await s.bulkGet(ids)).toEqual(ids.map((id) => model.get(id)));
    for (const refs of [['#0'], ['#1', '#3'], ['#9']]) {
      const got = await s.byOrderRefs(refs);
      expect(got).toEqual(want.filter((p) => refs.includes(p.orderRef)).sort((a, b) => a.orderRef.localeCompare(b.orderRef) || byId(a, b)));
    }
    expect([...(await s.createdBefore(5))].sort(byId)).toEqual(want.filter((p) => p.createdAt < 5));
  }
  expect(await new PaymentStore(db).count()).toBe(want.length);
  const blocks = await db.paymentBlocks.orderBy('id').toArray();
  for (const b of blocks) expect(b.rows.length).toBeGreaterThan(0);
  for (const b of blocks) expect(b.rows.length).toBeLessThanOrEqual(BLOCK);
  expect(await db.paymentKeys.orderBy('id').toArray()).toEqual(blocks.map(paymentKeysOf));
}

describe('payments in blocks', () => {
  it('any sequence of writes and removals reads back as a map of payments by id would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = await freshDb();
        try {
          const store = new PaymentStore(db, BLOCK);
          const model = new Map<string, StoredPayment>();
          for (const step of steps) {
            await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
              if ('put' in step) await store.put(step.put);
              else await store.delete(step.remove);
            });
            if ('put' in step) for (const p of step.put) model.set(p.id, p);
            else for (const id of step.remove) model.delete(id);
          }
          await expectSame(db, store, model);
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a payment written again stays where it was; a few new ones fill the newest block, more start their own', async () => {
    const db = await freshDb();
    const store = new PaymentStore(db, 16);
    const write = (ps: StoredPayment[]) =>
      db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await store.put(ps);
      });
    const many = (prefix: string, k: number) => Array.from({ length: k }, (_, i) => payment(`${prefix}${i}`, '#1', i, 1));
    await write(many('a', 10));
    // Two new (at most an eighth of a block) join the newest block; the changed one stays in place.
    await write([...many('b', 2), payment('a3', '#1', 3, 500)]);
    // Three new start a block of their own: a larger write never rewrites the block before it.
    await write(many('c', 3));
    const blocks = await db.paymentBlocks.orderBy('id').toArray();
    expect(blocks.map((b) => b.rows.map((p) => p.id))).toEqual([
      [...many('a', 10).map((p) => p.id), 'b0', 'b1'],
      ['c0', 'c1', 'c2'],
    ]);
    expect(blocks[0]!.rows.find((p) => p.id === 'a3')!.amountMinor).toBe(500);
    // A block emptied by removals goes, keys and all.
    await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
      await store.delete(['c0', 'c1', 'c2']);
    });
    expect((await db.paymentKeys.toArray()).map((k) => k.count)).toEqual([12]);
    expect(await db.paymentBlocks.count()).toBe(1);
    db.close();
    await db.delete();
  });
});
