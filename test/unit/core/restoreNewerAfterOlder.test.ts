// An older backup restored by mistake, then the newer one: the newer backup's entries past the
// older one's are in this laptop's archive, unchanged, set aside by the first restore. It is this
// log as it stood before that restore, not a forgery: it is restored, its entries come back in
// force, the first restore's entry is set aside in its turn, and the checkpoint file follows.
// A backup whose later entries are not those the archive holds is still refused.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { chainEntry, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import {
  CheckpointLedger,
  extensionOf,
  ledgerWitness,
  parseLedger,
  restoreOf,
  serialiseLine,
  ledgerHeader,
  type CheckpointLine,
} from '../../../shared/decisions/checkpoints';
import { fixedClock } from '../../../shared/time/clock';
import { decisionInput, fillCache, PASSPHRASE, TEST_ITERATIONS, deletedAfterEach } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(AT);
const opened = deletedAfterEach();

/** A checkpoint file kept beside the log, as the shell keeps it, with every line written out. */
class KeptLedger {
  ledger = new CheckpointLedger();
  lines: CheckpointLine[] = [];
  private take(line: CheckpointLine | null) {
    if (!line) return;
    this.ledger.apply(line);
    this.lines.push(line);
  }
  async extend(log: DecisionLog) {
    const r = await extensionOf(this.ledger, await log.entries(), AT);
    if (!r.ok) throw new Error(r.reason);
    this.take(r.line);
  }
  async restore(entry: DecisionEntry) {
    const r = await restoreOf(this.ledger, entry, AT);
    if (!r.ok) throw new Error(r.reason);
    this.take(r.line);
  }
  witness() {
    return ledgerWitness('the checkpoint file', { heads: this.ledger.heads(), restores: this.ledger.restores, updatedAt: this.ledger.updatedAt });
  }
  file() {
    return [ledgerHeader(), ...this.lines.map(serialiseLine)].join('\n') + '\n';
  }
}

const backup = async (db: WorkbenchDb) => (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
const seqsAndDecisions = async (log: DecisionLog) => (await log.entries()).map((e) => `${e.seq}:${e.decision}`);

/** Five decisions, the older backup; four more, the newer one; then the older one restored. */
async function olderRestoredByMistake(name: string, ledger?: KeptLedger) {
  const db = await fillCache(name, 5);
  opened.push(db);
  const log = new DecisionLog(db);
  const older = await backup(db);
  for (let i = 5; i < 9; i++) await log.append(decisionInput(i));
  const newer = await backup(db);
  const before = await log.entries();
  await ledger?.extend(log);
  const witnesses = ledger ? [ledger.witness()] : [];
  const first = await applyRestore(db, await planRestore(db, await readBackup(older, PASSPHRASE), witnesses, clock), { reason: 'wrong file', clock });
  await ledger?.restore(first);
  return { db, log, older, newer, before, first };
}

describe('a newer backup restored after an older one', () => {
  it('is restored: the entries the first restore set aside are back in force, that restore is set aside in its turn, and the log verifies', async () => {
    const { db, log, newer, before, first } = await olderRestoredByMistake('revive-plain');
    expect(first.seq).toBe(6);
    const pending = await planRestore(db, await readBackup(newer, PASSPHRASE), [], clock);
    expect(pending.plan).toMatchObject({
      relation: 'revives',
      keptTo: 5,
      lostDecisions: 1,
      lostRestores: 1,
      revived: { count: 4, from: 6, to: 9 },
      addedDecisions: null,
      needsReason: true,
      supersedes: { seq: 6, hash: first.hash },
    });
    const second = await applyRestore(db, pending, { reason: 'the right file this time', clock });
    expect(second.seq).toBe(10);
    // Entry 6, the one set aside, is the mistaken restore's entry: not a decision.
    expect(second.note).toContain('; 1 restore entry after entry 5 set aside');
    expect(second.note).toContain('the 4 decisions a restore here set aside (entries 6–9) back in force');
    // The newer backup's log, whole, then the restore that brought it back.
    expect((await log.entries()).slice(0, 9).map((e) => e.hash)).toEqual(before.map((e) => e.hash));
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 10 });
    // The mistaken restore's entry is not lost: it is in the archive, under the restore that set it aside.
    const archived = (await db.logArchive.toArray()).filter((a) => a.table === 'decisions');
    expect(archived.filter((a) => a.restoreSeq === 10).map((a) => (a.row as DecisionEntry).hash)).toEqual([first.hash]);
    expect(archived.filter((a) => a.restoreSeq === 6).map((a) => (a.row as DecisionEntry).seq)).toEqual([6, 7, 8, 9]);
    // And the cache so restored backs up and restores like any other.
    const again = await planRestore(db, await readBackup(await backup(db), PASSPHRASE), [], clock);
    expect(again.plan.relation).toBe('same');
  });

  it('the checkpoint file accepts it, in memory and read back from its file, and Verify finds everything it saw', async () => {
    const ledger = new KeptLedger();
    const { db, log, newer, first } = await olderRestoredByMistake('revive-ledger', ledger);
    const pending = await planRestore(db, await readBackup(newer, PASSPHRASE), [ledger.witness()], clock);
    expect(pending.plan.relation).toBe('revives');
    const second = await applyRestore(db, pending, { reason: 'the right file this time', clock });
    await ledger.restore(second);
    await ledger.extend(log);
    expect(ledger.ledger.head).toEqual(headOf(await log.entries()));
    // The second restore set aside only the first restore's entry: the ledger says so.
    expect(ledger.ledger.restores.map((r) => r.setAside.map((h) => h.seq))).toEqual([[6, 7, 8, 9], [6]]);
    expect(ledger.ledger.restores[1]!.setAside[0]!.hash).toBe(first.hash);
    const reread = parseLedger(ledger.file());
    expect(reread.problem).toBeNull();
    expect(reread.ledger.heads()).toEqual(ledger.ledger.heads());
    expect(reread.ledger.restores).toEqual(ledger.ledger.restores);
    const verdict = await log.verify([ledger.witness()]);
    expect(verdict.chain).toEqual({ ok: true, entries: 10 });
    expect(verdict.witnesses).toEqual([{ ok: true, source: 'the checkpoint file', checked: 10, upTo: 10 }]);
  });

  it('decisions made after the mistaken restore are set aside with it and named; the newer backup past the archive puts its own in force', async () => {
    const { db, log, newer, first } = await olderRestoredByMistake('revive-more');
    await log.append(decisionInput(20));
    await log.append(decisionInput(21));
    // A colleague restored the newer backup on another laptop (entry 10 is that restore) and decided once more (entry 11).
    const other = await fillCache('revive-more-other', 0);
    opened.push(other);
    await applyRestore(other, await planRestore(other, await readBackup(newer, PASSPHRASE), [], clock), { reason: '', clock });
    await new DecisionLog(other).append(decisionInput(30));
    const pending = await planRestore(db, await readBackup(await backup(other), PASSPHRASE), [], clock);
    expect(pending.plan).toMatchObject({
      relation: 'revives',
      keptTo: 5,
      lostDecisions: 3,
      lostRestores: 1,
      revived: { count: 4, from: 6, to: 9 },
      addedDecisions: { count: 2, restores: 1, from: 10, to: 11 },
      supersedes: { seq: 8, hash: (await log.head()).hash },
    });
    const entry = await applyRestore(db, pending, { reason: 'the team lead’s backup', clock });
    // Entries 6 and 10 are restores: the entry names them apart from the decisions.
    expect(entry.note).toContain('; 2 decisions and 1 restore entry after entry 5 set aside');
    expect(entry.note).toContain('; 1 decision and 1 restore entry this laptop has not seen (entries 10–11');
    expect(await seqsAndDecisions(log)).toHaveLength(12);
    const archived = (await db.logArchive.toArray()).filter((a) => a.table === 'decisions' && a.restoreSeq === 12);
    expect((archived[0]!.row as DecisionEntry).hash).toBe(first.hash);
    expect(archived.map((a) => (a.row as DecisionEntry).seq)).toEqual([6, 7, 8]);
  });

  it('a backup whose later entries differ from those the archive holds is refused, and one edited beneath the app in the archive vouches for nothing', async () => {
    const { db, newer } = await olderRestoredByMistake('revive-forged');
    // Entries 6 to 9 rewritten and chained again: each hash differs from the archived one.
    const staged = await readBackup(newer, PASSPHRASE);
    const theirs = (staged.tables.get('decisions') ?? []) as DecisionEntry[];
    const forged: DecisionEntry[] = theirs.slice(0, 5);
    for (const e of theirs.slice(5)) {
      const { hash: _h, prevHash: _p, seq: _s, ...input } = e;
      forged.push(await chainEntry({ ...input, decision: 'release' }, headOf(forged)));
    }
    staged.tables.set('decisions', forged);
    staged.tables.set('decisionHead', [{ key: 'head', seq: 9, hash: forged.at(-1)!.hash }]);
    staged.header = { ...staged.header!, logHead: { seq: 9, hash: forged.at(-1)!.hash } };
    await expect(planRestore(db, staged, [], clock)).rejects.toThrow("The backup's decision log differs from this laptop's at entry 6");
    // The archive's copies edited beneath the app (their hashes kept): no longer vouched for.
    const name = db.name;
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    for (const a of await raw.table('logArchive').toArray()) await raw.table('logArchive').put({ ...a, row: { ...a.row, note: 'edited' } });
    raw.close();
    await db.open();
    await expect(planRestore(db, await readBackup(newer, PASSPHRASE), [], clock)).rejects.toThrow(
      "The backup's decision log differs from this laptop's at entry 6",
    );
  });

  it('a checkpoint file that saw the first restore but never saw the entries brought back refuses it before anything is written', async () => {
    const { db, log, newer } = await olderRestoredByMistake('revive-unseen');
    // A checkpoint file begun after the first restore: it saw entries 1 to 6 of this line only.
    const late = new KeptLedger();
    await late.extend(log);
    const seen = { ...late.witness(), setAside: [] };
    await expect(planRestore(db, await readBackup(newer, PASSPHRASE), [seen], clock)).rejects.toThrow(
      'brings back entry 9 as a restore here set it aside, but the checkpoint file never saw that entry in this log',
    );
    expect((await log.entries()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('archived rows removed beneath the app', () => {
  it('a backup that forks from the line where the archive no longer shows how it went on is refused, by the checkpoint file that saw that line set aside', async () => {
    const ledger = new KeptLedger();
    const { db, newer } = await olderRestoredByMistake('revive-truncated', ledger);
    // Entries 8 and 9 of the line the first restore set aside go from the archive; the backup keeps
    // entries 1 to 7 and makes up 8 and 9, chained to them.
    const staged = await readBackup(newer, PASSPHRASE);
    const theirs = (staged.tables.get('decisions') ?? []) as DecisionEntry[];
    const forged: DecisionEntry[] = theirs.slice(0, 7);
    for (const e of theirs.slice(7)) {
      const { hash: _h, prevHash: _p, seq: _s, ...input } = e;
      forged.push(await chainEntry({ ...input, decision: 'cancel', note: 'made up' }, headOf(forged)));
    }
    staged.tables.set('decisions', forged);
    staged.tables.set('decisionHead', [{ key: 'head', seq: 9, hash: forged.at(-1)!.hash }]);
    staged.header = { ...staged.header!, logHead: { seq: 9, hash: forged.at(-1)!.hash } };
    const name = db.name;
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    const gone = (await raw.table('logArchive').toArray()).filter((a) => a.table === 'decisions' && a.row.seq >= 8).map((a) => a.id);
    await raw.table('logArchive').bulkDelete(gone);
    raw.close();
    await db.open();
    await expect(planRestore(db, staged, [ledger.witness()], clock)).rejects.toThrow(
      "The backup's decision log differs at entry 8 from the line the checkpoint file saw a restore set aside",
    );
  });
});
