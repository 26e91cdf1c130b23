// Restore, all or nothing: a backup is read and checked in full first (readBackup, checkBackup),
// then related to this laptop's decision log and its witnesses, then written in ONE transaction
// over every table, so any failure (a full disk, a crash) leaves the cache exactly as it was.
// Entries of append-only logs the backup lacks are set aside in the archive, never dropped, and
// the restore itself is a logged entry naming the head it replaced.
import { invalidateKeyIndex } from '../storage/keyIndexStore';
import { rebuildPaymentKeys } from '../storage/paymentStore';
import { BackupError } from '../../../../shared/backup/container';
import { encodeRecord } from '../../../../shared/backup/records';
import { addedDecisionsText, lostDecisionsText, otherRowsText, revivedDecisionsText } from '../../../../shared/backup/restoreText';
import { NOTE_MAX } from '../../../../shared/decisions/reasons';
import { assertStorableEntry } from '../../../../shared/decisions/schema';
import { chainEntry, entryContentHolds, headOf, verifyChain, type DecisionEntry, type LogHead } from '../../../../shared/decisions/chain';
import { compareWithWitness, relateLogs, relateToArchive, type KnownRelation, type Witness } from '../../../../shared/decisions/witness';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { replacingLogsHere } from '../storage/appendOnly';
import { analystName } from '../storage/metaRepository';
import { APPEND_ONLY, NOT_IN_BACKUPS, type AttachmentEventFile, type LogArchiveRecord, type WorkbenchDb } from '../storage/schema';
import { checkBackup } from './checkBackup';
import type { StagedBackup } from './readBackup';
import { describeCounts, type SummaryCounts } from './summary';
import { TABLE_NAMES } from './tableSchemas';
import { checkBackupRegister, describeRecords, describeReapplied, mergedRegister, reappliedAnything, reapplyErasures } from '../privacy/erasureRegister';
import type { ErasureRecord } from '../storage/schema';

export interface RestorePlan {
  fileName: string;
  format: StagedBackup['format'];
  /** When and by whom it was written (container backups say; legacy JSON does not). */
  createdAt: number | null;
  createdBy: string | null;
  schemaVersion: number;
  counts: SummaryCounts;
  /** "10,000 orders, 2,648 payments, 17 disputes, 11 decisions" */
  summary: string;
  /** The backup's log verified to this entry (0: it holds no decisions). */
  verifiedTo: number;
  /** How the backup's log relates to the log here; 'broken-here' when this one does not verify. */
  relation: 'same' | 'older' | 'newer' | 'revives' | 'empty-here' | 'broken-here';
  /**
   * Set when the log here does not verify: where and why. Nothing here can then vouch for the
   * backup (only the witnesses can), and every entry here is set aside with the restore.
   */
  localLogBroken: { seq: number; reason: string } | null;
  /**
   * Decisions here the restore sets aside (archived, no longer in force): those after the
   * backup's last entry, or every one when the log here does not verify.
   */
  lostDecisions: number;
  /**
   * Of those, the entries of erasures on request and of retention purges: their log entries go to
   * the archive too, but the erasure register survives the restore and applies them again to the
   * backup's data, so they stay in force (the dialog must not call them decisions set aside).
   */
  lostErasures: { erasures: number; purges: number };
  /** Of those, the entries of the cache cleared: the backup brings back what each removed (the dialog names them as such). */
  lostClears: number;
  /**
   * Of those, the entries of earlier restores (a backup restored twice sets the first restore's
   * entry aside): named as restore entries, not counted as decisions.
   */
  lostRestores: number;
  /** The entries here the backup holds too, 1 to keptTo: those set aside come after it. */
  keptTo: number;
  /**
   * Entries a restore here set aside that the backup holds again, in force once more: a newer
   * backup restored after an older one. The archive holds them unchanged, which vouches for them.
   */
  revived: { count: number; from: number; to: number } | null;
  /** Rows of other append-only logs here that the backup lacks and that clash with its own (set aside). */
  lostOther: number;
  /** The same, by table: the restore's entry names what it set aside. */
  lostOtherByTable: Readonly<Record<string, number>>;
  /** Rows of other append-only logs here that the backup lacks (exports, snapshots, dispute changes, claims, attached files): kept in force. */
  keptOther: number;
  /**
   * Decisions the backup holds after the newest this laptop (or a witness) knows: entries nobody
   * here saw made, which the restore puts in force. Said in the dialog and the restore's entry,
   * since the chain alone vouches for their order, not for who wrote them or when.
   */
  addedDecisions: AddedDecisions | null;
  /** A reason is required when decisions would be set aside or the log here does not verify. */
  needsReason: boolean;
  /** The witnesses the backup was checked against, for the dialog. */
  witnessedBy: string[];
  /** The head this restore replaces (named in its log entry). */
  supersedes: LogHead;
  /**
   * Erasures and retention purges (recorded here or in the backup) that reach data the backup
   * holds: applied to it again before anything is written, named in the restore's log entry.
   * `notes`: the backup's entries whose notes go again (the entry lists them, as an erasure does).
   */
  erasedAgain: { requests: string; what: string; notes: number[] } | null;
}

/** A backup checked and related, waiting for the analyst's confirmation. */
export interface PendingRestore {
  staged: StagedBackup;
  plan: RestorePlan;
  entries: DecisionEntry[];
  /**
   * The head recorded beside the log here when the plan was made (null: none). The plan's
   * set-aside count, reason and replaced head hold only while it is still the head.
   */
  inspectedHead: LogHead | null;
}

/**
 * Relates a checked backup to this laptop: refuses one whose log has other hashes than the log
 * here (when that verifies) or than any witness saw, and counts what a restore would set aside.
 */
export async function planRestore(db: WorkbenchDb, staged: StagedBackup, witnesses: readonly Witness[], clock: Clock = systemClock): Promise<PendingRestore> {
  const { counts, entries } = await checkBackup(staged);
  // Entries and head read together: an append between the two reads would look like a broken log.
  const [local, localHead] = await db.transaction('r', [db.decisions, db.decisionHead], async () => [
    await db.decisions.orderBy('seq').toArray(),
    (await db.decisionHead.get('head')) ?? null,
  ]);
  const verdict = await verifyChain(local, localHead);
  const localOk = verdict.ok;
  const localLogBroken = verdict.ok ? null : { seq: verdict.seq, reason: verdict.reason };
  // The truth to compare with: this laptop's log if it verifies (with the entries its restores set
  // aside, which a newer backup restored after an older one holds again), and every witness in any case.
  let revive: Extract<KnownRelation, { relation: 'revives' }> | null = null;
  const known = new Set<string>();
  if (localOk && local.length) {
    // The archive is read (and each of its entries hashed) only for a backup that parts from the log.
    const withLog = relateLogs(local, entries);
    const archived = withLog.relation === 'diverged' ? await archivedEntries(db) : [];
    const rel = relateToArchive(withLog, archived, entries);
    if (rel.relation === 'diverged') {
      throw new BackupError(
        `The backup's decision log differs from this laptop's at entry ${rel.firstDifference}: it is not a copy of this log (it was forged, or comes from another laptop). Nothing was changed.`,
      );
    }
    if (rel.relation === 'revives') {
      revive = rel;
      for (const e of [...local, ...archived]) known.add(`${e.seq}:${e.hash}`);
    }
  }
  const theirHash = new Map(entries.map((e) => [e.seq, e.hash]));
  for (const w of witnesses) {
    // A witness may have seen more than the backup holds (an older backup): only shared entries must match.
    // Past the entry where a reviving backup parts from this log, a witness saw this log's line, or
    // another line a restore here set aside: entries this laptop holds, which say nothing of the backup's.
    const heads = w.heads.filter(
      (h) => h.seq <= entries.length && !(revive && h.seq > revive.commonUpTo && theirHash.get(h.seq) !== h.hash && known.has(`${h.seq}:${h.hash}`)),
    );
    const verdict = compareWithWitness(entries, { ...w, heads });
    if (!verdict.ok) throw new BackupError(`The backup's decision log differs from ${w.source}: ${verdict.reason}. Nothing was changed.`);
    // A checkpoint file that saw this log part from the backup's line keeps what each restore set
    // aside: the entries brought back must be among them, or it never saw them in this log. One
    // that never saw a restore lists nothing set aside (no setAside at all): it vouches for none.
    if (revive && w.heads.some((h) => h.seq === revive.firstDifference && h.hash === local[revive.commonUpTo]!.hash)) {
      const seen = new Set([...w.heads, ...(w.setAside ?? [])].map((h) => `${h.seq}:${h.hash}`));
      const last = entries[revive.revivedUpTo - 1]!;
      if (!seen.has(`${last.seq}:${last.hash}`))
        throw new BackupError(
          `The backup's decision log brings back entry ${last.seq} as a restore here set it aside, but ${w.source} never saw that entry in this log. Nothing was changed.`,
        );
      // Where that restore set aside more of the line than the backup brings back (archived rows
      // removed beneath the app), the backup's later entries must be the line's, not others.
      for (const line of w.setAsideLines ?? []) {
        if (!line.some((h) => h.seq === last.seq && h.hash === last.hash)) continue;
        const differs = line.find((h) => h.seq > last.seq && theirHash.has(h.seq) && theirHash.get(h.seq) !== h.hash);
        if (differs)
          throw new BackupError(
            `The backup's decision log differs at entry ${differs.seq} from the line ${w.source} saw a restore set aside: it is not a copy of that line. Nothing was changed.`,
          );
      }
    }
  }
  const witnessedNewest = Math.max(0, ...witnesses.flatMap((w) => w.heads.map((h) => h.seq)));
  const hereHead = localOk ? (local.at(-1)?.seq ?? 0) : 0;
  let newest = Math.max(hereHead, witnessedNewest);
  // A log here that does not verify cannot say which of its entries the backup holds: all go to
  // the archive, so whoever looks into it later finds the damaged log whole.
  let lostDecisions = localOk ? Math.max(0, newest - entries.length) : local.length;
  // The head replaced: this log's when it is the newest known (a damaged one's as recorded beside
  // it, else its last entry: never the empty log while entries are here); else the newest a witness saw.
  let supersedes: LogHead = localOk || !localHead ? headOf(local) : { seq: localHead.seq, hash: localHead.hash };
  if (revive) {
    // Only a witness of this log's own line can say it went further than the log does now.
    const here = local.at(-1)!;
    const onThisLine = witnesses.filter((w) => w.heads.some((h) => h.seq === here.seq && h.hash === here.hash));
    const further = onThisLine
      .flatMap((w) => w.heads)
      .filter((h) => h.seq > supersedes.seq)
      .sort((a, b) => b.seq - a.seq)[0];
    if (further) supersedes = { seq: further.seq, hash: further.hash };
    lostDecisions = supersedes.seq - revive.commonUpTo;
    // What the backup holds past the newest entry of its line that this laptop or a witness saw is new here.
    const seenOnItsLine = witnesses.flatMap((w) => w.heads).filter((h) => theirHash.get(h.seq) === h.hash);
    newest = Math.max(revive.revivedUpTo, ...seenOnItsLine.map((h) => h.seq));
  } else if (witnessedNewest > supersedes.seq) {
    const w = witnesses.flatMap((x) => x.heads).filter((h) => h.seq === witnessedNewest)[0]!;
    supersedes = { seq: w.seq, hash: w.hash };
  }
  // A backup written before an erasure holds the person whole: the register (this laptop's and
  // the backup's) is applied to it before it is related row by row and written.
  // Only a register its own log backs: a record of no logged erasure would blank anyone's data.
  const theirRegister = (staged.tables.get('erasures') ?? []) as ErasureRecord[];
  const theirArchive = ((staged.tables.get('logArchive') ?? []) as LogArchiveRecord[])
    .filter((a) => a.table === 'decisions')
    .map((a) => a.row as DecisionEntry);
  checkBackupRegister(theirRegister, entries, theirArchive);
  const register = mergedRegister(theirRegister, await db.erasures.toArray());
  const analyst = await analystName(db).catch(() => stagedAnalyst(staged) ?? '');
  const reapplied = await reapplyErasures(staged.tables as Map<string, unknown[]>, register, {
    analyst,
    at: clock.now(),
  });
  const erasedAgain = reappliedAnything(reapplied)
    ? { requests: describeRecords(reapplied.records), what: describeReapplied(reapplied), notes: reapplied.notes }
    : null;
  // The entries here that go to the archive, by kind: an erasure's or a purge's stays in force.
  const keptTo = revive ? revive.commonUpTo : (entries.at(-1)?.seq ?? 0);
  const lostHere = localOk ? local.filter((e) => e.seq > keptTo) : local;
  const lostErasures = {
    erasures: lostHere.filter((e) => e.decision === 'erasure').length,
    purges: lostHere.filter((e) => e.decision === 'retention').length,
  };
  const lostClears = lostHere.filter((e) => e.decision === 'clear-cache').length;
  const lostRestores = lostHere.filter((e) => e.decision === 'restore').length;
  const lost = await lostAppendOnlyRows(db, staged, !localOk);
  const lostOtherRows = lost.filter((r) => r.table !== 'decisions' && !r.keep);
  const lostOtherByTable: Record<string, number> = {};
  for (const r of lostOtherRows) lostOtherByTable[r.table] = (lostOtherByTable[r.table] ?? 0) + 1;
  const lostOther = lostOtherRows.length;
  const keptOther = lost.filter((r) => r.keep).length;
  const plan: RestorePlan = {
    fileName: staged.fileName,
    format: staged.format,
    createdAt: staged.header?.createdAt ?? null,
    createdBy: staged.header?.createdBy ?? null,
    schemaVersion: staged.schemaVersion,
    counts,
    summary: describeCounts(counts),
    verifiedTo: entries.at(-1)?.seq ?? 0,
    relation: !localOk
      ? 'broken-here'
      : revive
        ? 'revives'
        : newest === 0
          ? 'empty-here'
          : entries.length === newest
            ? 'same'
            : entries.length < newest
              ? 'older'
              : 'newer',
    localLogBroken,
    lostDecisions,
    lostErasures,
    lostClears,
    lostRestores,
    keptTo,
    revived: revive && { count: revive.revivedUpTo - revive.commonUpTo, from: revive.commonUpTo + 1, to: revive.revivedUpTo },
    addedDecisions: localOk ? addedDecisionsOf(entries, newest) : null,
    lostOther,
    lostOtherByTable,
    keptOther,
    needsReason: lostDecisions > 0 || !localOk,
    witnessedBy: witnesses.map((w) => w.source),
    supersedes,
    erasedAgain,
  };
  return { staged, plan, entries, inspectedHead: localHead && { seq: localHead.seq, hash: localHead.hash } };
}

/** The entries restores here set aside, each only if its content still matches its hash. */
async function archivedEntries(db: WorkbenchDb): Promise<DecisionEntry[]> {
  const entries = (await db.logArchive.filter((a) => a.table === 'decisions').toArray()).map((a) => a.row as DecisionEntry);
  const holds = await Promise.all(entries.map(entryContentHolds));
  return entries.filter((_, i) => holds[i]);
}

/** The backup's decisions past entry `newest`, as the restore dialog and entry name them. */
export interface AddedDecisions {
  count: number;
  /** Of them, entries of restores (made where the backup was written): named apart, not as decisions. */
  restores: number;
  from: number;
  to: number;
  analysts: string[];
  firstAt: number;
  lastAt: number;
}

function addedDecisionsOf(entries: readonly DecisionEntry[], newest: number): AddedDecisions | null {
  const added = entries.filter((e) => e.seq > newest);
  if (added.length === 0) return null;
  const times = added.map((e) => e.at);
  return {
    count: added.length,
    restores: added.filter((e) => e.decision === 'restore').length,
    from: added[0]!.seq,
    to: added.at(-1)!.seq,
    analysts: [...new Set(added.map((e) => e.analyst))],
    firstAt: Math.min(...times),
    lastAt: Math.max(...times),
  };
}

/**
 * Ring verdicts and link overrides are a log too (an override is taken back by a revocation row,
 * the original stays), though storage does not enforce it: an erasure blanks an override's value.
 * Refund claims entered by hand and files attached to disputes are the analyst's work as much:
 * clearing the cache keeps them (KEPT_ON_WIPE), and a dispute's history names each file it holds.
 * Those given since the backup stay in force after its own, as exports and dispute changes do;
 * a restore that dropped them lost what the analyst did without a trace.
 */
const KEPT_LIKE_LOGS = ['ringMarks', 'linkOverrides', 'refundClaims', 'disputeAttachments'] as const;

/**
 * Rows of append-only logs here that the backup does not hold as they are. Decisions among them
 * are set aside (the log is one chain); the others (exports, snapshots, dispute changes, matrix
 * versions, retention summaries, and the KEPT_LIKE_LOGS) stay in force after the backup's own, unless their key is taken
 * by another row in the backup, in which case they are set aside too. `allDecisions`: every entry
 * here is set aside, the backup's copy or not (the log here does not verify).
 */
async function lostAppendOnlyRows(db: WorkbenchDb, staged: StagedBackup, allDecisions: boolean): Promise<{ table: string; row: unknown; keep: boolean }[]> {
  const lost: { table: string; row: unknown; keep: boolean }[] = [];
  for (const table of [...APPEND_ONLY.map((t) => t.table), ...KEPT_LIKE_LOGS]) {
    if (table === 'logArchive') continue; // the archive itself is merged, see applyRestore
    // Not in backups, so neither cleared nor written by a restore (the team's outbox and events):
    // they stay as they are, and adding their rows again would clash with themselves.
    if (NOT_IN_BACKUPS.includes(table)) continue;
    const t = db.table(table);
    const keyPath = t.schema.primKey.keyPath as string;
    const autoKey = t.schema.primKey.auto;
    const theirRows = (staged.tables.get(table as never) ?? []) as Record<string, unknown>[];
    const theirs = new Set(theirRows.map((r) => identityOf(table, r)));
    const theirKeys = new Set(theirRows.map((r) => r[keyPath]));
    for (const row of (await t.toArray()) as Record<string, unknown>[]) {
      // A claim an import wrote (it carries the import's stamp) is cached data like the import's
      // orders: the backup's state of it stands, and the file can be imported again.
      if (table === 'refundClaims' && row['stamp'] !== undefined) continue;
      if (theirs.has(identityOf(table, row)) && !(allDecisions && table === 'decisions')) continue;
      lost.push({ table, row, keep: table !== 'decisions' && (autoKey || !theirKeys.has(row[keyPath])) });
    }
  }
  return lost;
}

/**
 * A row as compared with the backup's: whole, but an attached file by its hash, not its bytes (up
 * to megabytes each, encoded again for every comparison).
 */
function identityOf(table: string, row: Record<string, unknown>): string {
  return encodeRecord(table === 'disputeAttachments' ? { ...row, bytes: undefined } : row);
}

export interface RestoreOptions {
  reason: string;
  clock?: Clock;
  /** Tests use this to make the write fail part-way. */
  beforeCommit?: () => void;
}

/**
 * Writes the backup over the cache in one transaction. Returns the logged restore entry; the
 * window then hands it to the checkpoint keeper.
 */
export async function applyRestore(db: WorkbenchDb, pending: PendingRestore, opts: RestoreOptions): Promise<DecisionEntry> {
  const { staged, plan, entries } = pending;
  const reason = opts.reason.trim();
  if (plan.needsReason && !reason)
    throw new Error(
      plan.localLogBroken
        ? `Say why: the decision log here does not verify, and its ${plan.lostDecisions} entries will be set aside`
        : `Say why: ${lostDecisionsText(plan)} will be set aside`,
    );
  const clock = opts.clock ?? systemClock;
  const analyst = await analystName(db).catch(() => stagedAnalyst(staged));
  if (!analyst) throw new Error('Say who you are first: enter your name (Settings → Analyst). A restore is logged under it.');
  const what = `Restored ${plan.fileName}${plan.createdAt ? ` (written ${new Date(plan.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${plan.createdBy ? ` by ${plan.createdBy}` : ''})` : ''}: ${plan.summary}`;
  const setAside = plan.localLogBroken
    ? `; the decision log here did not verify (${plan.localLogBroken.reason}): its ${plan.lostDecisions} entries set aside`
    : plan.lostDecisions > 0
      ? `; ${lostDecisionsText(plan)} set aside`
      : '';
  const again = plan.erasedAgain ? `; erasures recorded (${plan.erasedAgain.requests}) applied to it again: ${plan.erasedAgain.what}` : '';
  const revived = plan.revived ? `; ${revivedDecisionsText(plan.revived)} back in force, as the archive holds them` : '';
  const added = plan.addedDecisions ? `; ${addedDecisionsText(plan.addedDecisions)} put in force` : '';
  const otherSetAside = plan.lostOther > 0 ? `; ${otherRowsText(plan.lostOtherByTable)} that clash with the backup's set aside in the archive` : '';
  const entry = await chainEntry(
    {
      orderKey: '',
      decision: 'restore',
      reasonCode: '',
      note: `${what}${setAside}${otherSetAside}${revived}${added}${again}${reason ? `. Reason: ${reason}` : ''}`.slice(0, NOTE_MAX),
      analyst,
      at: clock.now(),
      score: null,
      matrixVersion: null,
      undoes: null,
      // The backup's entries whose notes the register erased again: the chain check asks that every erased note be listed.
      ...(plan.erasedAgain?.notes.length ? { refs: plan.erasedAgain.notes } : {}),
      supersedes: plan.supersedes,
    },
    headOf(entries),
  );
  assertStorableEntry(entry);
  await db.transaction('rw', db.tables, async () => {
    replacingLogsHere();
    // A decision logged since the backup was inspected (this window, another, a sync) would be
    // set aside unannounced, without the reason asked for, under a restore entry naming another
    // head than the one it replaces: the plan no longer holds, so nothing is written.
    const head = (await db.decisionHead.get('head')) ?? null;
    if (head?.seq !== pending.inspectedHead?.seq || head?.hash !== pending.inspectedHead?.hash)
      throw new BackupError('The decision log changed since this backup was inspected; inspect it again. Nothing was changed.');
    // Read in this transaction, so nothing logged meanwhile is missed when the logs are replaced.
    const lost = await lostAppendOnlyRows(db, staged, plan.localLogBroken !== null);
    const localArchive = await db.logArchive.toArray();
    // Who is at this keyboard: the backup's analyst name is its writer's, not this laptop's user's.
    const localName = await db.meta.get('analystName');
    // Derived tables are not in backups: the key index is dropped and its generation bumped, so
    // an index built from the replaced cache is never trusted (keyIndexStore.ts).
    for (const t of db.tables) if (!NOT_IN_BACKUPS.includes(t.name)) await t.clear();
    await invalidateKeyIndex(db);
    // The team's import operations describe the imports of the cache being replaced: forgotten,
    // so the next sync pulls the team's operations again and applies them to the restored orders.
    await db.teamOps.clear();
    await db.teamOpChunks.clear();
    for (const name of TABLE_NAMES) {
      const rows = staged.tables.get(name) ?? [];
      if (name === 'logArchive') continue;
      if (rows.length) await db.table(name).bulkAdd(rows);
    }
    // The payment blocks' lookups are derived from them, never taken from a file.
    await rebuildPaymentKeys(db);
    // The archive: the backup's, then what this laptop had set aside before, then what this restore sets aside.
    const archive: LogArchiveRecord[] = [];
    for (const r of (staged.tables.get('logArchive') ?? []) as LogArchiveRecord[]) archive.push(r);
    const theirs = new Set(archive.map((r) => encodeRecord({ ...r, id: undefined })));
    for (const r of localArchive) if (!theirs.has(encodeRecord({ ...r, id: undefined }))) archive.push({ ...r, id: undefined });
    for (const l of lost.filter((x) => !x.keep)) archive.push({ restoreSeq: entry.seq, restoreHash: entry.hash, table: l.table, row: l.row });
    // Made here since the backup and not in its way: they stay in force, after the backup's own.
    // Renumbered, so a revocation kept with them names the override's new id, not another's.
    const renumbered = new Map<unknown, unknown>();
    // Each keeps its own number where the backup left it free (a dispute's history names an attached
    // file by its number); one whose number a backup row took gets a number above every number in
    // play, chosen before any row is added, so it never takes another kept row's own.
    const keepers = lost.filter((x) => x.keep);
    const nextFree = new Map<string, number>();
    const taken = new Map<string, Set<unknown>>();
    for (const name of new Set(keepers.map((l) => l.table))) {
      const t = db.table(name);
      if (!t.schema.primKey.auto) continue;
      const keyPath = t.schema.primKey.keyPath as string;
      const backupKeys = new Set<unknown>(await t.toCollection().primaryKeys());
      const own = keepers.filter((l) => l.table === name).map((l) => (l.row as Record<string, unknown>)[keyPath]);
      taken.set(name, backupKeys);
      nextFree.set(name, Math.max(0, ...[...backupKeys, ...own].filter((k): k is number => typeof k === 'number')) + 1);
    }
    for (const l of keepers) {
      const t = db.table(l.table);
      const keyPath = t.schema.primKey.keyPath as string;
      const row = { ...(l.row as Record<string, unknown>) };
      const oldKey = row[keyPath];
      if (taken.get(l.table)?.has(oldKey)) {
        row[keyPath] = nextFree.get(l.table)!;
        nextFree.set(l.table, nextFree.get(l.table)! + 1);
      }
      if (l.table === 'linkOverrides' && renumbered.has(row['revokes'])) row['revokes'] = renumbered.get(row['revokes']);
      const newKey = await t.add(row);
      if (l.table === 'linkOverrides') renumbered.set(oldKey, newKey);
    }
    await dropFilesTheHistoryRemoved(db);
    await db.logArchive.bulkAdd(archive.map((r) => (r.id === undefined ? withoutId(r) : r)));
    if (typeof localName?.value === 'string' && localName.value.trim()) await db.meta.put(localName);
    await db.decisions.add(entry);
    await db.decisionHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
    opts.beforeCommit?.();
  });
  return entry;
}

/**
 * A dispute holds the files its history says, last, are attached. A removal made here since the
 * backup stays in force over the backup's copy of the file, as the other changes made since do (its
 * history event is kept); the same bytes attached again since are one file, not the backup's copy
 * beside this one (a dispute never holds the same bytes twice). The history's last word on a file
 * (its dispute and bytes) decides; a file the history does not name stays.
 */
async function dropFilesTheHistoryRemoved(db: WorkbenchDb): Promise<void> {
  const last = new Map<string, AttachmentEventFile>();
  const events = (await db.disputeEvents.toArray()).filter((e) => e.kind === 'attachment' && e.file);
  events.sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  for (const e of events) last.set(`${e.disputeId}|${e.file!.sha256}`, e.file!);
  const copies = new Map<string, number[]>();
  await db.disputeAttachments.each((a) => {
    const file = `${a.disputeId}|${a.sha256}`;
    if (last.has(file)) copies.set(file, [...(copies.get(file) ?? []), a.id!]);
  });
  const dropped: number[] = [];
  for (const [file, ids] of copies) {
    const word = last.get(file)!;
    // The copy the history names last, else the newest (a kept file given a new number).
    const keep = word.action === 'removed' ? undefined : ids.includes(word.attachmentId) ? word.attachmentId : Math.max(...ids);
    dropped.push(...ids.filter((id) => id !== keep));
  }
  await db.disputeAttachments.bulkDelete(dropped);
}

/** The analyst named in the backup, for a cache that names none yet. */
function stagedAnalyst(staged: StagedBackup): string | undefined {
  return ((staged.tables.get('meta') ?? []) as { key: string; value: unknown }[]).find((m) => m.key === 'analystName')?.value as string | undefined;
}

function withoutId(r: LogArchiveRecord): LogArchiveRecord {
  const { id: _id, ...rest } = r;
  return rest;
}
