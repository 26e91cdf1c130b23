// Reads and writes orders in column blocks. The only code that knows how orders sit in
// IndexedDB; everything above it sees Order values or key columns.
import { FIELD_SEPARATOR, encodeOrders, type OrderTextColumns } from '../../../shared/orders/columns';
import { orderKey, type Order } from '../../../shared/domain/order';
import type { OrderKeys } from '../../../shared/orders/query';
import type { OrderBlockRecord, OrderKeyRecord, WorkbenchDb } from './schema';

export const ORDER_BLOCK_SIZE = 8192;

/** How each appended order was compared on import: its scope and content hash. */
export interface OrderStamp {
  scope: string;
  hash: string;
}

export interface LoadedKeys extends OrderKeys {
  /** Block ids in storage order, and the global row each one starts at. */
  blockIds: number[];
  blockStarts: Uint32Array;
}

export class OrderRepository {
  constructor(private readonly db: WorkbenchDb) {}

  /** Orders in the cache, current versions only. */
  async count(): Promise<number> {
    let n = 0;
    await this.db.orderBlocks.each((b) => {
      for (const v of b.live) n += v;
    });
    return n;
  }

  /**
   * Appends orders as new blocks, live; callers pass chunks in the order they want rows kept.
   * Returns the new block ids. Joins the caller's transaction when there is one.
   */
  async append(orders: readonly Order[], importId = 0, stamps?: readonly OrderStamp[]): Promise<number[]> {
    if (orders.length === 0) return [];
    const last = await this.db.orderBlocks.orderBy('id').last();
    let nextId = (last?.id ?? 0) + 1;
    const blocks: OrderBlockRecord[] = [];
    const texts: { id: number; columns: OrderTextColumns }[] = [];
    const keyRecs: OrderKeyRecord[] = [];
    for (let i = 0; i < orders.length; i += ORDER_BLOCK_SIZE) {
      const slice = orders.slice(i, i + ORDER_BLOCK_SIZE);
      const sliceStamps = stamps?.slice(i, i + ORDER_BLOCK_SIZE);
      const { keys, text } = encodeOrders(slice);
      let min = Infinity;
      let max = -Infinity;
      for (const t of keys.createdAt) {
        if (t < min) min = t;
        if (t > max) max = t;
      }
      blocks.push({ id: nextId, minCreatedAt: min, maxCreatedAt: max, importId, live: new Uint8Array(slice.length).fill(1), ...keys });
      texts.push({ id: nextId, columns: text });
      keyRecs.push({
        id: nextId,
        keys: slice.map(orderKey).join(FIELD_SEPARATOR),
        scopes: slice.map((_, j) => sliceStamps?.[j]?.scope ?? '').join(FIELD_SEPARATOR),
        hashes: slice.map((_, j) => sliceStamps?.[j]?.hash ?? '').join(FIELD_SEPARATOR),
      });
      nextId++;
    }
    await this.db.transaction('rw', [this.db.orderBlocks, this.db.orderText, this.db.orderKeys], async () => {
      await this.db.orderBlocks.bulkAdd(blocks);
      await this.db.orderText.bulkAdd(texts);
      await this.db.orderKeys.bulkAdd(keyRecs);
    });
    return blocks.map((b) => b.id);
  }

  /** Key columns of every cached order, concatenated in block order. */
  async loadKeys(): Promise<LoadedKeys> {
    const blocks = await this.db.orderBlocks.orderBy('id').toArray();
    const count = blocks.reduce((n, b) => n + b.count, 0);
    const keys: LoadedKeys = {
      count,
      createdAt: new Float64Array(count),
      totalMinor: new Float64Array(count),
      marketplace: new Uint8Array(count),
      status: new Uint8Array(count),
      live: new Uint8Array(count),
      blockIds: blocks.map((b) => b.id),
      blockStarts: new Uint32Array(blocks.length),
    };
    let at = 0;
    blocks.forEach((b, i) => {
      keys.blockStarts[i] = at;
      keys.createdAt.set(b.createdAt, at);
      keys.totalMinor.set(b.totalMinor, at);
      keys.marketplace.set(b.marketplace, at);
      keys.status.set(b.status, at);
      keys.live.set(b.live, at);
      at += b.count;
    });
    return keys;
  }

  async loadText(blockId: number): Promise<OrderTextColumns> {
    const rec = await this.db.orderText.get(blockId);
    if (!rec) throw new Error(`Order text block ${blockId} is missing from the cache`);
    return rec.columns;
  }

  async loadTexts(blockIds: number[]): Promise<OrderTextColumns[]> {
    const recs = await this.db.orderText.bulkGet(blockIds);
    return recs.map((r, i) => {
      if (!r) throw new Error(`Order text block ${blockIds[i]} is missing from the cache`);
      return r.columns;
    });
  }
}
