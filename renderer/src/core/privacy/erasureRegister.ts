// The erasure register: every erasure and retention purge keeps what it reached (ErasureRecord),
// so personal data that comes back is erased again. A backup written before an erasure holds the
// person whole; restoring it brought them back, unannounced, while the log said they were erased.
// Now a restore applies the register (its own and the backup's, checked against the backup's
// log) to the backup before writing it and names what it erased again in its log entry, and an
// import writes the orders and payments the register reached without their personal data.
import { sha256 } from '../../../../shared/decisions/chain';
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { orderKey, type Order, type OrderTextField } from '../../../../shared/domain/order';
import { FIELD_SEPARATOR, textColumn } from '../../../../shared/orders/columns';
import type { ErasedOrders } from '../../../../shared/orders/erasureMarks';
import { encodeRecord } from '../../../../shared/backup/records';
import { BackupError } from '../../../../shared/backup/container';
import { orderKeyVariants, orderRefVariants } from '../../../../shared/orders/paymentFacts';
import type { ParsedBatch } from '../../../../shared/ingest/reader';
import type { ParsedRecord } from '../../../../shared/ingest/records';
import type {
  DisputeAttachmentRecord,
  DisputeEventRecord,
  ErasureRecord,
  ImportUndoRecord,
  LinkOverrideRecord,
  LogArchiveRecord,
  OrderBlockRecord,
  OrderTextRecord,
  PaymentBlockRecord,
  StoredPayment,
  WorkbenchDb,
} from '../storage/schema';
import type { Payment } from '../../../../shared/domain/payment';
import { PERSONAL_ORDER_FIELDS, PERSONAL_PAYMENT_FIELDS } from '../../../../shared/domain/personalFields';

export { PERSONAL_ORDER_FIELDS, PERSONAL_PAYMENT_FIELDS };

const blank = (s: string) => s.trim().toLowerCase();

/** `p` without its personal fields (those it has); what reports need stays. */
export function scrubPayment<T extends Partial<StoredPayment>>(p: T): T {
  const out = { ...p };
  for (const f of PERSONAL_PAYMENT_FIELDS) if (f in out) (out as Record<string, unknown>)[f] = '';
  return out;
}

const holdsPersonalPayment = (p: Partial<StoredPayment>) => PERSONAL_PAYMENT_FIELDS.some((f) => (p[f] ?? '') !== '');

/**
 * Which register record reaches an order, a payment or a note: an erasure by the keys and ids it
 * listed (the later one when two list the same), else the latest retention purge by date.
 */
class RegisterIndex {
  readonly byOrder = new Map<string, ErasureRecord>();
  readonly byPayment = new Map<string, ErasureRecord>();
  readonly byNote = new Map<string, ErasureRecord>();
  readonly retention: ErasureRecord | null = null;

  constructor(register: readonly ErasureRecord[]) {
    for (const r of register) {
      if (r.kind === 'erasure') {
        for (const k of r.orderKeys) this.byOrder.set(k, r);
        for (const p of r.payments) this.byPayment.set(p, r);
      } else if (r.before !== undefined && (!this.retention || r.before > this.retention.before!)) this.retention = r;
      for (const h of r.noteHashes) this.byNote.set(h, r);
    }
  }

  /** The record older-than-its-cut-off reaches, for something dated `at`. */
  private purged(at: number): ErasureRecord | undefined {
    return this.retention && at < this.retention.before! ? this.retention : undefined;
  }

  order(key: string, createdAt: number): ErasureRecord | undefined {
    return this.byOrder.get(key) ?? this.purged(createdAt);
  }

  payment(p: Partial<StoredPayment>): ErasureRecord | undefined {
    return (p.id !== undefined ? this.byPayment.get(p.id) : undefined) ?? this.purged(p.createdAt ?? Infinity);
  }
}

/** What the register says of orders, for the screens' "erased on request" marks (as RegisterIndex reads it). */
export function erasedOrdersOf(register: readonly ErasureRecord[]): ErasedOrders {
  const index = new RegisterIndex(register);
  const onRequest: ErasedOrders['onRequest'] = {};
  for (const [key, r] of index.byOrder) onRequest[key] = { reference: r.reference, at: r.at };
  const retention = index.retention ? { before: index.retention.before!, at: index.retention.at } : null;
  return { onRequest, retention };
}

/** The register's hash of a linked value (an email, phone, IP or device id), in any letter case. */
export function linkValueHash(salt: string, value: string): Promise<string> {
  return sha256(`${salt}\u0000${blank(value)}`);
}

/** The register and another (a backup's) as one, each record once, oldest first. */
export function mergedRegister(...registers: readonly (readonly ErasureRecord[])[]): ErasureRecord[] {
  const seen = new Set<string>();
  const out: ErasureRecord[] = [];
  for (const r of registers.flat()) {
    const { id: _id, ...rest } = r;
    const k = encodeRecord(rest);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** What applying the register again erased. */
export interface Reapplied {
  /** Register records that reached anything. */
  records: ErasureRecord[];
  orders: number;
  payments: number;
  /** Seqs of the log's entries whose notes went again (the restore entry lists them). */
  notes: number[];
  archivedNotes: number;
  overrides: number;
  attachments: number;
}

export function nothingReapplied(): Reapplied {
  return { records: [], orders: 0, payments: 0, notes: [], archivedNotes: 0, overrides: 0, attachments: 0 };
}

export function reappliedAnything(r: Reapplied): boolean {
  return r.orders + r.payments + r.notes.length + r.archivedNotes + r.overrides + r.attachments > 0;
}

/** "personal data of 2 orders and 1 payment; 1 note; 1 link override; 1 attached file" */
export function describeReapplied(r: Reapplied): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  const data: string[] = [];
  if (r.orders) data.push(n(r.orders, 'order'));
  if (r.payments) data.push(n(r.payments, 'payment'));
  const parts: string[] = [];
  if (data.length) parts.push(`personal data of ${data.join(' and ')}`);
  const notes = r.notes.length + r.archivedNotes;
  if (notes) parts.push(n(notes, 'note'));
  if (r.overrides) parts.push(n(r.overrides, 'link override'));
  if (r.attachments) parts.push(n(r.attachments, 'attached file'));
  return parts.join('; ') || 'nothing';
}

/** "request GDPR-2026-118, retention before 2025-11-18" */
export function describeRecords(records: readonly ErasureRecord[]): string {
  return records.map((r) => (r.kind === 'erasure' ? `request ${r.reference}` : `retention before ${isoDay(r.before!)}`)).join(', ');
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Checks a backup's register against the backup's own (verified) decision log: each record must
 * be an erasure or purge the log holds (live, or set aside by a restore), by its hash, time and
 * analyst, naming the same request or cut-off and reaching no more orders and payments than the
 * entry says (unless a later purge erased that note), and erasing notes only of the entries it
 * lists or of entries set aside. A record the log does not back would blank anyone's data and
 * notes under no logged erasure: the backup is refused.
 */
export function checkBackupRegister(register: readonly ErasureRecord[], entries: readonly DecisionEntry[], archived: readonly DecisionEntry[]): void {
  const byHash = new Map([...archived, ...entries].map((e) => [e.hash, e]));
  const hashesAt = new Map<number, Set<string>>();
  for (const e of [...entries, ...archived]) {
    const set = hashesAt.get(e.seq) ?? new Set<string>();
    set.add(e.hash);
    hashesAt.set(e.seq, set);
  }
  const archivedHashes = new Set(archived.map((e) => e.hash));
  register.forEach((row, i) => {
    const refuse = (why: string): never => {
      throw new BackupError(`The backup's erasure register (row ${i + 1}) ${why}: it was altered. Nothing was changed.`);
    };
    const e = byHash.get(row.entryHash);
    if (!e || e.seq !== row.seq || e.decision !== row.kind || e.at !== row.at || e.analyst !== row.analyst)
      return refuse(`names entry ${row.seq}, which is no ${row.kind} of its decision log`);
    // A note a later purge erased (logs written before purges spared these) says nothing more to check.
    const note = e.noteErased ? null : (e.note ?? '');
    if (row.kind === 'erasure') {
      if (!row.reference) refuse('names no request');
      if (note !== null && !note.includes(`on request ${row.reference}`)) refuse(`names another request than entry ${row.seq}`);
      const m = note === null ? null : /personal data of (\d+) orders? and (\d+) payments?/.exec(note);
      if (note !== null && (!m || row.orderKeys.length > Number(m[1]) || row.payments.length > Number(m[2])))
        refuse(`reaches more orders or payments than entry ${row.seq} erased`);
      if (row.before !== undefined) refuse('gives an erasure a cut-off date');
    } else if (
      row.before === undefined ||
      (note !== null && !note.includes(`placed before ${isoDay(row.before)}`)) ||
      row.orderKeys.length ||
      row.payments.length
    ) {
      refuse(`names another cut-off than entry ${row.seq}`);
    }
    const listed = new Set((e.refs ?? []).flatMap((seq) => [...(hashesAt.get(seq) ?? [])]));
    if (row.noteHashes.some((h) => !listed.has(h) && !archivedHashes.has(h))) refuse(`erases notes entry ${row.seq} does not list`);
  });
}

export interface ReapplyContext {
  analyst: string;
  at: number;
  /** Why a dispute's file is removed, after the request's reference (default: applied again to a restored backup). */
  why?: string;
}

/**
 * Applies every record of `register` to `tables` (a staged backup's rows by table), in place: the
 * personal fields of the orders and payments it reached (and of the copies import undo keeps),
 * the notes of the entries it erased (live and set aside), the link overrides of the person's
 * values and the files attached to disputes on their orders, each removal a dispute event.
 */
export async function reapplyErasures(tables: Map<string, unknown[]>, register: readonly ErasureRecord[], ctx: ReapplyContext): Promise<Reapplied> {
  const out = nothingReapplied();
  if (!register.length) return out;
  const reached = new Set<ErasureRecord>();
  const index = new RegisterIndex(register);

  // Orders: every version of a reached order (a superseded one holds the person too).
  const erasedOrderKeys = new Set<string>();
  // Every order key the cache holds: a dispute joins its order by another spelling only where its own is no order.
  const storedKeys = new Set<string>();
  const blocks = new Map(((tables.get('orderBlocks') ?? []) as OrderBlockRecord[]).map((b) => [b.id, b]));
  const texts = (tables.get('orderText') ?? []) as OrderTextRecord[];
  texts.forEach((text, i) => {
    const block = blocks.get(text.id);
    if (!block) return;
    const sources = textColumn(text.columns, 'source', block.count).split(FIELD_SEPARATOR);
    const ids = textColumn(text.columns, 'externalId', block.count).split(FIELD_SEPARATOR);
    let columns: Map<OrderTextField, string[]> | null = null;
    for (let row = 0; row < block.count; row++) {
      const key = orderKey({ source: sources[row]!, externalId: ids[row]! });
      storedKeys.add(key);
      const owner = index.order(key, block.createdAt[row]!);
      if (!owner) continue;
      columns ??= new Map(PERSONAL_ORDER_FIELDS.map((f) => [f, textColumn(text.columns, f, block.count).split(FIELD_SEPARATOR)]));
      let had = false;
      for (const values of columns.values()) {
        if (values[row] !== '') had = true;
        values[row] = '';
      }
      if (!had) continue;
      out.orders++;
      erasedOrderKeys.add(key);
      reached.add(owner);
    }
    if (!columns) return;
    const next = { ...text.columns };
    for (const [f, values] of columns) next[f] = values.join(FIELD_SEPARATOR);
    texts[i] = { ...text, columns: next };
  });

  // Payments, and the copies of earlier versions import undo keeps.
  const paymentBlocks = (tables.get('paymentBlocks') ?? []) as PaymentBlockRecord[];
  paymentBlocks.forEach((b, i) => {
    let changed = false;
    const rows = b.rows.map((p) => {
      const owner = index.payment(p);
      if (!owner || !holdsPersonalPayment(p)) return p;
      changed = true;
      out.payments++;
      reached.add(owner);
      return scrubPayment(p);
    });
    if (changed) paymentBlocks[i] = { ...b, rows };
  });
  const undo = (tables.get('importUndo') ?? []) as ImportUndoRecord[];
  undo.forEach((u, i) => {
    let changed = false;
    const payments = u.payments.map((x) => {
      const owner = x.previous ? (index.byPayment.get(x.key) ?? index.payment(x.previous)) : undefined;
      if (!owner || !x.previous || !holdsPersonalPayment(x.previous)) return x;
      changed = true;
      reached.add(owner);
      return { ...x, previous: scrubPayment(x.previous) };
    });
    if (changed) undo[i] = { ...u, payments };
  });

  // Notes, by the hash of the entry they were erased from: its chain still verifies (form 2).
  const holdsNote = (e: DecisionEntry) => e.form === 2 && typeof e.note === 'string' && e.note !== '' && !e.noteErased;
  const decisions = (tables.get('decisions') ?? []) as DecisionEntry[];
  decisions.forEach((e, i) => {
    const owner = index.byNote.get(e.hash);
    if (!owner || !holdsNote(e)) return;
    decisions[i] = { ...e, note: '', noteErased: true };
    out.notes.push(e.seq);
    reached.add(owner);
  });
  const archive = (tables.get('logArchive') ?? []) as LogArchiveRecord[];
  archive.forEach((a, i) => {
    if (a.table !== 'decisions') return;
    const e = a.row as DecisionEntry;
    const owner = index.byNote.get(e.hash);
    if (!owner || !holdsNote(e)) return;
    archive[i] = { ...a, row: { ...e, note: '', noteErased: true } };
    out.archivedNotes++;
    reached.add(owner);
  });

  // Link overrides of the person's values, known by their salted hashes.
  const overrides = (tables.get('linkOverrides') ?? []) as LinkOverrideRecord[];
  for (const r of register) {
    if (!r.linkValueHashes.length) continue;
    const wanted = new Set(r.linkValueHashes);
    for (let i = 0; i < overrides.length; i++) {
      const o = overrides[i]!;
      if (o.value === '' || !wanted.has(await linkValueHash(r.salt, o.value))) continue;
      overrides[i] = { ...o, value: '', reason: 'erased on request' };
      out.overrides++;
      reached.add(r);
    }
  }

  // Files attached to disputes on the orders reached: they go whole, each removal in the dispute's history.
  const reachedOrders = new Set([...erasedOrderKeys, ...index.byOrder.keys()]);
  const disputeOwner = new Map<string, ErasureRecord | null>();
  for (const d of (tables.get('disputes') ?? []) as { id: string; orderKey: string }[]) {
    // By either spelling of the number, as the Disputes screen joins them (a Stripe dispute writes
    // 1001 for Shopify's #1001), unless its own spelling is an order of the cache in its own right.
    const spellings = storedKeys.has(d.orderKey) ? [d.orderKey] : orderKeyVariants(d.orderKey);
    const key = spellings.find((k) => reachedOrders.has(k));
    if (key !== undefined) disputeOwner.set(d.id, index.byOrder.get(key) ?? index.retention);
  }
  const attachments = (tables.get('disputeAttachments') ?? []) as DisputeAttachmentRecord[];
  const events = (tables.get('disputeEvents') ?? []) as DisputeEventRecord[];
  const kept: DisputeAttachmentRecord[] = [];
  for (const a of attachments) {
    const owner = disputeOwner.get(a.disputeId);
    if (!owner) {
      kept.push(a);
      continue;
    }
    events.push({
      disputeId: a.disputeId,
      kind: 'attachment',
      file: { action: 'removed', attachmentId: a.id!, type: a.type, size: a.size, sha256: a.sha256 },
      note:
        owner.kind === 'erasure'
          ? `erased on request ${owner.reference} (${ctx.why ?? 'applied again to a restored backup'})`
          : `retention period passed (${ctx.why ?? 'applied again to a restored backup'})`,
      analyst: ctx.analyst,
      at: ctx.at,
    });
    out.attachments++;
    reached.add(owner);
  }
  if (kept.length !== attachments.length) {
    attachments.splice(0, attachments.length, ...kept);
    if (!tables.has('disputeEvents')) tables.set('disputeEvents', events);
  }
  out.records = register.filter((r) => reached.has(r));
  return out;
}

/**
 * The register as an import applies it: a file exported before an erasure (or a teammate's import
 * of one) holds the person whole, and an order or payment that changed since is written again.
 * Orders and payments the register reached are written without their personal fields. An import
 * reads it again in every batch's transaction (refresh): an erasure another window logs while a
 * file is imported reaches what the import writes after it, as one logged before it does.
 */
export class RegisterAtImport {
  /** Orders and payments of this import written without their personal data. */
  orders = 0;
  payments = 0;
  private readonly reached = new Set<ErasureRecord>();
  private index: RegisterIndex;
  /** The ids of the records read, to know when another window added one. */
  private ids: readonly number[];
  /** Records logged while this import ran: the summary says so. */
  private readonly during = new Set<number>();

  private constructor(register: readonly ErasureRecord[]) {
    this.index = new RegisterIndex(register);
    this.ids = register.map((r) => r.id!);
  }

  /** The cache's register, or null when it holds none (the import then pays nothing for it). */
  static async load(db: WorkbenchDb): Promise<RegisterAtImport | null> {
    const register = await db.erasures.toArray();
    return register.length ? new RegisterAtImport(register) : null;
  }

  /**
   * The register as it is now, given its record ids (read in the caller's transaction): `held`
   * when no record came since it was read, else read again, its counts kept. An erasure logged
   * while the import runs counts as logged during it. Null while the cache holds none.
   */
  static async refresh(db: WorkbenchDb, held: RegisterAtImport | null, ids: readonly number[]): Promise<RegisterAtImport | null> {
    const before = held?.ids ?? [];
    if (ids.length === before.length && ids.every((id, i) => id === before[i])) return held;
    const register = await db.erasures.toArray();
    // Records go only with the cache they are in (a restore, a cleared cache): the import stops then.
    if (!register.length) return held;
    const known = new Set(before);
    const out = held ?? new RegisterAtImport(register);
    out.index = new RegisterIndex(register);
    out.ids = register.map((r) => r.id!);
    for (const r of register) if (!known.has(r.id!)) out.during.add(r.id!);
    return out;
  }

  /**
   * `order` as it may be written: without its personal fields where the register reached it.
   * `counted`: an order of the file (the summary counts it), not a stored one rewritten with it.
   */
  order(key: string, order: Order, counted = true): Order {
    const owner = this.index.order(key, order.createdAt);
    if (!owner || !PERSONAL_ORDER_FIELDS.some((f) => (order[f] ?? '') !== '')) return order;
    const copy = { ...order };
    for (const f of PERSONAL_ORDER_FIELDS) copy[f] = '';
    if (counted) this.orders++;
    this.reached.add(owner);
    return copy;
  }

  /**
   * `payment` as it may be written: without its personal fields where the register reached it, by
   * its id, by the erased order it pays for (an order of `orderSource`) or by its date.
   */
  payment<T extends Payment>(payment: T, orderSource: string, counted = true): T {
    // By its id, else by the erased order it pays for, else by its date.
    let owner = this.index.byPayment.get(payment.id);
    if (!owner && payment.orderRef) for (const ref of orderRefVariants(payment.orderRef)) owner ??= this.index.byOrder.get(`${orderSource}:${ref}`);
    owner ??= this.index.payment(payment);
    if (!owner || !holdsPersonalPayment(payment)) return payment;
    if (counted) this.payments++;
    this.reached.add(owner);
    return scrubPayment(payment);
  }

  /** `batch` as the team may see it: its orders and payments as this import wrote them. */
  scrubbed(batch: ParsedBatch, orderSource: string): ParsedBatch {
    const scrub = (rec: ParsedRecord): ParsedRecord => {
      const companions = rec.companions?.map(scrub);
      const base = companions ? { ...rec, companions } : rec;
      if (base.kind === 'order') return { ...base, value: this.order(base.key, base.value, false) };
      if (base.kind === 'payment') return { ...base, value: this.payment(base.value, orderSource, false) };
      return base;
    };
    return { ...batch, records: batch.records.map(scrub) };
  }

  /** What the import summary says, when the register reached anything. */
  message(): string | null {
    if (!this.orders && !this.payments) return null;
    const n = (count: number, one: string) => `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
    const what = [this.orders ? n(this.orders, 'order') : '', this.payments ? n(this.payments, 'payment') : ''].filter(Boolean).join(' and ');
    const records = [...this.reached].sort((a, b) => a.at - b.at);
    const one = this.orders + this.payments === 1;
    // An erasure another window logged while this file was imported is named as such: it came after
    // the file's first rows, which it erased itself, and reached the rest here.
    const during = records.filter((r) => this.during.has(r.id!));
    const earlier = records.filter((r) => !this.during.has(r.id!));
    const which = [earlier.length ? describeRecords(earlier) : '', during.length ? `${describeRecords(during)}, logged while this file was imported` : '']
      .filter(Boolean)
      .join('; ');
    return `${what} in this file ${one ? 'was' : 'were'} erased${during.length ? '' : ' before'} (${which}): written again without ${one ? 'its' : 'their'} personal data`;
  }
}
