// A full disk, wherever the cache writes: recognised under Dexie's wrappings, and turned into one
// message saying what happened, what was kept and what to do, with the kept part really kept.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { diskFullMessage, DiskFullError, isDiskFull, writesTogether } from '../../../renderer/src/core/storage/diskFull';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { createCore } from '../../../renderer/src/core/createCore';
import { writeBackup } from '../../../renderer/src/core/backup';
import { PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { fixedClock } from '../../../shared/time/clock';
import { zalandoExport } from '../../support/zalandoExport';
import { diskFillsUp, quotaError } from '../../support/fullDisk';
import { chunked } from '../../support/importInput';

const WHAT_TO_DO = 'Free disk space, or back up (Settings → Back up to file…) and clear the cache (Settings → Clear local cache…)';
const clock = fixedClock(Date.UTC(2026, 10, 18, 14));

let dbs: WorkbenchDb[] = [];
let n = 0;
const fresh = (name = `disk-full-${n++}`) => {
  const db = createDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await db.delete();
  }
  dbs = [];
});

// 64 KiB chunks: the reader sniffs the first 64 KiB, so every batch from the first one holds rows.
const file = (name: string, bytes: Uint8Array, size = 64 * 1024) => ({ name, size: bytes.length, chunks: chunked(bytes, size) });

describe('recognising a full disk', () => {
  it.each([
    ['the DOMException IndexedDB raises', quotaError()],
    ['a Dexie AbortError around it (the transaction the quota aborted)', new Dexie.AbortError('Transaction aborted', quotaError())],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError('Quota exceeded')],
    ['a Dexie BulkError whose failures hold it', new Dexie.BulkError('1 of 3 operations failed', { 1: quotaError() })],
    ['an error whose cause is it', new Error('write failed', { cause: quotaError() })],
  ])('recognises %s', (_what, error) => {
    expect(isDiskFull(error)).toBe(true);
  });

  it.each([
    ['another storage error', new DOMException('Key already exists', 'ConstraintError')],
    ['a Dexie AbortError around another error', new Dexie.AbortError('Transaction aborted', new DOMException('x', 'ConstraintError'))],
    ['an error that only mentions the quota', new Error('QuotaExceededError')],
    ['a string', 'QuotaExceededError'],
    ['nothing', undefined],
  ])('does not take %s for a full disk', (_what, error) => {
    expect(isDiskFull(error)).toBe(false);
  });
});

describe('the message', () => {
  it('for an import says how many rows were kept, how the import shows, and what to do', () => {
    expect(diskFullMessage({ kind: 'import', file: 'orders.csv', rowsStored: 24_576 })).toBe(
      `The disk is full: the import of orders.csv stopped. The first 24,576 rows were stored; the rest were not. The import shows as interrupted and can be undone or run again. ${WHAT_TO_DO}.`,
    );
    expect(diskFullMessage({ kind: 'import', file: 'orders.csv', rowsStored: 0 })).toContain('None of its rows were stored.');
  });

  it('for one change says nothing changed', () => {
    expect(diskFullMessage({ kind: 'change', what: 'the decision' })).toBe(
      `The disk is full: the decision could not be saved; nothing changed. ${WHAT_TO_DO}, then try again.`,
    );
  });
});

describe('an import when the disk fills up', () => {
  it('keeps and counts the completed batches, shows as interrupted, and can be undone or run again', async () => {
    const db = fresh();
    // Four batches fit; the fifth batch's transaction fails as the browser fails it at its quota.
    const disk = diskFillsUp(db, 'importUndo', 4);
    const bytes = new TextEncoder().encode(zalandoExport(4000));
    const out = await importFile(db, file('orders.csv', bytes), {}, undefined, undefined, clock);

    const [rec] = await new ImportHistory(db, clock).list();
    expect(out.status).toBe('interrupted');
    expect(rec!.status).toBe('interrupted');
    expect(rec!.rows).toBeGreaterThan(0);
    expect(rec!.rows).toBeLessThan(4000);
    expect(out.error).toBe(
      `The disk is full: the import of orders.csv stopped. The first ${rec!.rows.toLocaleString('en-US')} rows were stored; the rest were not. The import shows as interrupted and can be undone or run again. ${WHAT_TO_DO}.`,
    );
    expect(rec!.errors).toContain(out.error);
    // What the record and the summary count is exactly what the cache holds.
    expect(await new OrderRepository(db).count()).toBe(rec!.created);
    expect(out.summary.created).toBe(rec!.created);
    expect(rec!.created + rec!.updated + rec!.unchanged + rec!.quarantined).toBe(rec!.rows);
    expect(await db.importUndo.count()).toBe(4);
    expect(rec!.undoable).toBe(true);

    // Space freed, the same file runs again: the stored rows are unchanged, the rest created.
    disk.free();
    const again = await importFile(db, file('orders.csv', bytes), {}, undefined, undefined, clock);
    expect(again.status).toBe('completed');
    expect(again.summary.unchanged).toBe(rec!.created);
    expect(await new OrderRepository(db).count()).toBe(4000);
  });

  it('undone after the disk filled up, leaves the cache as before', async () => {
    const db = fresh();
    diskFillsUp(db, 'importUndo', 2);
    const out = await importFile(db, file('orders.csv', new TextEncoder().encode(zalandoExport(3000))), {}, undefined, undefined, clock);
    expect(out.status).toBe('interrupted');
    await new ImportHistory(db, clock).undo(out.importId);
    expect(await new OrderRepository(db).count()).toBe(0);
  });

  it('with no room even for the closing record, still says what was kept', async () => {
    const db = fresh();
    // From the third batch on nothing at all can be written, the import's own record included.
    const disk = diskFillsUp(db, 'importUndo', 2, '*');
    const out = await importFile(db, file('orders.csv', new TextEncoder().encode(zalandoExport(3000))), {}, undefined, undefined, clock);
    expect(out.status).toBe('interrupted');
    expect(out.error).toMatch(/^The disk is full: the import of orders\.csv stopped\. The first [\d,]+ rows were stored; the rest were not\./);
    // Too full to mark it interrupted yet: the Imports screen still gets its history.
    await expect(new ImportService(db, clock).list()).resolves.toHaveLength(1);
    disk.free();
    const history = new ImportHistory(db, clock);
    await history.recoverInterrupted();
    const [rec] = await history.list();
    expect(rec!.status).toBe('interrupted');
    expect(await new OrderRepository(db).count()).toBe(rec!.created);
    expect(out.summary.created).toBe(rec!.created);
  });
});

describe('the demo load when the disk fills up', () => {
  it('says how many orders were stored, and they are', async () => {
    const db = fresh();
    diskFillsUp(db, 'orderBlocks', 1);
    const load = loadDemoData(db, { orders: 10_000, clock });
    await expect(load).rejects.toThrow(DiskFullError);
    await expect(load).rejects.toThrow(
      /^The disk is full: the demo data did not fit\. 8,192 of 10,000 orders were stored; the rest were not\. Clear the cache/,
    );
    expect(await new OrderRepository(db).count()).toBe(8192);
  });
});

describe('single changes when the disk is full', () => {
  it('each says what could not be saved, and nothing changed', async () => {
    // The analyst's name was stored before the disk filled up (nothing is logged without one).
    const name = `disk-full-${n++}`;
    const before = createDb(name);
    await before.meta.put({ key: 'analystName', value: 'K. Weber' });
    before.close();
    const db = fresh(name);
    diskFillsUp(db, 'meta', 0, '*');
    const cache = createCore(db, clock);
    const cases: [string, () => Promise<unknown>][] = [
      ['the note', () => cache.decide('shopify:#1001', 'note', '', 'called the customer')],
      ['your name', () => cache.setAnalystName('K. Weber')],
      ['the evidence tick', () => cache.setDisputeEvidence('dp_1', 'Proof of delivery', true)],
      ['the review settings', () => cache.saveReviewSettings({ slaHours: 12, holdReasons: ['FRAUD-RING'], releaseReasons: ['OK'] })],
      ['the link override', () => cache.addLinkOverride('email', 'a@example.com', 'never-link', 'shared inbox')],
    ];
    for (const [what, write] of cases) {
      await expect(write(), what).rejects.toThrow(`The disk is full: ${what} could not be saved; nothing changed. ${WHAT_TO_DO}, then try again.`);
    }
    expect(await db.decisions.count()).toBe(0);
    expect(await db.meta.toArray()).toEqual([{ key: 'analystName', value: 'K. Weber' }]);
    expect(await db.disputeEvents.count()).toBe(0);
    expect(await db.linkOverrides.count()).toBe(0);
  });

  it('other failures keep their own message', async () => {
    const db = fresh();
    diskFillsUp(db, 'meta', 0, '*');
    await expect(createCore(db, clock).decide('shopify:#1001', 'hold', '', '')).rejects.toThrow('A hold needs a reason code');
  });

  it('a decision for several orders (a ring) is logged whole or not at all', async () => {
    const db = fresh();
    diskFillsUp(db, 'decisions', 0, ['decisionHead']);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const cache = createCore(db, clock);
    await expect(cache.decideMany(['shopify:#1', 'shopify:#2', 'shopify:#3'], 'note', '', 'ring reviewed')).rejects.toThrow(
      /^The disk is full: the 3 decisions could not be saved; nothing changed\./,
    );
    expect(await db.decisions.count()).toBe(0);
    expect(await db.decisionHead.count()).toBe(0);
  });

  it('a restore that does not fit says nothing changed, and nothing did', async () => {
    const source = fresh('disk-full-restore-source');
    await source.meta.put({ key: 'analystName', value: 'From the backup' });
    const { blob } = await writeBackup(source, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock });

    const target = fresh('disk-full-restore');
    diskFillsUp(target, 'meta', 1, '*');
    await target.meta.put({ key: 'analystName', value: 'Before the restore' });
    const service = createCore(target, clock);
    const { token } = await service.inspectBackup(blob, PASSPHRASE);
    await expect(service.restore(token, '')).rejects.toThrow(
      'The disk is full: the backup could not be restored. A restore is written in one step, so nothing changed: the cache is as it was. Free disk space, then restore the backup again.',
    );
    // The restore is one transaction: the cache is exactly as it was.
    expect(await target.meta.toArray()).toEqual([{ key: 'analystName', value: 'Before the restore' }]);
  });
});

describe('writes issued together in one transaction', () => {
  it('report the full disk, not the abort its siblings met, and otherwise the first failure', async () => {
    const aborted = Object.assign(new Error('Transaction has already completed or failed'), { name: 'TransactionInactiveError' });
    const rejected = (e: unknown) => Promise.reject(e);
    await expect(writesTogether([rejected(aborted), rejected(quotaError()), Promise.resolve(1)])).rejects.toSatisfy(isDiskFull);
    await expect(writesTogether([Promise.resolve(1), rejected(aborted), rejected(new Error('second'))])).rejects.toBe(aborted);
    await expect(writesTogether([Promise.resolve(1), Promise.resolve(2)])).resolves.toBeUndefined();
  });
});
