// Payments are stored in blocks of up to PAYMENT_BLOCK_SIZE, like orders: IndexedDB costs about
// 90-110 µs per record written whatever its size (measured in Chromium: 100k small records 8.7 s,
// with the two lookups payments had 13 s), so one record per payment held a large payments file or
// the demo's quarter of a million payments to ~10k rows/s. A block's keys (ids, order references,
// dates) sit in a small record of their own, read to find a payment without reading the blocks.
import type { PaymentBlockRecord, PaymentKeysRecord, StoredPayment, WorkbenchDb } from './schema';

export const PAYMENT_BLOCK_SIZE = 4096;
/**
 * The keys record under this id is no block: it holds the payments' write mark, a new random value
 * with every write. A store that finds another mark than its index was read at reads the index
 * again, so a writer elsewhere (the other worker, another window, a demo load during an import, a
 * restore) is never overwritten by a stale index, and a write whose transaction aborted is forgotten.
 */
export const MARK_ID = 0;
/** New payments fill the newest block only when they are at most 1/FILL_BELOW of a block. */
const FILL_BELOW = 8;

/** The keys record of a block: what lookups by id, order reference and date read. */
export function paymentKeysOf(block: PaymentBlockRecord): PaymentKeysRecord {
  const ids: string[] = [];
  const orderRefs: string[] = [];
  const createdAt = new Float64Array(block.rows.length);
  block.rows.forEach((p, i) => {
    ids.push(p.id);
    orderRefs.push(p.orderRef);
    createdAt[i] = p.createdAt;
  });
  return { id: block.id, count: ids.length, ids, orderRefs, createdAt };
}

/** Which block holds each payment id, and which blocks hold payments of an order reference. */
export class PaymentIndex {
  private readonly blockOfId = new Map<string, number>();
  private readonly blocksOfRef = new Map<string, Set<number>>();
  private readonly keys = new Map<number, PaymentKeysRecord>();
  private lastBlock = 0;
  private size = 0;
  /** The payments' write mark this index was read at (or last wrote): another writer changes it. */
  mark: string | null = null;

  static async load(db: WorkbenchDb): Promise<PaymentIndex> {
    const index = new PaymentIndex();
    for (const k of await db.paymentKeys.toArray()) {
      if (k.id === MARK_ID) index.mark = k.mark ?? null;
      else index.add(k);
    }
    return index;
  }

  get count(): number {
    return this.size;
  }

  /** The newest block (a few new payments fill it before a new one starts), null when there is none. */
  get last(): { id: number; rows: number } | null {
    const k = this.keys.get(this.lastBlock);
    return k ? { id: k.id, rows: k.ids.length } : null;
  }

  /** Above every block this index knows (the database is asked too: see PaymentStore.put). */
  get nextBlockId(): number {
    return this.lastBlock + 1;
  }

  blockOf(id: string): number | undefined {
    return this.blockOfId.get(id);
  }

  blocksOfRefs(refs: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const r of refs) for (const b of this.blocksOfRef.get(r) ?? []) out.add(b);
    return out;
  }

  /** Blocks holding a payment dated before `before`. */
  blocksBefore(before: number): number[] {
    const out: number[] = [];
    for (const k of this.keys.values()) if (k.createdAt.some((t) => t < before)) out.push(k.id);
    return out;
  }

  blockIds(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }

  /** Puts a block's keys in place of what it held before (none for a new block). */
  replace(next: PaymentKeysRecord | null, blockId: number): void {
    const prev = this.keys.get(blockId);
    if (prev) this.remove(prev);
    if (next) this.add(next);
  }

  private add(k: PaymentKeysRecord): void {
    this.keys.set(k.id, k);
    if (k.id > this.lastBlock) this.lastBlock = k.id;
    this.size += k.ids.length;
    for (const id of k.ids) this.blockOfId.set(id, k.id);
    for (const r of k.orderRefs) {
      let s = this.blocksOfRef.get(r);
      if (!s) this.blocksOfRef.set(r, (s = new Set()));
      s.add(k.id);
    }
  }

  private remove(k: PaymentKeysRecord): void {
    this.keys.delete(k.id);
    this.size -= k.ids.length;
    for (const id of k.ids) if (this.blockOfId.get(id) === k.id) this.blockOfId.delete(id);
    for (const r of k.orderRefs) {
      const s = this.blocksOfRef.get(r);
      if (!s) continue;
      s.delete(k.id);
      if (s.size === 0) this.blocksOfRef.delete(r);
    }
  }
}

/**
 * The cached payments, read and written by id, order reference and date. Writes must run inside
 * a transaction over paymentBlocks and paymentKeys. A store keeps its index across calls (an import
 * keeps one store for its whole run) and reads it again only when the write mark says another
 * writer changed the payments.
 */
export class PaymentStore {
  private loaded: PaymentIndex | null = null;
  /** The ids appendNew wrote and the write mark it left; null before its first write and after any fall-back to put. */
  private appended: { ids: Set<string>; mark: string } | null = null;

  constructor(
    private readonly db: WorkbenchDb,
    /** Tests make it small to cross block edges with few payments. */
    private readonly blockSize = PAYMENT_BLOCK_SIZE,
  ) {}

  /**
   * The index, read on first use and again whenever another writer changed the payments since (the
   * write mark differs). Kept as a value, not a promise: a transaction that awaited a promise made
   * before it began would lose its scope and commit early.
   */
  async index(): Promise<PaymentIndex> {
    const mark = (await this.db.paymentKeys.get(MARK_ID))?.mark ?? null;
    if (!this.loaded || this.loaded.mark !== mark) this.loaded = await PaymentIndex.load(this.db);
    return this.loaded;
  }

  /** How many payments the cache holds, from the blocks' indexed counts (the index is not read for it). */
  async count(): Promise<number> {
    let n = 0;
    for (const c of (await this.db.paymentKeys.orderBy('count').keys()) as number[]) n += c;
    return n;
  }

  /** Whether the cache holds any payment: one block's key is enough (the write mark is none). */
  async any(): Promise<boolean> {
    return (await this.db.paymentKeys.where('id').above(MARK_ID).limit(1).primaryKeys()).length > 0;
  }

  async get(id: string): Promise<StoredPayment | undefined> {
    return (await this.bulkGet([id]))[0];
  }

  /** The payments of these ids, in their order (undefined where none is cached). */
  async bulkGet(ids: readonly string[]): Promise<(StoredPayment | undefined)[]> {
    // An orders file's batches ask for none: no index check for them.
    if (ids.length === 0) return [];
    const index = await this.index();
    const found = await this.rowsIn(new Set(ids.map((id) => index.blockOf(id)).filter((b) => b !== undefined)));
    const byId = new Map<string, StoredPayment>();
    for (const p of found) byId.set(p.id, p);
    return ids.map((id) => byId.get(id));
  }

  /** Payments carrying any of these order references, by reference then id. */
  async byOrderRefs(refs: Iterable<string>): Promise<StoredPayment[]> {
    const wanted = new Set(refs);
    const index = await this.index();
    const rows = (await this.rowsIn(index.blocksOfRefs(wanted))).filter((p) => wanted.has(p.orderRef));
    return rows.sort((a, b) => (a.orderRef < b.orderRef ? -1 : a.orderRef > b.orderRef ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Payments dated before `before`. */
  async createdBefore(before: number): Promise<StoredPayment[]> {
    const index = await this.index();
    return (await this.rowsIn(new Set(index.blocksBefore(before)))).filter((p) => p.createdAt < before);
  }

  /**
   * The failed payments (declined tries), block by block, a few blocks at a time: the card-testing
   * signal reads them all, and a year of payments is a quarter of a million rows held at once.
   */
  async failed(): Promise<StoredPayment[]> {
    const out: StoredPayment[] = [];
    let last = 0;
    for (;;) {
      const page = await this.db.paymentBlocks.where('id').above(last).limit(16).toArray();
      if (page.length === 0) return out;
      for (const b of page) for (const p of b.rows) if (p.status === 'failed') out.push(p);
      last = page.at(-1)!.id;
    }
  }

  /** The payments' write mark: another value means payments were written or removed since. */
  async mark(): Promise<string | null> {
    return (await this.db.paymentKeys.get(MARK_ID))?.mark ?? null;
  }

  /** Every payment, block by block. */
  async all(): Promise<StoredPayment[]> {
    return this.rowsIn(new Set((await this.index()).blockIds()));
  }

  /**
   * Writes payments: one already cached is replaced where it lies; new ones go to new blocks, or
   * fill the newest block when they are few. The last version of an id in `payments` stands.
   */
  async put(payments: readonly StoredPayment[]): Promise<void> {
    if (payments.length === 0) return;
    const index = await this.index();
    const latest = new Map<string, StoredPayment>();
    for (const p of payments) latest.set(p.id, p);
    const touched = new Map<number, Map<string, StoredPayment>>();
    const fresh: StoredPayment[] = [];
    for (const p of latest.values()) {
      const b = index.blockOf(p.id);
      if (b === undefined) {
        fresh.push(p);
        continue;
      }
      let m = touched.get(b);
      if (!m) touched.set(b, (m = new Map()));
      m.set(p.id, p);
    }
    // A few new payments (a small file, an undo) fill the newest block rather than start a tiny one;
    // a larger write starts its own blocks, so a big import or the demo load never rewrites a block
    // it has just written (each rewrite clones the whole block again).
    const last = index.last;
    const fillLast = last !== null && last.rows < this.blockSize && fresh.length > 0 && fresh.length * FILL_BELOW <= this.blockSize;
    const read = await this.blocks([...touched.keys(), ...(fillLast && !touched.has(last.id) ? [last.id] : [])]);
    const out: PaymentBlockRecord[] = [];
    for (const [id, block] of read) {
      const replace = touched.get(id);
      const rows = replace ? block.rows.map((p) => replace.get(p.id) ?? p) : block.rows.slice();
      out.push({ id, rows });
    }
    let from = 0;
    if (fillLast) {
      const target = out.find((b) => b.id === last.id)!;
      from = Math.min(fresh.length, this.blockSize - target.rows.length);
      for (let i = 0; i < from; i++) target.rows.push(fresh[i]!);
    }
    const added: PaymentBlockRecord[] = [];
    if (from < fresh.length) {
      let nextId = Math.max(index.nextBlockId, (((await this.db.paymentBlocks.orderBy('id').lastKey()) as number | undefined) ?? 0) + 1);
      for (let i = from; i < fresh.length; i += this.blockSize) added.push({ id: nextId++, rows: fresh.slice(i, i + this.blockSize) });
    }
    await this.write(index, out, added, []);
  }

  /**
   * Writes payments as put would, faster while they are new: payments of ids no block holds go to
   * blocks of their own without the index being kept (the demo load's quarter of a million
   * payments: the index cost its writing thread half a second, and the load never reads it). That
   * holds while the cache held no payment before this store's first appendNew, no other writer has
   * written since (the write mark is still the one it left) and no id comes a second time; at the
   * first call where any of it fails, and on every later one, this is put.
   */
  async appendNew(payments: readonly StoredPayment[]): Promise<void> {
    if (payments.length === 0) return;
    const state = this.appended;
    let fresh = state === null ? !(await this.any()) : ((await this.db.paymentKeys.get(MARK_ID))?.mark ?? null) === state.mark;
    const ids = state?.ids ?? new Set<string>();
    for (let i = 0; fresh && i < payments.length; i++) {
      const id = payments[i]!.id;
      if (ids.has(id)) fresh = false;
      else ids.add(id);
    }
    if (!fresh) {
      this.appended = null;
      return this.put(payments);
    }
    let nextId = (((await this.db.paymentBlocks.orderBy('id').lastKey()) as number | undefined) ?? 0) + 1;
    const added: PaymentBlockRecord[] = [];
    for (let i = 0; i < payments.length; i += this.blockSize) added.push({ id: nextId++, rows: payments.slice(i, i + this.blockSize) });
    // Whatever index this store read is now outdated: the new mark makes index() read it again.
    this.appended = { ids, mark: (await this.write(null, [], added, []))! };
  }

  /** Removes the payments of these ids (none cached: nothing to do). */
  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index();
    const gone = new Set(ids);
    const blocks = await this.blocks([...new Set(ids.map((id) => index.blockOf(id)).filter((b) => b !== undefined))]);
    const kept: PaymentBlockRecord[] = [];
    const emptied: number[] = [];
    for (const [id, block] of blocks) {
      const rows = block.rows.filter((p) => !gone.has(p.id));
      if (rows.length === 0) emptied.push(id);
      else kept.push({ id, rows });
    }
    await this.write(index, kept, [], emptied);
  }

  /**
   * Rewrites `changed` blocks, adds `added` ones (an id already taken aborts, never overwrites),
   * removes `emptied`, and leaves a new write mark, which it returns. `index` is kept up to date;
   * without one (appendNew) any index read before is outdated by the mark.
   */
  private async write(index: PaymentIndex | null, changed: PaymentBlockRecord[], added: PaymentBlockRecord[], emptied: number[]): Promise<string | null> {
    if (changed.length + added.length + emptied.length === 0) return null;
    const keys = [...changed, ...added].map(paymentKeysOf);
    const mark = newMark();
    const writes: Promise<unknown>[] = [this.db.paymentKeys.put(markRecord(mark)), this.db.paymentKeys.bulkPut(keys)];
    if (changed.length) writes.push(this.db.paymentBlocks.bulkPut(changed));
    if (added.length) writes.push(this.db.paymentBlocks.bulkAdd(added));
    if (emptied.length) writes.push(this.db.paymentBlocks.bulkDelete(emptied), this.db.paymentKeys.bulkDelete(emptied));
    await Promise.all(writes);
    if (index) {
      for (const k of keys) index.replace(k, k.id);
      for (const id of emptied) index.replace(null, id);
      index.mark = mark;
    }
    return mark;
  }

  private async blocks(ids: number[]): Promise<Map<number, PaymentBlockRecord>> {
    // No request for nothing: a transaction whose first step asks for nothing commits before its next.
    if (ids.length === 0) return new Map();
    const got = await this.db.paymentBlocks.bulkGet(ids);
    const out = new Map<number, PaymentBlockRecord>();
    got.forEach((b, i) => {
      if (!b) throw new Error(`Payment block ${ids[i]} is missing from the cache: its keys name it`);
      out.set(b.id, b);
    });
    return out;
  }

  private async rowsIn(blockIds: Set<number>): Promise<StoredPayment[]> {
    if (blockIds.size === 0) return [];
    const blocks = await this.blocks([...blockIds].sort((a, b) => a - b));
    const out: StoredPayment[] = [];
    for (const b of blocks.values()) for (const p of b.rows) out.push(p);
    return out;
  }
}

function newMark(): string {
  return crypto.randomUUID();
}

function markRecord(mark: string): PaymentKeysRecord {
  return { id: MARK_ID, count: 0, ids: [], orderRefs: [], createdAt: new Float64Array(0), mark };
}

/** Writes the keys of every payment block again from the blocks (after a restore or a migration). */
export async function rebuildPaymentKeys(db: WorkbenchDb): Promise<void> {
  await db.paymentKeys.clear();
  await db.paymentKeys.put(markRecord(newMark()));
  let last = 0;
  for (;;) {
    const page = await db.paymentBlocks.where('id').above(last).limit(64).toArray();
    if (page.length === 0) return;
    await db.paymentKeys.bulkPut(page.map(paymentKeysOf));
    last = page.at(-1)!.id;
  }
}

/**
 * Payments an earlier release wrote into the retired one-record-per-payment table after this one
 * had moved them (an analyst rolled back and forward again): moved into blocks, their versions
 * standing over those in blocks, and the table emptied. Returns how many moved.
 */
export async function moveRetiredPayments(db: WorkbenchDb): Promise<number> {
  const retired = db.table<StoredPayment, string>('payments');
  if ((await retired.limit(1).primaryKeys()).length === 0) return 0;
  return db.transaction('rw', [retired, db.paymentBlocks, db.paymentKeys], async () => {
    const rows = await retired.toArray();
    await new PaymentStore(db).put(rows);
    await retired.clear();
    return rows.length;
  });
}
