// Writes one import into the cache batch by batch. Each batch is one transaction holding its
// records, its undo data, its quarantined rows and the import's running counts, so a crash or
// a full disk leaves whole batches, recorded, and nothing half-written.
import type { Clock } from '../../../../shared/time/clock';
import type { Dispute } from '../../../../shared/domain/dispute';
import type { Order } from '../../../../shared/domain/order';
import type { Payment } from '../../../../shared/domain/payment';
import type { ClassifiedBatch, ImportCounts, KnownRecords } from '../../../../shared/ingest/reconcile';
import type { DomainKind, ParsedRecord } from '../../../../shared/ingest/records';
import type { ParsedBatch } from '../../../../shared/ingest/reader';
import { columnOffsets, decodeOrder } from '../../../../shared/orders/columns';
import { ORDER_TEXT_FIELDS, type OrderTextField } from '../../../../shared/domain/order';
import { decisivePayment, orderRefVariants, withPaymentFacts } from '../../../../shared/orders/paymentFacts';
import { ORDER_BLOCK_SIZE, OrderRepository, type OrderStamp } from '../storage/orderRepository';
import { OrderKeyIndex } from '../storage/orderKeyIndex';
import type { ImportRecord, ImportUndoRecord, StoredDispute, StoredPayment, WorkbenchDb } from '../storage/schema';

/** Most quarantined rows kept per import; the counts stay exact beyond it. */
export const MAX_STORED_PROBLEMS = 10_000;

type OrderRec = Extract<ParsedRecord, { kind: 'order' }>;

/** Takes the fields a file provided from `update` and keeps the rest of `current`. */
function merge<T extends object>(current: T, update: T, provided: readonly string[]): T {
  const out = { ...current } as Record<string, unknown>;
  for (const f of provided) out[f] = (update as Record<string, unknown>)[f];
  return out as T;
}

export class ImportWriter {
  private readonly orders: OrderRepository;
  private storedProblems = 0;
  /** Orders that took card and IP facts from this import's payments (or this import's orders from stored payments). */
  enrichedOrders = 0;
  /** Source of the orders the payments in this file refer to (the preset's orderSource). */
  orderSource = 'shopify';
  private prefetched: { payments: Map<string, StoredPayment>; disputes: Map<string, StoredDispute> } = {
    payments: new Map(),
    disputes: new Map(),
  };

  private constructor(
    private readonly db: WorkbenchDb,
    readonly importId: number,
    private readonly index: OrderKeyIndex,
    private readonly clock: Clock,
  ) {
    this.orders = new OrderRepository(db);
  }

  /** Records the import as running, claimed by `runLock`, and loads what the cache already holds. */
  static async start(db: WorkbenchDb, file: { name: string; size: number }, clock: Clock, runLock: string): Promise<ImportWriter> {
    const record: ImportRecord = {
      fileName: file.name,
      fileSize: file.size,
      fileHash: '',
      format: null,
      formatLabel: null,
      startedAt: clock.now(),
      endedAt: null,
      status: 'running',
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      warnings: [],
      errors: [],
      undoneAt: null,
      runLock,
    };
    const id = (await db.imports.add(record)) as number;
    return new ImportWriter(db, id, await OrderKeyIndex.load(db), clock);
  }

  /** Loads the stored payments and disputes a batch mentions, so `known` can answer synchronously. */
  async prefetch(batch: ParsedBatch): Promise<void> {
    const ids: Record<'payment' | 'dispute', string[]> = { payment: [], dispute: [] };
    const visit = (r: ParsedRecord) => {
      if (r.kind !== 'order') ids[r.kind].push(r.key);
      r.companions?.forEach(visit);
    };
    batch.records.forEach(visit);
    const [payments, disputes] = await Promise.all([this.db.payments.bulkGet(ids.payment), this.db.disputes.bulkGet(ids.dispute)]);
    this.prefetched = { payments: new Map(), disputes: new Map() };
    payments.forEach((p) => p && this.prefetched.payments.set(p.id, p));
    disputes.forEach((d) => d && this.prefetched.disputes.set(d.id, d));
  }

  readonly known: KnownRecords = {
    hashOf: (kind: DomainKind, key: string, scope: string) => {
      const stamp = kind === 'order' ? this.index.get(key) : this.stored(kind, key)?.stamp;
      return stamp && stamp.scope === scope ? stamp.hash : undefined;
    },
    has: (kind: DomainKind, key: string) => (kind === 'order' ? this.index.get(key) !== undefined : this.stored(kind, key) !== undefined),
  };

  private stored(kind: 'payment' | 'dispute', key: string): StoredPayment | StoredDispute | undefined {
    return kind === 'payment' ? this.prefetched.payments.get(key) : this.prefetched.disputes.get(key);
  }

  /** Writes one classified batch and the import's counts so far, all or nothing. */
  async write(batch: ClassifiedBatch, progress: { rows: number; counts: ImportCounts }): Promise<void> {
    const db = this.db;
    const tables = [db.orderBlocks, db.orderText, db.orderKeys, db.orderReportColumns, db.meta, db.payments, db.disputes, db.importUndo, db.quarantine, db.imports];
    await db.transaction('rw', tables, async () => {
      const undo: ImportUndoRecord = { importId: this.importId, supersededOrders: new Uint32Array(0), payments: [], disputes: [] };
      const newOrders: Order[] = [];
      const stamps: OrderStamp[] = [];
      const keys: string[] = [];
      const orderUpdates: OrderRec[] = [];
      const payments: StoredPayment[] = [];
      const disputes: StoredDispute[] = [];
      for (const rec of [...batch.created, ...batch.updated]) {
        const stamp = { importId: this.importId, scope: rec.scope, hash: rec.hash };
        if (rec.kind === 'order') {
          if (this.index.get(rec.key)) orderUpdates.push(rec);
          else {
            newOrders.push(rec.value);
            stamps.push(stamp);
            keys.push(rec.key);
          }
        } else if (rec.kind === 'payment') {
          const previous = this.prefetched.payments.get(rec.key) ?? null;
          const next: StoredPayment = { ...(previous ? merge<Payment>(previous, rec.value, rec.provided) : rec.value), stamp };
          undo.payments.push({ key: rec.key, previous });
          this.prefetched.payments.set(rec.key, next);
          payments.push(next);
        } else {
          const previous = this.prefetched.disputes.get(rec.key) ?? null;
          const next: StoredDispute = { ...(previous ? merge<Dispute>(previous, rec.value, rec.provided) : rec.value), stamp };
          undo.disputes.push({ key: rec.key, previous });
          this.prefetched.disputes.set(rec.key, next);
          disputes.push(next);
        }
      }
      await db.payments.bulkPut(payments);
      await db.disputes.bulkPut(disputes);
      // An updated order: its new version is appended, the old row marked superseded.
      const superseded: number[] = [];
      for (const rec of orderUpdates) {
        const at = this.index.get(rec.key)!;
        const current = await this.readOrder(at.blockId, at.row);
        newOrders.push(merge<Order>(current, rec.value, rec.provided));
        stamps.push({ scope: rec.scope, hash: rec.hash });
        keys.push(rec.key);
        superseded.push(at.blockId, at.row);
      }
      // Shop orders take the card and IP facts of their payments: orders written now from the
      // payments already stored, and stored orders from the payments written now.
      const writing = new Set(keys);
      const touched: { key: string; at: { blockId: number; row: number; scope: string; hash: string } }[] = [];
      for (const p of payments) {
        for (const ref of orderRefVariants(p.orderRef)) {
          const key = `${this.orderSource}:${ref}`;
          const at = writing.has(key) ? undefined : this.index.get(key);
          if (!at) continue;
          touched.push({ key, at });
          writing.add(key);
        }
      }
      const current = await Promise.all(touched.map((t) => this.readOrder(t.at.blockId, t.at.row)));
      const joined = await this.joinPayments([...newOrders, ...current]);
      const fromFile = newOrders.length;
      joined.slice(0, fromFile).forEach((o, i) => {
        if (o !== newOrders[i]) this.enrichedOrders++;
        newOrders[i] = o;
      });
      touched.forEach((t, i) => {
        const o = joined[fromFile + i]!;
        if (o === current[i]) return;
        this.enrichedOrders++;
        newOrders.push(o);
        stamps.push({ scope: t.at.scope, hash: t.at.hash });
        keys.push(t.key);
        superseded.push(t.at.blockId, t.at.row);
      });
      await this.supersede(superseded);
      undo.supersededOrders = Uint32Array.from(superseded);
      const blockIds = await this.orders.append(newOrders, this.importId, stamps);
      this.reindex(blockIds, keys, stamps);
      await db.importUndo.add(undo);
      const room = MAX_STORED_PROBLEMS - this.storedProblems;
      if (batch.quarantined.length > 0 && room > 0) {
        const problems = batch.quarantined.slice(0, room);
        this.storedProblems += problems.length;
        await db.quarantine.add({ importId: this.importId, problems });
      }
      const c = progress.counts.rows;
      await db.imports.update(this.importId, { rows: progress.rows, created: c.created, updated: c.updated, unchanged: c.unchanged, quarantined: c.quarantined });
    });
  }

  /** Each own-shop order with the facts of its decisive stored payment (same object when none adds anything). */
  private async joinPayments(orders: Order[]): Promise<Order[]> {
    // The same rule both ways round: the orders of the source the payments refer to.
    const joins = (o: Order) => o.marketplace === 'shop' && o.source === this.orderSource;
    const shop = orders.filter(joins);
    if (shop.length === 0) return orders;
    const refs = [...new Set(shop.flatMap((o) => orderRefVariants(o.externalId)))];
    const byRef = new Map<string, Payment[]>();
    for (const p of await this.db.payments.where('orderRef').anyOf(refs).toArray()) {
      const list = byRef.get(p.orderRef) ?? [];
      list.push(p);
      byRef.set(p.orderRef, list);
    }
    return orders.map((o) => {
      if (!joins(o)) return o;
      const p = decisivePayment(orderRefVariants(o.externalId).flatMap((r) => byRef.get(r) ?? []));
      return p ? withPaymentFacts(o, p) : o;
    });
  }

  async finish(patch: Partial<ImportRecord> & { status: ImportRecord['status'] }): Promise<void> {
    await this.db.imports.update(this.importId, { ...patch, endedAt: this.clock.now() });
  }

  private async readOrder(blockId: number, row: number): Promise<Order> {
    const [block, text] = await Promise.all([this.db.orderBlocks.get(blockId), this.db.orderText.get(blockId)]);
    if (!block || !text) throw new Error(`Order block ${blockId} is missing from the cache`);
    const offsets = {} as Record<OrderTextField, Uint32Array>;
    for (const f of ORDER_TEXT_FIELDS) offsets[f] = columnOffsets(text.columns[f], block.count);
    return decodeOrder(block, row, text.columns, offsets, row);
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

  private reindex(blockIds: number[], keys: string[], stamps: OrderStamp[]): void {
    keys.forEach((key, i) => {
      const blockIndex = Math.floor(i / ORDER_BLOCK_SIZE);
      this.index.set(key, { blockId: blockIds[blockIndex]!, row: i % ORDER_BLOCK_SIZE, scope: stamps[i]!.scope, hash: stamps[i]!.hash });
    });
  }
}
