// Which of this laptop's records become team events next: one cursor per append-only source
// (decision log, ring verdicts, link overrides, dispute history, matrices, report snapshots,
// export log), each record turned into its kind's event input (shared/team/caseRecordInputs.ts).
// Reads only; TeamSync writes the events and the moved cursors in one transaction.
import type { LogHead } from '../../../../shared/decisions/chain';
import type { KeyType } from '../../../../shared/normalize/linkKey';
import {
  disputeStepEventInput,
  erasureEventInputs,
  mayPush,
  exportLogEventInput,
  linkOverrideEventInput,
  logEntryEventInput,
  matrixEventInput,
  reportSnapshotEventInput,
  ringVerdictEventInput,
  type Role,
  type TeamEventInput,
} from '../../../../shared/team';
import type { ErasureRecord, WorkbenchDb } from '../storage/schema';
import type { TeamStateValue } from '../storage/teamStore';

export type Cursors = Required<TeamStateValue<'collected'>>;

export async function logHead(db: WorkbenchDb): Promise<LogHead> {
  const h = await db.decisionHead.get('head');
  return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: '' };
}

/** Every source at its newest record: what exists now stays this laptop's history. */
export async function newestRecords(db: WorkbenchDb): Promise<Cursors> {
  const last = async (table: { orderBy(k: string): { lastKey(): Promise<unknown> } }, key: string) => Number((await table.orderBy(key).lastKey()) ?? 0);
  return {
    decisions: await logHead(db),
    ringMarks: await last(db.ringMarks, 'id'),
    linkOverrides: await last(db.linkOverrides, 'id'),
    disputeEvents: await last(db.disputeEvents, 'id'),
    matrices: await last(db.matrices, 'version'),
    reportSnapshots: await last(db.reportSnapshots, 'id'),
    exportLog: await last(db.exportLog, 'id'),
  };
}

/** A stored cursor with the sources it predates started at their newest record. */
export async function completeCursors(db: WorkbenchDb, stored: TeamStateValue<'collected'>): Promise<Cursors> {
  const missing = Object.values(stored).some((v) => v === undefined) || Object.keys(stored).length < 7;
  if (!missing) return stored as Cursors;
  return { ...(await newestRecords(db)), ...Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined)) } as Cursors;
}

export interface Gathered {
  inputs: TeamEventInput[];
  next: Cursors;
  /** Erasure entries (log seqs) whose blanked events were named in an input. */
  erasuresUsed: string[];
}

/**
 * The records after the cursors, as event inputs oldest first. Only records by `account` become
 * events (another name on a shared laptop, or before sign-in, stays local); every cursor still
 * moves past what it read, so nothing is read twice.
 */
export async function gatherRecords(
  db: WorkbenchDb,
  from: Cursors,
  account: { name: string; role: Role },
  pendingErasures: Record<string, string[]>,
  newId: () => string,
): Promise<Gathered> {
  const mine = (analyst: string) => analyst === account.name;
  // A restore replaced the log beneath the cursor: go on from its new head, exporting no history twice.
  const atCursor = from.decisions.seq > 0 ? await db.decisions.get(from.decisions.seq) : null;
  const decisionsFrom = from.decisions.seq > 0 && atCursor?.hash !== from.decisions.hash ? await logHead(db) : from.decisions;
  const [decisions, marks, overrides, steps, matrices, snapshots, exports] = await Promise.all([
    db.decisions.where('seq').above(decisionsFrom.seq).sortBy('seq'),
    db.ringMarks.where('id').above(from.ringMarks).sortBy('id'),
    db.linkOverrides.where('id').above(from.linkOverrides).sortBy('id'),
    db.disputeEvents.where('id').above(from.disputeEvents).sortBy('id'),
    db.matrices.where('version').above(from.matrices).sortBy('version'),
    db.reportSnapshots.where('id').above(from.reportSnapshots).sortBy('id'),
    db.exportLog.where('id').above(from.exportLog).sortBy('id'),
  ]);
  const inputs: TeamEventInput[] = [];
  const erasuresUsed: string[] = [];
  // The register's records of these entries, by the entry's hash: an erasure made here goes to the
  // team with what it reached; one applied here from a teammate's event is theirs, and goes back
  // only as the texts it blanked here (if any), lest every laptop send every erasure on again.
  const erasureEntries = decisions.filter((e) => e.decision === 'erasure' || e.decision === 'retention');
  const records = erasureEntries.length ? new Map((await db.erasures.toArray()).map((r) => [r.entryHash, r])) : new Map<string, ErasureRecord>();
  for (const e of decisions) {
    // A cleared cache is this laptop's own: the team's records are not touched, and a decision kind
    // an older server or teammate's laptop does not know would block this device's chain there.
    if (e.decision === 'clear-cache') continue;
    if (e.decision === 'erasure' || e.decision === 'retention') {
      const blanked = pendingErasures[String(e.seq)] ?? [];
      erasuresUsed.push(String(e.seq));
      if (!mine(e.analyst)) continue;
      const record = records.get(e.hash);
      if (record?.fromTeam && blanked.length === 0) continue;
      const register =
        record && record.kind === 'erasure' && !record.fromTeam && record.reference
          ? { reference: record.reference, orderKeys: record.orderKeys, payments: record.payments, salt: record.salt, linkValueHashes: record.linkValueHashes }
          : null;
      inputs.push(...erasureEventInputs(e, blanked, register, newId));
    } else if (mine(e.analyst)) inputs.push(logEntryEventInput(e, newId()));
  }
  for (const m of marks) if (mine(m.analyst)) inputs.push(ringVerdictEventInput({ ...m, id: m.id! }, newId()));
  for (const o of overrides) if (mine(o.analyst)) inputs.push(await linkOverrideEventInput({ ...o, id: o.id!, type: o.type as KeyType }, newId()));
  for (const s of steps) {
    if (!mine(s.analyst)) continue;
    const file = s.kind === 'attachment' && s.file?.action === 'attached' ? await db.disputeAttachments.get(s.file.attachmentId) : undefined;
    const input = await disputeStepEventInput({ ...s, id: s.id! }, file ? { name: file.name, purpose: file.purpose } : null, newId());
    if (input) inputs.push(input);
  }
  for (const m of matrices) if (mine(m.analyst)) inputs.push(await matrixEventInput(m, newId()));
  for (const r of snapshots) if (mine(r.analyst)) inputs.push(await reportSnapshotEventInput({ ...r, id: r.id! }, newId()));
  for (const x of exports) if (mine(x.analyst)) inputs.push(await exportLogEventInput({ ...x, id: x.id! }, newId()));
  const lastDecision = decisions.at(-1);
  const next: Cursors = {
    decisions: lastDecision ? { seq: lastDecision.seq, hash: lastDecision.hash } : decisionsFrom,
    ringMarks: marks.at(-1)?.id ?? from.ringMarks,
    linkOverrides: overrides.at(-1)?.id ?? from.linkOverrides,
    disputeEvents: steps.at(-1)?.id ?? from.disputeEvents,
    matrices: matrices.at(-1)?.version ?? from.matrices,
    reportSnapshots: snapshots.at(-1)?.id ?? from.reportSnapshots,
    exportLog: exports.at(-1)?.id ?? from.exportLog,
  };
  // A kind the account's role may not push stays in this laptop's own records only: pushed, the
  // server would refuse it and with it every later event of this device's chain. What the role may
  // not do by choice is refused before it is logged (analystName with a kind); what reaches here is
  // what it does by necessity: a compliance account's restore of a backup (a log entry), or the
  // texts a teammate's erasure blanked on its laptop (copies of texts the server holds; the erasing
  // teammate's event and the analysts' laptops name those they had).
  const pushable = inputs.filter((i) => mayPush(account.role, i.kind));
  // Stable: records made in the same millisecond keep the order they were read in.
  return { inputs: pushable.sort((a, b) => a.at - b.at), next, erasuresUsed };
}
