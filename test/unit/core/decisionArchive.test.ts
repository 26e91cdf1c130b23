// What a restore sets aside, as the log's Archive reads it from the cache: each archived row names
// the restore entry's hash as well as its number (a later restore can give that number to another
// entry), a backup carries that link and restores it, and the entries check as a chain of their own.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { Dexie, type Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { archivedEntries, archiveVerdictText, verifyArchive } from '../../../shared/decisions/archive';
import { fixedClock } from '../../../shared/time/clock';
import { decisionInput, fillCache, PASSPHRASE, TEST_ITERATIONS, deletedAfterEach } from '../../support/backupCache';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const opened = deletedAfterEach();
const backup = async (db: WorkbenchDb) => (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;

/** Writes to the archive beneath the app (an earlier version's rows, an edit outside it): the append-only rule is the app's. */
async function beneathTheApp(db: WorkbenchDb, write: (archive: Table<Record<string, unknown>, number>) => Promise<void>) {
  db.close();
  const raw = new Dexie(db.name);
  await raw.open();
  await write(raw.table('logArchive'));
  raw.close();
  await db.open();
}

async function archiveOf(log: DecisionLog) {
  const { live, archived, otherRows } = await log.withArchive();
  return { entries: archivedEntries(live, archived), verdicts: await verifyArchive(live, archived), otherRows };
}

describe('the archive of a restore', () => {
  it('names the restore that set each entry aside by its hash, and verifies its entries as a chain', async () => {
    const db = await fillCache('archive-link', 3);
    opened.push(db);
    const log = new DecisionLog(db);
    const older = await backup(db);
    for (let i = 3; i < 6; i++) await log.append(decisionInput(i));
    const setAside = (await log.entries()).slice(3);
    const restore = await applyRestore(db, await planRestore(db, await readBackup(older, PASSPHRASE), [], clock), { reason: 'disk failed', clock });
    expect(restore.seq).toBe(4);
    const rows = (await db.logArchive.toArray()).filter((a) => a.table === 'decisions');
    expect(rows.map((r) => [r.restoreSeq, r.restoreHash])).toEqual(setAside.map(() => [4, restore.hash]));

    const { entries, verdicts, otherRows } = await archiveOf(log);
    // Their own numbers 4-6, while the live log's entry 4 is the restore.
    expect(entries.map((a) => a.entry.seq)).toEqual([4, 5, 6]);
    expect(entries.map((a) => a.entry.hash)).toEqual(setAside.map((e) => e.hash));
    expect((await log.entries())[3]!.decision).toBe('restore');
    for (const a of entries)
      expect(a.setAsideBy).toMatchObject({ seq: 4, linkedBy: 'hash', where: { kind: 'live' }, entry: { hash: restore.hash, at: clock.now() } });
    expect(verdicts.map(archiveVerdictText)).toEqual([
      'Archive: 3 entries (4–6) set aside by the restore at entry 4, hashes intact: they continue entry 3 of the live log.',
    ]);
    expect(otherRows).toEqual({});
  });

  it('a backup written after the restore carries the link, and the cache it restores to shows the same archive', async () => {
    const db = await fillCache('archive-carried', 2);
    opened.push(db);
    const log = new DecisionLog(db);
    const older = await backup(db);
    await log.append(decisionInput(2));
    await applyRestore(db, await planRestore(db, await readBackup(older, PASSPHRASE), [], clock), { reason: 'wrong data', clock });
    const after = await backup(db);
    const other = createDb('archive-carried-target');
    opened.push(other);
    await applyRestore(other, await planRestore(other, await readBackup(after, PASSPHRASE), [], clock), { reason: '', clock });
    const carried = await archiveOf(new DecisionLog(other));
    expect(carried.entries.map((a) => [a.entry.seq, a.setAsideBy.seq, a.setAsideBy.linkedBy])).toEqual([[3, 3, 'hash']]);
    expect(carried.verdicts.map(archiveVerdictText)).toEqual([
      'Archive: 1 entry (3) set aside by the restore at entry 3, hashes intact: it continues entry 2 of the live log.',
    ]);
  });

  it('rows archived before the hash was recorded are still named by number, and an archived entry edited beneath the app is caught', async () => {
    const db = await fillCache('archive-old-rows', 2);
    opened.push(db);
    const log = new DecisionLog(db);
    const older = await backup(db);
    await log.append(decisionInput(2));
    await log.append(decisionInput(3));
    await applyRestore(db, await planRestore(db, await readBackup(older, PASSPHRASE), [], clock), { reason: 'wrong data', clock });
    // As an earlier version of the app wrote them: no restoreHash.
    await beneathTheApp(db, async (archive) => {
      for (const r of await archive.toArray()) {
        const { restoreHash: _h, ...old } = r;
        await archive.put(old);
      }
    });
    const { entries, verdicts } = await archiveOf(log);
    expect(entries.map((a) => a.setAsideBy.linkedBy)).toEqual(['number', 'number']);
    expect(archiveVerdictText(verdicts[0]!)).toBe(
      'Archive: 2 entries (3–4) set aside by the restore at entry 3 (linked to it by its number: archived before restores recorded their hash), hashes intact: they continue entry 2 of the live log.',
    );
    await beneathTheApp(db, async (archive) => {
      const row = (await archive.toArray()).find((r) => (r['row'] as { seq: number }).seq === 4)!;
      await archive.put({ ...row, row: { ...(row['row'] as object), analyst: 'Someone Else' } });
    });
    expect((await archiveOf(log)).verdicts[0]!.problem).toBe('entry 4 was changed after it was written');
  });
});
