// Bench-only page (built when WORKBENCH_BENCH=1): seeds the cache and measures the naive
// baselines each figure in bench/results.json is judged against, in the same browser.
import { disputesWithWorkflow } from '../../../shared/disputes/standing';
import { createDb, type WorkbenchDb } from '../core/storage/schema';
import { loadDemoData } from '../core/orders/demoLoader';
import { applyRestore, planRestore, readBackup, writeBackup } from '../core/backup';
import { exportDB, importInto } from 'dexie-export-import';
import { fixedClock } from '../../../shared/time/clock';
import { OrderStore } from '../core/storage/orderStore';
import { RingService } from '../core/rings/ringService';
import { keyIndexInfo } from '../core/storage/keyIndexStore';
import { ReportService, type TrendResult } from '../core/reports/reportService';
import { DecisionLog } from '../core/storage/decisionLog';
import { fraudTrend, trendRows, type TrendParams, type TrendReport } from '../../../shared/reports/fraudTrend';
import { confirmedFraud, fraudRowsOf, knownFraudKeys, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import type { Dispute } from '../../../shared/domain/dispute';
import { FIELD_SEPARATOR } from '../../../shared/orders/columns';
import { linkEdges } from '../../../shared/linking';
import { generateDemo, generateDemoAll } from '../../../shared/demo';
import { generatePlantedCases } from '../../../shared/demo/plantedCases';
import { ringQuality } from '../../../shared/linking/quality';
import { buildRings } from '../../../shared/linking';
import { MARKETPLACE_LABEL, MARKETPLACES } from '../../../shared/domain/order';
import Papa from 'papaparse';
import { blobSource, importRecords, noStageMs } from '../core/imports/importRunner';
import { startReadWorker } from '../core/imports/readWorker';
import { teamBench } from './teamBench';

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

const DAY_MS = 86_400_000;

/** Disputes with the status their workflow log gives them: what ReportService reads. */
async function workflowDisputes(db: WorkbenchDb): Promise<Dispute[]> {
  const [all, events] = await Promise.all([db.disputes.toArray(), db.disputeEvents.orderBy('id').toArray()]);
  return disputesWithWorkflow(all, events).disputes.map(({ stamp: _stamp, ...d }) => d);
}

/** Order keys of rings confirmed as fraud, as ReportService takes them. */
async function confirmedRingKeys(rings: RingService): Promise<string[]> {
  const keys: string[] = [];
  for (const m of (await rings.decisions.currentMarks()).values()) {
    if (m.status !== 'confirmed-fraud') continue;
    keys.push(...(m.orderKeys ?? rings.lastRings().find((r) => r.id === m.ringId)?.orderKeys ?? []));
  }
  return keys;
}

/** A report's flat rows in a fixed order (the two ways number their groups differently), and its totals. */
function canonical(r: TrendReport): string {
  const rows = trendRows(r).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return JSON.stringify({ rows, total: r.total, previousTotal: r.previousTotal, unconverted: r.unconverted, periods: r.periods });
}

function assertSame(fast: TrendReport, naive: TrendReport, what: string): number {
  const a = canonical(fast);
  const b = canonical(naive);
  if (a !== b) {
    const ra = trendRows(fast).length;
    const rb = trendRows(naive).length;
    throw new Error(
      `report bench: ${what}: the cache's columns and the decoded orders give different figures (${ra} vs ${rb} rows; totals ${JSON.stringify(fast.total)} vs ${JSON.stringify(naive.total)})`,
    );
  }
  return trendRows(fast).length;
}

type TrendAsked = Omit<TrendParams, 'currency' | 'rates' | 'ratesAsOf'>;
type FreshStore = () => Promise<{ store: OrderStore; openMs: number; service: ReportService }>;

/** The report service's steps on a fresh store, one at a time, for the profile. */
async function profileTrendSteps(db: WorkbenchDb, params: TrendAsked, fresh: FreshStore): Promise<Record<string, number>> {
  const split: Record<string, number> = {};
  const t0 = performance.now();
  const { store } = await fresh();
  const t1 = performance.now();
  const snap = store.currentSnapshot();
  const dict = await snap.dict();
  const t2 = performance.now();
  const svc = new ReportService(db, store, new RingService(db, store));
  const [rates, disputes, decisions, ringKeys] = await Promise.all([
    svc.rates(),
    workflowDisputes(db),
    new DecisionLog(db).entries(),
    confirmedRingKeys(new RingService(db, store)),
  ]);
  const t3 = performance.now();
  const fraudByKey = confirmedFraud(disputes, decisions, ringKeys);
  const wanted = new Set<string>(fraudByKey.keys());
  for (const d of disputes) if (d.orderKey) wanted.add(d.orderKey);
  const rowOf = await snap.rowsOfKeys(wanted);
  const t4 = performance.now();
  const keys = snap.keyColumns;
  const fraud = fraudRowsOf(fraudByKey, rowOf, { values: dict.values.knownOutcome, codes: dict.codes.knownOutcome }, keys.live);
  fraudTrend(
    {
      count: keys.count,
      createdAt: keys.createdAt,
      totalMinor: keys.totalMinor,
      live: keys.live,
      group: keys.marketplace,
      groupLabels: MARKETPLACES.map((m) => MARKETPLACE_LABEL[m]),
      groupKeys: MARKETPLACES,
      currency: dict.codes.currency,
      currencyLabels: dict.values.currency,
      fraud,
    },
    trendChargebacks(disputes, (k) => rowOf.get(k)),
    { ...params, currency: rates.currency, rates: rates.rates },
  );
  const t5 = performance.now();
  Object.assign(split, { open: t1 - t0, dict: t2 - t1, reads: t3 - t2, rowsOfKeys: t4 - t3, columnPass: t5 - t4, total: t5 - t0 });
  // rowsOfKeys apart, after it (so the blocks may be warmer): reading the key records (which
  // also hold scopes and content hashes), then splitting and looking up every key.
  const r0 = performance.now();
  const recs = await db.orderKeys.bulkGet([...snap.blockIds]);
  const r1 = performance.now();
  let found = 0;
  recs.forEach((rec, b) => {
    const start = keys.blockStarts[b]!;
    const list = rec!.keys.split(FIELD_SEPARATOR);
    for (let i = 0; i < list.length; i++) if (keys.live[start + i] && wanted.has(list[i]!)) found++;
  });
  const r2 = performance.now();
  let keyChars = 0;
  let otherChars = 0;
  for (const rec of recs) {
    keyChars += rec!.keys.length;
    otherChars += rec!.scopes.length + rec!.hashes.length;
  }
  Object.assign(split, {
    keyRecordsRead: r1 - r0,
    keySplitAndLookup: r2 - r1,
    keyRecordKeyChars: keyChars,
    keyRecordOtherChars: otherChars,
    wantedKeys: wanted.size,
    foundKeys: found,
  });
  return split;
}

/**
 * The fraud trend the naive way, from an opened cache: every order decoded, then the pure report
 * over plain orders (timed), and with `byCountry` the country report too (untimed, for the check).
 */
async function naiveTrend(db: WorkbenchDb, params: TrendAsked, fresh: FreshStore, byCountry: boolean) {
  const { store, service } = await fresh();
  const t = performance.now();
  const { orders } = await store.allOrders();
  const decodeMs = performance.now() - t;
  const [rates, disputes, decisions, marks] = await Promise.all([
    service.rates(),
    workflowDisputes(db),
    new DecisionLog(db).entries(),
    confirmedRingKeys(new RingService(db, store)),
  ]);
  const fraudByKey = confirmedFraud(disputes, decisions, marks, knownFraudKeys(orders));
  const { columns, rowOf } = trendOrdersOf(orders, 'marketplace', fraudByKey);
  const report = fraudTrend(
    columns,
    trendChargebacks(disputes, (k) => rowOf.get(k)),
    { ...params, currency: rates.currency, rates: rates.rates },
  );
  const ms = performance.now() - t;
  let country: TrendReport | null = null;
  if (byCountry) {
    const c = trendOrdersOf(orders, 'country', fraudByKey);
    country = fraudTrend(
      c.columns,
      trendChargebacks(disputes, (k) => c.rowOf.get(k)),
      { ...params, dimension: 'country', currency: rates.currency, rates: rates.rates },
    );
  }
  return { ms, decodeMs, report, decoded: orders.length, byCountry: country };
}

const bench = {
  ...teamBench,
  /**
   * The fraud-trend report over the whole cache by week x marketplace, with the app's own
   * ReportService (what the Reports screen asks of the cache worker), each run on a fresh
   * OrderStore: open() (key columns), then the first fraudTrend() after it (timed alone), a
   * repeat, and the first call by country on another fresh store. Against it, in the same run:
   * every order decoded from the text blocks (store.allOrders() on a fresh opened store) and
   * the same pure report over the decoded orders (trendOrdersOf + confirmedFraud +
   * trendChargebacks + fraudTrend). Throws unless both give the same figures. A last, separate
   * pass times the service's steps one by one for the profile.
   */
  async report(runs: number) {
    const db = createDb();
    const span = await (async () => {
      const s = new OrderStore(db);
      await s.open();
      return s.span();
    })();
    if (!span) throw new Error('report bench: the cache is empty; seed it first');
    const from = Math.floor(span.min / DAY_MS) * DAY_MS;
    const to = Math.floor(span.max / DAY_MS) * DAY_MS + DAY_MS;
    const params = { period: 'week', from, to, dimension: 'marketplace' } as const satisfies TrendAsked;
    const fresh: FreshStore = async () => {
      const store = new OrderStore(db);
      const t = performance.now();
      await store.open();
      const openMs = performance.now() - t;
      return { store, openMs, service: new ReportService(db, store, new RingService(db, store)) };
    };
    const timed = async (service: ReportService, p: TrendAsked) => {
      const t = performance.now();
      const result = await service.fraudTrend(p);
      return { ms: performance.now() - t, result };
    };

    const first: number[] = [];
    const computed: number[] = [];
    const open: number[] = [];
    const warm: number[] = [];
    const country: number[] = [];
    const countryWarm: number[] = [];
    const naive: number[] = [];
    const naiveDecode: number[] = [];
    let fastResult: TrendResult | null = null;
    let countryResult: TrendResult | null = null;
    let naiveReport: TrendReport | null = null;
    let naiveCountry: TrendReport | null = null;
    let decoded = 0;
    for (let run = 0; run < runs; run++) {
      // The app's way: opened cache -> figures.
      {
        const { openMs, service } = await fresh();
        open.push(openMs);
        const a = await timed(service, params);
        first.push(a.ms);
        computed.push(a.result.computedMs);
        warm.push((await timed(service, params)).ms);
        fastResult = a.result;
      }
      {
        const { service } = await fresh();
        const c = await timed(service, { ...params, dimension: 'country' });
        country.push(c.ms);
        countryWarm.push((await timed(service, { ...params, dimension: 'country' })).ms);
        countryResult = c.result;
      }
      // The naive way, from the same starting point (an opened cache): decode every order, then
      // the same pure report over plain orders.
      {
        const n = await naiveTrend(db, params, fresh, run === runs - 1);
        naive.push(n.ms);
        naiveDecode.push(n.decodeMs);
        naiveReport = n.report;
        decoded = n.decoded;
        if (n.byCountry) naiveCountry = n.byCountry;
      }
    }
    const rows = assertSame(fastResult!.report, naiveReport!, 'week x marketplace');
    const countryRows = assertSame(countryResult!.report, naiveCountry!, 'week x country');

    // Profile: the service's steps on a fresh store, one at a time (the service runs the reads
    // concurrently, so these add up to a little more than one call).
    const split = await profileTrendSteps(db, params, fresh);

    const counts = { disputes: (await workflowDisputes(db)).length, decisions: await db.decisions.count(), ringMarks: await db.ringMarks.count() };
    const r = fastResult!.report;
    db.close();
    return {
      orders: r.total.orders,
      decoded,
      from,
      to,
      periods: r.periods.length,
      groups: r.groups,
      rows,
      countryRows,
      countryGroups: countryResult!.report.groups.length,
      fraudOrders: r.total.fraudOrders,
      chargebacks: r.total.chargebacks,
      counts,
      first,
      computed,
      open,
      warm,
      country,
      countryWarm,
      naive,
      naiveDecode,
      split,
    };
  },

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
    // The screens ask a first-time user for their name before anything else: name one for the window runs.
    if (!(await db.meta.get('analystName'))) await db.meta.put({ key: 'analystName', value: 'Bench' });
    // The index as the cache keeps it, for the cold figure (a reload reads it back) and its size.
    const s0 = performance.now();
    await service.saved();
    const saveMs = performance.now() - s0;
    const kept = await keyIndexInfo(db);
    // A fresh store and service on the same cache, as after a worker start: read back, not rebuilt.
    const cold: number[] = [];
    let coldIndexed = -1;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const freshStore = new OrderStore(db);
      await freshStore.open();
      const overview = await new RingService(db, freshStore).compute();
      cold.push(performance.now() - t);
      coldIndexed = Math.max(coldIndexed, overview.indexedOrders);
    }
    const index = service.keyIndex()!;
    const edges = linkEdges(index);
    const bytes = new Uint8Array(edges.buffer, edges.byteOffset, edges.byteLength);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    db.close();
    return {
      orders: first.orders,
      rows: index.orderCount,
      rings: first.rings.length,
      hubs: first.hubs.length,
      firstMs,
      indexMs: first.indexMs,
      warm,
      pairs: edges.length / 2,
      edges: btoa(binary),
      saveMs,
      keptBytes: kept?.bytes ?? 0,
      keptStartBytes: kept?.startBytes ?? 0,
      keptKeys: kept?.keyCount ?? 0,
      cold,
      coldIndexed,
    };
  },

  /**
   * backup_1m: the app's backup (encrypted container) of the seeded cache against the JSON backup
   * it wrote before (dexie-export-import exportDB), each timed and sized; then restore of each into
   * an empty cache: read + check + relate + one transaction, against importInto.
   */
  /**
   * ring_quality: precision and recall of the linker with default options, on the demo's planted
   * rings (100k orders) and on the planted-cases generator (device bursts, card testing, steady
   * hubs, repeat customers with and without accounts). Deterministic: seeds are fixed.
   */
  ringQuality(now: number) {
    const demo = generateDemoAll({ orders: 100_000, seed: 20261124, now });
    const demoQuality = ringQuality(buildRings(demo.orders, demo.disputes).rings, demo.truth.rings, demo.truth.hubs);
    const cases = generatePlantedCases(20261124, now, 4);
    const plantedQuality = ringQuality(buildRings(cases.orders).rings, cases.rings, cases.hubs);
    return { demo: demoQuality, planted: plantedQuality };
  },

  async backup() {
    const passphrase = 'bench passphrase, not a secret';
    const db = createDb();
    await db.meta.put({ key: 'analystName', value: 'bench' });
    let t0 = performance.now();
    const { blob, manifest } = await writeBackup(db, { passphrase, clock: fixedClock(Date.UTC(2026, 10, 24)) });
    const writeMs = performance.now() - t0;
    t0 = performance.now();
    const json = await exportDB(db);
    const jsonMs = performance.now() - t0;
    db.close();

    const target = createDb('fraud-workbench-bench-restore');
    await target.delete();
    await target.open();
    await target.meta.put({ key: 'analystName', value: 'bench' });
    t0 = performance.now();
    const staged = await readBackup(blob, passphrase);
    const readMs = performance.now() - t0;
    const pending = await planRestore(target, staged, []);
    const checkMs = performance.now() - t0 - readMs;
    await applyRestore(target, pending, { reason: '', clock: fixedClock(Date.UTC(2026, 10, 24)) });
    const restoreMs = performance.now() - t0;
    const restoredOrders = pending.plan.counts.orders;
    await target.delete();

    const baseline = createDb('fraud-workbench-bench-restore-json');
    await baseline.delete();
    await baseline.open();
    t0 = performance.now();
    // The database is new and empty: nothing to clear (clearing would meet the append-only hooks).
    await importInto(baseline, json, { acceptNameDiff: true, chunkSizeBytes: 4 * 1024 * 1024 });
    const jsonRestoreMs = performance.now() - t0;
    await baseline.delete();
    return {
      orders: manifest.counts['orders'],
      restoredOrders,
      bytes: blob.size,
      jsonBytes: json.size,
      writeMs,
      jsonMs,
      readMs,
      checkMs,
      restoreMs,
      jsonRestoreMs,
    };
  },

  /**
   * The import's parser alone on the same file: the File read as a stream, decoded as UTF-8 and
   * split into records by papaparse with the import's settings
   * (shared/ingest/csvStream.ts), nothing mapped, normalised or written. Rows and ms.
   */
  async parseOnly(file: File) {
    const t0 = performance.now();
    const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
    const decoder = new TextDecoder('utf-8');
    let rows = 0;
    let carry = '';
    const reader = file.stream().getReader();
    for (;;) {
      const { value, done } = await reader.read();
      const text = carry + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      const result = parser.parse(text, 0, !done);
      rows += result.data.length;
      if (done) break;
      carry = text.substring(result.meta.cursor as number);
    }
    return { rows: rows - 1, ms: performance.now() - t0 };
  },

  /**
   * The import pipeline on this page's thread (no worker round trip, no screen): the same
   * importRecords the import worker runs, into its own cache, reading the file here too, or in a
   * read worker with `readAhead`. For profiling the import: rows, ms and
   * where the time went (ImportStageMs).
   */
  async importInPage(file: File, readAhead = false) {
    const db = createDb('bench-import-in-page');
    const stages = noStageMs();
    const control = { cancelled: false };
    const t0 = performance.now();
    // Read in a worker, the import takes new orders as the app's does: from their columns.
    const source = blobSource(file, readAhead ? startReadWorker : () => null, {}, control, undefined, readAhead);
    const r = await importRecords(db, file, source, control, undefined, undefined, undefined, {
      stageMs: stages,
    });
    const ms = performance.now() - t0;
    db.close();
    await db.delete();
    return { rows: r.summary.rows, created: r.summary.created, status: r.status, ms, stages };
  },

  /** Loads the demo year into the app's cache; returns orders written and ms taken. */
  async seedApp(orders: number, now: number) {
    const db = createDb();
    const t0 = performance.now();
    const n = await loadDemoData(db, { orders, clock: fixedClock(now) });
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
