// The key index kept in the cache: a new service (an app start) reads it back instead of
// normalising every order and links the same rings; an import extends it; an undo, an erasure or
// a wipe makes it stale, detected on the next start and built again, never trusted.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import {
  keyIndexGeneration,
  keyIndexInfo,
  loadKeyIndex,
  loadKeyIndexCustomers,
  loadKeyIndexText,
  saveKeyIndex,
} from '../../../renderer/src/core/storage/keyIndexStore';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { wipeCache } from '../../../renderer/src/core/storage/wipe';
import { KeyIndexBuilder, OrderLabels } from '../../../shared/linking';
import { fixedClock } from '../../../shared/time/clock';

const NOW = Date.UTC(2026, 10, 1);
const clock = fixedClock(NOW);
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function demoCache(name: string, orders = 2000): Promise<WorkbenchDb> {
  const db = createDb(name);
  dbs.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  await loadDemoData(db, { orders, clock });
  return db;
}

/** A service as after an app start: a fresh order store and ring service on the same cache. */
async function started(db: WorkbenchDb) {
  const store = new OrderStore(db);
  await store.open();
  return new RingService(db, store, clock);
}

/** Rings linked from scratch: the kept index dropped first, so nothing is read back. */
async function fromScratch(db: WorkbenchDb) {
  await db.transaction('rw', db.keyIndex, () => db.keyIndex.where('part').notEqual('generation').delete());
  const service = await started(db);
  const overview = await service.compute();
  expect(overview.restoredOrders).toBe(0);
  return overview;
}

const ringsOf = (o: Awaited<ReturnType<RingService['compute']>>) => ({
  rings: o.rings.map((r) => ({ id: r.id, metrics: r.metrics, keys: r.keys })),
  lists: o.lists,
  hubs: o.hubs,
  bursts: o.bursts,
  orders: o.orders,
});

const shopify = new Uint8Array(readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url)));
async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
const shopifyFile = () => ({ name: 'shopify-orders.csv', size: shopify.length, chunks: oneChunk(shopify) });

describe('the key index kept in the cache', () => {
  it('is read back by a new service without normalising any order, and links the same rings as a fresh build', async () => {
    const db = await demoCache('key-index-kept');
    const first = await started(db);
    const built = await first.compute();
    expect(built.indexedOrders).toBe(2000);
    expect(built.restoredOrders).toBe(0);
    await first.saved();
    const info = await keyIndexInfo(db);
    expect(info?.rows).toBe(2000);
    expect(info?.bytes).toBeGreaterThan(0);

    const second = await started(db);
    const restored = await second.compute();
    expect(restored.indexedOrders).toBe(0);
    expect(restored.restoredOrders).toBe(2000);
    expect(ringsOf(restored)).toEqual(ringsOf(built));
    // Drill-down works on the restored index: the top ring's detail and a graph expansion.
    const top = restored.rings[0]!.id;
    const [a, b] = await Promise.all([first.detail(top), second.detail(top)]);
    expect(b.evidence).toEqual(a.evidence);
    expect(b.orders).toEqual(a.orders);
    expect(b.graph).toEqual(a.graph);
    const keyNode = b.graph.nodes.find((n) => n.kind !== 'order')!.id;
    expect(await second.expand(keyNode, [])).toEqual(await first.expand(keyNode, []));
    // An order's own keys include values no other order has: read back on demand.
    const orderNode = b.graph.nodes.find((n) => n.kind === 'order')!.id;
    expect(await second.expand(orderNode, [])).toEqual(await first.expand(orderNode, []));
    // Other options re-link from it too, as from a fresh build.
    expect(ringsOf(await second.compute({ keyTypes: ['card', 'device'] }))).toEqual(ringsOf(await first.compute({ keyTypes: ['card', 'device'] })));
    expect(ringsOf(await fromScratch(db))).toEqual(ringsOf(built));
  });

  it('is extended by an import, read back with the new orders, and rebuilt after the import is undone', async () => {
    const db = await demoCache('key-index-import');
    const first = await started(db);
    await first.compute();
    await first.saved();

    expect((await importFile(db, shopifyFile())).status).toBe('completed');
    const rowsNow = new OrderStore(db);
    await rowsNow.open();
    // Rows the import appended (orders it created or changed), whatever its line count.
    const created = rowsNow.currentSnapshot().keyColumns.count - 2000;
    expect(created).toBeGreaterThan(0);
    // A start after the import: the kept index is read back and only the import's orders are normalised.
    const afterImport = await started(db);
    const extended = await afterImport.compute();
    expect(extended.restoredOrders).toBe(2000);
    expect(extended.indexedOrders).toBe(created);
    await afterImport.saved();
    // ... and kept with them: the next start normalises nothing.
    const again = await (await started(db)).compute();
    expect(again.indexedOrders).toBe(0);
    expect(again.restoredOrders).toBe(2000 + created);
    expect(ringsOf(again)).toEqual(ringsOf(extended));
    expect(ringsOf(again)).toEqual(ringsOf(await fromScratch(db)));

    // The undo removes the import's blocks: the kept index covers blocks that are gone, so it is stale.
    await (await started(db)).compute();
    const imports = await new ImportHistory(db, clock).list();
    await new ImportHistory(db, clock).undo(imports[0]!.id);
    const afterUndo = await (await started(db)).compute();
    expect(afterUndo.restoredOrders).toBe(0);
    expect(afterUndo.indexedOrders).toBe(2000);
    expect(ringsOf(afterUndo)).toEqual(ringsOf(await fromScratch(db)));
  });

  it('is dropped by an erasure in the same transaction, so no start reads the erased values back', async () => {
    const db = await demoCache('key-index-erasure', 500);
    const rings = await started(db);
    await rings.compute();
    await rings.saved();
    const generation = await keyIndexGeneration(db);
    const email = (await (await started(db)).current()).orders.find((o) => o.email)!.email;

    const core = createCore(db, clock);
    const { token } = await core.planErasure(email);
    await core.applyPersonalData(token, 'GDPR-2026-7');
    expect(await keyIndexInfo(db)).toBeNull();
    expect(await keyIndexGeneration(db)).toBe(generation + 1);

    const after = await started(db);
    const overview = await after.compute();
    expect(overview.restoredOrders).toBe(0);
    expect(overview.indexedOrders).toBe(500);
    expect(after.keyIndex()!.keyId('email', email.toLowerCase())).toBeUndefined();
  });

  it('refuses to keep an index built before the generation moved (an erasure or wipe while it was built)', async () => {
    const db = await demoCache('key-index-race', 300);
    const generation = await keyIndexGeneration(db);
    const builder = new KeyIndexBuilder();
    const labels = new OrderLabels();
    const orders = (await (await started(db)).current()).orders;
    builder.add(orders);
    labels.add(orders);
    await wipeCache(db);
    const blockIds = [1];
    const parts = () => ({
      index: builder.state(),
      text: builder.text()!,
      shared: builder.sharedText()!,
      labels: labels.state(),
      customers: builder.customers()!,
    });
    expect(await saveKeyIndex(db, { generation, blockIds, rows: orders.length }, parts())).toBeNull();
    expect(await keyIndexInfo(db)).toBeNull();
    expect(await saveKeyIndex(db, { generation: generation + 1, blockIds, rows: orders.length }, parts())).not.toBeNull();
  });

  it('reads back what it kept, packed or not: values and order keys longer than a byte can count', async () => {
    const db = await demoCache('key-index-packing', 40);
    const orders = (await (await started(db)).current()).orders.map((o) => ({ ...o }));
    const long = `${'xy'.repeat(150)}@example.com`;
    orders[0]!.email = long;
    orders[1]!.email = long;
    orders[2]!.externalId = 'N'.repeat(300);
    orders[3]!.knownOutcome = 'fraud';
    orders[5]!.knownOutcome = 'legit';
    const builder = new KeyIndexBuilder();
    const labels = new OrderLabels();
    builder.add(orders);
    labels.add(orders);
    const stamp = { generation: await keyIndexGeneration(db), blockIds: [1], rows: orders.length };
    const parts = { index: builder.state(), text: builder.text()!, shared: builder.sharedText()!, labels: labels.state(), customers: builder.customers()! };
    expect(parts.shared.text).toContain(long);
    expect([...parts.labels.knownFraud]).toEqual([3]);
    const kept = (await saveKeyIndex(db, stamp, parts))!;
    const back = (await loadKeyIndex(db))!;
    expect(back.serial).toBe(kept.serial);
    expect(back.index).toEqual(parts.index);
    expect(await back.rest).toEqual({ labels: parts.labels, shared: parts.shared });
    expect(await loadKeyIndexText(db, kept.serial)).toEqual(parts.text);
    expect(await loadKeyIndexCustomers(db, kept.serial)).toEqual(parts.customers);
    const info = (await keyIndexInfo(db))!;
    expect(info.startBytes).toBeLessThan(info.bytes);
  });

  it('restores a builder that adds more orders exactly as one that never stopped', async () => {
    const db = await demoCache('key-index-builder', 600);
    const orders = (await (await started(db)).current()).orders;
    const whole = new KeyIndexBuilder();
    whole.add(orders);
    const part = new KeyIndexBuilder();
    part.add(orders.slice(0, 250));
    const createdAt = Float64Array.from(orders, (o) => o.createdAt);
    const resumed = KeyIndexBuilder.restore(structuredClone(part.state()), createdAt, structuredClone(part.sharedText()!));
    expect(resumed.canAdd).toBe(false);
    // Restored without its full text, it knows the shared keys' values, and adds only with text and customers.
    expect(resumed.hasText).toBe(false);
    resumed.attachCustomers(structuredClone(part.customers()!));
    expect(resumed.canAdd).toBe(false);
    resumed.attachText(structuredClone(part.text()!));
    resumed.add(orders.slice(250));
    const a = whole.index();
    const b = resumed.index();
    expect(b.keyCount).toBe(a.keyCount);
    for (const f of ['keyType', 'keyStrength', 'keyMarked', 'keyStart', 'keyOrders', 'orderStart', 'orderKeys', 'customerOf'] as const)
      expect(Array.from(b[f])).toEqual(Array.from(a[f]));
    for (let k = 0; k < a.keyCount; k++) {
      expect(b.customersOf(k)).toBe(a.customersOf(k));
      expect(b.spanMsOf(k)).toBe(a.spanMsOf(k));
    }
    for (let k = 0; k < a.keyCount; k++) expect(b.key(k)).toEqual(a.key(k));
    const email = orders.find((o) => o.email)!.email.toLowerCase();
    expect(b.keyId('email', email)).toBe(a.keyId('email', email));
  });

  it('Review says how far linking has got while the index it scores with is built (an old cache without one)', async () => {
    const db = await demoCache('key-index-review-progress', 3000);
    await db.transaction('rw', db.keyIndex, () => db.keyIndex.where('part').notEqual('generation').delete());
    const core = createCore(db, clock);
    const seen: [number, number][] = [];
    const queue = await core.reviewQueue((done, total) => seen.push([done, total]));
    expect(Array.isArray(queue)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    const total = seen[0]![1];
    expect(total).toBe(3000);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen.at(-1)![0]).toBe(total);
  });
});
