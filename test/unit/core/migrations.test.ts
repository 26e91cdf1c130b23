// Migration harness: fill a database with the schema of an older version, reopen it with
// the current code, and compare. Every version adds a case to UPGRADE_CASES (v2: the decision log;
// v5/v6: report snapshots and report columns).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMA_HISTORY, createDb, upgradeProgress, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { orderKey } from '../../../shared/domain/order';
import { FIELD_SEPARATOR, encodeOrders } from '../../../shared/orders/columns';
import { order } from '../normalize/orderFixture';
import type { Payment } from '../../../shared/domain/payment';
import { PAYMENT_BLOCK_SIZE, PaymentStore, paymentKeysOf } from '../../../renderer/src/core/storage/paymentStore';

interface UpgradeCase {
  from: number;
  fill(db: WorkbenchDb): Promise<void>;
  expect(db: WorkbenchDb): Promise<void>;
}

const UPGRADE_CASES: UpgradeCase[] = [
  {
    from: 1,
    fill: async (db) => {
      await db.meta.put({ key: 'analystName', value: 'K. Weber' });
      await db.disputes.put({
        id: 'dp_1',
        provider: 'stripe',
        paymentId: 'ch_1',
        orderKey: 'shopify:#1',
        network: 'visa',
        reasonCode: '10.4',
        amountMinor: 5000,
        currency: 'EUR',
        openedAt: 1,
        dueAt: 2,
        status: 'new',
      });
    },
    expect: async (db) => {
      expect(await db.meta.get('analystName')).toEqual({ key: 'analystName', value: 'K. Weber' });
      expect((await db.disputes.get('dp_1'))?.reasonCode).toBe('10.4');
      // v2: the decision log starts empty.
      expect(await db.decisions.count()).toBe(0);
      expect(await db.decisionHead.get('head')).toBeUndefined();
    },
  },
  {
    // v5: report snapshots; v6: report columns per order block. Blocks written before v6 have
    // none: reports derive their grouping fields from text and find orders by stored keys.
    from: 4,
    fill: async (db) => {
      const orders = [order({ externalId: '#1', shipCountry: 'pl', cardBrand: 'Visa' }), order({ externalId: '#2', shipCountry: 'DE', cardBrand: 'VISA' })];
      const { keys, text } = encodeOrders(orders);
      await db.orderBlocks.add({ id: 1, minCreatedAt: 0, maxCreatedAt: 0, importId: 0, live: new Uint8Array([1, 1]), ...keys });
      await db.orderText.add({ id: 1, columns: text });
      await db.orderKeys.add({ id: 1, keys: orders.map(orderKey).join(FIELD_SEPARATOR), scopes: FIELD_SEPARATOR, hashes: FIELD_SEPARATOR });
    },
    expect: async (db) => {
      expect(await db.orderReportColumns.count()).toBe(0);
      expect(await db.reportSnapshots.count()).toBe(0);
      const store = new OrderStore(db);
      await store.open();
      const snap = store.currentSnapshot();
      const dict = await snap.dict();
      expect([...dict.codes.shipCountry].map((c) => dict.values.shipCountry[c])).toEqual(['PL', 'DE']);
      expect(dict.values.cardBrand).toEqual(['visa']);
      expect(await snap.rowsOfKeys(new Set(['shopify:#2', 'shopify:#9']))).toEqual(new Map([['shopify:#2', 1]]));
    },
  },
  {
    // v9: dispute attachments, a new table; the dispute history written before stays as it was.
    from: 8,
    fill: async (db) => {
      await db.disputeEvents.add({ disputeId: 'dp_1', kind: 'evidence', item: 'Proof of delivery', checked: true, note: '', analyst: 'K. Weber', at: 1 });
    },
    expect: async (db) => {
      expect(await db.disputeAttachments.count()).toBe(0);
      expect(await db.refundClaims.count()).toBe(0);
      expect(await db.disputeEvents.toArray()).toEqual([expect.objectContaining({ disputeId: 'dp_1', kind: 'evidence', checked: true })]);
      await db.disputeAttachments.add({
        disputeId: 'dp_1',
        name: 'pod.pdf',
        type: 'pdf',
        purpose: 'proof-of-delivery',
        size: 5,
        sha256: '0'.repeat(64),
        bytes: new TextEncoder().encode('%PDF-'),
        addedAt: 2,
        analyst: 'K. Weber',
      });
      expect(await db.disputeAttachments.where('disputeId').equals('dp_1').count()).toBe(1);
    },
  },
  {
    // v12: payments without the cardFingerprint index; v14: payments in blocks. Their records,
    // fingerprints included, and the lookups by id, order reference and date stay as they were.
    from: 10,
    fill: async (db) => {
      await db.table('payments').bulkPut([payment('pi_1', '#1001', 'fpAAAA', 1), payment('pi_2', '#1002', 'fpAAAA', 2)]);
      expect(db.table('payments').schema.indexes.map((i) => i.name)).toContain('cardFingerprint');
    },
    expect: async (db) => {
      const store = new PaymentStore(db);
      expect(await store.all()).toEqual([payment('pi_1', '#1001', 'fpAAAA', 1), payment('pi_2', '#1002', 'fpAAAA', 2)]);
      expect((await store.byOrderRefs(['#1002'])).map((p) => p.id)).toEqual(['pi_2']);
      expect((await store.createdBefore(2)).map((p) => p.id)).toEqual(['pi_1']);
      expect(await store.count()).toBe(2);
      // The old table is left empty, its fingerprint index gone from the database itself.
      expect(await db.table('payments').count()).toBe(0);
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(db.name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      expect([...raw.transaction('payments').objectStore('payments').indexNames].sort()).toEqual(['createdAt', 'orderRef']);
      raw.close();
    },
  },
  {
    // v14: more payments than one block holds move into blocks in id order, each once, with
    // their keys; a later write fills the last block before it starts a new one.
    from: 13,
    fill: async (db) => {
      const many = Array.from({ length: PAYMENT_BLOCK_SIZE + 5 }, (_, i) => payment(`pi_${String(i).padStart(5, '0')}`, `#${i % 700}`, `fp${i % 3}`, 1000 + i));
      await db.table('payments').bulkPut(many.reverse());
    },
    expect: async (db) => {
      const n = PAYMENT_BLOCK_SIZE + 5;
      const blocks = await db.paymentBlocks.orderBy('id').toArray();
      expect(blocks.map((b) => [b.id, b.rows.length])).toEqual([
        [1, PAYMENT_BLOCK_SIZE],
        [2, 5],
      ]);
      const ids = blocks.flatMap((b) => b.rows.map((p) => p.id));
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(n);
      expect(await db.paymentKeys.toArray()).toEqual(blocks.map(paymentKeysOf));
      const store = new PaymentStore(db);
      expect(await store.count()).toBe(n);
      expect(await store.get('pi_04100')).toEqual(payment('pi_04100', `#${4100 % 700}`, `fp${4100 % 3}`, 5100));
      expect((await store.byOrderRefs(['#5'])).map((p) => p.id)).toEqual(['pi_00005', 'pi_00705', 'pi_01405', 'pi_02105', 'pi_02805', 'pi_03505']);
      expect(await db.table('payments').count()).toBe(0);
      await db.transaction('rw', db.paymentBlocks, db.paymentKeys, async () => {
        await store.put([payment('pi_new', '#1', 'fp', 1)]);
      });
      expect((await db.paymentBlocks.get(2))!.rows.map((p) => p.id).at(-1)).toBe('pi_new');
    },
  },
];

function payment(id: string, orderRef: string, cardFingerprint: string, createdAt: number): Payment {
  return {
    id,
    provider: 'stripe',
    orderRef,
    createdAt,
    amountMinor: 5000,
    currency: 'EUR',
    status: 'succeeded',
    email: 'anna.schmidt@gmail.com',
    ip: '203.0.113.7',
    cardBin: '424242',
    cardLast4: '4242',
    cardExpiry: '03/27',
    cardFingerprint,
    cardBrand: 'visa',
    cardCountry: 'DE',
    deviceId: '',
  };
}

let n = 0;
describe('schema migrations', () => {
  it('keeps the schema history append-only and strictly increasing', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(CURRENT_VERSION);
  });

  for (const c of UPGRADE_CASES) {
    it(`upgrades a cache created at v${c.from} to v${CURRENT_VERSION} without losing data`, async () => {
      const name = `migration-${n++}`;
      const old = createDb(name, c.from);
      await old.open();
      expect(old.verno).toBe(c.from);
      await c.fill(old);
      old.close();

      const current = createDb(name);
      await current.open();
      expect(current.verno).toBe(CURRENT_VERSION);
      // Every table any version declared (and did not drop with null) is there.
      const declared = new Set<string>();
      for (const v of SCHEMA_HISTORY) {
        for (const [t, spec] of Object.entries(v.stores)) {
          if (spec === null) declared.delete(t);
          else declared.add(t);
        }
      }
      expect(current.tables.map((t) => t.name).sort()).toEqual([...declared].sort());
      await c.expect(current);
      current.close();
      await current.delete();
    });
  }

  it('says how far the move of payments into blocks is while the cache opens, and nothing once it is done', async () => {
    const name = `migration-${n++}`;
    const old = createDb(name, 13);
    await old.open();
    const total = 3 * PAYMENT_BLOCK_SIZE + 1;
    await old.table('payments').bulkPut(Array.from({ length: total }, (_, i) => payment(`pi_${i}`, `#${i}`, 'fp', i)));
    old.close();
    const seen: (typeof upgradeProgress.current)[] = [];
    const watch = setInterval(() => seen.push(upgradeProgress.current), 0);
    const current = createDb(name);
    await current.open();
    clearInterval(watch);
    const states = seen.filter((s) => s !== null);
    expect(states.length).toBeGreaterThan(0);
    for (const s of states) expect(s).toMatchObject({ what: 'moving payments into blocks', total });
    const done = states.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBeGreaterThan(0);
    expect(upgradeProgress.current).toBeNull();
    expect(await new PaymentStore(current).count()).toBe(total);
    current.close();
    await current.delete();
  });

  it('still reads its own tables from a cache a newer app version wrote (downgrade)', async () => {
    // Dexie 4 opens a database at a higher installed version when the tables it declares
    // exist; an analyst who rolls back a release keeps working on the same cache.
    const name = `migration-${n++}`;
    const newer = createDb(name);
    newer.version(CURRENT_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    await newer.meta.put({ key: 'analystName', value: 'From the future' });
    newer.close();
    const current = createDb(name);
    await current.open();
    expect(await current.meta.get('analystName')).toEqual({ key: 'analystName', value: 'From the future' });
    current.close();
    await current.delete();
  });
});
