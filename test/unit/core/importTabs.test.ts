// An import belongs to the tab that runs it: another tab sees it running, not interrupted, for as
// long as the running tab holds its lock; once that tab dies, the import is recovered as interrupted.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { importFile, type ImportOutcome } from '../../../renderer/src/core/imports/importRunner';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { MemoryLockManager, type MemoryRunLocks } from '../../../renderer/src/core/storage/runLocks';
import { fixedClock } from '../../../shared/time/clock';
import { zalandoExport } from '../../support/zalandoExport';
import { runningImport } from '../../support/backupCache';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const ROWS = 3000;
const bytes = new TextEncoder().encode(zalandoExport(ROWS));

let open: WorkbenchDb[] = [];
let n = 0;
afterEach(async () => {
  const name = open[0]?.name;
  for (const db of open) db.close();
  open = [];
  if (name) await createDb(name).delete();
});
/** One tab's connection to the cache; the first one names a fresh cache. */
const connect = (name = `import-tabs-${n++}`) => {
  const db = createDb(name);
  open.push(db);
  return db;
};

/**
 * Starts an import in `tab` that commits its first batches, then waits until `resume()` is
 * called before reading the rest of the file (as a big file keeps a tab busy).
 */
async function startImport(db: WorkbenchDb, tab: MemoryRunLocks) {
  let resume!: () => void;
  const paused = new Promise<void>((r) => (resume = r));
  let committed!: () => void;
  const someCommitted = new Promise<void>((r) => (committed = r));
  const half = Math.floor(bytes.length / 2);
  async function* chunks() {
    for (let at = 0; at < half; at += 64 * 1024) yield bytes.subarray(at, Math.min(at + 64 * 1024, half));
    await paused;
    yield bytes.subarray(half);
  }
  const outcome: Promise<ImportOutcome> = importFile(
    db,
    { name: 'orders.csv', size: bytes.length, chunks: chunks() },
    {},
    undefined,
    (p) => p.created > 0 && committed(),
    clock,
    tab,
  );
  await someCommitted;
  return { outcome, resume };
}

describe('an import running in one tab, seen from another', () => {
  it('shows as running there, not interrupted, and completes normally', async () => {
    const locks = new MemoryLockManager();
    const a = connect();
    const run = await startImport(a, locks.tab());

    const b = connect(a.name);
    const seenFromB = new ImportHistory(b, clock, locks.tab());
    expect(await seenFromB.recoverInterrupted()).toBe(0);
    const [running] = await seenFromB.list();
    expect(running!.status).toBe('running');
    expect(running!.undoable).toBe(false);

    run.resume();
    const out = await run.outcome;
    expect(out.status).toBe('completed');
    expect(await seenFromB.recoverInterrupted()).toBe(0);
    const [done] = await seenFromB.list();
    expect(done!.status).toBe('completed');
    expect(done!.rows).toBe(ROWS);
    expect(await new OrderRepository(b).count()).toBe(ROWS);
  });

  it('is recovered as interrupted once its tab died, with the committed batches kept', async () => {
    const locks = new MemoryLockManager();
    const a = connect();
    const tabA = locks.tab();
    const run = await startImport(a, tabA);
    // The tab (or its worker) is killed: the browser drops its locks; its code never resumes.
    tabA.close();

    const b = connect(a.name);
    const history = new ImportHistory(b, clock, locks.tab());
    expect(await history.recoverInterrupted()).toBe(1);
    const [rec] = await history.list();
    expect(rec!.status).toBe('interrupted');
    expect(rec!.endedAt).toBe(clock.now());
    expect(rec!.rows).toBeGreaterThan(0);
    expect(rec!.rows).toBeLessThan(ROWS);
    expect(await new OrderRepository(b).count()).toBe(rec!.created);
    expect(rec!.undoable).toBe(true);
    void run.outcome.catch(() => undefined);
  });

  it('the Imports screen of the other tab follows it: running while held, interrupted once the tab dies', async () => {
    const locks = new MemoryLockManager();
    const a = connect();
    const tabA = locks.tab();
    const run = await startImport(a, tabA);
    // The service recovers on every read of the history, not once per start.
    const otherTab = new ImportService(connect(a.name), clock, locks.tab());
    expect((await otherTab.list())[0]!.status).toBe('running');
    expect((await otherTab.list())[0]!.status).toBe('running');
    tabA.close();
    expect((await otherTab.list())[0]!.status).toBe('interrupted');
    void run.outcome.catch(() => undefined);
  });

  it('an import recorded before imports held locks is recovered as before', async () => {
    const db = connect();
    await db.imports.add(runningImport({ fileName: 'old.csv' }));
    const history = new ImportHistory(db, clock, new MemoryLockManager().tab());
    expect(await history.recoverInterrupted()).toBe(1);
    expect((await history.list())[0]!.status).toBe('interrupted');
  });

  it('holds its lock exactly while it runs', async () => {
    const locks = new MemoryLockManager();
    const tab = locks.tab();
    const db = connect();
    const run = await startImport(db, tab);
    const [rec] = await db.imports.toArray();
    expect(rec!.runLock).toMatch(/^fraud-workbench:import:/);
    expect(await locks.tab().isHeld(rec!.runLock!)).toBe(true);
    run.resume();
    await run.outcome;
    expect(await locks.tab().isHeld(rec!.runLock!)).toBe(false);
  });

  it('two tabs importing the same file at once: the second waits for the first, says so, and finds its orders unchanged, never written twice', async () => {
    const locks = new MemoryLockManager();
    const db = connect();
    const first = await startImport(db, locks.tab());
    // The other tab's import starts while the first is still writing.
    const stages: (string | undefined)[] = [];
    const second = importFile(
      connect(db.name),
      {
        name: 'orders.csv',
        size: bytes.length,
        chunks: (async function* () {
          yield bytes;
        })(),
      },
      {},
      undefined,
      (p) => stages.push(p.stage),
      clock,
      locks.tab(),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(stages).toEqual(['waiting']);
    first.resume();
    expect((await first.outcome).summary.created).toBe(ROWS);
    const again = await second;
    expect(again.status).toBe('completed');
    expect(again.summary).toMatchObject({ created: 0, unchanged: ROWS });
    expect(await new OrderRepository(db).count()).toBe(ROWS);
  });
});
