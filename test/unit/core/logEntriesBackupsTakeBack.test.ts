// Every log entry the app writes is one its own backups take back: an entry a backup's schema
// refuses, once written, made every later backup of the laptop unrestorable.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { ClaimService } from '../../../renderer/src/core/disputes/claimService';
import { applyPersonalDataPlan, planRetention } from '../../../renderer/src/core/privacy/personalData';
import { ReviewService } from '../../../renderer/src/core/review/reviewService';
import type { RingService } from '../../../renderer/src/core/rings/ringService';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { entryNumbers } from '../../../shared/decisions/entryNumbers';
import { NOTE_MAX } from '../../../shared/decisions/reasons';
import { fixedClock } from '../../../shared/time/clock';
import { fillCache, PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { order } from '../../support/orders';

const THEN = Date.UTC(2025, 0, 10, 9);
const NOW = Date.UTC(2026, 10, 18, 14);
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const backupOf = async (db: WorkbenchDb, at: number) =>
  (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: fixedClock(at) })).blob;

describe('entry numbers in a note', () => {
  it('are written in runs, and counted when there are too many to list', () => {
    expect(entryNumbers([3])).toBe('entry 3');
    expect(entryNumbers([12, 7, 8, 9, 3, 10, 11])).toBe('entries 3, 7–12');
    const sparse = Array.from({ length: 300 }, (_, i) => 2 * i + 1);
    expect(entryNumbers(sparse, 'this entry’s refs list them')).toBe('300 entries (this entry’s refs list them)');
    expect(entryNumbers(sparse)).toBe('300 entries');
  });
});

describe('a retention purge over the notes of a large ring decision', () => {
  it('logs an entry that backups written after it take back', async () => {
    const db = createDb('log-entries-retention');
    dbs.push(db);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const keys = Array.from({ length: 800 }, (_, i) => `#${5000 + i}`);
    await new OrderRepository(db).append(keys.map((k) => order({ externalId: k, email: `c${k.slice(1)}@example.de`, createdAt: THEN - 3_600_000 })));
    const review = new ReviewService(db, {} as RingService, fixedClock(THEN));
    // A ring of 800 cancelled with its note on each, half of them released later: 1,200 notes to erase.
    await review.decideMany(
      keys.map((k) => `shopify:${k}`),
      'cancel',
      'FRAUD-RING',
      'ring decision on the ring of one card',
    );
    await review.decideMany(
      keys.filter((_, i) => i % 2 === 0).map((k) => `shopify:${k}`),
      'release',
      '',
      'released after the card holder confirmed',
    );
    const plan = await planRetention(db, Date.UTC(2025, 10, 18));
    expect(plan.notes.length).toBe(1200);
    const entry = await applyPersonalDataPlan(db, plan, { reference: '', clock: fixedClock(NOW) });
    expect(entry.note.length).toBeLessThanOrEqual(NOTE_MAX);
    expect(entry.note).toContain('notes of entries 1–1200 erased');
    expect(entry.refs).toHaveLength(1200);
    expect((await new DecisionLog(db).verify()).chain.ok).toBe(true);
    const pending = await planRestore(db, await readBackup(await backupOf(db, NOW + 60_000), PASSPHRASE), []);
    expect(pending.plan.relation).toBe('same');
  });

  it('an entry a backup would refuse is not written, and the log is as it was', async () => {
    const db = createDb('log-entries-refused');
    dbs.push(db);
    const log = new DecisionLog(db);
    const input = {
      orderKey: 'shopify:#1',
      decision: 'hold' as const,
      reasonCode: '',
      analyst: 'K. Weber',
      at: NOW,
      score: null,
      matrixVersion: null,
      undoes: null,
    };
    await log.append({ ...input, note: 'first' });
    await expect(log.append({ ...input, note: 'x'.repeat(NOTE_MAX + 1) })).rejects.toThrow('The log entry was not written: a backup would refuse it (note:');
    expect((await log.entries()).map((e) => e.seq)).toEqual([1]);
    expect((await log.head()).seq).toBe(1);
  });
});

describe('a refund claim a restore sets aside', () => {
  it('is named in the restore entry, and the next backup of this laptop restores', async () => {
    const claim = {
      id: '123-4567890-A2Z',
      kind: 'amazon-a-to-z' as const,
      orderRef: '302-1234567-7654321',
      amountMinor: 4999,
      currency: 'eur',
      openedAt: Date.UTC(2026, 10, 17, 8),
      noticeDueAt: null,
      reason: 'item not received',
    };
    const here = await fillCache('log-entries-claim-here', 0, 5);
    const there = await fillCache('log-entries-claim-there', 0, 5);
    dbs.push(here, there);
    await new ClaimService(here, fixedClock(NOW)).add(claim);
    await new ClaimService(there, fixedClock(NOW + 60_000)).add({ ...claim, reason: 'item not received, buyer wrote twice' });
    // The colleague's backup restored here: its claim of that reference stands, this laptop's goes to the archive.
    const pending = await planRestore(here, await readBackup(await backupOf(there, NOW + 120_000), PASSPHRASE), []);
    expect(pending.plan.lostOtherByTable).toEqual({ refundClaims: 1 });
    const entry = await applyRestore(here, pending, { reason: 'taking over the case', clock: fixedClock(NOW + 180_000) });
    expect(entry.note).toContain('; 1 refund claim that clash with the backup');
    expect((await here.logArchive.toArray()).map((a) => a.table)).toEqual(['refundClaims']);
    const again = await planRestore(here, await readBackup(await backupOf(here, NOW + 240_000), PASSPHRASE), []);
    expect(again.plan.relation).toBe('same');
  });
});
