// Bench-only page (built when WORKBENCH_BENCH=1): seeds the cache and measures the naive
// baselines each figure in bench/results.json is judged against, in the same browser.
import { createDb } from '../db/schema';
import { loadDemoData } from '../db/demoLoader';
import { OrderStore } from '../db/orderStore';
import { RingService } from '../db/ringService';
import { linkEdges } from '../../../shared/linking';
import { generateDemo } from '../../../shared/demo';
import { MARKETPLACES } from '../../../shared/domain/order';

const BASELINE_DB = 'bench-baseline';
const STORE = 'orders';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openBaseline(name = BASELINE_DB): Promise<IDBDatabase> {
  const r = indexedDB.open(name, 1);
  r.onupgradeneeded = () => {
    const s = r.result.createObjectStore(STORE, { keyPath: 'key' });
    // The three indexes a one-record-per-order design needs for the same screen.
    s.createIndex('marketplace', 'marketplace');
    s.createIndex('createdAt', 'createdAt');
    s.createIndex('marketplace_createdAt', ['marketplace', 'createdAt']);
  };
  return req(r);
}

function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const bench = {
  /**
   * Rings over the app cache with the app's own service (as the cache worker runs it): the first
   * run reads, decodes and normalises every order into the key index; later runs link from the
   * kept index, as after an option change, an override or a verdict. Returns the linked pairs
   * (little-endian int32, base64) for the networkx baseline.
   */
  async rings(runs: number) {
    const db = createDb();
    const store = new OrderStore(db);
    await store.open();
    const service = new RingService(db, store);
    const t0 = performance.now();
    const first = await service.compute();
    const firstMs = performance.now() - t0;
    const warm: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await service.compute();
      warm.push(performance.now() - t);
    }
    const index = service.keyIndex()!;
    const edges = linkEdges(index);
    const bytes = new Uint8Array(edges.buffer, edges.byteOffset, edges.byteLength);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    db.close();
    return { orders: first.orders, rows: index.orderCount, rings: first.rings.length, hubs: first.hubs.length, firstMs, indexMs: first.indexMs, warm, pairs: edges.length / 2, edges: btoa(binary) };
  },

  /** Loads the demo year into the app's cache; returns orders written and ms taken. */
  async seedApp(orders: number, now: number) {
    const db = createDb();
    const t0 = performance.now();
    const n = await loadDemoData(db, { orders, now });
    const ms = performance.now() - t0;
    db.close();
    return { orders: n, ms };
  },

  /**
   * Writes the same demo orders one record per order, 10k per transaction, 3 indexes. Only
   * the puts are timed, not generating the orders.
   */
  async seedBaseline(orders: number, now: number, name = BASELINE_DB) {
    const db = await openBaseline(name);
    let ms = 0;
    let written = 0;
    let batch: unknown[] = [];
    const flush = async () => {
      const t0 = performance.now();
      const tx = db.transaction(STORE, 'readwrite');
      const s = tx.objectStore(STORE);
      for (const o of batch) s.put(o);
      await txDone(tx);
      ms += performance.now() - t0;
      written += batch.length;
      batch = [];
    };
    const gen = generateDemo({ orders, seed: 20261124, now, chunkSize: 10_000 });
    for (let step = gen.next(); !step.done; step = gen.next()) {
      for (const o of step.value.orders) batch.push({ key: `${o.source}:${o.externalId}`, ...o });
      if (batch.length >= 10_000) await flush();
    }
    if (batch.length) await flush();
    db.close();
    if (name !== BASELINE_DB) await req(indexedDB.deleteDatabase(name));
    return { orders: written, ms };
  },

  /** Baseline cold open: every order record read with one getAll. */
  async baselineGetAll() {
    const t0 = performance.now();
    const db = await openBaseline();
    const rows = await req(db.transaction(STORE).objectStore(STORE).getAll());
    const ms = performance.now() - t0;
    db.close();
    return { rows: rows.length, ms, sinceNavigation: performance.now() };
  },

  /** Baseline filter: the compound index walked newest-first for one page, plus the count. */
  async baselineFilter(marketplace: string, from: number, to: number) {
    const db = await openBaseline();
    const t0 = performance.now();
    const idx = db.transaction(STORE).objectStore(STORE).index('marketplace_createdAt');
    const range = IDBKeyRange.bound([marketplace, from], [marketplace, to], false, true);
    const count = await req(idx.count(range));
    const page: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const c = idx.openCursor(range, 'prev');
      c.onsuccess = () => {
        const cur = c.result;
        if (!cur || page.length >= 100) return resolve();
        page.push(cur.value);
        cur.continue();
      };
      c.onerror = () => reject(c.error);
    });
    const ms = performance.now() - t0;
    db.close();
    return { count, ms };
  },

  /** Our filter, worker-free, for a cross-check of the count the UI shows. */
  async appFilterCount(marketplace: string, from: number, to: number) {
    const store = new OrderStore(createDb());
    await store.open();
    return store.query({
      filter: { marketplaces: [marketplace as (typeof MARKETPLACES)[number]], statuses: [], from, to },
      sort: { field: 'createdAt', dir: 'desc' },
      search: '',
    });
  },
};

(globalThis as unknown as { bench: typeof bench }).bench = bench;
document.body.dataset.ready = '1';
