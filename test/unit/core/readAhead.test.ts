// Reading a file in a read worker (readAhead.ts) must import exactly what reading it in the import
// worker does, never run more than READ_AHEAD batches ahead of the writes, and end the worker on
// every way an import ends: done, cancelled, a read failure, a worker that never starts.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  blobSource,
  importFile,
  importRecords,
  noStageMs,
  type ImportControl,
  type ImportExtras,
  type ImportProgress,
} from '../../../renderer/src/core/imports/importRunner';
import { generateDemoAll } from '../../../shared/demo';
import { SHOPIFY_HEADER, shopifyItemsOf, shopifyOrderRows } from '../../../shared/demo/shopifyExport';
import { READ_AHEAD, READ_WORKER_FAILED, type ReadWorker } from '../../../renderer/src/core/imports/readAhead';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { freshDbs } from '../../support/freshDbs';
import { NO_FILTER } from '../../../shared/orders/query';
import { chunked } from '../../support/importInput';
import { inThreadWorker, newTrace } from '../../support/inThreadReadWorker';
import { zalandoExport } from '../../support/zalandoExport';

const fresh = freshDbs('read-ahead');

/** An import of `file` read in `worker` (the import service's way, importService.ts). */
function importBlob(
  db: WorkbenchDb,
  file: Blob & { name: string },
  worker: ReadWorker,
  options = {},
  control: ImportControl = { cancelled: false },
  onProgress?: (p: ImportProgress) => void,
  extras: ImportExtras = {},
) {
  return importRecords(
    db,
    file,
    blobSource(file, () => worker, options, control),
    control,
    onProgress,
    undefined,
    undefined,
    extras,
  );
}

/** The same, with new orders taken from the columns they cross in (the import service's way). */
function importBlobFromColumns(db: WorkbenchDb, file: Blob & { name: string }, worker: ReadWorker, extras: ImportExtras = {}) {
  const control = { cancelled: false };
  return importRecords(
    db,
    file,
    blobSource(file, () => worker, {}, control, undefined, true),
    control,
    undefined,
    undefined,
    undefined,
    extras,
  );
}

/** The demo's first `orders` orders as a Shopify export (the bench's input, in small). */
function shopifyExport(orders: number, numberFrom = 1001): string {
  const demo = generateDemoAll({ orders, seed: 11, now: Date.UTC(2026, 10, 24), chunkSize: 1000 }).orders;
  return [SHOPIFY_HEADER.join(','), ...demo.flatMap((o, i) => shopifyOrderRows(o, numberFrom + i, shopifyItemsOf(i + 1)))].join('\n') + '\n';
}

/** Everything an import writes, less what differs by when it ran. */
async function written(db: WorkbenchDb) {
  return {
    blocks: await db.orderBlocks.toArray(),
    text: await db.orderText.toArray(),
    keys: await db.orderKeys.toArray(),
    reports: await db.orderReportColumns.toArray(),
    undo: (await db.importUndo.toArray()).map(({ id: _id, ...rest }) => rest),
    quarantine: (await db.quarantine.toArray()).map(({ id: _id, ...rest }) => rest),
    imports: (await db.imports.toArray()).map(({ startedAt: _s, endedAt: _e, runLock: _l, ...rest }) => rest),
  };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function liveOrders(db: WorkbenchDb) {
  const store = new OrderStore(db);
  await store.open();
  const count = await store.query({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'asc' }, search: '' });
  return store.rows(0, count);
}

const blob = (name: string, text: string | Uint8Array<ArrayBuffer>) => Object.assign(new Blob([text]), { name });
const fixture = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url)));

describe('reading a file in a read worker', () => {
  it('imports what reading it in this thread imports: the same summary, orders and history', async () => {
    for (const [name, bytes] of [
      ['shopify-orders.csv', fixture('shopify-orders.csv')],
      ['zalando.csv', new TextEncoder().encode(zalandoExport(3000))],
    ] as const) {
      const here = fresh();
      const there = fresh();
      const trace = newTrace();
      const a = await importFile(here, { name, size: bytes.length, chunks: chunked(bytes, 512) });
      // Each chunk read in parts that end anywhere (mid-line, mid-character), packed one by one.
      const b = await importBlob(there, blob(name, bytes), inThreadWorker(512, trace, Infinity, 97));
      expect(b.status).toBe('completed');
      expect(b).toEqual(a);
      expect(await liveOrders(there)).toEqual(await liveOrders(here));
      // The orders' keys, scopes and content hashes as stored (the import side hashed them).
      expect(await there.orderKeys.toArray()).toEqual(await here.orderKeys.toArray());
      const strip = (h: Awaited<ReturnType<ImportHistory['list']>>) => h.map(({ id: _id, startedAt: _s, endedAt: _e, runLock: _l, ...rest }) => rest);
      expect(strip(await new ImportHistory(there).list())).toEqual(strip(await new ImportHistory(here).list()));
      expect(trace.pulled).toBeGreaterThan(READ_AHEAD + 2);
      expect(trace.terminated).toBe(true);
    }
  });

  it('stores new orders from the columns they came in exactly as it stores them as orders, and reads them as orders wherever they change', async () => {
    const shop = new TextEncoder().encode(shopifyExport(3000));
    const changed = new TextEncoder().encode(shopifyExport(3000).replace(/@gmail\.com,/g, '@gmx.de,'));
    const payments = fixture('stripe-payments.csv');
    // A file naming one order twice, far apart: the second is not new when its batch is classified.
    const twice = new TextEncoder().encode(shopifyExport(2000) + shopifyExport(5).split('\n').slice(1).join('\n'));
    const zalando = new TextEncoder().encode(zalandoExport(3000));
    const scenarios: {
      name: string;
      before: [string, Uint8Array<ArrayBuffer>][];
      file: [string, Uint8Array<ArrayBuffer>];
      fromColumns: 'all' | 'none' | 'some';
    }[] = [
      { name: 'a Shopify export into an empty cache', before: [], file: ['orders.csv', shop], fromColumns: 'all' },
      { name: 'a Zalando export', before: [], file: ['zalando.csv', zalando], fromColumns: 'all' },
      { name: 'the Shopify export changed, over itself', before: [['orders.csv', shop]], file: ['orders-2.csv', changed], fromColumns: 'none' },
      { name: 'orders into a cache holding payments', before: [['stripe.csv', payments]], file: ['orders.csv', shop], fromColumns: 'none' },
      { name: 'an order named twice in one file', before: [], file: ['twice.csv', twice], fromColumns: 'some' },
    ];
    for (const { name, before, file, fromColumns } of scenarios) {
      const here = fresh();
      const there = fresh();
      for (const [n, bytes] of before) {
        await importFile(here, { name: n, size: bytes.length, chunks: chunked(bytes, 64 * 1024) });
        await importFile(there, { name: n, size: bytes.length, chunks: chunked(bytes, 64 * 1024) });
      }
      const [fileName, bytes] = file;
      const a = await importFile(here, { name: fileName, size: bytes.length, chunks: chunked(bytes, 64 * 1024) });
      const stageMs = noStageMs();
      // Chunks of 64 KiB read in parts of 4 KiB: each batch crosses as several parts of columns.
      const b = await importBlobFromColumns(there, blob(fileName, bytes), inThreadWorker(64 * 1024, newTrace(), Infinity, 4096), { stageMs });
      expect(b.status, name).toBe('completed');
      expect(b, name).toEqual(a);
      expect(await written(there), name).toEqual(await written(here));
      expect(await liveOrders(there), name).toEqual(await liveOrders(here));
      const { created, updated } = b.summary.records.order;
      expect(created + updated, name).toBeGreaterThan(0);
      if (fromColumns === 'all') expect(stageMs.ordersFromColumns, name).toBe(created);
      else if (fromColumns === 'none') expect(stageMs.ordersFromColumns, name).toBe(0);
      else expect(stageMs.ordersFromColumns, name).toBeGreaterThan(0);
      if (fromColumns === 'some') expect(stageMs.ordersFromColumns, name).toBeLessThan(created);
    }
  });

  it('a Windows-1252 export whose first accent comes late imports alike, its accents kept, with its chunks read in parts', async () => {
    // ASCII for the first ~300 KB, then Windows-1252 names: ß (0xDF) and é (0xE9) also start a
    // UTF-8 character, and the first of them ends a part (parts cut in each 64 KiB chunk after the first).
    const text = zalandoExport(6000).replace(/Nachname(\d+)/g, (m: string, n: string, at: number) =>
      Number(n) % 97 === 0 && at > 300_000 ? (Number(n) % 2 === 0 ? `Weiß${n}` : `Dénes${n}`) : m,
    );
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const chunk = 64 * 1024;
    const firstAccent = bytes.findIndex((b) => b >= 0x80);
    expect([0xdf, 0xe9]).toContain(bytes[firstAccent]);
    expect(firstAccent).toBeGreaterThan(300_000);
    const part = (firstAccent % chunk) + 1;
    const here = fresh();
    const there = fresh();
    const a = await importFile(here, { name: 'z.csv', size: bytes.length, chunks: chunked(bytes, chunk) });
    const b = await importBlob(there, blob('z.csv', bytes), inThreadWorker(chunk, newTrace(), Infinity, part));
    expect(b.status).toBe('completed');
    expect(b).toEqual(a);
    const orders = await liveOrders(there);
    expect(orders).toEqual(await liveOrders(here));
    expect(orders.filter((o) => /Weiß|Dénes/.test(o.shipName)).length).toBeGreaterThan(20);
    expect(orders.some((o) => /\ufffd|Ã/.test(o.shipName))).toBe(false);
  });

  it('runs at most READ_AHEAD batches ahead of the writes, however slow they are', async () => {
    const trace = newTrace();
    const text = zalandoExport(2000);
    const db = fresh();
    // A write that waits several tasks per batch: the read side would run far ahead if it could.
    const outcome = await importBlob(db, blob('slow.csv', text), inThreadWorker(2048, trace), {}, undefined, undefined, {
      afterBatch: async () => {
        for (let i = 0; i < 20; i++) await tick();
      },
    });
    expect(outcome.status).toBe('completed');
    expect(trace.taken).toBeGreaterThan(10);
    expect(trace.mostAhead).toBe(READ_AHEAD);
  });

  it('a cancel after a batch stops reading and ends the worker; the summary counts what was written', async () => {
    const trace = newTrace();
    const control = { cancelled: false };
    const db = fresh();
    const outcome = await importBlob(db, blob('cancel.csv', zalandoExport(3000)), inThreadWorker(2048, trace), {}, control, (p) => {
      if (p.rows > 0) control.cancelled = true;
    });
    expect(outcome.status).toBe('cancelled');
    expect(trace.terminated).toBe(true);
    const s = outcome.summary;
    expect(s.created + s.updated + s.unchanged + s.quarantined).toBe(s.rows);
    expect(s.rows).toBeLessThan(3000);
    await tick();
    const pulled = trace.pulled;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(trace.pulled).toBe(pulled);
  });

  it('a read failure mid-file fails the import with its reason, as reading in this thread does', async () => {
    const bytes = new TextEncoder().encode(zalandoExport(3000));
    const trace = newTrace();
    const here = fresh();
    const there = fresh();
    const a = await importFile(here, { name: 'broken.csv', size: bytes.length, chunks: chunked(bytes, 2048, 40) });
    const b = await importBlob(there, blob('broken.csv', bytes), inThreadWorker(2048, trace, 40));
    expect(b.status).toBe('failed');
    expect(b.error).toBe('simulated read failure');
    expect(b).toEqual(a);
    expect(trace.terminated).toBe(true);
    expect(await liveOrders(there)).toEqual(await liveOrders(here));
  });

  it('an import that fails before it reads starts no read worker, so none is left behind', async () => {
    const db = fresh();
    await db.open();
    db.close();
    let started = 0;
    const file = blob('x.csv', zalandoExport(10));
    const source = blobSource(
      file,
      () => {
        started++;
        return inThreadWorker(512, newTrace());
      },
      {},
      { cancelled: false },
    );
    await expect(importRecords(db, file, source)).rejects.toThrow();
    expect(started).toBe(0);
  });

  it('a worker that never starts fails the import with a reason instead of waiting for ever', async () => {
    let terminated = false;
    const dead: ReadWorker = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage() {
        setTimeout(() => dead.onerror?.({ message: 'script failed to load' }));
      },
      terminate() {
        terminated = true;
      },
    };
    const db = fresh();
    const outcome = await importBlob(db, blob('x.csv', zalandoExport(10)), dead);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe(READ_WORKER_FAILED);
    expect(outcome.summary.file).toBe('x.csv');
    expect(terminated).toBe(true);
    expect((await new ImportHistory(db).list()).map((h) => h.status)).toEqual(['failed']);
  });
});
