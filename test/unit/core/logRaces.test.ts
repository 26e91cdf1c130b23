// Two windows on one decision log: an append, an undo or an erasure whose hashes were computed
// before another window restored a backup or undid the same decision must not land on the log as
// it stood before; the log verifies afterwards and says each thing once.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { applyPersonalDataPlan, planCustomerErasure } from '../../../renderer/src/core/privacy/personalData';
import { ReviewService } from '../../../renderer/src/core/review/reviewService';
import type { RingService } from '../../../renderer/src/core/rings/ringService';
import { fixedClock } from '../../../shared/time/clock';
import { decisionInput, fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14, 0));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Runs `meanwhile` (another window) just before `db`'s next transaction starts. */
function beforeNextTransaction(db: WorkbenchDb, meanwhile: () => Promise<unknown>): void {
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  let pending: (() => Promise<unknown>) | null = meanwhile;
  (db as unknown as { transaction: unknown }).transaction = async (...args: unknown[]) => {
    const run = pending;
    pending = null;
    if (run) await run();
    return original(...args);
  };
}

describe('the decision log under two windows', () => {
  it('an append hashed before another window restored a backup (same head seq, other hash) is chained to the restored log', async () => {
    const name = 'race-append-restore';
    const db = await fillCache(name, 4);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    await log.append(decisionInput(4));
    // Window B: restores the backup of 4 entries, so its restore entry is entry 5, as the head here is.
    const other = createDb(name);
    opened.push(other);
    const pending = await planRestore(other, await readBackup(file, PASSPHRASE), []);
    beforeNextTransaction(db, () => applyRestore(other, pending, { reason: 'disk failed', clock }));
    const appended = await log.append(decisionInput(5));
    const entries = await log.entries();
    expect(entries.find((e) => e.seq === 5)!.decision).toBe('restore');
    expect(appended.prevHash).toBe(entries.find((e) => e.seq === 5)!.hash);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 6 });
  });

  it('an erasure hashed before another window restored a backup (same head seq, other hash) is refused, and the restored log verifies', async () => {
    const name = 'race-erasure-restore';
    const db = await fillCache(name, 4);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    await log.append(decisionInput(4));
    const other = createDb(name);
    opened.push(other);
    const pending = await planRestore(other, await readBackup(file, PASSPHRASE), []);
    const plan = await planCustomerErasure(db, 'anna@example.de');
    beforeNextTransaction(db, () => applyRestore(other, pending, { reason: 'disk failed', clock }));
    // The rows it planned are of the replaced cache: nothing is erased, nothing is chained to the replaced head.
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-2026-114', clock })).rejects.toThrow('changed since this was planned');
    expect((await log.entries()).at(-1)!.decision).toBe('restore');
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 5 });
  });
});

describe('undo under two windows', () => {
  it('the same decision undone in two windows at once is undone once; the second window is told it was already undone', async () => {
    const name = 'race-undo-undo';
    const now = Date.UTC(2026, 10, 18, 14, 0);
    const db = createDb(name);
    opened.push(db);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const here = new ReviewService(db, {} as RingService, { now: () => now });
    const hold = await here.decide('shopify:#1', 'hold', 'VELOCITY', '');
    const other = createDb(name);
    opened.push(other);
    const there = new ReviewService(other, {} as RingService, { now: () => now + 1_000 });
    beforeNextTransaction(db, () => there.undo(hold.seq));
    await expect(here.undo(hold.seq)).rejects.toThrow(`Entry ${hold.seq} was already undone`);
    const entries = await new DecisionLog(db).entries();
    expect(entries.filter((e) => e.decision === 'undo').map((e) => e.undoes)).toEqual([hold.seq]);
  });

  it("an undo pressed in one window after another window restored a backup does not undo another analyst's decision that took its entry number", async () => {
    const name = 'race-undo-after-restore';
    const now = Date.UTC(2026, 10, 18, 14, 0);
    const db = await fillCache(name, 5);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const here = new ReviewService(db, {} as RingService, { now: () => now });
    await here.decide('shopify:#1001', 'note', '', 'called the bank');
    const mine = await here.decide('shopify:#1002', 'hold', 'VELOCITY', '');
    expect(mine.seq).toBe(7);
    // Another window restores the backup (entries 1-5, its restore entry 6) and a colleague holds another order: entry 7 again.
    const other = createDb(name);
    opened.push(other);
    await applyRestore(other, await planRestore(other, await readBackup(file, PASSPHRASE), []), { reason: 'disk failed', clock });
    await other.meta.put({ key: 'analystName', value: 'M. Novak' });
    const theirs = await new ReviewService(other, {} as RingService, { now: () => now }).decide('shopify:#1003', 'hold', 'VELOCITY', '');
    expect(theirs.seq).toBe(7);
    // This window still shows its own hold as the last decision, and U undoes it: by its entry, not its number.
    await expect(here.undoMany([mine.seq], [mine.hash])).rejects.toThrow('Entry 7 is no longer the decision you made');
    expect((await new DecisionLog(db).entries()).filter((e) => e.decision === 'undo')).toEqual([]);
  });
});
