// Where the current version of every cached order lives, by upsert key (`source:externalId`),
// with the scope and hash it was written with: what an import compares each row against.
import { FIELD_SEPARATOR } from '../../../../shared/orders/columns';
import type { Bucket } from '../../../../shared/ingest/reconcile';
import type { WorkbenchDb } from './schema';

export interface OrderLocation {
  blockId: number;
  row: number;
  scope: string;
  hash: string;
}

/**
 * Kept column-wise: a key's slot in typed arrays (block, row, scope) and a list of hashes, not an
 * object per order. A million orders were a million location objects for the collector to trace
 * and move through every import; now they are a few arrays.
 */
export class OrderKeyIndex {
  private readonly slotOf = new Map<string, number>();
  private blockIds = new Float64Array(1024);
  private rows = new Uint32Array(1024);
  private scopeIds = new Uint32Array(1024);
  private readonly hashes: string[] = [];
  /** Scopes are few (one per field set a format fills): each kept once. */
  private readonly scopes: string[] = [];
  private readonly scopeIdOf = new Map<string, number>();
  private used = 0;

  static async load(db: WorkbenchDb): Promise<OrderKeyIndex> {
    const index = new OrderKeyIndex();
    const [blocks, keys] = await Promise.all([db.orderBlocks.toArray(), db.orderKeys.toArray()]);
    const live = new Map(blocks.map((b) => [b.id, b.live]));
    for (const k of keys) {
      const alive = live.get(k.id);
      if (!alive) continue;
      const ks = k.keys.split(FIELD_SEPARATOR);
      const scopes = k.scopes.split(FIELD_SEPARATOR);
      const hashes = k.hashes.split(FIELD_SEPARATOR);
      for (let row = 0; row < ks.length; row++) {
        if (alive[row]) index.put(ks[row]!, k.id, row, scopes[row]!, hashes[row]!);
      }
    }
    return index;
  }

  get(key: string): OrderLocation | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return undefined;
    return { blockId: this.blockIds[slot]!, row: this.rows[slot]!, scope: this.scopes[this.scopeIds[slot]!]!, hash: this.hashes[slot]! };
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  /** An order read with `hash` through `scope`: new, as written (same scope and hash), or changed. One lookup of the key. */
  bucket(key: string, scope: string, hash: string): Bucket {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return 'created';
    return this.scopes[this.scopeIds[slot]!] === scope && this.hashes[slot] === hash ? 'unchanged' : 'updated';
  }

  set(key: string, at: OrderLocation): void {
    this.put(key, at.blockId, at.row, at.scope, at.hash);
  }

  /**
   * Where a new order (one the index does not hold: an import's created order) was written: its
   * key is entered without first being looked up. A key the index held would get a new slot, and
   * answer as after set().
   */
  add(key: string, blockId: number, row: number, scope: string, hash: string): void {
    const slot = this.used++;
    if (slot === this.rows.length) this.grow();
    this.slotOf.set(key, slot);
    this.write(slot, blockId, row, scope, hash);
  }

  delete(key: string): void {
    // The slot stays unused: deletes are rare (none during an import).
    this.slotOf.delete(key);
  }

  get size(): number {
    return this.slotOf.size;
  }

  private put(key: string, blockId: number, row: number, scope: string, hash: string): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.rows.length) this.grow();
      this.slotOf.set(key, slot);
    }
    this.write(slot, blockId, row, scope, hash);
  }

  private write(slot: number, blockId: number, row: number, scope: string, hash: string): void {
    let scopeId = this.scopeIdOf.get(scope);
    if (scopeId === undefined) {
      scopeId = this.scopes.push(scope) - 1;
      this.scopeIdOf.set(scope, scopeId);
    }
    this.blockIds[slot] = blockId;
    this.rows[slot] = row;
    this.scopeIds[slot] = scopeId;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const blockIds = new Float64Array(size);
    blockIds.set(this.blockIds);
    const rows = new Uint32Array(size);
    rows.set(this.rows);
    const scopeIds = new Uint32Array(size);
    scopeIds.set(this.scopeIds);
    this.blockIds = blockIds;
    this.rows = rows;
    this.scopeIds = scopeIds;
  }
}
