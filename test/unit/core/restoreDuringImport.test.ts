// A restore in one window while another window imports a file: the import's later batches must
// not land on the restored cache as orders of an import its history does not list (they could
// then never be undone), nor mark the restored cache's orders as replaced. The import stops and
// says why; the restored cache holds what the backup held.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { MemoryLockManager } from '../../../renderer/src/core/storage/runLocks';
import { fixedClock } from '../../../shared/time/clock';
import { fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { zalandoExport } from '../../support/zalandoExport';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const bytes = new TextEncoder().encode(zalandoExport(3000));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Imports the Zalando file into `db` while another window restores `pending` once the first batch is written. */
async function importWhileRestoring(db: WorkbenchDb, other: WorkbenchDb, pending: Awaited<ReturnType<typeof planRestore>>) {
  let restored = false;
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 16 * 1024) yield bytes.subarray(at, Math.min(at + 16 * 1024, bytes.length));
  }
  const outcome = await importFile(
    db,
    { name: 'zalando.csv', size: bytes.length, chunks: chunks() },
    {},
    undefined,
    undefined,
    clock,
    new MemoryLockManager().tab(),
    {
      // The other window restores the backup once this import's first batch is written.
      afterBatch: async () => {
        if (restored) return;
        restored = true;
        await applyRestore(other, pending, { reason: '', clock });
      },
    },
  );
  return { outcome, restored };
}

describe('a restore while another window imports', () => {
  it('stops the import at its next batch; nothing of it lands on the restored cache unlisted', async () => {
    const name = 'restore-during-import';
    const db = await fillCache(name, 2, 300);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const other = createDb(name);
    opened.push(other);
    const pending = await planRestore(other, await readBackup(file, PASSPHRASE), []);
    const { outcome, restored } = await importWhileRestoring(db, other, pending);
    expect(restored).toBe(true);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/the cache was replaced/i);
    // The restored cache: the backup's 300 orders, none of an import the history does not list.
    expect(await new OrderRepository(db).count()).toBe(300);
    const listed = new Set([0, ...(await db.imports.toArray()).map((r) => r.id)]);
    expect((await db.orderBlocks.toArray()).filter((b) => !listed.has(b.importId)).map((b) => b.importId)).toEqual([]);
  });

  it('leaves a restored import record that took the running import id as the backup held it', async () => {
    // A cache cleared since its backup was made numbers imports from 1 again: a restore of that
    // backup in another window while this window imports brings an import under the running one's
    // id. The import stops, and its closing record must not overwrite the restored one.
    const name = 'restore-during-import-same-id';
    const db = await fillCache(name, 0, 300);
    opened.push(db);
    const source = await fillCache(`${name}-before-clearing`, 2, 300);
    opened.push(source);
    const theirs = {
      fileName: 'their-orders.csv',
      fileSize: 10,
      fileHash: 'abc',
      format: 'shopify-orders',
      formatLabel: 'Shopify orders',
      startedAt: Date.UTC(2026, 9, 1),
      endedAt: Date.UTC(2026, 9, 1, 0, 1),
      status: 'completed' as const,
      rows: 300,
      created: 300,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      warnings: [],
      errors: [],
      undoneAt: null,
    };
    const theirId = (await source.imports.add(theirs)) as number;
    const file = (await writeBackup(source, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const other = createDb(name);
    opened.push(other);
    const pending = await planRestore(other, await readBackup(file, PASSPHRASE), []);
    const { outcome } = await importWhileRestoring(db, other, pending);
    expect(outcome.status).toBe('failed');
    expect(outcome.importId).toBe(theirId);
    expect(await db.imports.get(theirId)).toMatchObject(theirs);
  });
});
