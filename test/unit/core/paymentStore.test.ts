// Payments in blocks (paymentStore.ts) against a plain map of payments by id: any sequence of
// writes and removals leaves the same payments, found the same way by id, order reference and
// date, in blocks that stay within their size, with keys that match them.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_ID, PaymentStore, moveRetiredPayments, paymentKeysOf } from '../../../renderer/src/core/storage/paymentStore';
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

type Step = { put: StoredPayment[] } | { append: StoredPayment[] } | { remove: string[] };

const idArb = fc.integer({ min: 0, max: 14 }).map((i) => `ch_${i}`);
const paymentArb = fc
  .record({ id: idArb, ref: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 0, max: 9 }), amount: fc.integer({ min: 1, max: 999 }) })
  .map((p) => payment(p.id, `#${p.ref}`, p.at, p.amount));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ put: fc.array(paymentArb, { maxLength: 8 }) }),
  fc.record({ append: fc.array(paymentArb, { maxLength: 8 }) }),
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
    // After every payment is removed the write mark stays: it is no payment.
    expect(await s.any()).toBe(want.length > 0);
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
  expect((await db.paymentKeys.orderBy('id').toArray()).filter((k) => k.id !== MARK_ID)).toEqual(blocks.map(paymentKeysOf));
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
              else if ('append' in step) await store.appendNew(step.append);
              else await store.delete(step.remove);
            });
            if ('remove' in step) for (const id of step.remove) model.delete(id);
            else for (const p of 'put' in step ? step.put : step.append) model.set(p.id, p);
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
    expect((await db.paymentKeys.toArray()).filter((k) => k.id !== MARK_ID).map((k) => k.count)).toEqual([12]);
    expect(await db.paymentBlocks.count()).toBe(1);
    // Every payment removed: none left, though the write mark stays.
    expect(await store.any()).toBe(true);
    await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
      await store.delete((await store.all()).map((p) => p.id));
    });
    expect(await store.any()).toBe(false);
    expect(await store.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('two writers in turn lose nothing: a store whose index another writer outdated reads it again', async () => {
    const db = await freshDb();
    // Dexie keeps a transaction's scope across awaits only in an async function.
    const tx = (f: () => Promise<void>) =>
      db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await f();
      });
    // The import writer's store reads its index, then a demo load (another store) writes payments.
    const importer = new PaymentStore(db, BLOCK);
    await importer.index();
    await tx(() => new PaymentStore(db, BLOCK).put([payment('demo1', '#1', 1, 1), payment('demo2', '#2', 2, 1)]));
    await tx(() => importer.put([payment('imp1', '#3', 3, 1)]));
    expect((await new PaymentStore(db).all()).map((p) => p.id).sort()).toEqual(['demo1', 'demo2', 'imp1']);
    // Another writer removes x and a third writes y; the first store's later update of x is kept.
    await tx(() => importer.put([payment('x', '#4', 4, 1)]));
    await tx(() => new PaymentStore(db, BLOCK).delete(['x', 'demo1', 'demo2', 'imp1']));
    await tx(() => new PaymentStore(db, BLOCK).put([payment('y', '#5', 5, 1)]));
    await tx(() => importer.put([payment('x', '#4', 4, 999)]));
    const all = await new PaymentStore(db).all();
    expect(all.map((p) => [p.id, p.amountMinor]).sort()).toEqual([
      ['x', 999],
      ['y', 1],
    ]);
    expect(await importer.count()).toBe(2);
    db.close();
    await db.delete();
  });

  it('payments appended as new take blocks of their own; another writer, a repeated id or payments already cached make it a put', async () => {
    const db = await freshDb();
    const tx = (f: () => Promise<void>) =>
      db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await f();
      });
    const many = (prefix: string, k: number, amount = 1) => Array.from({ length: k }, (_, i) => payment(`${prefix}${i}`, `#${i}`, i, amount));
    const loader = new PaymentStore(db, BLOCK);
    await tx(() => loader.appendNew(many('a', 4)));
    await tx(() => loader.appendNew(many('b', 2)));
    expect((await db.paymentBlocks.orderBy('id').toArray()).map((b) => b.rows.map((p) => p.id))).toEqual([['a0', 'a1', 'a2'], ['a3'], ['b0', 'b1']]);
    // Another writer changes a0 between two appends: the next append of a0 replaces it, in place.
    await tx(() => new PaymentStore(db, BLOCK).put([payment('a0', '#0', 0, 50)]));
    await tx(() => loader.appendNew([payment('a0', '#0', 0, 70), ...many('c', 1)]));
    // An id that comes again from the same store is a put too.
    await tx(() => loader.appendNew([payment('b1', '#1', 1, 90)]));
    const all = await new PaymentStore(db).all();
    expect(all.map((p) => [p.id, p.amountMinor]).sort()).toEqual([
      ['a0', 70],
      ['a1', 1],
      ['a2', 1],
      ['a3', 1],
      ['b0', 1],
      ['b1', 90],
      ['c0', 1],
    ]);
    // A cache that held payments before the first append: the store puts.
    const other = new PaymentStore(db, BLOCK);
    await tx(() => other.appendNew([payment('a1', '#1', 1, 5)]));
    expect((await new PaymentStore(db).bulkGet(['a1']))[0]!.amountMinor).toBe(5);
    expect(await new PaymentStore(db).count()).toBe(7);
    const blocks = await db.paymentBlocks.toArray();
    expect(blocks.flatMap((b) => b.rows.map((p) => p.id)).length).toBe(7);
    expect((await db.paymentKeys.orderBy('id').toArray()).filter((k) => k.id !== MARK_ID)).toEqual(blocks.map(paymentKeysOf));
    db.close();
    await db.delete();
  });

  it('a write whose transaction aborts is forgotten by the store that made it', async () => {
    const db = await freshDb();
    const store = new PaymentStore(db, BLOCK);
    await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
      await store.put([payment('a', '#1', 1, 1)]);
    });
    await expect(
      db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await store.put([payment('b', '#1', 1, 1), payment('c', '#1', 1, 1), payment('d', '#1', 1, 1), payment('e', '#1', 1, 1)]);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await store.count()).toBe(1);
    await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
      await store.put([payment('f', '#1', 1, 1), payment('g', '#1', 1, 1)]);
    });
    expect((await store.all()).map((p) => p.id).sort()).toEqual(['a', 'f', 'g']);
    db.close();
    await db.delete();
  });

  it('payments an earlier release wrote into the retired table after the move come into blocks, over older versions', async () => {
    const db = await freshDb();
    await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
      await new PaymentStore(db).put([payment('a', '#1', 1, 1), payment('b', '#2', 2, 1)]);
    });
    // What a rolled-back release does: it knows only the one-record-per-payment table.
    await db.table('payments').bulkPut([payment('b', '#2', 2, 700), payment('c', '#3', 3, 1)]);
    expect(await moveRetiredPayments(db)).toBe(2);
    expect((await new PaymentStore(db).all()).map((p) => [p.id, p.amountMinor]).sort()).toEqual([
      ['a', 1],
      ['b', 700],
      ['c', 1],
    ]);
    expect(await db.table('payments').count()).toBe(0);
    expect(await moveRetiredPayments(db)).toBe(0);
    db.close();
    await db.delete();
  });
});
