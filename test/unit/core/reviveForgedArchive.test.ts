// Someone who can write this laptop's IndexedDB plants a made-up line in the log's archive and
// brings a backup that parts from the log and goes on with it. The checkpoint file saw the log
// go on otherwise and never saw those entries: the restore must be refused before anything is
// written, also when that checkpoint file never saw a restore (it lists nothing set aside).
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { expect, it } from 'vitest';
import { planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { chainEntry, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { CheckpointLedger, extensionOf, ledgerWitness } from '../../../shared/decisions/checkpoints';
import { fixedClock } from '../../../shared/time/clock';
import { fillCache, PASSPHRASE, TEST_ITERATIONS, deletedAfterEach } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(AT);
const opened = deletedAfterEach();

it('a forged line planted in the archive does not pass as revived past a checkpoint file that never saw a restore', async () => {
  const db = await fillCache('revive-planted', 8);
  opened.push(db);
  const log = new DecisionLog(db);
  const entries = await log.entries();
  const ledger = new CheckpointLedger();
  const ext = await extensionOf(ledger, entries, AT);
  if (!ext.ok || !ext.line) throw new Error('no extension');
  ledger.apply(ext.line);
  const witness = ledgerWitness('the checkpoint file', { heads: ledger.heads(), restores: ledger.restores, updatedAt: ledger.updatedAt });

  // The backup: the log's first 5 entries, then 3 made-up ones chained to them.
  const staged = await readBackup((await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob, PASSPHRASE);
  const theirs = (staged.tables.get('decisions') ?? []) as DecisionEntry[];
  const forged: DecisionEntry[] = theirs.slice(0, 5);
  for (const e of theirs.slice(5)) {
    const { hash: _h, prevHash: _p, seq: _s, ...input } = e;
    forged.push(await chainEntry({ ...input, decision: 'release', note: 'forged' }, headOf(forged)));
  }
  staged.tables.set('decisions', forged);
  staged.tables.set('decisionHead', [{ key: 'head', seq: 8, hash: forged.at(-1)!.hash }]);
  staged.header = { ...staged.header!, logHead: { seq: 8, hash: forged.at(-1)!.hash } };
  // Beneath the app: the made-up entries put in the archive, as if a restore had set them aside.
  await db.logArchive.bulkAdd(forged.slice(5).map((row) => ({ restoreSeq: 6, table: 'decisions', row })));

  await expect(planRestore(db, staged, [witness], clock)).rejects.toThrow('never saw that entry in this log');
  expect((await log.entries()).map((e) => e.hash)).toEqual(entries.map((e) => e.hash));
});
