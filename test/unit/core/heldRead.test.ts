// A shop's export imported into a cache that holds orders is read once: the shop check reads it and
// the import takes the batches it read. It must store exactly what reading the file again stores,
// and read it again whenever the held batches are not the whole file.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HeldRead, packedBytes, roughBytes } from '../../../renderer/src/core/imports/heldRead';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { blobSource, importFile, importRecords, readerSource, type ImportControl, type ImportOutcome } from '../../../renderer/src/core/imports/importRunner';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { ImportService, type ImportResult } from '../../../renderer/src/core/imports/importService';
import { shopQuestion } from '../../../renderer/src/core/imports/shopCheck';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { BUILT_IN_PRESETS } from '../../../shared/ingest/formats/registry';
import { packColumn, packOrderRecords } from '../../../shared/ingest/columnarBatch';
import { order } from '../normalize/orderFixture';

import { fixedClock } from '../../../shared/time/clock';
import { freshDbs } from '../../support/freshDbs';
import { chunked } from '../../support/importInput';
import { inThreadWorker, newTrace } from '../../support/inThreadReadWorker';
import { shopifyExport, shopOrders, type ShopifyRow } from '../../support/shopifyExport';
import { zalandoExport } from '../../support/zalandoExport';

const fresh = freshDbs('held-read');
const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const options = { presets: BUILT_IN_PRESETS };
const encode = (rows: ShopifyRow[]) => new TextEncoder().encode(shopifyExport(rows));
/** The shop's first export: 300 orders. */
const first = encode(shopOrders(300, '2026-05-01', 20, 'a.example'));
/** Its next export: the same 300 orders, 20 of them with a new e-mail address (an update, not a clash), and 200 new ones. */
const next = encode(shopOrders(500, '2026-05-01', 20, 'a.example').map((r, i) => (i % 15 === 0 && i < 300 ? { ...r, email: `new${i}@a.example` } : r)));

/** A file whose reads are counted: the 4 MiB slices the import reads it in. */
function countedFile(name: string, bytes: Uint8Array<ArrayBuffer>) {
  const file = new File([bytes], name, { type: 'text/csv' });
  const reads = { slices: 0 };
  const slice = file.slice.bind(file);
  file.slice = (...args: Parameters<Blob['slice']>) => {
    reads.slices++;
    return slice(...args);
  };
  return { file, reads };
}

async function cacheWithFirstExport(): Promise<WorkbenchDb> {
  const db = fresh();
  const r = await importFile(db, { name: 'shop-export-1.csv', size: first.length, chunks: chunked(first, 4096) }, options);
  expect(r.summary.created).toBe(300);
  return db;
}

/** What a shop check that read `bytes` (4 KiB at a time) held within `budget`, as the import would take it: null, read the file again. */
async function heldAfterCheck(db: WorkbenchDb, name: string, bytes: Uint8Array, budget: number) {
  const control: ImportControl = { cancelled: false };
  const held = new HeldRead(budget);
  const read = readerSource({ name, chunks: chunked(bytes, 4096) }, options, control, held);
  expect(await shopQuestion(db, { name, size: bytes.length, source: read }, options)).toBeNull();
  return held.source(control);
}

const stored = async (db: WorkbenchDb) => {
  const strip = (h: Awaited<ReturnType<ImportHistory['list']>>) => h.map(({ id: _id, startedAt: _s, endedAt: _e, runLock: _l, ...rest }) => rest);
  return {
    keys: await db.orderKeys.toArray(),
    blocks: await db.orderBlocks.toArray(),
    text: await db.orderText.toArray(),
    history: strip(await new ImportHistory(db).list()),
  };
};

describe('a shop export read once for the shop check and the import', () => {
  it('stores what reading the file again stores, through a read worker and in this thread', async () => {
    for (const through of ['read worker', 'this thread'] as const) {
      const control: ImportControl = { cancelled: false };
      const file = Object.assign(new Blob([next]), { name: 'shop-export-2.csv' });
      const again = await cacheWithFirstExport();
      const want = await importRecords(again, file, readerSource({ name: file.name, chunks: chunked(next, 4096) }, options, control), control);
      expect(want.summary).toMatchObject({ created: 200, updated: 20, unchanged: 280 });

      const once = await cacheWithFirstExport();
      const held = new HeldRead();
      const trace = newTrace();
      const read =
        through === 'read worker'
          ? blobSource(file, () => inThreadWorker(4096, trace), options, control, held)
          : readerSource({ name: file.name, chunks: chunked(next, 4096) }, options, control, held);
      expect(await shopQuestion(once, { name: file.name, size: file.size, source: read }, options)).toBeNull();
      const source = held.source(control);
      expect(source).not.toBeNull();
      const got = await importRecords(once, file, source!, control);
      expect(got).toEqual(want);
      expect(await stored(once)).toEqual(await stored(again));
      if (through === 'read worker') expect(trace.terminated).toBe(true);
    }
  });

  it('the import service reads the file once where it used to read it twice', async () => {
    const db = await cacheWithFirstExport();
    const { file, reads } = countedFile('shop-export-2.csv', next);
    const stages: (string | undefined)[] = [];
    const [r] = await new ImportService(db, clock).run([file], null, (_i, p) => stages.push(p.stage));
    expect(r).toMatchObject({ status: 'completed', summary: { created: 200, updated: 20, unchanged: 280 } });
    expect(reads.slices).toBe(1);
    // The check says how far it read before the import says how far it wrote.
    expect(stages.filter((s, i) => i === 0 || s !== stages[i - 1])).toEqual(['checking', undefined]);
    // Into an empty cache there is no shop check: one read too.
    const { file: again, reads: readsAgain } = countedFile('shop-export-2.csv', next);
    const [s] = await new ImportService(fresh(), clock).run([again], null);
    expect((s as Exclude<ImportResult, { status: 'asks' }>).summary.created).toBe(500);
    expect(readsAgain.slices).toBe(1);
  });

  it('a cancel while the check reads writes nothing: no import is recorded, the cache is as it was', async () => {
    const db = await cacheWithFirstExport();
    const before = await stored(db);
    // A read worker in this thread, 4 KiB at a time: the check reads many batches, and the cancel comes after the second.
    const service = new ImportService(db, clock, undefined, undefined, undefined, () => inThreadWorker(4096, newTrace()));
    let batches = 0;
    const file = new File([next], 'shop-export-2.csv', { type: 'text/csv' });
    const results = await service.run([file], null, (_i, p) => {
      expect(p.stage).toBe('checking');
      if (++batches === 2) service.cancel();
    });
    expect(results).toEqual([]);
    expect(await stored(db)).toEqual(before);
  });

  it('reads the file again when the batches were more than the budget, or the read stopped early', async () => {
    const control: ImportControl = { cancelled: false };
    const db = await cacheWithFirstExport();
    expect(await heldAfterCheck(db, 'x.csv', next, 10_000)).toBeNull();

    const cut = new HeldRead();
    const cancel: ImportControl = { cancelled: false };
    let pieces = 0;
    const chunks = (async function* () {
      for await (const c of chunked(next, 4096)) {
        if (++pieces === 3) cancel.cancelled = true;
        yield c;
      }
    })();
    await shopQuestion(db, { name: 'x.csv', size: next.length, source: readerSource({ name: 'x.csv', chunks }, options, cancel, cut) }, options);
    expect(cut.source(cancel)).toBeNull();

    // A marketplace export needs no check: it stops after the first batch (ending its read
    // worker), and the import reads the file itself.
    const zalando = new TextEncoder().encode(zalandoExport(3000));
    const marketplace = new HeldRead();
    const trace = newTrace();
    const zFile = Object.assign(new Blob([zalando]), { name: 'zalando.csv' });
    const zRead = blobSource(zFile, () => inThreadWorker(4096, trace), options, control, marketplace);
    expect(await shopQuestion(db, { name: 'zalando.csv', size: zalando.length, source: zRead }, options)).toBeNull();
    expect(marketplace.source(control)).toBeNull();
    expect(trace.terminated).toBe(true);
    expect(trace.pulled).toBeLessThan(zalando.length / 4096 / 2);

    // Nothing to check (no orders in the cache): nothing read, nothing held.
    const none = new HeldRead();
    const { file, reads } = countedFile('x.csv', next);
    expect(await shopQuestion(fresh(), { name: 'x.csv', size: next.length, source: blobSource(file, () => null, options, control, none) }, options)).toBeNull();
    expect(reads.slices).toBe(0);
    expect(none.source(control)).toBeNull();
  });

  it('a cancel during the import from held batches stops after the batch it is in, as reading would', async () => {
    const control: ImportControl = { cancelled: false };
    const held = new HeldRead();
    const db = await cacheWithFirstExport();
    await shopQuestion(
      db,
      { name: 'x.csv', size: next.length, source: readerSource({ name: 'x.csv', chunks: chunked(next, 4096) }, options, control, held) },
      options,
    );
    const source = held.source(control)!;
    expect(held.source(control)).toBeNull(); // given once
    let batches = 0;
    for await (const b of source.batches) {
      expect(b.records.every((r) => r.hash !== '')).toBe(true);
      if (++batches === 2) control.cancelled = true;
    }
    expect(batches).toBe(2);
    expect(source.cancelled()).toBe(true);
  });

  it('sizes held text at two bytes a character', () => {
    expect(packedBytes(packColumn(Array.from({ length: 1000 }, (_, i) => `buyer${i}@example.com`)))).toBeGreaterThan(2 * 1000 * 17);
    expect(packedBytes(packColumn(Array.from({ length: 1000 }, () => 'EUR')))).toBeLessThan(100);
    // Orders as columns: at least their text, at two bytes a character.
    const orders = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'order' as const,
      key: `shopify:#${i}`,
      value: order({ externalId: `#${i}`, shipName: `Buyer Number ${i}` }),
      hash: '',
      scope: 'order/x',
      provided: [],
      line: i + 2,
      lines: null,
      rows: 1,
    }));
    const column = packOrderRecords(orders)!;
    expect(column.type).toBe('orders');
    expect(packedBytes(column)).toBeGreaterThan(2 * 1000 * ('Buyer Number 999'.length + '#999'.length + 'shopify:#999'.length));
  });

  it('sizes what the clone carries by what it holds: a long list of lines, each batch its own copy of the header', async () => {
    // An order of 5,000 line items beside one-row orders: the lines column is left to the clone
    // (arrays and nulls), and its size is its items, not a guess per record.
    const lines = [null, Array.from({ length: 5000 }, (_, i) => i + 2), null];
    const column = packColumn(lines);
    expect(column.type).toBe('values');
    expect(packedBytes(column)).toBeGreaterThan(5000 * 8);
    expect(roughBytes({ a: 'x'.repeat(1000), b: [1, 2, 3] })).toBeGreaterThan(2000 + 24);
    // One object held twice is counted once; a cycle ends.
    const shared: { self?: unknown; text: string } = { text: 'y'.repeat(10_000) };
    shared.self = shared;
    expect(roughBytes([shared, shared])).toBeLessThan(2 * 2 * 10_000);

    // A file with a 200,000-character column name: every batch carries the header, so the dozens
    // of batches of its 500 orders hold millions of characters of names whatever their records.
    const longName = 'n'.repeat(200_000);
    const rows = shopOrders(500, '2026-05-01', 20, 'a.example');
    const text = shopifyExport(rows)
      .replace(/^([^\n]*)/, `$1,${longName}`)
      .replace(/\n(?=.)/g, ',\n');
    const db = await cacheWithFirstExport();
    // Counted by their records and set-aside rows alone these batches fit in 3 MB; with their headers they do not.
    expect(await heldAfterCheck(db, 'wide.csv', new TextEncoder().encode(text), 3_000_000)).toBeNull();
    expect(await heldAfterCheck(db, 'plain.csv', encode(rows), 3_000_000)).not.toBeNull();
  });

  it('a check that fails fails that file alone: a failed import that wrote nothing, the files after it imported', async () => {
    const db = await cacheWithFirstExport();
    let workers = 0;
    // The second read worker (the second file's check) fails after its first chunk.
    const service = new ImportService(db, clock, undefined, undefined, undefined, () => inThreadWorker(4096, newTrace(), ++workers === 2 ? 1 : Infinity));
    const files = [
      new File([next], 'shop-export-2.csv', { type: 'text/csv' }),
      new File([encode(shopOrders(700, '2026-05-01', 20, 'a.example'))], 'shop-export-3.csv', { type: 'text/csv' }),
      new File([next], 'shop-export-2-again.csv', { type: 'text/csv' }),
    ];
    const results = await service.run(files, null);
    expect(results.map((r) => r.status)).toEqual(['completed', 'failed', 'completed']);
    const failed = results[1] as ImportOutcome;
    expect(failed.error).toContain('shop-export-3.csv');
    expect(failed.error).toContain('nothing of it was written');
    expect(failed.error).toContain('simulated read failure');
    expect(failed.summary).toMatchObject({ rows: 0, created: 0, updated: 0, unchanged: 0, quarantined: 0 });
    expect(results[2]).toMatchObject({ summary: { created: 0, updated: 0, unchanged: 500 } });
    // The 200 orders only the failed file holds were not written; its attempt is in the history.
    expect(await new OrderRepository(db).count()).toBe(500);
    const history = await new ImportHistory(db).list();
    expect(history.map((h) => [h.fileName, h.status])).toEqual([
      ['shop-export-2-again.csv', 'completed'],
      ['shop-export-3.csv', 'failed'],
      ['shop-export-2.csv', 'completed'],
      ['shop-export-1.csv', 'completed'],
    ]);
    expect(history[1]!.errors.join(' ')).toContain('simulated read failure');
  });
});
