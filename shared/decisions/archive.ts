// The decision log's archive as compliance reads it: the entries restores set aside, each under the
// restore that set it aside, and each restore's entries checked as a chain of their own. Pure.
import { GENESIS, verifySegment, type DecisionEntry, type LogHead } from './chain';

/** An archived entry as stored: the restore that set it aside by its number then, and by its hash since restores record it. */
export interface ArchivedRow {
  restoreSeq: number;
  /** Absent on rows archived before restores recorded their entry's hash. */
  restoreHash?: string;
  entry: DecisionEntry;
}

/**
 * The restore that set an entry aside. Its number is the one it was logged under; the live log may
 * have given that number to another entry since (a later restore sets the first one aside too).
 */
export interface ArchivingRestore {
  seq: number;
  /**
   * `hash`: the row names the restore's hash, found here. `number`: the row predates recorded hashes
   * and one restore entry has that number. `unknown`: none does, or several: "an earlier restore".
   */
  linkedBy: 'hash' | 'number' | 'unknown';
  /** The restore's own entry, when found. */
  entry: DecisionEntry | null;
  /** Where its entry is: in force in the live log, or in the archive, set aside by the later restore at `setAsideBySeq`. */
  where: { kind: 'live' } | { kind: 'archive'; setAsideBySeq: number } | { kind: 'unknown' };
}

export interface ArchivedEntry {
  entry: DecisionEntry;
  setAsideBy: ArchivingRestore;
  /** The live log holds this very entry again (a newer backup restored after an older one): its live number. */
  backInForce: number | null;
}

const key = (e: Pick<DecisionEntry, 'seq' | 'hash'>) => `${e.seq}:${e.hash}`;

/** Every archived entry with the restore that set it aside; the restores newest first, each one's entries by number. */
export function archivedEntries(live: readonly DecisionEntry[], rows: readonly ArchivedRow[]): ArchivedEntry[] {
  const inForce = new Set(live.map(key));
  const liveByHash = new Map(live.map((e) => [e.hash, e]));
  const archivedByHash = new Map(rows.map((r) => [r.entry.hash, r]));
  // Restore entries by number, live and archived (those not in force again), gathered once: rows
  // archived before restores recorded their hash look their restore up by number.
  const restoresBySeq = new Map<number, DecisionEntry[]>();
  for (const e of [...live, ...rows.map((r) => r.entry).filter((e) => !inForce.has(key(e)))])
    if (e.decision === 'restore') restoresBySeq.set(e.seq, [...(restoresBySeq.get(e.seq) ?? []), e]);
  const restoresNumbered = (seq: number) => restoresBySeq.get(seq) ?? [];
  const whereOf = (e: DecisionEntry): ArchivingRestore['where'] => {
    if (liveByHash.get(e.hash)?.seq === e.seq) return { kind: 'live' };
    const row = archivedByHash.get(e.hash);
    return row ? { kind: 'archive', setAsideBySeq: row.restoreSeq } : { kind: 'unknown' };
  };
  const restoreOf = (r: ArchivedRow): ArchivingRestore => {
    if (r.restoreHash) {
      const found = liveByHash.get(r.restoreHash) ?? archivedByHash.get(r.restoreHash)?.entry ?? null;
      return found && found.seq === r.restoreSeq
        ? { seq: r.restoreSeq, linkedBy: 'hash', entry: found, where: whereOf(found) }
        : { seq: r.restoreSeq, linkedBy: 'unknown', entry: null, where: { kind: 'unknown' } };
    }
    const candidates = restoresNumbered(r.restoreSeq);
    if (candidates.length === 1) return { seq: r.restoreSeq, linkedBy: 'number', entry: candidates[0]!, where: whereOf(candidates[0]!) };
    return { seq: r.restoreSeq, linkedBy: 'unknown', entry: null, where: { kind: 'unknown' } };
  };
  const out = rows.map((r) => ({
    entry: r.entry,
    setAsideBy: restoreOf(r),
    backInForce: inForce.has(key(r.entry)) ? r.entry.seq : null,
  }));
  return out.sort((a, b) => (b.setAsideBy.entry?.at ?? 0) - (a.setAsideBy.entry?.at ?? 0) || b.setAsideBy.seq - a.setAsideBy.seq || a.entry.seq - b.entry.seq);
}

/** "the restore at entry 4", "the restore logged as entry 6 (set aside since by the restore at entry 10)", "an earlier restore (logged as entry 3)". */
export function archivingRestoreText(r: ArchivingRestore): string {
  if (r.linkedBy === 'unknown' || !r.entry) return `an earlier restore (logged as entry ${r.seq}; its entry cannot be told apart)`;
  if (r.where.kind === 'archive') return `the restore logged as entry ${r.seq} (set aside since by the restore at entry ${r.where.setAsideBySeq})`;
  return `the restore at entry ${r.seq}`;
}

/** One restore's set-aside entries checked on their own: each hash against its content, each linked to the one before. */
export interface ArchiveVerdict {
  restore: ArchivingRestore;
  entries: number;
  from: number;
  to: number;
  /** Null when the entries hold as a chain; else what breaks it, naming the entry. */
  problem: string | null;
  /** What the first entry continues: an entry of the live log, of the archive, the start of a log, or nothing held here. */
  chainsOnFrom: 'live' | 'archive' | 'start' | 'nothing';
  /** The head the restore says it replaced, when it names one past the last entry set aside (entries not in the archive). */
  replacedHeadBeyond: LogHead | null;
}

/**
 * Checks each restore's set-aside entries as a chain of their own: numbered without gaps, each
 * hash matching its content and linking to the entry before, the first continuing an entry the log
 * or the archive holds, the last the head the restore names as replaced. Entries of restores that
 * cannot be told apart are checked in the runs their hashes link them into.
 */
export async function verifyArchive(live: readonly DecisionEntry[], rows: readonly ArchivedRow[]): Promise<ArchiveVerdict[]> {
  const described = archivedEntries(live, rows);
  const groups = new Map<string, ArchivedEntry[]>();
  for (const a of described) {
    const id = a.setAsideBy.entry ? `hash:${a.setAsideBy.entry.hash}` : `seq:${a.setAsideBy.seq}`;
    groups.set(id, [...(groups.get(id) ?? []), a]);
  }
  const held = new Set([...live.map(key)]);
  const archived = new Set(rows.map((r) => key(r.entry)));
  const verdicts: ArchiveVerdict[] = [];
  for (const group of groups.values()) {
    const restore = group[0]!.setAsideBy;
    const runs = runsOf(group.map((a) => a.entry));
    // One restore sets aside one stretch of the log: several runs mean entries went missing in between.
    const checked = restore.entry ? [runs.flat().sort((a, b) => a.seq - b.seq)] : runs;
    for (const run of checked) {
      const first = run[0]!;
      const last = run.at(-1)!;
      const verdict = await verifySegment(run, { seq: first.seq - 1, hash: first.prevHash });
      const before = `${first.seq - 1}:${first.prevHash}`;
      const chainsOnFrom = first.seq === 1 && first.prevHash === GENESIS ? 'start' : held.has(before) ? 'live' : archived.has(before) ? 'archive' : 'nothing';
      const replaced = restore.entry?.supersedes ?? null;
      verdicts.push({
        restore,
        entries: run.length,
        from: first.seq,
        to: last.seq,
        problem: verdict.ok ? null : verdict.reason,
        chainsOnFrom,
        replacedHeadBeyond: replaced && replaced.seq > last.seq ? replaced : null,
      });
    }
  }
  return verdicts;
}

/** Entries linked by their hashes into runs (each continues the one before it), by number. */
function runsOf(entries: readonly DecisionEntry[]): DecisionEntry[][] {
  const runs: DecisionEntry[][] = [];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const run = runs.find((r) => r.at(-1)!.seq === e.seq - 1 && r.at(-1)!.hash === e.prevHash);
    if (run) run.push(e);
    else runs.push([e]);
  }
  return runs;
}

/** "Archive: 3 entries (4–6) set aside by the restore at entry 4, hashes intact: they continue entry 3 of the live log." */
export function archiveVerdictText(v: ArchiveVerdict): string {
  const one = v.entries === 1;
  const what = `Archive: ${one ? `1 entry (${v.from})` : `${v.entries.toLocaleString('en-US')} entries (${v.from}–${v.to})`} set aside by ${archivingRestoreText(v.restore)}`;
  const byNumber = v.restore.linkedBy === 'number' ? ' (linked to it by its number: archived before restores recorded their hash)' : '';
  if (v.problem) return `${what}${byNumber}: not intact: ${v.problem}.`;
  const they = one ? 'it continues' : 'they continue';
  const from = {
    live: `${they} entry ${v.from - 1} of the live log`,
    archive: `${they} entry ${v.from - 1} of the archive`,
    start: `${one ? 'it starts' : 'they start'} a log`,
    nothing: `the entry ${v.from - 1} ${one ? 'it continues' : 'they continue'} is neither in the live log nor in the archive`,
  }[v.chainsOnFrom];
  const end = v.replacedHeadBeyond
    ? `; the restore names entry ${v.replacedHeadBeyond.seq} as the head it replaced, and ${v.replacedHeadBeyond.seq === v.to + 1 ? `entry ${v.to + 1} is` : `entries ${v.to + 1}–${v.replacedHeadBeyond.seq} are`} not in the archive (a witness saw ${v.replacedHeadBeyond.seq === v.to + 1 ? 'it' : 'them'} beyond this log, or ${v.replacedHeadBeyond.seq === v.to + 1 ? 'it was' : 'they were'} removed)`
    : '';
  return `${what}${byNumber}, hashes intact: ${from}${end}.`;
}
