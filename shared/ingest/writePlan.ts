// What one classified batch changes in the cache, decided without touching it: new orders,
// order updates, merged payments and disputes with their undo data, and the orders that take
// card and IP facts from payments. The import writer only reads what this asks for and writes.
import type { RefundClaim } from '../disputes/claims';
import { isNewerState } from '../disputes/lifecycle';
import { isDecided, type Dispute } from '../domain/dispute';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { decisivePayment, orderRefVariants, withPaymentFacts } from '../orders/paymentFacts';
import { paymentMisfit, type PaymentMisfit } from '../orders/paymentFit';
import { DISPUTE_DETAIL_FIELDS, type ParsedRecord } from './records';
import type { ClassifiedBatch } from './reconcile';

/** Which import wrote a record last, with the scope and content hash it was compared by. */
export interface WriteStamp {
  importId: number;
  scope: string;
  hash: string;
}

/** An order's scope and hash, as kept beside it; where it is stored, for orders already in the cache. */
export interface OrderStamp {
  scope: string;
  hash: string;
}
export interface StoredAt extends OrderStamp {
  blockId: number;
  row: number;
}

export type Stamped<T> = T & { stamp?: WriteStamp };
type OrderRecord = Extract<ParsedRecord, { kind: 'order' }>;

/** Takes the fields a file provided from `update` and keeps the rest of `current`. */
export function mergeProvided<T extends object>(current: T, update: T, provided: readonly string[]): T {
  const out = { ...current } as Record<string, unknown>;
  for (const f of provided) out[f] = (update as Record<string, unknown>)[f];
  return out as T;
}

/**
 * The fields a file provided whose value differs from what `current` holds: what an update changes.
 * An empty text and a field the record lacks are one (blocks keep an absent field as empty text).
 */
export function changedFields<T extends object>(current: T, update: T, provided: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of provided) {
    const was = (current as Record<string, unknown>)[f] ?? '';
    const now = (update as Record<string, unknown>)[f] ?? '';
    // 0 and -0 are one amount; NaN is itself.
    if (was !== now && !Object.is(was, now)) out.push(f);
  }
  return out;
}

/**
 * A dispute named again by another export: its fields as `mergeProvided` takes them, except that
 * the dispute stays opened when it was first seen, keeps its deadline when the new rows give none,
 * and keeps its status and deadline unless the new rows are newer data (isNewerState): files come in
 * any order, so an older file read again neither moves the dispute back along its lifecycle (an
 * outcome, or an answer submitted, undone) nor on (a reopened case closed by its old reversal). A
 * deadline is no sign of newer data: a dispute first seen decided has none.
 */
export function mergeDispute(current: Dispute, update: Dispute, provided: readonly string[], followsUp = false): Dispute {
  const next = mergeProvided(current, update, provided);
  // Details a file may not say (the reason in words, the brand, an escalation) stay until one says them.
  for (const f of DISPUTE_DETAIL_FIELDS) if (update[f] !== undefined) Object.assign(next, { [f]: update[f] });
  if (current.openedAt > 0 && (next.openedAt === 0 || current.openedAt < next.openedAt)) next.openedAt = current.openedAt;
  if (next.dueAt === 0 && current.dueAt > 0) next.dueAt = current.dueAt;
  // Once a chargeback, always one; an inquiry may become a fraud report or a chargeback. An
  // inquiry's rows about a dispute that is a chargeback are older news: its state and deadline stay.
  // Rows that only follow up (an answer supplied) keep the stage the cache holds.
  const stage = followsUp ? current.stage : update.stage;
  const olderNews = current.stage === undefined && stage !== undefined;
  const statusAt = provided.includes('status') ? update.statusAt : current.statusAt;
  // A dispute stored before event times were kept (no statusAt) dates its state only by its
  // deadline, or, first seen decided and without one, by when it was first seen: a later deadline,
  // or an event after that, is newer data, as it was when it was stored (a pre-arbitration reopens it).
  const newerThanUndated =
    current.statusAt === undefined &&
    statusAt !== undefined &&
    !olderNews &&
    isDecided(current.status) &&
    (current.dueAt > 0 ? update.dueAt > current.dueAt : statusAt > current.openedAt);
  if (!newerThanUndated && !isNewerState(current, { status: next.status, stage, statusAt })) {
    next.status = current.status;
    // An older chargeback row's deadline is the one the case had, when the cache holds none (a
    // dispute first seen through its reversal); an inquiry's is not the chargeback's.
    next.dueAt = olderNews ? current.dueAt : current.dueAt || next.dueAt;
  } else if (provided.includes('status')) {
    // The status is the update's: so is when it was given (the cache's, for the same status undated).
    const at = update.statusAt ?? (next.status === current.status ? current.statusAt : undefined);
    if (at === undefined) delete next.statusAt;
    else next.statusAt = at;
  }
  if (current.stage === undefined || stage === undefined) delete next.stage;
  else next.stage = stage;
  // When it was raised as a chargeback: the earliest either record says, when after it opened.
  const raised = Math.min(raisedAt(current), followsUp ? Infinity : raisedAt(update));
  if (next.stage === undefined && raised !== Infinity && raised > next.openedAt) next.chargebackAt = raised;
  else delete next.chargebackAt;
  return next;
}

/** When a dispute record says it was raised as a chargeback; Infinity for an inquiry or a fraud report. */
function raisedAt(d: Dispute): number {
  return d.stage === undefined ? (d.chargebackAt ?? d.openedAt) : Infinity;
}

/**
 * A claim named again by another download: its fields as `mergeProvided` takes them, except that it
 * keeps the deadline its notice named when the new rows give none (an empty "Respond by" cell, or a
 * deadline entered by hand), and keeps a status that the new rows' would move back along its
 * lifecycle (isNewerState): no claims download dates its events, so no row is known to be the newer.
 */
export function mergeClaim(current: RefundClaim, update: RefundClaim, provided: readonly string[]): RefundClaim {
  const next = mergeProvided(current, update, provided);
  if (next.noticeDueAt === null && current.noticeDueAt !== null) next.noticeDueAt = current.noticeDueAt;
  if (!isNewerState(current, { status: next.status })) {
    next.status = current.status;
    next.noticeDueAt = current.noticeDueAt ?? next.noticeDueAt;
  }
  return next;
}

export interface RecordChange<T> {
  key: string;
  /** What the cache held before this batch (undo puts it back); null for a new record. */
  previous: Stamped<T> | null;
  next: Stamped<T>;
}

export interface BatchWrites {
  /** Orders not in the cache yet, in file order. */
  created: { key: string; order: Order; stamp: WriteStamp }[];
  /** Records of orders the cache holds: merged onto the stored version once it is read. */
  updated: OrderRecord[];
  payments: RecordChange<Payment>[];
  disputes: RecordChange<Dispute>[];
  claims: RecordChange<RefundClaim>[];
  /**
   * Payments, disputes and claims the file's version changed in nothing once merged onto the stored
   * one (an older report read again: its state is older news, and the stored record stands): not
   * written, so each keeps the stamp of the import that last changed it, and counted unchanged.
   * `rows`: the data rows the record accounts for, to move from updated to unchanged where they are
   * its own (not a carried record's, nor shared with one it carries).
   */
  unchanged: { kind: 'payment' | 'dispute' | 'claim'; rows: number }[];
}

/** Two versions of a stored record alike in every field but the stamp of the import that wrote them. */
function sameButStamp(a: object, b: object): boolean {
  const { stamp: _a, ...x } = a as { stamp?: unknown };
  const { stamp: _b, ...y } = b as { stamp?: unknown };
  return sameJson(x, y);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Absent and undefined are alike, as IndexedDB stores them.
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface StoredLookup {
  /** The stored payment or dispute (as earlier batches of this import left it), or null. */
  payment(key: string): Stamped<Payment> | null;
  dispute(key: string): Stamped<Dispute> | null;
  claim(key: string): Stamped<RefundClaim> | null;
}

/**
 * Sorts a batch's created and updated records (as the import session classified them) into
 * writes: an order the cache holds is among the updated ones. A payment or dispute met twice in
 * one batch merges onto its first version, as two batches would.
 */
export function planBatchWrites(batch: Pick<ClassifiedBatch, 'created' | 'updated'>, importId: number, stored: StoredLookup): BatchWrites {
  const out: BatchWrites = { created: [], updated: [], payments: [], disputes: [], claims: [], unchanged: [] };
  const seen = { payment: new Map<string, Stamped<Payment>>(), dispute: new Map<string, Stamped<Dispute>>(), claim: new Map<string, Stamped<RefundClaim>>() };
  /**
   * Merges a payment, dispute or claim onto its version met earlier in this batch, or stored, and
   * writes the result; an update that merges to what is stored (an older report read again) is
   * counted unchanged and not written. A record's own rows move to unchanged only where no record
   * rides on them (companions).
   */
  const write = <T extends object>(
    rec: Exclude<ParsedRecord, OrderRecord> & { value: T },
    isUpdate: boolean,
    stamp: WriteStamp,
    met: Map<string, Stamped<T>>,
    storedVersion: (key: string) => Stamped<T> | null,
    into: RecordChange<T>[],
    merge: (current: T, update: T, provided: readonly string[]) => T = mergeProvided,
  ): void => {
    const previous = met.get(rec.key) ?? storedVersion(rec.key);
    const next = { ...(previous ? merge(previous, rec.value, rec.provided) : rec.value), stamp };
    if (isUpdate && previous && sameButStamp(previous, next)) {
      out.unchanged.push({ kind: rec.kind, rows: rec.companions?.length ? 0 : rec.rows });
      return;
    }
    met.set(rec.key, next);
    into.push({ key: rec.key, previous, next });
  };
  const updatedFrom = batch.created.length;
  const records = batch.updated.length === 0 ? batch.created : [...batch.created, ...batch.updated];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    const stamp = { importId, scope: rec.scope, hash: rec.hash };
    const isUpdate = i >= updatedFrom;
    if (rec.kind === 'order') {
      if (isUpdate) out.updated.push(rec);
      else out.created.push({ key: rec.key, order: rec.value, stamp });
    } else if (rec.kind === 'payment') write(rec, isUpdate, stamp, seen.payment, stored.payment, out.payments);
    else if (rec.kind === 'dispute')
      write(rec, isUpdate, stamp, seen.dispute, stored.dispute, out.disputes, (current, update, provided) =>
        mergeDispute(current, update, provided, rec.followsUp === true),
      );
    else write(rec, isUpdate, stamp, seen.claim, stored.claim, out.claims, mergeClaim);
  }
  return out;
}

/**
 * Stored shop orders the batch's payments refer to (by any spelling of the order number), other
 * than those being written now: they may take the card and IP facts of those payments.
 */
export function ordersPaymentsReach(
  payments: readonly Payment[],
  orderSource: string,
  writing: ReadonlySet<string>,
  storedAt: (key: string) => StoredAt | undefined,
): { key: string; at: StoredAt }[] {
  const seen = new Set(writing);
  const out: { key: string; at: StoredAt }[] = [];
  for (const p of payments) {
    for (const ref of orderRefVariants(p.orderRef)) {
      const key = `${orderSource}:${ref}`;
      const at = seen.has(key) ? undefined : storedAt(key);
      if (!at) continue;
      out.push({ key, at });
      seen.add(key);
    }
  }
  return out;
}

/**
 * Whether payment `p` may speak for order `o` (its reference already matched): an own-shop order of
 * the source the payment names. A payment stored before payments named it is taken as the source
 * `fallback` (the importing file's), as every payment was then. The shop only: whether its facts
 * fit the order is paymentSpeaksFor's question.
 */
export const paysFor = (p: Pick<Payment, 'orderSource'>, o: Pick<Order, 'marketplace' | 'source'>, fallback: string): boolean =>
  o.marketplace === 'shop' && o.source === (p.orderSource ?? fallback);

type FitFacts = Pick<Order, 'marketplace' | 'source' | 'totalMinor' | 'currency' | 'createdAt'>;

/**
 * Whether payment `p` speaks for own-shop order `o` of its number: the order of its shop, when the
 * payment fits it (paymentFit.ts); or, when nobody was asked which shop the payment is from
 * (Payment.shopAssumed), another shop's order it fits while it does not fit `assumed`, the order of
 * its number in the shop it was taken for (absent: it waits for that one, and joins no other). A
 * payment that fits its own shop's order never reaches another's: one payment, one order.
 * `onMisfit` hears of a payment that does not fit its own shop's order, and why.
 */
export function paymentSpeaksFor(p: Payment, o: FitFacts, fallback: string, assumed?: FitFacts, onMisfit?: (why: PaymentMisfit) => void): boolean {
  if (o.marketplace !== 'shop') return false;
  if (paysFor(p, o, fallback)) {
    const why = paymentMisfit(p, o);
    if (why) onMisfit?.(why);
    return why === null;
  }
  return p.shopAssumed === true && assumed !== undefined && paymentMisfit(p, assumed) !== null && paymentMisfit(p, o) === null;
}

/** Order references whose payments `orders` need (every spelling, every own shop's), for one query. */
export function paymentRefsOf(orders: readonly Order[]): string[] {
  return [...new Set(orders.filter((o) => o.marketplace === 'shop').flatMap((o) => orderRefVariants(o.externalId)))];
}

/**
 * Each own-shop order with the facts of its decisive payment among those that speak for it
 * (paymentSpeaksFor): the same object when none adds anything. `fallback` is the shop a payment
 * without one is taken for; `assumedOrder` finds the order of a payment's number in the shop it was
 * taken for (its key, any spelling), for payments whose shop nobody was asked; `onMisfit` hears of
 * each payment that did not fit its own shop's order.
 */
export function withDecisivePayments(
  orders: readonly Order[],
  payments: readonly Payment[],
  fallback: string,
  assumedOrder: (p: Payment) => Order | undefined = () => undefined,
  onMisfit?: (p: Payment, why: PaymentMisfit) => void,
): Order[] {
  const byRef = new Map<string, Payment[]>();
  for (const p of payments) {
    const list = byRef.get(p.orderRef) ?? [];
    list.push(p);
    byRef.set(p.orderRef, list);
  }
  return orders.map((o) => {
    if (o.marketplace !== 'shop') return o;
    const speaking = orderRefVariants(o.externalId).flatMap((r) =>
      (byRef.get(r) ?? []).filter((x) =>
        paymentSpeaksFor(x, o, fallback, x.shopAssumed && !paysFor(x, o, fallback) ? assumedOrder(x) : undefined, (why) => onMisfit?.(x, why)),
      ),
    );
    const p = decisivePayment(speaking);
    return p ? withPaymentFacts(o, p) : o;
  });
}
