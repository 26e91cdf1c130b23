// The decision log's archive as compliance reads it: each set-aside entry under the restore that
// set it aside (by hash, or by number for rows archived before hashes were recorded), each restore's
// entries checked as a chain of their own, and its CSV, which is never read back as the log.
import { describe, expect, it } from 'vitest';
import { archivedEntries, archiveVerdictText, verifyArchive, type ArchivedRow } from '../../../shared/decisions/archive';
import { ARCHIVE_CSV_HEAD, writeArchiveCsv } from '../../../shared/decisions/archiveCsv';
import { chainEntries, chainEntry, type DecisionEntry, type DecisionInput } from '../../../shared/decisions/chain';
import { readDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { witnessFromFile } from '../../../shared/decisions/witnessFiles';

const input = (i: number, patch: Partial<DecisionInput> = {}): DecisionInput => ({
  orderKey: `shopify:#${1000 + i}`,
  decision: 'hold',
  reasonCode: 'FRAUD-RING',
  note: `held ${i}`,
  analyst: 'K. Weber',
  at: Date.UTC(2026, 10, 18, 9, i),
  score: 70,
  matrixVersion: 2,
  undoes: null,
  ...patch,
});

const restoreInput = (minute: number, supersedes: DecisionEntry): DecisionInput => ({
  orderKey: '',
  decision: 'restore',
  reasonCode: '',
  note: 'Restored older.fwbackup',
  analyst: 'M. Rossi',
  at: Date.UTC(2026, 10, 18, 10, minute),
  score: null,
  matrixVersion: null,
  undoes: null,
  supersedes: { seq: supersedes.seq, hash: supersedes.hash },
});

/** Five decisions; a backup after the third restored: entries 4 and 5 set aside, the restore is entry 4. */
async function restoredOverTwo(withHash = true) {
  const before = await chainEntries(
    [1, 2, 3, 4, 5].map((i) => input(i)),
    null,
  );
  const restore = await chainEntry(restoreInput(0, before[4]!), before[2]!);
  const live = [...before.slice(0, 3), restore];
  const rows: ArchivedRow[] = before.slice(3).map((entry) => ({ restoreSeq: restore.seq, ...(withHash ? { restoreHash: restore.hash } : {}), entry }));
  return { before, restore, live, rows };
}

describe('the archived entries', () => {
  it('keep their own numbers and name the restore at the live entry that set them aside, its time and analyst', async () => {
    const { live, rows, restore } = await restoredOverTwo();
    const archived = archivedEntries(live, rows);
    expect(archived.map((a) => a.entry.seq)).toEqual([4, 5]);
    expect(archived.map((a) => a.entry.decision)).toEqual(['hold', 'hold']);
    for (const a of archived) {
      expect(a.setAsideBy).toMatchObject({ seq: 4, linkedBy: 'hash', where: { kind: 'live' } });
      expect(a.setAsideBy.entry?.hash).toBe(restore.hash);
      expect(a.backInForce).toBeNull();
    }
  });

  it('rows archived before restores recorded their hash are linked by number when one restore entry has it, else to "an earlier restore"', async () => {
    const { live, rows } = await restoredOverTwo(false);
    expect(archivedEntries(live, rows)[0]!.setAsideBy).toMatchObject({ seq: 4, linkedBy: 'number', where: { kind: 'live' } });
    // The live entry 4 is a decision, and no archived restore has that number: which restore it was cannot be said.
    const decisionAt4 = await chainEntries(
      [1, 2, 3, 4].map((i) => input(i + 10)),
      null,
    );
    const [a] = archivedEntries(decisionAt4, rows);
    expect(a!.setAsideBy).toMatchObject({ seq: 4, linkedBy: 'unknown', entry: null });
    expect(archiveVerdictText((await verifyArchive(decisionAt4, rows))[0]!)).toMatch(
      /^Archive: 2 entries \(4–5\) set aside by an earlier restore \(logged as entry 4;/,
    );
  });

  it('a restore set aside by a later one is named so, and entries a newer backup brought back say they are in force again', async () => {
    const { before, restore, rows } = await restoredOverTwo();
    // The newer backup (entries 1-5) restored after: restore 4 is set aside in its turn, entries 4 and 5 are live again.
    const second = await chainEntry(restoreInput(5, restore), before[4]!);
    const live = [...before, second];
    const all: ArchivedRow[] = [...rows, { restoreSeq: 6, restoreHash: second.hash, entry: restore }];
    const archived = archivedEntries(live, all);
    // The newest restore first.
    expect(archived.map((a) => `${a.entry.seq}:${a.entry.decision}:${a.setAsideBy.seq}:${a.backInForce}`)).toEqual([
      '4:restore:6:null',
      '4:hold:4:4',
      '5:hold:4:5',
    ]);
    expect(archived[1]!.setAsideBy.where).toEqual({ kind: 'archive', setAsideBySeq: 6 });
    const texts = (await verifyArchive(live, all)).map(archiveVerdictText);
    expect(texts).toEqual([
      'Archive: 1 entry (4) set aside by the restore at entry 6, hashes intact: it continues entry 3 of the live log.',
      'Archive: 2 entries (4–5) set aside by the restore logged as entry 4 (set aside since by the restore at entry 6), hashes intact: they continue entry 3 of the live log.',
    ]);
  });
});

describe('Verify on the archive', () => {
  it('checks each restore\'s entries as a chain of their own: "2 entries set aside by the restore at entry 4, hashes intact"', async () => {
    const { live, rows } = await restoredOverTwo();
    const [v] = await verifyArchive(live, rows);
    expect(v).toMatchObject({ entries: 2, from: 4, to: 5, problem: null, chainsOnFrom: 'live', replacedHeadBeyond: null });
    expect(archiveVerdictText(v!)).toBe('Archive: 2 entries (4–5) set aside by the restore at entry 4, hashes intact: they continue entry 3 of the live log.');
  });

  it('names an archived entry changed beneath the app, one removed from the middle, and the head the restore replaced beyond the archive', async () => {
    const { live, rows } = await restoredOverTwo();
    const changed = rows.map((r) => (r.entry.seq === 5 ? { ...r, entry: { ...r.entry, decision: 'release' as const } } : r));
    expect(archiveVerdictText((await verifyArchive(live, changed))[0]!)).toBe(
      'Archive: 2 entries (4–5) set aside by the restore at entry 4: not intact: entry 5 was changed after it was written.',
    );
    const noted = rows.map((r) => (r.entry.seq === 4 ? { ...r, entry: { ...r.entry, note: 'rewritten' } } : r));
    expect((await verifyArchive(live, noted))[0]!.problem).toBe('the note of entry 4 was changed after it was written');
    // Three set aside, the middle one removed: the rest no longer follow one another.
    const before = await chainEntries(
      [1, 2, 3, 4, 5, 6].map((i) => input(i)),
      null,
    );
    const restore = await chainEntry(restoreInput(0, before[5]!), before[2]!);
    const gap = [before[3]!, before[5]!].map((entry) => ({ restoreSeq: 4, restoreHash: restore.hash, entry }));
    expect((await verifyArchive([...before.slice(0, 3), restore], gap))[0]!.problem).toBe('entry 6 follows entry 4: an entry was removed, inserted or moved');
    // The last one removed: the restore's entry still names the head it replaced.
    const cut = [before[3]!, before[4]!].map((entry) => ({ restoreSeq: 4, restoreHash: restore.hash, entry }));
    expect(archiveVerdictText((await verifyArchive([...before.slice(0, 3), restore], cut))[0]!)).toBe(
      'Archive: 2 entries (4–5) set aside by the restore at entry 4, hashes intact: they continue entry 3 of the live log; the restore names entry 6 as the head it replaced, and entry 6 is not in the archive (a witness saw it beyond this log, or it was removed).',
    );
  });
});

describe('the archive CSV', () => {
  it("has the decisions CSV's columns and the restore that set each entry aside; oldest first", async () => {
    const { live, rows, restore } = await restoredOverTwo();
    const csv = writeArchiveCsv(archivedEntries(live, rows));
    const [head, ...lines] = csv.trimEnd().split('\r\n');
    expect(head).toBe(ARCHIVE_CSV_HEAD.join(','));
    expect(head).toMatch(/^seq,time_utc,source,order_id,decision,reason_code,note,analyst,score,matrix_version,hash,undoes,settles,rules,set_aside_by_entry,/);
    expect(lines).toHaveLength(2);
    const cells = lines[0]!.split(',');
    const at = (c: string) => cells[ARCHIVE_CSV_HEAD.indexOf(c as never)];
    expect(at('seq')).toBe('4');
    expect(at('order_id')).toBe('#1004');
    expect(at('decision')).toBe('hold');
    expect(at('note')).toBe('held 4');
    expect(at('set_aside_by_entry')).toBe('4');
    expect(at('set_aside_by_hash')).toBe(restore.hash);
    expect(at('set_aside_at_utc')).toBe('2026-11-18T10:00:00.000Z');
    expect(at('set_aside_by_analyst')).toBe('M. Rossi');
    expect(at('set_aside_by')).toBe('the restore at entry 4');
    expect(at('back_in_force_as_entry')).toBe('');
    expect(lines[1]!.split(',')[0]).toBe('5');
  });

  it('is never read as the decision log: not by the decisions reader, not as a witness', async () => {
    const { live, rows } = await restoredOverTwo();
    const csv = '\uFEFF' + writeArchiveCsv(archivedEntries(live, rows));
    expect(readDecisionsCsv(csv)).toEqual({
      line: 1,
      error: 'not a decisions export: this is the export of the decision log archive (entries restores set aside, no longer in force)',
    });
    await expect(witnessFromFile(new Blob([csv]), 'decision-log-archive.csv')).rejects.toThrow(
      /^decision-log-archive\.csv line 1: not a decisions export: this is the export of the decision log archive/,
    );
  });
});
