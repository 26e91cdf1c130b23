// A teammate's erasure on request, applied on this laptop. The seller is one controller: a request
// erased on one laptop must reach every copy the team holds. The erasure event carries the
// register's record (reference, orders, payments, salted hashes of linked values; no personal data
// in clear); a laptop that pulls it adds the record to its own register (marked as received from
// the team), blanks its own copies with the register's code (reapplyErasures) and logs that it did,
// in one transaction. Its imports, and its pulls of the team's imports, then apply the record like
// any other (RegisterAtImport). While an import runs, the record and the entry go in at once (the
// import re-reads the register every batch and writes the person without their data from there
// on) and the blanking of what the laptop already holds waits until the import has finished, as a
// local erasure waits (refuseWhileImporting).
import { plainCount } from '../../../../shared/domain/money';
import { chainEntry, sameHead, type DecisionEntry, type DecisionInput, type LogHead } from '../../../../shared/decisions/chain';
import { assertStorableEntry } from '../../../../shared/decisions/schema';
import { entryNumbers } from '../../../../shared/decisions/entryNumbers';
import { orderKeyLabel } from '../../../../shared/domain/order';
import { orderRefVariants } from '../../../../shared/orders/paymentFacts';
import { parseCasePayload, type ErasureRegisterPart } from '../../../../shared/team/casePayloads';
import type { Clock } from '../../../../shared/time/clock';
import { replacingLogsHere } from '../storage/appendOnly';
import { invalidateKeyIndex } from '../storage/keyIndexStore';
import { analystName } from '../storage/metaRepository';
import { PaymentStore } from '../storage/paymentStore';
import type {
  DisputeAttachmentRecord,
  DisputeEventRecord,
  ErasureFromTeam,
  ErasureRecord,
  ImportUndoRecord,
  LogArchiveRecord,
  OrderTextRecord,
  PaymentBlockRecord,
  StoredPayment,
  StoredTeamEvent,
  WorkbenchDb,
} from '../storage/schema';
import { TeamStore } from '../storage/teamStore';
import { eraseTeamTexts } from '../team/teamTexts';
import { personalTextOf } from '../../../../shared/team/personalText';
import { describeReapplied, linkValueHash, reapplyErasures, type Reapplied } from './erasureRegister';
import { planNotes } from './personalData';

/** Why a file attached to a dispute on the person's orders went, in the dispute's history. */
const WHY = 'a teammate’s erasure, applied here';

/** The register part an erasure event carries (an erasure on request from a laptop that sends it), or null. */
export function carriedPart(e: Pick<StoredTeamEvent, 'kind' | 'payload'>): { part: ErasureRegisterPart; logSeq: number } | null {
  if (e.kind !== 'erasure') return null;
  const read = parseCasePayload(e);
  if (!read.ok || read.record.kind !== 'erasure') return null;
  const { reason, register, logSeq } = read.record.payload;
  return reason === 'erasure' && register ? { part: register, logSeq } : null;
}

/** Of pulled events, the ids of the erasures this laptop has to apply (the pull keeps them in erasuresToApply). */
export function erasuresCarried(events: readonly Pick<StoredTeamEvent, 'id' | 'kind' | 'payload'>[]): string[] {
  return events.filter((e) => carriedPart(e) !== null).map((e) => e.id);
}

const recordOf = (db: WorkbenchDb, eventId: string) => db.erasures.filter((r) => r.fromTeam?.eventId === eventId).first();
const importRunning = async (db: WorkbenchDb) => (await db.imports.where('status').equals('running').first()) !== undefined;

/** This laptop's own entries on the erased orders whose notes go, live and set aside by a restore. */
interface NotesReached {
  /** Seqs of live entries (the entry's refs list them). */
  live: number[];
  /** Log archive row ids. */
  archived: number[];
  /** Their hashes, live then archived (the register record keeps them). */
  hashes: string[];
}

/**
 * Notes of this laptop's entries on these orders, as a local erasure finds them (planNotes): only
 * salted ones (form 2) can go with the chain still verifying; an older note stays, as it does there.
 */
async function notesOn(db: WorkbenchDb, orderKeys: readonly string[]): Promise<NotesReached> {
  if (!orderKeys.length) return { live: [], archived: [], hashes: [] };
  const keys = new Set(orderKeys);
  const plan = await planNotes(db, (e) => keys.has(e.orderKey));
  return { live: plan.notes, archived: plan.archivedNotes, hashes: plan.noteHashes };
}

/**
 * The rows an erasure reaches, as the register's code reads them (a staged backup's shape): the
 * cache's (unless `cache` is false: an import is running) and the entries of `notes`.
 */
async function readCache(db: WorkbenchDb, notes: NotesReached, cache = true): Promise<{ tables: Map<string, unknown[]>; before: Map<string, unknown[]> }> {
  const all = <T>(table: { toArray(): Promise<T[]> }) => (cache ? table.toArray() : Promise.resolve([] as T[]));
  const [orderBlocks, orderText, paymentBlocks, importUndo, disputes, disputeAttachments, decisions, logArchive] = await Promise.all([
    all(db.orderBlocks),
    all(db.orderText),
    all(db.paymentBlocks),
    all(db.importUndo),
    all(db.disputes),
    all(db.disputeAttachments),
    db.decisions.bulkGet(notes.live),
    db.logArchive.bulkGet(notes.archived),
  ]);
  const tables = new Map<string, unknown[]>([
    ['orderBlocks', orderBlocks],
    ['orderText', orderText],
    ['paymentBlocks', paymentBlocks],
    ['importUndo', importUndo],
    ['disputes', disputes],
    ['disputeAttachments', disputeAttachments],
    ['disputeEvents', []],
    ['decisions', decisions.filter((e) => e !== undefined)],
    ['logArchive', logArchive.filter((a) => a !== undefined)],
  ]);
  return { tables, before: new Map([...tables].map(([name, rows]) => [name, [...rows]])) };
}

/** Writes back what reapplyErasures changed in `tables` (it replaces a changed row, never edits one). */
async function writeCache(db: WorkbenchDb, tables: Map<string, unknown[]>, before: Map<string, unknown[]>): Promise<void> {
  const changed = <T>(name: string) => (tables.get(name) as T[]).filter((row, i) => row !== before.get(name)![i]);
  const texts = changed<OrderTextRecord>('orderText');
  if (texts.length) await db.orderText.bulkPut(texts);
  const was = new Map((before.get('paymentBlocks') as PaymentBlockRecord[]).map((b) => [b.id, b]));
  const payments: StoredPayment[] = changed<PaymentBlockRecord>('paymentBlocks').flatMap((b) => b.rows.filter((p, j) => p !== was.get(b.id)?.rows[j]));
  if (payments.length) await new PaymentStore(db).put(payments);
  const undo = changed<ImportUndoRecord>('importUndo');
  if (undo.length) await db.importUndo.bulkPut(undo);
  const kept = new Set(tables.get('disputeAttachments'));
  const removed = (before.get('disputeAttachments') as DisputeAttachmentRecord[]).filter((a) => !kept.has(a));
  if (removed.length) await db.disputeAttachments.bulkDelete(removed.map((a) => a.id!));
  const events = tables.get('disputeEvents') as DisputeEventRecord[];
  if (events.length) await db.disputeEvents.bulkAdd(events);
  const entries = changed<DecisionEntry>('decisions');
  if (entries.length) await db.decisions.bulkPut(entries);
  const archived = changed<LogArchiveRecord>('logArchive');
  if (archived.length) await db.logArchive.bulkPut(archived);
}

/** Link overrides on the person's values, known by the record's salted hashes (hashed outside any transaction). */
async function overridesOf(db: WorkbenchDb, r: Pick<ErasureRecord, 'salt' | 'linkValueHashes'>): Promise<{ id: number; value: string }[]> {
  if (!r.linkValueHashes.length) return [];
  const wanted = new Set(r.linkValueHashes);
  const out: { id: number; value: string }[] = [];
  for (const o of await db.linkOverrides.toArray())
    if (o.value !== '' && wanted.has(await linkValueHash(r.salt, o.value))) out.push({ id: o.id!, value: o.value });
  return out;
}

/**
 * The person's linked values as this laptop holds them in the texts beside the team's override
 * events (this laptop's own, and teammates'), found by the record's salted hashes: their texts go.
 */
async function teamTextValues(db: WorkbenchDb, r: Pick<ErasureRecord, 'salt' | 'linkValueHashes'>): Promise<string[]> {
  if (!r.linkValueHashes.length) return [];
  const wanted = new Set(r.linkValueHashes);
  const values = new Set<string>();
  for (const t of await db.teamText.where('subject').equals('overrides').toArray()) {
    const value = personalTextOf(t.personal, 'value');
    if (value !== '' && wanted.has(await linkValueHash(r.salt, value))) values.add(value);
  }
  return [...values];
}

/** Whether the overrides found still hold the values they were found by (read in the caller's transaction). */
async function overridesUnchanged(db: WorkbenchDb, overrides: readonly { id: number; value: string }[]): Promise<boolean> {
  const now = await db.linkOverrides.bulkGet(overrides.map((o) => o.id));
  return overrides.every((o, i) => now[i]?.value === o.value);
}

/** Blanks the overrides found, those still holding the value they were found by. */
async function blankOverrides(db: WorkbenchDb, overrides: readonly { id: number; value: string }[]): Promise<void> {
  for (const o of overrides)
    if ((await db.linkOverrides.get(o.id))?.value === o.value) await db.linkOverrides.update(o.id, { value: '', reason: 'erased on request' });
}

/**
 * Payments of this laptop joined to the erased orders by either spelling of the number, as a local
 * erasure finds them (planCustomerErasure): the teammate's laptop may not have held them.
 */
async function joinedPayments(db: WorkbenchDb, orderKeys: readonly string[]): Promise<string[]> {
  if (!orderKeys.length) return [];
  const numbers = new Set(orderKeys.map(orderKeyLabel));
  return (await new PaymentStore(db).all()).filter((p) => orderRefVariants(p.orderRef).some((ref) => numbers.has(ref))).map((p) => p.id);
}

const TABLES = [
  'orderText',
  'orderBlocks',
  'paymentBlocks',
  'paymentKeys',
  'importUndo',
  'decisions',
  'decisionHead',
  'logArchive',
  'linkOverrides',
  'erasures',
  'keyIndex',
  'disputeAttachments',
  'disputeEvents',
  'disputes',
  'teamText',
  'teamState',
  'teamEvents',
  'imports',
] as const;

async function dropPending(store: TeamStore, key: 'erasuresToApply' | 'erasuresToBlank', eventId: string): Promise<void> {
  const pending = (await store.get(key)) ?? [];
  if (pending.includes(eventId))
    await store.set(
      key,
      pending.filter((id) => id !== eventId),
    );
}

function noteOf(r: Pick<ErasureRecord, 'reference' | 'orderKeys' | 'payments'>, from: ErasureFromTeam, reached: Reapplied, importing: boolean): string {
  // "personal data of N orders and M payments on request X": the words a backup's register check reads the entry by.
  const what =
    `Applied a teammate’s erasure: the personal data of ${plainCount(r.orderKeys.length, 'order')} and ${plainCount(r.payments.length, 'payment')} on request ${r.reference}, ` +
    `erased by ${from.analyst} (device ${from.deviceId}, their entry ${from.logSeq}, team event ${from.eventId})`;
  const notes = reached.notes.length ? `; notes of ${entryNumbers(reached.notes, 'this entry’s refs list them')} erased` : '';
  if (importing)
    return `${what}${notes}; an import was running: what this laptop holds of them is blanked when it has finished (the import writes them without their personal data)`;
  return `${what}; held here: ${describeReapplied(reached)}${notes}`;
}

/** The counts a plan and its application must agree on, or the note would say what did not happen. */
const sameReach = (a: Reapplied, b: Reapplied) =>
  a.orders === b.orders &&
  a.payments === b.payments &&
  a.attachments === b.attachments &&
  a.notes.length === b.notes.length &&
  a.archivedNotes === b.archivedNotes;

/**
 * Applies one pulled erasure event: the register record, this laptop's log entry and (no import
 * running) the blanking, in one transaction. False when there was nothing to do: the event is not
 * one to apply, or its record is already in the register (pulled again, another window applied it).
 */
async function applyOne(db: WorkbenchDb, store: TeamStore, eventId: string, clock: Clock): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const event = await db.teamEvents.get(eventId);
    const carried = event ? carriedPart(event) : null;
    if (!event || !carried || (await recordOf(db, eventId))) {
      await db.transaction('rw', db.teamState, () => dropPending(store, 'erasuresToApply', eventId));
      return false;
    }
    const { part, logSeq } = carried;
    const fromTeam: ErasureFromTeam = { analyst: event.analyst, deviceId: event.deviceId, eventId, logSeq, at: event.at };
    const importing = await importRunning(db);
    const notes = await notesOn(db, part.orderKeys);
    const payments = [...new Set([...part.payments, ...(await joinedPayments(db, part.orderKeys))])];
    const analyst = await analystName(db);
    const at = clock.now();
    const base = {
      at,
      analyst,
      kind: 'erasure' as const,
      reference: part.reference,
      orderKeys: [...part.orderKeys],
      payments,
      // This laptop's own notes on the orders (the teammate's notes are entries of their log).
      noteHashes: notes.hashes,
      salt: part.salt,
      linkValueHashes: [...part.linkValueHashes],
      fromTeam,
    };
    const overrides = importing ? [] : await overridesOf(db, base);
    const linkValues = await teamTextValues(db, base);
    // What it reaches here, read first: the entry says it, and the transaction checks it still holds.
    // While an import runs only the notes go now; the rest waits for it.
    const planned = await reapplyErasures((await readCache(db, notes, !importing)).tables, [{ ...base, seq: 1, entryHash: '' }], { analyst, at, why: WHY });
    planned.overrides = overrides.length;
    const input: DecisionInput = {
      orderKey: '',
      decision: 'erasure',
      reasonCode: '',
      note: noteOf(base, fromTeam, planned, importing),
      analyst,
      at,
      score: null,
      matrixVersion: null,
      undoes: null,
      refs: notes.live,
    };
    const head = ((await db.decisionHead.get('head')) ?? null) as LogHead | null;
    const entry = await chainEntry(input, head);
    assertStorableEntry(entry);
    const record: ErasureRecord = { ...base, seq: entry.seq, entryHash: entry.hash };
    const done = await db.transaction('rw', [...TABLES], async () => {
      // Another window applied it meanwhile: nothing to do twice.
      if (!((await store.get('erasuresToApply')) ?? []).includes(eventId) || (await recordOf(db, eventId))) return 'applied';
      if (!sameHead(await db.decisionHead.get('head'), head) || (await importRunning(db)) !== importing) return 'again';
      // Its blanking is a logged erasure's, as a local one's is (the attached files' removals).
      replacingLogsHere();
      const { tables, before } = await readCache(db, notes, !importing);
      const reached = await reapplyErasures(tables, [record], { analyst, at, why: WHY });
      // Checked before anything is written: the entry must say what this did.
      if (!sameReach(reached, planned) || !(await overridesUnchanged(db, overrides))) return 'again';
      await blankOverrides(db, overrides);
      await writeCache(db, tables, before);
      // The kept key index holds the erased values: it goes with them, in this transaction.
      if (reached.orders) await invalidateKeyIndex(db);
      await db.erasures.add(record);
      await db.decisions.add(entry);
      await db.decisionHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
      // The team's texts about these orders and their disputes this laptop holds go too (a teammate's
      // note the eraser had not pulled, this laptop's own): the entry's erasure event names them.
      const disputeIds = part.orderKeys.length ? ((await db.disputes.where('orderKey').anyOf(part.orderKeys).primaryKeys()) as string[]) : [];
      await eraseTeamTexts(db, { subjects: [...part.orderKeys.map((k) => `order:${k}`), ...disputeIds.map((d) => `dispute:${d}`)], linkValues }, entry.seq);
      await dropPending(store, 'erasuresToApply', eventId);
      if (importing) await store.set('erasuresToBlank', [...((await store.get('erasuresToBlank')) ?? []), eventId]);
      return 'done';
    });
    if (done === 'applied') return false;
    if (done === 'done') return true;
  }
  throw new Error('The decision log is busy; a teammate’s erasure is applied at the next sync');
}

/** Blanks what this laptop holds of a teammate's erasure whose entry said it waited for an import. */
async function blankDeferred(db: WorkbenchDb, store: TeamStore, eventId: string, clock: Clock): Promise<boolean> {
  const record = await recordOf(db, eventId);
  if (record && (await importRunning(db))) return false;
  const overrides = record ? await overridesOf(db, record) : [];
  return db.transaction('rw', [...TABLES], async () => {
    if (!((await store.get('erasuresToBlank')) ?? []).includes(eventId) || (await importRunning(db))) return false;
    if (record) {
      replacingLogsHere();
      const { tables, before } = await readCache(db, { live: [], archived: [], hashes: [] });
      const reached = await reapplyErasures(tables, [record], { analyst: record.analyst, at: clock.now(), why: WHY });
      await blankOverrides(db, overrides);
      await writeCache(db, tables, before);
      if (reached.orders) await invalidateKeyIndex(db);
    }
    await dropPending(store, 'erasuresToBlank', eventId);
    return record !== undefined;
  });
}

/**
 * Applies the teammates' erasures pulled and not yet applied, then blanks those that waited for an
 * import. Runs after every pull; what cannot be done now (an import is running) waits for the next.
 * Returns how many changed the cache (applied, or blanked after an import): the window shows it again.
 */
export async function applyTeamErasures(db: WorkbenchDb, clock: Clock): Promise<number> {
  const store = new TeamStore(db);
  let applied = 0;
  for (const eventId of (await store.get('erasuresToApply')) ?? []) if (await applyOne(db, store, eventId, clock)) applied++;
  for (const eventId of (await store.get('erasuresToBlank')) ?? []) if (await blankDeferred(db, store, eventId, clock)) applied++;
  return applied;
}
