import { MARK_ID, PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { importFile, noStageMs } from '../../../renderer/src/core/imports/importRunner';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { NO_FILTER } from '../../../shared/orders/query';
import { zalandoExport } from '../../support/zalandoExport';
import { BUILT_IN_PRESETS } from '../../../shared/ingest/formats/registry';
import { parseFormatPreset } from '../../../shared/ingest/formats/preset';
import { linkKeysOf } from '../../../shared/normalize';
import { chunked } from '../../support/importInput';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url)));

const file = (name: string, bytes: Uint8Array, size?: number, failAfter?: number) => ({ name, size: bytes.length, chunks: chunked(bytes, size, failAfter) });

let db: WorkbenchDb;
let n = 0;
const fresh = () => (db = createDb(`import-test-${n++}`));
afterEach(async () => {
  db.close();
  await db.delete();
});

async function liveOrders(d: WorkbenchDb) {
  const store = new OrderStore(d);
  await store.open();
  const count = await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, count);
}

describe('importing a file into the cache', () => {
  it('stores a Shopify export, accounts for every row, and re-imports as unchanged', async () => {
    fresh();
    const bytes = fixture('shopify-orders.csv');
    const first = await importFile(db, file('shopify-orders.csv', bytes, 300));
    const s = first.summary;
    expect(first.status).toBe('completed');
    expect(s.format).toMatch(/shopify/);
    expect(s.rows).toBeGreaterThan(0);
    expect(s.created + s.updated + s.unchanged + s.quarantined).toBe(s.rows);
    const stored = await liveOrders(db);
    expect(stored.length).toBe(s.records.order.created);
    expect(await new OrderRepository(db).count()).toBe(stored.length);

    const again = await importFile(db, file('shopify-orders.csv', bytes, 4096));
    expect(again.summary.created).toBe(0);
    expect(again.summary.updated).toBe(0);
    expect(again.summary.unchanged).toBe(s.created + s.updated + s.unchanged);
    expect(again.summary.quarantined).toBe(s.quarantined);
    expect((await liveOrders(db)).length).toBe(stored.length);

    const history = await new ImportHistory(db).list();
    expect(history.map((h) => h.status)).toEqual(['completed', 'completed']);
    expect(history[0]!.fileHash).toBe(history[1]!.fileHash);
    expect(history[0]!.undoable).toBe(true);
    expect(history[1]!.undoable).toBe(false);
  });

  it('updates a changed order in place of the old version, and Undo restores the old one', async () => {
    fresh();
    const original = fixture('shopify-orders.csv');
    await importFile(db, file('orders.csv', original));
    const before = await liveOrders(db);
    const text = new TextDecoder().decode(original);
    const changed = new TextEncoder().encode(text.replaceAll('anna.schmidt@example.de', 'anna.s@example.de'));
    const second = await importFile(db, file('orders-changed.csv', changed));
    expect(second.summary.updated).toBeGreaterThan(0);
    const after = await liveOrders(db);
    expect(after.length).toBe(before.length);
    expect(after.some((o) => o.email === 'anna.s@example.de')).toBe(true);
    expect(after.some((o) => o.email === 'anna.schmidt@example.de')).toBe(false);

    const history = new ImportHistory(db);
    const [newest, older] = await history.list();
    await expect(history.undo(older!.id)).rejects.toThrow(/newer imports first/);
    await history.undo(newest!.id);
    const restored = await liveOrders(db);
    expect(restored.map(({ row: _r, ...o }) => o)).toEqual(before.map(({ row: _r, ...o }) => o));
    expect((await history.list())[0]!.status).toBe('undone');
  });

  it('joins Stripe payments onto Shopify orders in either order, and Undo takes the join back', async () => {
    fresh();
    const shopify = fixture('shopify-orders.csv');
    const stripe = fixture('stripe-payments.csv');
    await importFile(db, file('shopify-orders.csv', shopify));
    const beforeJoin = await liveOrders(db);
    const bare = beforeJoin.find((o) => o.externalId === '#1001')!;
    expect(bare.cardLast4).toBe('');
    const payments = await importFile(db, file('stripe-payments.csv', stripe));
    expect(payments.enrichedOrders).toBeGreaterThan(0);
    const joined = (await liveOrders(db)).find((o) => o.externalId === '#1001')!;
    expect(joined).toMatchObject({ cardLast4: '4242', cardFingerprint: 'Fp1aBcD2eF', ip: '203.0.113.7' });
    // Joined versions replace the bare ones; no order is duplicated.
    expect((await liveOrders(db)).length).toBe(beforeJoin.length);

    // The other way round in a fresh cache: payments first, then the orders take them on arrival.
    const other = createDb(`import-test-${n++}`);
    await importFile(other, file('stripe-payments.csv', stripe));
    const late = await importFile(other, file('shopify-orders.csv', shopify));
    expect(late.enrichedOrders).toBe(payments.enrichedOrders);
    expect((await liveOrders(other)).find((o) => o.externalId === '#1001')).toMatchObject({ cardLast4: '4242', ip: '203.0.113.7' });
    await other.delete();

    const history = new ImportHistory(db);
    await history.undo((await history.list())[0]!.id);
    expect((await liveOrders(db)).find((o) => o.externalId === '#1001')!.cardLast4).toBe('');
  });

  it('a checkout device id in Stripe metadata reaches its orders and links them; card checks come along', async () => {
    fresh();
    // The real export plus the metadata column a shop's integration writes (`<key> (metadata)`).
    const lines = new TextDecoder().decode(fixture('stripe-payments.csv')).split('\n');
    const withDevice = lines.map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'device_id (metadata)' : i === 1 || i === 3 ? 'dev-7f3a9c21' : ''}`)).join('\n');
    await importFile(db, file('shopify-orders.csv', fixture('shopify-orders.csv')));
    await importFile(db, file('stripe-payments.csv', new TextEncoder().encode(withDevice)));
    expect((await new PaymentStore(db).get('ch_3PaidAAA1'))?.deviceId).toBe('dev-7f3a9c21');
    const orders = await liveOrders(db);
    const [a, b] = ['#1001', '#1003'].map((id) => orders.find((o) => o.externalId === id)!);
    expect(a).toMatchObject({ deviceId: 'dev-7f3a9c21', cvcCheck: 'pass', avsPostcodeCheck: 'pass' });
    expect(b).toMatchObject({ deviceId: 'dev-7f3a9c21', cvcCheck: 'pass' });
    expect(b).not.toHaveProperty('avsPostcodeCheck');
    const deviceKey = (o: typeof a) => linkKeysOf(o!).find((k) => k.type === 'device')?.value;
    expect(deviceKey(a)).toBeDefined();
    expect(deviceKey(a)).toBe(deviceKey(b));
  });

  it('a checkout session id in Stripe metadata reaches its orders and links them as one browser', async () => {
    fresh();
    const lines = new TextDecoder().decode(fixture('stripe-payments.csv')).split('\n');
    const withSession = lines
      .map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'session_id (metadata)' : i === 1 || i === 3 ? 'cs_live_a1B2c3D4e5' : ''}`))
      .join('\n');
    await importFile(db, file('shopify-orders.csv', fixture('shopify-orders.csv')));
    await importFile(db, file('stripe-payments.csv', new TextEncoder().encode(withSession)));
    expect((await new PaymentStore(db).get('ch_3PaidAAA1'))?.sessionId).toBe('cs_live_a1B2c3D4e5');
    expect((await new PaymentStore(db).get('ch_3DispBBB2'))?.sessionId).toBe('');
    const orders = await liveOrders(db);
    const [a, b, c] = ['#1001', '#1003', '#1002'].map((id) => orders.find((o) => o.externalId === id)!);
    expect(a).toMatchObject({ sessionId: 'cs_live_a1B2c3D4e5' });
    expect(c).not.toHaveProperty('sessionId');
    const sessionKey = (o: typeof a) => linkKeysOf(o!).find((k) => k.rule === 'session-id');
    expect(sessionKey(a)).toMatchObject({ type: 'device', value: 'session:cs_live_a1b2c3d4e5', strength: 'strong' });
    expect(sessionKey(b)?.value).toBe(sessionKey(a)?.value);
    expect(sessionKey(c)).toBeUndefined();
  });

  it('a labelled payments export carries its known outcome to the orders it pays, and Undo takes it back', async () => {
    fresh();
    const parsed = parseFormatPreset({
      id: 'custom:labelled-payments',
      label: 'Labelled payments',
      kind: 'payments',
      markerColumns: ['charge', 'chargeback'],
      mapping: { id: 'charge', orderRef: 'order', createdAt: 'created', amount: 'amount', currency: 'currency', knownOutcome: 'chargeback' },
      options: { source: 'psp', orderSource: 'shopify', timeZone: 'UTC' },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    await importFile(db, file('shopify-orders.csv', fixture('shopify-orders.csv')));
    const csv = 'charge,order,created,amount,currency,chargeback\nch_1,#1001,2026-05-01 08:00,59.90,EUR,yes\nch_2,#1002,2026-05-01 10:30,120.00,EUR,no\n';
    const run = await importFile(db, file('labelled.csv', new TextEncoder().encode(csv)), { preset: parsed.preset, presets: [parsed.preset] });
    expect(run.summary.created).toBe(2);
    expect((await new PaymentStore(db).get('ch_1'))?.knownOutcome).toBe('fraud');
    const orders = await liveOrders(db);
    expect(orders.find((o) => o.externalId === '#1001')?.knownOutcome).toBe('fraud');
    expect(orders.find((o) => o.externalId === '#1002')?.knownOutcome).toBe('legit');
    expect(orders.find((o) => o.externalId === '#1003')).not.toHaveProperty('knownOutcome');
    const history = new ImportHistory(db);
    await history.undo((await history.list())[0]!.id);
    expect((await liveOrders(db)).find((o) => o.externalId === '#1001')).not.toHaveProperty('knownOutcome');
  });

  it('a payment a later file changes is replaced where it is stored; Undo brings back the version before, then none', async () => {
    fresh();
    const stripe = new TextDecoder().decode(fixture('stripe-payments.csv'));
    await importFile(db, file('stripe-payments.csv', new TextEncoder().encode(stripe)));
    const store = () => new PaymentStore(db);
    const before = await store().all();
    expect(before.length).toBeGreaterThan(1);
    const first = before.find((p) => p.id === 'ch_3PaidAAA1')!;
    expect(first.amountMinor).toBe(5990);
    // The same export a day later: the payment was partly refunded, its amount and status changed.
    const later = stripe.replace(
      'ch_3PaidAAA1,Shopify order #1001,2026-05-01 08:00:05,59.90,0.00,eur',
      'ch_3PaidAAA1,Shopify order #1001,2026-05-01 08:00:05,49.90,0.00,eur',
    );
    expect(later).not.toBe(stripe);
    const run = await importFile(db, file('stripe-payments-later.csv', new TextEncoder().encode(later)));
    expect(run.summary).toMatchObject({ created: 0, updated: 1 });
    expect((await store().get('ch_3PaidAAA1'))!.amountMinor).toBe(4990);
    expect(await store().count()).toBe(before.length);
    expect(await db.paymentBlocks.count()).toBe(1);
    const history = new ImportHistory(db);
    await history.undo((await history.list())[0]!.id);
    expect(await store().all()).toEqual(before);
    await history.undo((await history.list())[1]!.id);
    expect(await store().count()).toBe(0);
    expect(await db.paymentBlocks.count()).toBe(0);
    expect(await db.paymentKeys.where('id').above(MARK_ID).count()).toBe(0);
  });

  it('a failed read keeps the completed batches recorded, consistent, and undoable', async () => {
    fresh();
    const bytes = new TextEncoder().encode(zalandoExport(3000));
    // 64 KiB chunks, the read failing at the fourth: the first chunks' batches are in.
    const out = await importFile(db, file('orders.csv', bytes, 64 * 1024, 3));
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/simulated read failure/);
    const [rec] = await new ImportHistory(db).list();
    expect(rec!.status).toBe('failed');
    const stored = await new OrderRepository(db).count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBe(out.summary.records.order.created);
    expect(rec!.created + rec!.updated + rec!.unchanged + rec!.quarantined).toBe(rec!.rows);
    expect(rec!.undoable).toBe(true);
    await new ImportHistory(db).undo(rec!.id);
    expect(await new OrderRepository(db).count()).toBe(0);
  });

  it('a read that fails before any batch is in has nothing to undo', async () => {
    fresh();
    const out = await importFile(db, file('stripe-payments.csv', fixture('stripe-payments.csv'), 200, 3));
    expect(out.status).toBe('failed');
    const [rec] = await new ImportHistory(db).list();
    expect(rec).toMatchObject({ status: 'failed', created: 0, updated: 0, undoable: false });
    expect(await new PaymentStore(db).count()).toBe(0);
  });
});

describe('the running record of an import', () => {
  it('counts only rows placed in a bucket, so a cut-off import still adds up', async () => {
    fresh();
    // Zalando rows group by order: after each chunk the last order's rows may still follow.
    const bytes = new TextEncoder().encode(zalandoExport(4000));
    const snapshots: { rows: number; sum: number }[] = [];
    const orig = db.imports.update.bind(db.imports);
    db.imports.update = (async (key: number, changes: Record<string, number>) => {
      if ('rows' in changes && changes.created !== undefined) {
        snapshots.push({ rows: changes.rows!, sum: changes.created + changes.updated! + changes.unchanged! + changes.quarantined! });
      }
      return orig(key, changes as never);
    }) as unknown as typeof db.imports.update;
    await importFile(db, file('zalando.csv', bytes, 16 * 1024));
    expect(snapshots.length).toBeGreaterThan(2);
    for (const s of snapshots) expect(s.rows).toBe(s.sum);
  });

  it('says, when asked, where its time went: every batch in each stage, within the time the import took', async () => {
    fresh();
    const bytes = new TextEncoder().encode(zalandoExport(4000));
    let batches = 0;
    const stageMs = noStageMs();
    const t0 = performance.now();
    const r = await importFile(db, file('zalando.csv', bytes, 16 * 1024), {}, undefined, undefined, undefined, undefined, {
      stageMs,
      afterBatch: async () => {
        batches++;
      },
    });
    const took = performance.now() - t0;
    expect(r.status).toBe('completed');
    expect(batches).toBeGreaterThan(2);
    const { batches: counted, ordersFromColumns, ...stages } = stageMs;
    expect(counted).toBe(batches);
    // Read in this thread, the orders came as objects.
    expect(ordersFromColumns).toBe(0);
    for (const ms of Object.values(stages)) expect(ms).toBeGreaterThanOrEqual(0);
    // Reading and writing are never free; all stages together are the import less its closing record.
    expect(stages.read).toBeGreaterThan(0);
    expect(stages.write).toBeGreaterThan(0);
    expect(Object.values(stages).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(took);
  });
});

describe('an import cut short', () => {
  it('cancelled: the record and the summary count only committed rows, and they add up', async () => {
    fresh();
    const bytes = new TextEncoder().encode(zalandoExport(4000));
    const control = { cancelled: false };
    let batches = 0;
    const out = await importFile(db, file('zalando.csv', bytes, 16 * 1024), {}, control, () => {
      if (++batches === 6) control.cancelled = true;
    });
    expect(out.status).toBe('cancelled');
    const [rec] = await new ImportHistory(db).list();
    expect(rec!.created + rec!.updated + rec!.unchanged + rec!.quarantined).toBe(rec!.rows);
    expect(out.summary.created + out.summary.updated + out.summary.unchanged + out.summary.quarantined).toBe(out.summary.rows);
    expect(rec!.rows).toBeLessThan(4000);
    expect(await new OrderRepository(db).count()).toBe(rec!.created);
  });

  it('a batch whose transaction aborts (disk full) is not counted: the record matches the cache', async () => {
    fresh();
    const bytes = new TextEncoder().encode(zalandoExport(4000));
    const add = db.importUndo.add.bind(db.importUndo);
    let calls = 0;
    db.importUndo.add = ((...args: Parameters<typeof add>) => {
      if (++calls === 4) {
        const e = new Error('quota');
        e.name = 'QuotaExceededError';
        throw e;
      }
      return add(...args);
    }) as typeof add;
    const out = await importFile(db, file('zalando.csv', bytes, 16 * 1024));
    expect(out.status).toBe('interrupted');
    expect(out.error).toMatch(/^The disk is full: the import of zalando\.csv stopped\./);
    const [rec] = await new ImportHistory(db).list();
    expect(await new OrderRepository(db).count()).toBe(rec!.created);
    expect(out.summary.created).toBe(rec!.created);
    expect(rec!.created + rec!.updated + rec!.unchanged + rec!.quarantined).toBe(rec!.rows);
  });
});

describe('a file with no line breaks', () => {
  const noBreaksIn = (first: string) =>
    `the file has no line breaks in its first ${first}: it is not a CSV or TSV export (or its lines end in a way the app does not read)`;

  it('imported: says so, stores nothing, and reads on only to hash the bytes', async () => {
    fresh();
    const chunk = new TextEncoder().encode('a,b,c,'.repeat(700_000)); // ~4 MB
    async function* unbroken() {
      for (let i = 0; i < 10; i++) yield chunk;
    }
    const out = await importFile(db, { name: 'orders.csv', size: chunk.length * 10, chunks: unbroken() });
    expect(out.summary.errors.map((e) => e.message)).toEqual([noBreaksIn('1 MiB')]);
    expect(out.summary.rows).toBe(0);
    expect(out.summary.bytes).toBe(chunk.length * 10);
    const [rec] = await new ImportHistory(db).list();
    expect(rec!.errors).toEqual(out.summary.errors.map((e) => e.message));
    expect(await new OrderRepository(db).count()).toBe(0);
    // Not imported, and said so: failed, with nothing to undo.
    expect(out.status).toBe('failed');
    expect(rec).toMatchObject({ status: 'failed', undoable: false });
  });

  it('a file no format reads is failed, not completed; it has nothing to undo and does not block undoing the import before it', async () => {
    fresh();
    await importFile(db, file('shopify-orders.csv', fixture('shopify-orders.csv')));
    const unknown = await importFile(db, file('notes.csv', new TextEncoder().encode('colour,size\nred,XL\n')));
    expect(unknown.status).toBe('failed');
    expect(unknown.summary.errors.map((e) => e.code)).toEqual(['unknown-format']);
    const [failed, shopify] = await new ImportHistory(db).list();
    expect(failed).toMatchObject({ fileName: 'notes.csv', status: 'failed', undoable: false });
    expect(shopify).toMatchObject({ fileName: 'shopify-orders.csv', status: 'completed', undoable: true });
    await new ImportHistory(db).undo(shopify!.id);
    expect(await new OrderRepository(db).count()).toBe(0);
  });

  it('checked in the wizard: says so instead of calling the file empty', async () => {
    fresh();
    const file = new Blob(['a;b;c;'.repeat(100_000)]);
    const check = await new ImportService(db).check(file, BUILT_IN_PRESETS[0]!);
    expect(check.errors).toEqual([noBreaksIn('256 KiB')]);
  });
});
