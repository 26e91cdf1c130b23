// Entries a restore set aside stay witnessed: the checkpoint file keeps the hashes of the entries
// a restore replaced, and "Verify log" finds each of them in the log's archive, unchanged. A log
// cut short beneath the app behind a restore entry forged for it (the checkpoint file accepts any
// restore that names its head) no longer verifies against the file.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { chainEntry, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { CheckpointLedger, extensionOf, ledgerWitness, restoreOf } from '../../../shared/decisions/checkpoints';
import { fixedClock } from '../../../shared/time/clock';
import { decisionInput, fillCache, PASSPHRASE, TEST_ITERATIONS, deletedAfterEach } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(AT);
const opened = deletedAfterEach();

async function witnessed(entries: DecisionEntry[]): Promise<CheckpointLedger> {
  const ledger = new CheckpointLedger();
  const r = await extensionOf(ledger, entries, AT);
  if (!r.ok || !r.line) throw new Error('not witnessed');
  ledger.apply(r.line);
  return ledger;
}

async function witnessRestore(ledger: CheckpointLedger, entry: DecisionEntry): Promise<void> {
  const r = await restoreOf(ledger, entry, AT);
  if (!r.ok || !r.line) throw new Error(r.ok ? 'no line' : r.reason);
  ledger.apply(r.line);
}

const fileWitness = (ledger: CheckpointLedger) =>
  ledgerWitness('the checkpoint file', { heads: ledger.heads(), restores: ledger.restores, updatedAt: ledger.updatedAt });

describe('entries a restore set aside, against the checkpoint file', () => {
  it('a genuine restore of an older backup: the entries it set aside are in the archive, and the log matches the file', async () => {
    const db = await fillCache('archive-genuine', 5);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    for (let i = 5; i < 9; i++) await log.append(decisionInput(i));
    const ledger = await witnessed(await log.entries());
    const entry = await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), [fileWitness(ledger)]), { reason: 'disk failed', clock });
    await witnessRestore(ledger, entry);
    expect(ledger.restores[0]!.setAside.map((h) => h.seq)).toEqual([6, 7, 8, 9]);
    const verdict = await log.verify([fileWitness(ledger)]);
    expect(verdict.chain).toEqual({ ok: true, entries: 6 });
    expect(verdict.witnesses).toEqual([{ ok: true, source: 'the checkpoint file', checked: 6, upTo: 6 }]);
  });

  it('a log cut short beneath the app behind a forged restore entry: the checkpoint file accepts the restore, but Verify names the entries gone', async () => {
    const name = 'archive-forged';
    const db = await fillCache(name, 9);
    opened.push(db);
    const log = new DecisionLog(db);
    const entries = await log.entries();
    const ledger = await witnessed(entries);
    // Beneath the app: entries 6 to 9 go, a restore entry naming the witnessed head takes their place.
    const forged = await chainEntry(
      { ...decisionInput(20), orderKey: '', decision: 'restore', note: 'Restored backup.fwbackup', supersedes: headOf(entries) },
      headOf(entries.slice(0, 5)),
    );
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    await raw.table('decisions').bulkDelete([6, 7, 8, 9]);
    await raw.table('decisions').add(forged);
    await raw.table('decisionHead').put({ key: 'head', seq: forged.seq, hash: forged.hash });
    raw.close();
    await db.open();
    await witnessRestore(ledger, forged);
    const verdict = await log.verify([fileWitness(ledger)]);
    expect(verdict.chain).toEqual({ ok: true, entries: 6 });
    expect(verdict.witnesses).toEqual([
      {
        ok: false,
        source: 'the checkpoint file',
        seq: 6,
        kind: 'set-aside',
        reason: `entry 6, which the checkpoint file (2026-11-18 14:00 UTC) saw before a restore set it aside, is not in the log's archive as it saw it: it was removed or changed`,
      },
    ]);
  });
});

describe('a witness made before a genuine restore (browser mode: a downloaded checkpoint, a backup)', () => {
  it('names the entries it saw as set aside by the restore and kept in the archive, not as changed; one gone from the archive too is named', async () => {
    const name = 'archive-download';
    const db = await fillCache(name, 5);
    opened.push(db);
    const file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const log = new DecisionLog(db);
    for (let i = 5; i < 9; i++) await log.append(decisionInput(i));
    const downloaded = { source: 'checkpoint.jsonl', at: null, heads: (await log.entries()).map((e) => ({ seq: e.seq, hash: e.hash })) };
    const backup = { source: 'newer.fwbackup', at: null, heads: [await log.head()] };
    await applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), []), { reason: 'disk failed', clock });
    const verdict = await log.verify([downloaded, backup]);
    expect(verdict.chain).toEqual({ ok: true, entries: 6 });
    expect(verdict.witnesses).toEqual([
      {
        ok: false,
        source: 'checkpoint.jsonl',
        seq: 6,
        kind: 'set-aside',
        reason: "entries 6 to 9 that checkpoint.jsonl saw are not in the log: a restore set them aside, and the log's archive holds them unchanged",
      },
      {
        ok: false,
        source: 'newer.fwbackup',
        seq: 9,
        kind: 'set-aside',
        reason: "entry 9 that newer.fwbackup saw is not in the log: a restore set it aside, and the log's archive holds it unchanged",
      },
    ]);
    // Beneath the app, an archived entry is changed (its hash left as it was), another one goes: each is named.
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    const archived = (seq: number) =>
      raw
        .table('logArchive')
        .toArray()
        .then((rows) => rows.find((a) => a.table === 'decisions' && a.row.seq === seq));
    const seventh = await archived(7);
    await raw.table('logArchive').put({ ...seventh, row: { ...seventh.row, decision: 'cancel' } });
    await raw.table('logArchive').delete((await archived(8)).id);
    raw.close();
    await db.open();
    expect((await log.verify([downloaded])).witnesses).toEqual([
      {
        ok: false,
        source: 'checkpoint.jsonl',
        seq: 7,
        kind: 'changed',
        reason: 'entry 7 that checkpoint.jsonl saw is neither in the log nor in its archive: it was removed or changed',
      },
    ]);
  });
});
