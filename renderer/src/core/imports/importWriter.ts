// Writes one import into the cache batch by batch. Each batch is one transaction holding its
// records, its undo data, its quarantined rows and the import's running counts, so a crash or
// a full disk leaves whole batches, recorded, and nothing half-written.
import type { Clock } from '../../../../shared/time/clock';
import type { Order } from '../../../../shared/domain/order';
import type { Payment } from '../../../../shared/domain/payment';
import { orderRefVariants } from '../../../../shared/orders/paymentFacts';
import { noMisfits, type MisfitCounts } from '../../../../shared/orders/paymentFit';
import type { RowProblem } from '../../../../shared/ingest/problems';
import {
  changedFields,
  mergeProvided,
  ordersPaymentsReach,
  paymentRefsOf,
  planBatchWrites,
  withDecisivePayments,
  type BatchWrites,
  type OrderStamp,
  type StoredAt,
} from '../../../../shared/ingest/writePlan';
import type { Bucket, ClassifiedBatch, ImportCounts, KnownRecords } from '../../../../shared/ingest/reconcile';
import type { DomainKind, ParsedRecord } from '../../../../shared/ingest/records';
import type { ParsedBatch } from '../../../../shared/ingest/reader';
import { encodeAppendValues, ORDER_BLOCK_SIZE, OrderRepository } from '../storage/orderRepository';
import { materialiseOrders, type DeferredOrders } from '../../../../shared/ingest/columnarBatch';
import { concatOrderValues } from '../../../../shared/ingest/orderColumns';
import { OrderKeyIndex } from '../storage/orderKeyIndex';
import { MetaRepository } from '../storage/metaRepository';
import { PaymentStore } from '../storage/paymentStore';
import { writesTogether } from '../storage/diskFull';
import { REVIEW_WINDOW_DAYS, reviewWindowStart } from '../../../../shared/decisions/sla';
import type { ImportRecord, ImportUndoRecord, StoredClaim, StoredDispute, StoredPayment, WorkbenchDb } from '../storage/schema';
import { CLAIM_KIND_LABEL, CLAIM_MARKETPLACE } from '../../../../shared/disputes/claims';
import { RegisterAtImport } from '../privacy/erasureRegister';
import { runningImport } from './importHistory';

/** Most quarantined rows kept per import; the counts stay exact beyond it. */
export const MAX_STORED_PROBLEMS = 10_000;

/** The cache was replaced while a file was being imported into it. */
export class CacheReplacedError extends Error {
  constructor() {
    super(
      'The cache was replaced while this file was imported (a restore or a cleared cache in another window): nothing more of it was written. Import it again.',
    );
    this.name = 'CacheReplacedError';
  }
}

export class ImportWriter {
  private readonly orders: OrderRepository;
  /** The cached payments: its index is read at the start, kept up to date by this import's writes, and read again if another writer changed them. */
  private readonly payments: PaymentStore;
  private storedProblems = 0;
  /** Orders that took card and IP facts from this import's payments (or this import's orders from stored payments). */
  enrichedOrders = 0;
  /**
   * Per order field, how many stored orders this import's updates changed it in: what "updated" means,
   * for the import card and the import's record.
   */
  readonly changedFields: Record<string, number> = {};
  /** New orders stored from the columns they came in (writeNewOrders). */
  ordersFromColumns = 0;
  /** New orders inside the review window (they go to scoring for review) and older ones (history). */
  readonly review = { windowDays: REVIEW_WINDOW_DAYS, recent: 0, history: 0 };
  /** Source of the orders the payments in this file refer to (the preset's orderSource). */
  orderSource = 'shopify';
  /** The cache named no own shop when the import began: nobody is asked which shop a payments file is from (shopCheck.ts). */
  private oneShop = false;
  /** Nobody said which shop this file's payments are from: the cache named no shop, and neither did the file's format. */
  get shopAssumed(): boolean {
    return this.oneShop && !this.orderSource.includes('@');
  }
  /** This import's payments that did not fit their own shop's order of their number, by reason; each payment once. */
  readonly misfits: MisfitCounts = noMisfits();
  private readonly misfitIds = new Set<string>();
  private prefetched: { payments: Map<string, StoredPayment>; disputes: Map<string, StoredDispute>; claims: Map<string, StoredClaim> } = {
    payments: new Map(),
    disputes: new Map(),
    claims: new Map(),
  };
  /** Who a new claim is entered by: the analyst running the import. */
  private analyst = '';
  /** The erasure register, applied to what this import writes; null when the cache holds none. */
  register: RegisterAtImport | null = null;

  private constructor(
    private readonly db: WorkbenchDb,
    readonly importId: number,
    private readonly index: OrderKeyIndex,
    private readonly clock: Clock,
    private readonly runLock: string,
  ) {
    this.orders = new OrderRepository(db);
    this.payments = new PaymentStore(db);
  }

  /** Records the import as running, claimed by `runLock`, and loads what the cache already holds. */
  static async start(db: WorkbenchDb, file: { name: string; size: number }, clock: Clock, runLock: string, teamOpId?: string): Promise<ImportWriter> {
    const record: ImportRecord = { ...runningImport(file, clock.now()), runLock, ...(teamOpId ? { teamOpId } : {}) };
    const id = (await db.imports.add(record)) as number;
    const writer = new ImportWriter(db, id, await OrderKeyIndex.load(db), clock, runLock);
    await writer.payments.index();
    writer.review.windowDays = (await new MetaRepository(db).get('review'))?.windowDays ?? REVIEW_WINDOW_DAYS;
    // Imports run without a named analyst too; a claim they enter then says it came from an import.
    writer.analyst = (((await db.meta.get('analystName'))?.value as string | undefined) ?? '').trim() || 'import';
    writer.register = await RegisterAtImport.load(db);
    writer.oneShop = ((await new MetaRepository(db).get('shops')) ?? []).length === 0;
    return writer;
  }

  /** Loads the stored payments and disputes a batch mentions, so `known` can answer synchronously. */
  async prefetch(batch: ParsedBatch): Promise<void> {
    const ids: Record<'payment' | 'dispute' | 'claim', string[]> = { payment: [], dispute: [], claim: [] };
    const visit = (r: ParsedRecord) => {
      if (r.kind !== 'order') ids[r.kind].push(r.key);
      r.companions?.forEach(visit);
    };
    batch.records.forEach(visit);
    const disputeIds = [...ids.dispute, ...ids.claim];
    // An orders file's batches ask for none: no wait on the database for them.
    const [payments, disputes, claims] = await Promise.all([
      this.payments.bulkGet(ids.payment),
      // A claim's reference is looked up among the disputes too: a PayPal case held as a dispute.
      disputeIds.length > 0 ? this.db.disputes.bulkGet(disputeIds) : [],
      ids.claim.length > 0 ? this.db.refundClaims.bulkGet(ids.claim) : [],
    ]);
    this.prefetched = { payments: new Map(), disputes: new Map(), claims: new Map() };
    payments.forEach((p) => p && this.prefetched.payments.set(p.id, p));
    disputes.forEach((d) => d && this.prefetched.disputes.set(d.id, d));
    claims.forEach((c) => c && this.prefetched.claims.set(c.id, c));
  }

  readonly known: KnownRecords = {
    bucket: (kind: DomainKind, key: string, scope: string, hash: string): Bucket => {
      if (kind === 'order') return this.index.bucket(key, scope, hash);
      const held = this.stored(kind, key);
      // A claim entered by hand has no stamp: it is held, so a file's version of it is an update.
      if (!held) return 'created';
      return held.stamp?.scope === scope && held.stamp.hash === hash ? 'unchanged' : 'updated';
    },
    has: (kind: DomainKind, key: string) => (kind === 'order' ? this.index.has(key) : this.stored(kind, key) !== undefined),
    // A claim is known by its marketplace and its reference: the same reference from another
    // marketplace is another claim, which must not overwrite the one the cache holds.
    refusal: (rec: ParsedRecord) => {
      if (rec.kind !== 'claim') return null;
      // A PayPal case imported as a dispute before buyer claims were told apart stays a dispute until
      // that import is undone: read as a claim too, it would be listed twice.
      if (this.prefetched.disputes.has(rec.key) && !this.prefetched.claims.has(rec.key))
        return `case ${rec.key} is already in the list as a dispute (imported before buyer claims were read as refund claims); it stays a dispute until that import is undone`;
      const held = this.prefetched.claims.get(rec.key);
      if (!held || CLAIM_MARKETPLACE[held.kind] === CLAIM_MARKETPLACE[rec.value.kind]) return null;
      return `claim ${rec.key} is already in the list as a ${CLAIM_KIND_LABEL[held.kind]}; a claim from another marketplace with the same reference is not merged into it`;
    },
  };

  private stored(kind: 'payment' | 'dispute' | 'claim', key: string): StoredPayment | StoredDispute | StoredClaim | undefined {
    return kind === 'payment' ? this.prefetched.payments.get(key) : kind === 'dispute' ? this.prefetched.disputes.get(key) : this.prefetched.claims.get(key);
  }

  /**
   * Writes one classified batch and the import's counts so far, all or nothing. `newOrders`: the
   * batch is new orders only, every one created, their values still columns (newOrdersInColumns);
   * they are stored from the columns unless they take facts from payments or the erasure register,
   * which need them as orders.
   */
  async write(batch: ClassifiedBatch, progress: { rows: number; counts: ImportCounts }, newOrders: DeferredOrders | null = null): Promise<void> {
    const db = this.db;
    const tables = [
      db.orderBlocks,
      db.orderText,
      db.orderKeys,
      db.orderReportColumns,
      db.meta,
      db.paymentBlocks,
      db.paymentKeys,
      db.disputes,
      db.refundClaims,
      db.importUndo,
      db.quarantine,
      db.imports,
      db.erasures,
    ];
    await db.transaction('rw', tables, async () => {
      // Its record gone or another's: the cache was replaced under this import (a restore, a cleared
      // cache in another window). What it knows of the cache is stale, and what it wrote would be
      // orders of an import the history does not list, which nobody could undo.
      // Asked together with whether the cache holds payments and which erasures it records: one
      // wait on the database, not three, for every batch.
      const [own, anyPayments, erasureIds] = await Promise.all([
        this.ownRecord(),
        this.payments.any(),
        db.erasures.toCollection().primaryKeys() as Promise<number[]>,
      ]);
      if (own?.status !== 'running') throw new CacheReplacedError();
      // The register as it is in this transaction, not as it was when the import started: an
      // erasure waits while an import runs (refuseWhileImporting), and one logged meanwhile all the
      // same still reaches what the import writes from here on (read again only when a record came).
      const register = (this.register = await RegisterAtImport.refresh(db, this.register, erasureIds));
      if (newOrders && !anyPayments && !register) {
        await this.writeNewOrders(batch, newOrders, progress);
        return;
      }
      materialiseOrders(newOrders ?? undefined);
      const plan = planBatchWrites(batch, this.importId, {
        payment: (key) => this.prefetched.payments.get(key) ?? null,
        dispute: (key) => this.prefetched.disputes.get(key) ?? null,
        claim: (key) => this.prefetched.claims.get(key) ?? null,
      });
      // Records an older file's version left as they were: counted unchanged, as the card and history say them.
      for (const u of plan.unchanged) {
        const c = progress.counts;
        c.records[u.kind].updated--;
        c.records[u.kind].unchanged++;
        c.rows.updated -= u.rows;
        c.rows.unchanged += u.rows;
      }
      // A new claim is entered now, by the analyst importing it; an update keeps who entered it.
      for (const c of plan.claims) if (!c.previous) c.next = { ...c.next, createdAt: this.clock.now(), analyst: this.analyst };
      // Payments of erased customers (or older than a retention purge) come back without their personal
      // data. So do the stored versions undo keeps: read before this transaction, they may be from
      // before a record the register took since.
      if (register)
        for (const c of plan.payments) {
          c.next = register.payment(c.next, this.orderSource);
          if (c.previous) c.previous = register.payment(c.previous, this.orderSource, false);
        }
      for (const c of plan.payments) {
        const { shopAssumed: _, ...next } = c.next;
        c.next = this.shopAssumed ? { ...next, shopAssumed: true } : next;
      }
      for (const c of plan.payments) this.prefetched.payments.set(c.key, c.next);
      for (const c of plan.disputes) this.prefetched.disputes.set(c.key, c.next);
      for (const c of plan.claims) this.prefetched.claims.set(c.key, c.next);
      await this.payments.put(plan.payments.map((c) => c.next));
      if (plan.disputes.length > 0) await db.disputes.bulkPut(plan.disputes.map((c) => c.next));
      if (plan.claims.length > 0) await db.refundClaims.bulkPut(plan.claims.map((c) => c.next));
      const since = reviewWindowStart(this.clock.now(), this.review.windowDays);
      for (const c of plan.created) this.review[c.order.createdAt >= since ? 'recent' : 'history']++;
      const writes = await this.orderWrites(plan, anyPayments);
      // The file's own orders come first; stored ones rewritten with their payments' facts after them (not counted).
      const fromFile = plan.created.length + plan.updated.length;
      if (register) writes.orders.forEach((o, i) => (writes.orders[i] = register.order(writes.keys[i]!, o, i < fromFile)));
      // What each update changed, as written: after the register blanked an erased customer's
      // fields again and payments gave their card and IP facts, not as the file had them.
      writes.updatedStored.forEach((stored, j) => {
        for (const f of changedFields(stored, writes.orders[plan.created.length + j]!, plan.updated[j]!.provided))
          this.changedFields[f] = (this.changedFields[f] ?? 0) + 1;
      });
      await this.supersede(writes.superseded);
      // The undo data, the set-aside rows and the counts go with the blocks, all asked at once.
      const rest = this.batchRecords(batch, progress, {
        supersededOrders: Uint32Array.from(writes.superseded),
        payments: plan.payments.map(({ key, previous }) => ({ key, previous })),
        disputes: plan.disputes.map(({ key, previous }) => ({ key, previous })),
        claims: plan.claims.map(({ key, previous }) => ({ key, previous })),
      });
      const appended = this.orders.append(writes.orders, this.importId, writes.stamps, writes.keys);
      await writesTogether([appended, ...rest]);
      this.reindex(await appended, writes.keys, writes.stamps, plan.created.length);
    });
  }

  /** The batch's undo data, its set-aside rows and the import's counts so far, asked at once (they go with the blocks). */
  private batchRecords(
    batch: ClassifiedBatch,
    progress: { rows: number; counts: ImportCounts },
    undo: Omit<ImportUndoRecord, 'id' | 'importId'>,
  ): Promise<unknown>[] {
    const c = progress.counts.rows;
    return [
      this.db.importUndo.add({ importId: this.importId, ...undo }),
      this.keepProblems(batch.quarantined),
      this.db.imports.update(this.importId, {
        rows: progress.rows,
        created: c.created,
        updated: c.updated,
        unchanged: c.unchanged,
        quarantined: c.quarantined,
      }),
    ];
  }

  /** Stores a batch of new orders from their columns: what the rest of write() does for them as orders. */
  private async writeNewOrders(batch: ClassifiedBatch, newOrders: DeferredOrders, progress: { rows: number; counts: ImportCounts }): Promise<void> {
    const records = batch.created;
    const keys = records.map((r) => r.key);
    const stamps: OrderStamp[] = records.map((r) => ({ scope: r.scope, hash: r.hash }));
    const values = concatOrderValues(newOrders.parts.map((p) => p.values));
    if (values.count !== records.length) throw new Error('the new orders and their values do not match');
    const since = reviewWindowStart(this.clock.now(), this.review.windowDays);
    for (let i = 0; i < values.count; i++) this.review[values.createdAt[i]! >= since ? 'recent' : 'history']++;
    const rest = this.batchRecords(batch, progress, { supersededOrders: new Uint32Array(0), payments: [], disputes: [], claims: [] });
    const appended = this.orders.appendEncoded(encodeAppendValues(values, this.importId, stamps, keys));
    await writesTogether([appended, ...rest]);
    this.reindex(await appended, keys, stamps, keys.length);
    this.ordersFromColumns += keys.length;
  }

  /**
   * The order versions to append: new orders, updated orders merged onto their stored version,
   * and stored orders that take card and IP facts from this batch's payments. Every stored
   * version replaced is listed in `superseded` as [blockId, row] pairs.
   */
  private async orderWrites(
    plan: BatchWrites,
    anyPayments: boolean,
  ): Promise<{ orders: Order[]; stamps: OrderStamp[]; keys: string[]; superseded: number[]; updatedStored: Order[] }> {
    const orders = plan.created.map((c) => c.order);
    const stamps: OrderStamp[] = plan.created.map((c) => c.stamp);
    const keys = plan.created.map((c) => c.key);
    const superseded: number[] = [];
    const replace = (key: string, order: Order, stamp: OrderStamp, at: StoredAt) => {
      orders.push(order);
      stamps.push(stamp);
      keys.push(key);
      superseded.push(at.blockId, at.row);
    };
    /** The stored version of each updated order, in plan.updated's order (their new versions follow the created ones). */
    const updatedStored: Order[] = [];
    for (const rec of plan.updated) {
      const at = this.index.get(rec.key)!;
      const stored = await this.readOrder(at.blockId, at.row);
      updatedStored.push(stored);
      replace(rec.key, mergeProvided<Order>(stored, rec.value, rec.provided), { scope: rec.scope, hash: rec.hash }, at);
    }
    // Shop orders take the card and IP facts of their payments: orders written now from the
    // payments already stored, and stored orders from the payments written now.
    const reached =
      plan.payments.length === 0
        ? []
        : ordersPaymentsReach(
            plan.payments.map((c) => c.next),
            this.orderSource,
            new Set(keys),
            (key) => this.index.get(key),
          );
    const current = await Promise.all(reached.map((t) => this.readOrder(t.at.blockId, t.at.row)));
    const all = current.length === 0 ? orders : [...orders, ...current];
    // A cache without payments has none to join: the orders file alone (the usual first import)
    // then skips listing every order's reference spellings and asking for them.
    const noPayments = plan.payments.length === 0 && !anyPayments;
    const refs = noPayments ? [] : paymentRefsOf(all);
    const payments = refs.length === 0 ? [] : await this.payments.byOrderRefs(refs);
    if (payments.length === 0) return { orders, stamps, keys, superseded, updatedStored };
    const assumed = await this.assumedShopOrders(payments, all, keys, orders);
    const writtenNow = new Set(plan.payments.map((c) => c.key));
    const joined = withDecisivePayments(all, payments, this.orderSource, assumed, (p, why) => {
      // Said once per payment of this import; a stored payment is no news of this file.
      if (!writtenNow.has(p.id) || this.misfitIds.has(p.id)) return;
      this.misfitIds.add(p.id);
      this.misfits[why]++;
    });
    const fromFile = orders.length;
    for (let i = 0; i < fromFile; i++) {
      if (joined[i] !== orders[i]) this.enrichedOrders++;
      orders[i] = joined[i]!;
    }
    reached.forEach((t, i) => {
      const o = joined[fromFile + i]!;
      if (o === current[i]) return;
      this.enrichedOrders++;
      replace(t.key, o, { scope: t.at.scope, hash: t.at.hash }, t.at);
    });
    return { orders, stamps, keys, superseded, updatedStored };
  }

  /**
   * For payments whose shop nobody was asked (Payment.shopAssumed) that name an order of another shop
   * among `all`: the order of their number in the shop they were taken for, from this batch or the
   * cache. Such a payment may speak for the other shop's order only when it does not fit that one.
   */
  private async assumedShopOrders(payments: readonly Payment[], all: readonly Order[], keys: readonly string[], orders: readonly Order[]) {
    const found = new Map<string, Order>();
    const sourceOf = (p: Payment) => p.orderSource ?? this.orderSource;
    const none = () => undefined;
    // The usual batch: its orders are all one shop's, the shop its payments were taken for; nothing to look up.
    const shops = new Set<string>();
    for (const o of all) if (o.marketplace === 'shop') shops.add(o.source);
    if (!payments.some((p) => p.shopAssumed && [...shops].some((s) => s !== sourceOf(p)))) return none;
    const refsElsewhere = new Map<string, Set<string>>();
    for (const o of all) {
      if (o.marketplace !== 'shop') continue;
      for (const r of orderRefVariants(o.externalId)) refsElsewhere.set(r, (refsElsewhere.get(r) ?? new Set()).add(o.source));
    }
    const writing = new Map(keys.map((k, i) => [k, orders[i]!]));
    for (const p of payments) {
      const sources = refsElsewhere.get(p.orderRef);
      if (!p.shopAssumed || !sources || [...sources].every((s) => s === sourceOf(p))) continue;
      for (const ref of orderRefVariants(p.orderRef)) {
        const key = `${sourceOf(p)}:${ref}`;
        if (found.has(key)) break;
        const at = writing.has(key) ? undefined : this.index.get(key);
        const order = writing.get(key) ?? (at ? await this.readOrder(at.blockId, at.row) : undefined);
        if (order) {
          found.set(key, order);
          break;
        }
      }
    }
    return (p: Payment): Order | undefined => {
      for (const ref of orderRefVariants(p.orderRef)) {
        const o = found.get(`${sourceOf(p)}:${ref}`);
        if (o) return o;
      }
      return undefined;
    };
  }

  /** Keeps the batch's quarantined rows, up to MAX_STORED_PROBLEMS per import. */
  private async keepProblems(problems: readonly RowProblem[]): Promise<void> {
    const room = MAX_STORED_PROBLEMS - this.storedProblems;
    if (problems.length === 0 || room <= 0) return;
    const kept = problems.slice(0, room);
    this.storedProblems += kept.length;
    await this.db.quarantine.add({ importId: this.importId, problems: kept });
  }

  /** Closes the import's record: only its own, never a record a restore put under the same id. */
  async finish(patch: Partial<ImportRecord> & { status: ImportRecord['status'] }): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.imports, async () => {
      if (await this.ownRecord()) await db.imports.update(this.importId, { ...patch, endedAt: this.clock.now() });
    });
  }

  /** The import's record while it is this run's: gone or another's when a restore or a cleared cache replaced it. */
  private async ownRecord(): Promise<ImportRecord | undefined> {
    const record = await this.db.imports.get(this.importId);
    return record?.runLock === this.runLock ? record : undefined;
  }

  private async readOrder(blockId: number, row: number): Promise<Order> {
    return (await this.orders.readRows(blockId, [row])).orders[0]!;
  }

  /** Marks [blockId, row] pairs as no longer current. */
  private async supersede(pairs: number[]): Promise<void> {
    const byBlock = new Map<number, number[]>();
    for (let i = 0; i < pairs.length; i += 2) {
      const rows = byBlock.get(pairs[i]!) ?? [];
      rows.push(pairs[i + 1]!);
      byBlock.set(pairs[i]!, rows);
    }
    for (const [blockId, rows] of byBlock) {
      const block = await this.db.orderBlocks.get(blockId);
      if (!block) continue;
      for (const r of rows) block.live[r] = 0;
      await this.db.orderBlocks.update(blockId, { live: block.live });
    }
  }

  /** Enters where each order was written; the first `created` are new orders (orderWrites puts them first). */
  private reindex(blockIds: number[], keys: string[], stamps: OrderStamp[], created: number): void {
    const index = this.index;
    for (let i = 0; i < keys.length; i++) {
      const blockId = blockIds[Math.floor(i / ORDER_BLOCK_SIZE)]!;
      const { scope, hash } = stamps[i]!;
      if (i < created) index.add(keys[i]!, blockId, i % ORDER_BLOCK_SIZE, scope, hash);
      else index.set(keys[i]!, { blockId, row: i % ORDER_BLOCK_SIZE, scope, hash });
    }
  }
}

/**
 * The batch's deferred order values when the batch is new orders only, all created, in its order
 * (its records are those orders and nothing was set aside from them): the writer may store them
 * from their columns. Null otherwise.
 */
export function newOrdersInColumns(batch: ParsedBatch, classified: ClassifiedBatch): DeferredOrders | null {
  const deferred = batch.deferred;
  if (!deferred || deferred.unpacked || classified.updated.length > 0) return null;
  const records = batch.records;
  if (classified.created.length !== records.length) return null;
  if (deferred.parts.reduce((n, p) => n + p.records.length, 0) !== records.length) return null;
  for (let i = 0; i < records.length; i++) if (classified.created[i] !== records[i]) return null;
  return deferred;
}
