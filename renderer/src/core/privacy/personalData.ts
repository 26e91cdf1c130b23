// Personal data on request and by age: erasing one customer (GDPR Art. 17) and the retention
// period. Personal fields go from orders, payments and the copies import undo keeps; what reports
// need (dates, amounts, channel, country, card brand) stays, unlinkable. Notes in the decision log
// are erased while their salted hash keeps the chain verifying, and so are the notes of entries a
// restore set aside in the log archive; the erasure is itself an entry.
import { plainCount } from '../../../../shared/domain/money';
import { invalidateKeyIndex, keyIndexGeneration } from '../storage/keyIndexStore';
import { PaymentStore } from '../storage/paymentStore';
import { chainEntry, randomSalt, sameHead, type Decision, type DecisionEntry, type DecisionInput, type LogHead } from '../../../../shared/decisions/chain';
import { orderKey, type OrderTextField, orderKeyLabel } from '../../../../shared/domain/order';
import { FIELD_SEPARATOR, textColumn } from '../../../../shared/orders/columns';
import { orderKeyVariants, orderRefVariants } from '../../../../shared/orders/paymentFacts';
import { onStoredOrders } from '../disputes/onStoredOrders';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { replacingLogsHere } from '../storage/appendOnly';
import { analystName } from '../storage/metaRepository';
import { eraseTeamTexts } from '../team/teamTexts';
import { linkValueHash, PERSONAL_ORDER_FIELDS, PERSONAL_PAYMENT_FIELDS, scrubPayment } from './erasureRegister';
import type { ErasureRecord, LinkOverrideRecord, RetentionSummaryRecord, WorkbenchDb } from '../storage/schema';
import { entryNumbers } from '../../../../shared/decisions/entryNumbers';
import { derivedDisputeId, standingDisputes } from '../../../../shared/disputes/standing';
import { assertStorableEntry } from '../../../../shared/decisions/schema';

// The fields that identify a person live with the register, which the import worker uses too.
export { PERSONAL_ORDER_FIELDS, PERSONAL_PAYMENT_FIELDS };

/** What an erasure or a retention purge would touch, before anything is changed. */
export interface PersonalDataPlan {
  kind: 'erasure' | 'retention';
  /** Rows per order block whose personal fields go. */
  rows: Map<number, number[]>;
  orderKeys: string[];
  orders: number;
  payments: string[];
  /** Form-2 entries whose notes go (their salted hashes stay in the chain). */
  notes: number[];
  /** Entries written before notes were salted: their notes cannot go without breaking the chain. */
  keptNotes: number[];
  /** Log archive rows (entries a restore set aside) whose notes go, as live ones do. */
  archivedNotes: number[];
  /** Log archive rows of entries written before notes were salted: their notes stay, as live ones do. */
  keptArchivedNotes: number[];
  /**
   * The hash of each entry in `notes`, then of each in `archivedNotes`, as planned: a restore in
   * between (another window) renumbers the archive and may put other entries under those numbers,
   * whose notes must not be blanked in their place.
   */
  noteHashes: string[];
  /** Link overrides whose value was one of this customer's. */
  overrides: number[];
  /** Files attached to disputes on these orders (delivery proofs, e-mails: personal data through and through). */
  attachments: number[];
  /** Disputes on these orders, by either spelling of the order number: the team's texts about them go too. */
  disputeIds?: string[];
  /** Erasure: the customer's linked values (lower case), whose team override texts go too. */
  linkValues?: string[];
  /** Retention: cut-off time and counts per month for the summary. */
  before?: number;
  months?: RetentionSummaryRecord['months'];
  /**
   * The cache the rows were found in (cacheState): rows are positions in order blocks, which after
   * a restore or an import in another window may hold other people, or no longer every version.
   */
  cacheState: string;
  /**
   * The log's head when the notes were chosen: a decision with a note on these orders logged
   * after it (another window) would keep its note through an erasure appended after it.
   */
  logHead: LogHead | null;
}

export interface PlanSummary {
  orders: number;
  orderNumbers: string[];
  payments: number;
  /** Notes that go: in the log and among the entries restores set aside. */
  notes: number;
  keptNotes: number[];
  /** Notes of set-aside entries written before notes were salted: they stay. */
  keptArchivedNotes: number;
  overrides: number;
  attachments: number;
  before: number | null;
}

export function summarise(plan: PersonalDataPlan): PlanSummary {
  return {
    orders: plan.orders,
    orderNumbers: plan.orderKeys.slice(0, 20).map(orderKeyLabel),
    payments: plan.payments.length,
    notes: plan.notes.length + plan.archivedNotes.length,
    keptNotes: plan.keptNotes,
    keptArchivedNotes: plan.keptArchivedNotes.length,
    overrides: plan.overrides.length,
    attachments: plan.attachments.length,
    before: plan.before ?? null,
  };
}

const blank = (s: string) => s.trim().toLowerCase();

interface RowMatch {
  (columns: (field: OrderTextField) => string[], row: number, createdAt: number): boolean;
}

async function planOrders(
  db: WorkbenchDb,
  match: RowMatch,
): Promise<{
  rows: Map<number, number[]>;
  keys: string[];
  values: Map<OrderTextField, Set<string>>;
  createdAt: number[];
  totals: { currency: string; minor: number }[];
}> {
  const rows = new Map<number, number[]>();
  const keys: string[] = [];
  const index = new Map<string, number>();
  const createdAt: number[] = [];
  const totals: { currency: string; minor: number }[] = [];
  const values = new Map<OrderTextField, Set<string>>(PERSONAL_ORDER_FIELDS.map((f) => [f, new Set<string>()]));
  const blocks = await db.orderBlocks.toArray();
  for (const b of blocks) {
    const text = await db.orderText.get(b.id);
    if (!text) continue;
    const split = new Map<OrderTextField, string[]>();
    const column = (f: OrderTextField) => {
      let v = split.get(f);
      if (!v) split.set(f, (v = textColumn(text.columns, f, b.count).split(FIELD_SEPARATOR)));
      return v;
    };
    for (let r = 0; r < b.count; r++) {
      if (!match(column, r, b.createdAt[r]!)) continue;
      if (!rows.has(b.id)) rows.set(b.id, []);
      rows.get(b.id)!.push(r);
      // Every stored version is blanked, but it is one order: a payment's join (card details) or a
      // re-import supersedes the row with a new one under the same key. Counted once, by its key
      // (which keeps two shops' #1001 apart), with the current version's date and total.
      const key = orderKey({ source: column('source')[r]!, externalId: column('externalId')[r]! });
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, keys.length);
        keys.push(key);
        createdAt.push(b.createdAt[r]!);
        totals.push({ currency: column('currency')[r]!, minor: b.totalMinor[r]! });
      } else if (b.live[r]) {
        createdAt[at] = b.createdAt[r]!;
        totals[at] = { currency: column('currency')[r]!, minor: b.totalMinor[r]! };
      }
      for (const f of PERSONAL_ORDER_FIELDS) {
        const v = column(f)[r]!;
        if (v) values.get(f)!.add(v);
      }
    }
  }
  return { rows, keys, values, createdAt, totals };
}

type NotesPlan = Pick<PersonalDataPlan, 'notes' | 'keptNotes' | 'archivedNotes' | 'keptArchivedNotes' | 'noteHashes' | 'logHead'>;

/**
 * Entries whose notes are the app's words (a request's reference, counts, a cut-off, what a cleared
 * cache held), no one's personal data, and what the register and an audit read them by.
 */
const KEEP_THEIR_NOTES: readonly Decision[] = ['erasure', 'retention', 'clear-cache'];

/**
 * Whose notes a plan erases: of the entries on the customer's orders, or (retention) of those
 * written before the cut-off, but for KEEP_THEIR_NOTES.
 */
function notesReached(plan: Pick<PersonalDataPlan, 'kind' | 'orderKeys' | 'before'>): (e: DecisionEntry) => boolean {
  if (plan.kind === 'retention') return (e) => e.at < plan.before! && !KEEP_THEIR_NOTES.includes(e.decision);
  const orderKeys = new Set(plan.orderKeys);
  return (e) => orderKeys.has(e.orderKey);
}

const holdsNote = (e: DecisionEntry) => typeof e.note === 'string' && e.note !== '' && !e.noteErased;

/**
 * Notes of matching entries, in the log and in the log archive: an entry a restore set aside
 * holds the note it was written with, and the person's data with it. The log's head is read
 * first: an entry logged while the notes are read is found again when the plan is applied.
 */
export async function planNotes(db: WorkbenchDb, entryMatches: (e: DecisionEntry) => boolean): Promise<NotesPlan> {
  const head = await db.decisionHead.get('head');
  const plan: NotesPlan = {
    notes: [],
    keptNotes: [],
    archivedNotes: [],
    keptArchivedNotes: [],
    noteHashes: [],
    logHead: head ? { seq: head.seq, hash: head.hash } : null,
  };
  const reached = (e: DecisionEntry) => holdsNote(e) && entryMatches(e);
  const archived: string[] = [];
  for (const e of await db.decisions.orderBy('seq').toArray()) {
    if (!reached(e)) continue;
    if (e.form !== 2) plan.keptNotes.push(e.seq);
    else {
      plan.notes.push(e.seq);
      plan.noteHashes.push(e.hash);
    }
  }
  for (const a of await db.logArchive.toArray()) {
    const e = a.row as DecisionEntry;
    if (a.table !== 'decisions' || !reached(e)) continue;
    if (e.form !== 2) plan.keptArchivedNotes.push(a.id!);
    else {
      plan.archivedNotes.push(a.id!);
      archived.push(e.hash);
    }
  }
  plan.noteHashes.push(...archived);
  return plan;
}

/** Which of these order keys the cache stores as current orders (OrderSnapshot.rowsOfKeys). */
export type StoredOrderKeys = (keys: ReadonlySet<string>) => Promise<ReadonlyMap<string, number>>;

/** Without the cache's orders at hand: a dispute reaches an order only by its exact key. */
const EXACT_KEYS_ONLY: StoredOrderKeys = async () => new Map();

/**
 * The disputes on these orders, by either spelling of the number, as the Disputes screen joins them
 * (onStoredOrders): a Stripe dispute writes 1001 for Shopify's #1001, and its evidence holds the
 * same customer's data.
 */
async function disputesOn(db: WorkbenchDb, orderKeys: ReadonlySet<string>, stored: StoredOrderKeys): Promise<string[]> {
  if (!orderKeys.size) return [];
  const spellings = new Set([...orderKeys].flatMap(orderKeyVariants));
  const candidates = await db.disputes
    .where('orderKey')
    .anyOf([...spellings])
    .toArray();
  const joined = await onStoredOrders(candidates, { rowsOfKeys: (keys) => stored(keys).then((m) => new Map(m)) });
  const found = joined.filter((d) => orderKeys.has(d.orderKey));
  // A Stripe dispute of its own id that names no order stands on the order of the charge's dispute
  // the payments export derived (standing.ts): it is listed on the customer's order, and files of
  // theirs are attached to it.
  const charges = found.filter((d) => d.paymentId !== '' && d.id === derivedDisputeId(d.paymentId)).map((d) => d.paymentId);
  const ids = new Set(found.map((d) => d.id));
  const onCharges = charges.length ? await db.disputes.where('paymentId').anyOf(charges).toArray() : [];
  const byId = new Map([...found, ...onCharges].map((d) => [d.id, d]));
  for (const [derived, real] of standingDisputes([...byId.values()]).standsFor) if (ids.has(derived) && byId.get(real)!.orderKey === '') ids.add(real);
  return [...ids];
}

/** Link overrides on any of these values (blanked as the plan reads them). */
async function overridesOn(db: WorkbenchDb, values: ReadonlySet<string>): Promise<LinkOverrideRecord[]> {
  return (await db.linkOverrides.toArray()).filter((o) => values.has(blank(o.value)));
}

/** Files attached to these disputes: they go whole, their removal logged in each dispute's history. */
async function planAttachments(db: WorkbenchDb, disputeIds: readonly string[]): Promise<number[]> {
  const disputes = new Set(disputeIds);
  if (!disputes.size) return [];
  return (await db.disputeAttachments
    .where('disputeId')
    .anyOf([...disputes])
    .primaryKeys()) as number[];
}

/** Everything held about one customer, found by email (any letter case) or customer id. */
export async function planCustomerErasure(db: WorkbenchDb, who: string, stored: StoredOrderKeys = EXACT_KEYS_ONLY): Promise<PersonalDataPlan> {
  const id = who.trim();
  if (!id) throw new Error('Enter the customer’s email or customer id');
  await refuseWhileImporting(db, 'erasure');
  const cacheState = await cacheStateOf(db);
  const byEmail = id.includes('@');
  const wanted = blank(id);
  const found = await planOrders(db, (column, r) => (byEmail ? blank(column('email')[r]!) === wanted : column('customerId')[r]! === id));
  const orderKeys = new Set(found.keys);
  const orderIds = new Set(found.keys.map(orderKeyLabel));
  // A payment joins its order by either spelling of the number (orderRefVariants), as imports join them.
  const payments = (await new PaymentStore(db).all())
    .filter((p) => (byEmail && blank(p.email) === wanted) || orderRefVariants(p.orderRef).some((ref) => orderIds.has(ref)))
    .map((p) => p.id);
  const notes = await planNotes(db, notesReached({ kind: 'erasure', orderKeys: found.keys }));
  const linkValues = new Set(
    [...found.values.get('email')!, ...found.values.get('phone')!, ...found.values.get('ip')!, ...found.values.get('deviceId')!].map(blank),
  );
  if (byEmail) linkValues.add(wanted);
  const overrides = (await overridesOn(db, linkValues)).map((o) => o.id!);
  const disputeIds = await disputesOn(db, orderKeys, stored);
  const attachments = await planAttachments(db, disputeIds);
  return {
    kind: 'erasure',
    cacheState,
    rows: found.rows,
    orderKeys: found.keys,
    orders: found.keys.length,
    payments,
    ...notes,
    overrides,
    attachments,
    disputeIds,
    linkValues: [...linkValues],
  };
}

/** Personal data older than `before`: orders placed, payments made and notes written before it. */
export async function planRetention(db: WorkbenchDb, before: number, stored: StoredOrderKeys = EXACT_KEYS_ONLY): Promise<PersonalDataPlan> {
  await refuseWhileImporting(db, 'retention');
  const cacheState = await cacheStateOf(db);
  const found = await planOrders(db, (column, r, createdAt) => createdAt < before && PERSONAL_ORDER_FIELDS.some((f) => column(f)[r] !== ''));
  const purged = (await new PaymentStore(db).createdBefore(before)).filter((p) => PERSONAL_PAYMENT_FIELDS.some((f) => (p[f] ?? '') !== ''));
  const payments = purged.map((p) => p.id);
  const notes = await planNotes(db, notesReached({ kind: 'retention', orderKeys: [], before }));
  const months = new Map<string, RetentionSummaryRecord['months'][number]>();
  found.createdAt.forEach((t, i) => {
    const month = new Date(t).toISOString().slice(0, 7);
    const m = months.get(month) ?? { month, orders: 0, orderValueMinor: {}, payments: 0, disputes: 0 };
    m.orders++;
    const { currency, minor } = found.totals[i]!;
    m.orderValueMinor[currency] = (m.orderValueMinor[currency] ?? 0) + minor;
    months.set(month, m);
  });
  const disputeIds = await disputesOn(db, new Set(found.keys), stored);
  for (const p of purged) {
    const month = new Date(p.createdAt).toISOString().slice(0, 7);
    const m = months.get(month) ?? { month, orders: 0, orderValueMinor: {}, payments: 0, disputes: 0 };
    m.payments++;
    months.set(month, m);
  }
  return {
    kind: 'retention',
    cacheState,
    rows: found.rows,
    orderKeys: found.keys,
    orders: found.keys.length,
    payments,
    ...notes,
    overrides: [],
    attachments: await planAttachments(db, disputeIds),
    disputeIds,
    before,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/**
 * "2 orders and 1 payment": the words the backup's register check reads an erasure's entry by
 * (checkBackupRegister), which also reads the plurals entries written before this always had.
 */
function ordersAndPayments(plan: Pick<PersonalDataPlan, 'orders' | 'payments'>): string {
  return `${plainCount(plan.orders, 'order')} and ${plainCount(plan.payments.length, 'payment')}`;
}

/** An e-mail address, or one of the customer's linked values (lower case), written in a request's reference. */
function referenceHoldsPersonalData(reference: string, linkValues: readonly string[]): boolean {
  const ref = reference.toLowerCase();
  // Values this short (a two-digit device id) would match ticket numbers by chance.
  return /\S@\S/.test(ref) || linkValues.some((v) => v.length >= 4 && ref.includes(v));
}

export interface ApplyOptions {
  /** Erasure: the request's reference (a ticket number: no personal data). */
  reference: string;
  clock?: Clock;
}

/**
 * Applies a plan in one transaction and logs it: personal fields blanked, notes erased, the entry
 * (kind erasure or retention, listing the erased notes in its refs) appended to the chain.
 */
export async function applyPersonalDataPlan(db: WorkbenchDb, plan: PersonalDataPlan, opts: ApplyOptions): Promise<DecisionEntry> {
  const clock = opts.clock ?? systemClock;
  // An erasure on request goes to the team as an erasure event: a role that may not push one
  // (compliance) is refused before anything is blanked or logged. A retention purge is each
  // laptop's own (every laptop purges by its own period), so compliance purges too: its entry
  // stays in this laptop's log (gatherRecords sends no kind the role may not push).
  const analyst = await analystName(db, plan.kind === 'erasure' ? 'erasure' : undefined);
  const reference = opts.reference.trim().slice(0, 200);
  if (plan.kind === 'erasure' && !reference) throw new Error('Give the request’s reference (a ticket number, not the person’s name): it is logged');
  // The reference stays in the log and the erasure register for good, after the data is gone: the
  // person's e-mail, phone, IP or device written there would outlive the erasure it records.
  if (plan.kind === 'erasure' && referenceHoldsPersonalData(reference, plan.linkValues ?? []))
    throw new Error(
      'The request’s reference holds an e-mail address or the customer’s own phone, IP or device: give the ticket number instead, as it is logged for good',
    );
  const what =
    plan.kind === 'erasure'
      ? `Erased the personal data of ${ordersAndPayments(plan)} on request ${reference}`
      : `Retention: purged the personal data of ${ordersAndPayments(plan)} placed before ${new Date(plan.before!).toISOString().slice(0, 10)}`;
  const notes = plan.notes.length ? `; notes of ${entryNumbers(plan.notes, 'this entry’s refs list them')} erased` : '';
  const files = plan.attachments.length ? `; ${plan.attachments.length} attached file${plan.attachments.length === 1 ? '' : 's'} removed` : '';
  const kept = plan.keptNotes.length ? `; notes of ${entryNumbers(plan.keptNotes)} predate salted notes and stay` : '';
  const setAside = (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'} set aside by a restore`;
  const archived =
    (plan.archivedNotes.length ? `; notes of ${setAside(plan.archivedNotes.length)} erased` : '') +
    (plan.keptArchivedNotes.length ? `; notes of ${setAside(plan.keptArchivedNotes.length)} predate salted notes and stay` : '');
  const input: DecisionInput = {
    orderKey: '',
    decision: plan.kind,
    reasonCode: '',
    note: `${what}${notes}${archived}${files}${kept}`,
    analyst,
    at: clock.now(),
    score: null,
    matrixVersion: null,
    undoes: null,
    refs: plan.notes,
  };
  // The register keeps what this reached, so data that comes back (a restore of an older backup) is erased again.
  const salt = randomSalt();
  const register: Omit<ErasureRecord, 'seq' | 'entryHash'> = {
    at: input.at,
    analyst,
    kind: plan.kind,
    reference: plan.kind === 'erasure' ? reference : '',
    // Retention reaches by date (`before`); an erasure by the orders and payments it found.
    orderKeys: plan.kind === 'erasure' ? [...plan.orderKeys] : [],
    payments: plan.kind === 'erasure' ? [...plan.payments] : [],
    noteHashes: [...plan.noteHashes],
    salt,
    linkValueHashes: await Promise.all((plan.linkValues ?? []).map((v) => linkValueHash(salt, v))),
    ...(plan.before !== undefined ? { before: plan.before } : {}),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const head = ((await db.decisionHead.get('head')) ?? null) as LogHead | null;
    const entry = await chainEntry(input, head);
    assertStorableEntry(entry);
    const done = await db.transaction(
      'rw',
      [
        db.orderText,
        db.orderBlocks,
        db.paymentBlocks,
        db.paymentKeys,
        db.importUndo,
        db.decisions,
        db.decisionHead,
        db.logArchive,
        db.linkOverrides,
        db.retentionSummaries,
        db.erasures,
        db.keyIndex,
        db.disputeAttachments,
        db.disputeEvents,
        db.disputes,
        db.teamText,
        db.teamState,
        db.imports,
      ],
      async () => {
        // An import writing now (another window) would write what it read before this erasure,
        // or its next rows, whole again: refused here, in the transaction that would log it.
        await refuseWhileImporting(db, plan.kind);
        // Rows are positions in order blocks: in another cache (a restore) or beside newer versions
        // (an import) they would blank other people and miss the customer's own.
        if ((await cacheStateOf(db)) !== plan.cacheState) throw new StalePlanError();
        const now = await db.decisionHead.get('head');
        if (!sameHead(now, head)) return false;
        // A note on what this reaches, logged since the plan chose its notes (another window):
        // appended after it, this entry would leave it whole, and the register would not list it.
        const since = await noteLoggedSince(db, plan);
        if (since) throw new StalePlanError(noteSinceMessage(plan, since));
        // So would a link override on the customer's values, or a file attached to their disputes, added since.
        const added = await addedSincePlanning(db, plan);
        if (added) throw new StalePlanError(added);
        // Notes are blanked and archived rows rewritten by this transaction alone.
        replacingLogsHere();
        // The kept key index holds the erased values: it goes with them, in this transaction.
        await invalidateKeyIndex(db);
        for (const [blockId, rows] of plan.rows) {
          const [text, block] = await Promise.all([db.orderText.get(blockId), db.orderBlocks.get(blockId)]);
          if (!text || !block) continue;
          const columns = { ...text.columns };
          for (const f of PERSONAL_ORDER_FIELDS) {
            const values = textColumn(columns, f, block.count).split(FIELD_SEPARATOR);
            for (const r of rows) values[r] = '';
            columns[f] = values.join(FIELD_SEPARATOR);
          }
          await db.orderText.put({ id: blockId, columns });
        }
        const ids = new Set(plan.payments);
        const payments = new PaymentStore(db);
        await payments.put((await payments.bulkGet(plan.payments)).filter((p) => p !== undefined).map(scrubPayment));
        await db.importUndo.toCollection().modify((u) => {
          u.payments = u.payments.map((x) =>
            x.previous && (ids.has(x.key) || (plan.before !== undefined && x.previous.createdAt < plan.before))
              ? { ...x, previous: scrubPayment(x.previous) }
              : x,
          );
        });
        // The entries planned, still the same ones: else nothing is erased and the plan is made again.
        const live = await db.decisions.bulkGet(plan.notes);
        const archived = await db.logArchive.bulkGet(plan.archivedNotes);
        const hashes = [...live.map((e) => e?.hash), ...archived.map((a) => (a?.table === 'decisions' ? (a.row as DecisionEntry).hash : undefined))];
        if (hashes.some((hash, i) => hash !== plan.noteHashes[i])) throw new StalePlanError();
        for (const e of live) await db.decisions.put({ ...e!, note: '', noteErased: true });
        // Set aside, not gone: the archive keeps the entry, the erasure takes its note as from a live one.
        for (const a of archived) await db.logArchive.put({ ...a!, row: { ...(a!.row as DecisionEntry), note: '', noteErased: true } });
        for (const id of plan.overrides) await db.linkOverrides.update(id, { value: '', reason: 'erased on request' });
        // Attached files go whole; each dispute's history keeps that one was there and why it went.
        for (const a of await db.disputeAttachments.bulkGet(plan.attachments)) {
          if (!a) continue;
          await db.disputeAttachments.delete(a.id!);
          await db.disputeEvents.add({
            disputeId: a.disputeId,
            kind: 'attachment',
            file: { action: 'removed', attachmentId: a.id!, type: a.type, size: a.size, sha256: a.sha256 },
            note: plan.kind === 'erasure' ? `erased on request ${reference}` : 'retention period passed',
            analyst,
            at: input.at,
          });
        }
        if (plan.kind === 'retention') await db.retentionSummaries.add({ at: input.at, analyst, before: plan.before!, months: plan.months ?? [] });
        await db.erasures.add({ ...register, seq: entry.seq, entryHash: entry.hash });
        await db.decisions.add(entry);
        await db.decisionHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
        // The team's copies: the text beside events about these orders, their disputes and the
        // customer's linked values goes here, and the entry's erasure event takes it off the server.
        // By exact key, and those the plan joined by the number's other spelling.
        const exact = plan.orderKeys.length ? ((await db.disputes.where('orderKey').anyOf(plan.orderKeys).primaryKeys()) as string[]) : [];
        const disputeIds = [...new Set([...exact, ...(plan.disputeIds ?? [])])];
        await eraseTeamTexts(
          db,
          {
            subjects: [...plan.orderKeys.map((k) => `order:${k}`), ...disputeIds.map((d) => `dispute:${d}`)],
            linkValues: plan.linkValues ?? [],
            ...(plan.kind === 'retention' ? { before: plan.before! } : {}),
          },
          entry.seq,
        );
        return true;
      },
    );
    if (done) return entry;
  }
  throw new Error('The decision log is busy; try again');
}

/** The retention period (months; 0 keeps everything) and the cut-off it gives at `now` (UTC). */
export function retentionCutoff(months: number, now: number): number | null {
  if (!Number.isInteger(months) || months < 0 || months > 240) throw new Error('The retention period is a whole number of months between 0 and 240');
  if (months === 0) return null;
  const d = new Date(now);
  // The same day N months back, or that month's last day when it is shorter (31 March less one
  // month is 28 February): Date.UTC would roll 31 February over to 3 March and purge days still
  // inside the period.
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months + 1, 0)).getUTCDate();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, Math.min(d.getUTCDate(), lastDay));
}

/**
 * What an erasure's rows depend on: the order blocks there are, the key index generation (which a
 * restore and every rewrite of order text move) and the imports and their states (payments too).
 */
export async function cacheStateOf(db: WorkbenchDb): Promise<string> {
  const [blocks, generation, imports] = await Promise.all([db.orderBlocks.toCollection().primaryKeys(), keyIndexGeneration(db), db.imports.toArray()]);
  return JSON.stringify([generation, blocks, imports.map((i) => [i.id, i.status])]);
}

/**
 * Refuses an erasure or purge while an import is writing to the cache, in this window or another:
 * the import holds what it read of the cache and the file's next rows, which hold the person too.
 * An import is running from its record's first write to its last (a crashed one is marked
 * interrupted when the history is read: ImportHistory.recoverInterrupted), and one started after
 * the erasure reads the erasure register and writes the person without their data.
 */
async function refuseWhileImporting(db: WorkbenchDb, kind: PersonalDataPlan['kind']): Promise<void> {
  const running = await db.imports.where('status').equals('running').first();
  if (running) throw new ImportRunningError(kind, running.fileName);
}

/** An import is writing to the cache: an erasure or purge waits until it has finished. */
export class ImportRunningError extends Error {
  constructor(kind: PersonalDataPlan['kind'], fileName: string) {
    super(
      `An import (${fileName}) is writing to the cache, in this or another window: nothing was ${kind === 'erasure' ? 'erased' : 'purged'}. ` +
        `${kind === 'erasure' ? 'Erase the customer' : 'Purge'} when it has finished.`,
    );
    this.name = 'ImportRunningError';
  }
}

/**
 * The first entry logged since the plan chose its notes whose note the plan would erase, had it
 * been there: the plan no longer covers what it means to (entries are read from the planned head
 * on, by their number; a restore in between makes the plan stale by the cache already).
 */
async function noteLoggedSince(db: WorkbenchDb, plan: PersonalDataPlan): Promise<DecisionEntry | undefined> {
  const reached = notesReached(plan);
  const planned = new Set([...plan.notes, ...plan.keptNotes]);
  const since = await db.decisions
    .where('seq')
    .above(plan.logHead?.seq ?? 0)
    .toArray();
  return since.find((e) => !planned.has(e.seq) && holdsNote(e) && reached(e));
}

function noteSinceMessage(plan: PersonalDataPlan, entry: DecisionEntry): string {
  const erasure = plan.kind === 'erasure';
  return (
    `A decision with a note ${erasure ? 'on the customer’s orders' : 'dated before the cut-off'} (entry ${entry.seq}, ${entry.decision}) was logged since this was planned, ` +
    `in this or another window: nothing was ${erasure ? 'erased' : 'purged'}. Look again and confirm, so its note goes too.`
  );
}

/**
 * What the plan would have erased had it been there when it was planned, added since (another
 * window): a link override on the customer's values, a file attached to a dispute on the orders.
 * Found, it makes the plan stale (the message says what); nothing, null.
 */
async function addedSincePlanning(db: WorkbenchDb, plan: PersonalDataPlan): Promise<string | null> {
  const done = plan.kind === 'erasure' ? 'erased' : 'purged';
  const stale = (what: string) =>
    `${what} was added since this was planned, in this or another window: nothing was ${done}. Look again and confirm, so it goes too.`;
  const values = new Set(plan.linkValues ?? []);
  if (values.size) {
    const planned = new Set(plan.overrides);
    if ((await overridesOn(db, values)).some((o) => !planned.has(o.id!) && o.value !== '')) return stale('A link override on the customer’s values');
  }
  // The disputes the plan found: a new one comes by an import, which makes the plan stale by the cache.
  const disputeIds = plan.disputeIds ?? [];
  if (disputeIds.length) {
    const planned = new Set(plan.attachments);
    if ((await planAttachments(db, disputeIds)).some((id) => !planned.has(id)))
      return stale(`A file attached to a dispute on ${plan.kind === 'erasure' ? 'the customer’s orders' : 'these orders'}`);
  }
  return null;
}

/**
 * The cache or the log's entries are no longer those the erasure was planned on (a restore or an
 * import in another window, a note logged on what it reaches).
 */
export class StalePlanError extends Error {
  constructor(message = 'The cache changed since this was planned (a restore or an import in another window?): nothing was erased. Look again and confirm.') {
    super(message);
    this.name = 'StalePlanError';
  }
}
