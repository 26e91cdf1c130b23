// Reads and writes orders in column blocks. The only code that knows how orders sit in
// IndexedDB; everything above it sees Order values or key columns.
import { encodeOrders, type OrderTextColumns } from '../../../shared/orders/columns';
import type { Order } from '../../../shared/domain/order';
import type { OrderKeys } from '../../../shared/orders/query';
import type { OrderBlockRecord, WorkbenchDb } from './schema';

export const ORDER_BLOCK_SIZE = 8192;

export interface LoadedKeys extends OrderKeys {
  /** Block ids in storage order, and the global row each one starts at. */
  blockIds: number[];
  blockStarts: Uint32Array;
}

export class OrderRepository {
  constructor(private readonly db: WorkbenchDb) {}

  async count(): Promise<number> {
    let n = 0;
    await this.db.orderBlocks.each((b) => {
      n += b.count;
    });
    return n;
  }

  /** Appends orders as new blocks; callers pass chunks in the order they want rows kept. */
  async append(orders: readonly Order[]): Promise<void> {
    if (orders.length === 0) return;
    const last = await this.db.orderBlocks.orderBy('id').last();
    let nextId = (last?.id ?? 0) + 1;
    const blocks: OrderBlockRecord[] = [];
    const texts: { id: number; columns: OrderTextColumns }[] = [];
    for (let i = 0; i < orders.length; i += ORDER_BLOCK_SIZE) {
      const slice = orders.slice(i, i + ORDER_BLOCK_SIZE);
      const { keys, text } = encodeOrders(slice);
      let min = Infinity;
      let max = -Infinity;
      for (const t of keys.createdAt) {
        if (t < min) min = t;
        if (t > max) max = t;
      }
      blocks.push({ id: nextId, minCreatedAt: min, maxCreatedAt: max, ...keys });
      texts.push({ id: nextId, columns: text });
      nextId++;
    }
    await this.db.transaction('rw', this.db.orderBlocks, this.db.orderText, async () => {
      await this.db.orderBlocks.bulkAdd(blocks);
      await this.db.orderText.bulkAdd(texts);
    });
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
