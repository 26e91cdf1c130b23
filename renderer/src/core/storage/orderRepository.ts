// Reads and writes orders in column blocks. The only code that knows how orders sit in
// IndexedDB; everything above it sees Order values or key columns.
import type { OrderStamp } from '../../../../shared/ingest/writePlan';
import {
  DICT_FIELDS,
  FIELD_SEPARATOR,
  columnOffsets,
  decodeOrder,
  encodeOrders,
  keyHash,
  type DictField,
  type OrderDictColumns,
  type OrderTextColumns,
} from '../../../../shared/orders/columns';
import { ORDER_TEXT_FIELDS, orderKey, type Order, type OrderTextField } from '../../../../shared/domain/order';
import type { OrderKeys } from '../../../../shared/orders/query';
import { encodeOrderValues, sliceOrderValues, type PackedOrderValues } from '../../../../shared/ingest/orderColumns';
import { writesTogether } from './diskFull';
import type { OrderBlockRecord, OrderKeyRecord, OrderReportColumnsRecord, WorkbenchDb } from './schema';

export const ORDER_BLOCK_SIZE = 8192;
const BLOCK_SEQUENCE = 'orderBlockSequence';

/** How each appended order was compared on import: its scope and content hash. */
export type { OrderStamp };

export interface LoadedKeys extends OrderKeys {
  /** Block ids in storage order, and the global row each one starts at. */
  blockIds: number[];
  blockStarts: Uint32Array;
  /** The import that wrote each block (0: demo data). */
  blockImportIds: number[];
}

export interface LoadedDict {
  values: Record<DictField, string[]>;
  codes: Record<DictField, Uint16Array>;
  /** Block indexes (not ids) written before blocks carried dictionaries. */
  missing: number[];
}

/** Merges blocks' dictionaries into one, rewriting each block's codes into the global ones. */
export function mergeDicts(blocks: readonly { count: number; dict?: Partial<OrderDictColumns> }[], count: number): LoadedDict {
  const values = {} as Record<DictField, string[]>;
  const codes = {} as Record<DictField, Uint16Array>;
  const missing: number[] = [];
  blocks.forEach((b, i) => {
    if (!b.dict) missing.push(i);
  });
  for (const f of DICT_FIELDS) {
    const all: string[] = [];
    const index = new Map<string, number>();
    const out = new Uint16Array(count);
    let at = 0;
    for (const b of blocks) {
      // A field added to the dictionaries after the block was written (knownOutcome): its rows read ''.
      const d = b.dict ? (b.dict[f] ?? { values: [''], codes: new Uint16Array(b.count) }) : undefined;
      if (d) {
        const remap = new Uint16Array(d.values.length);
        d.values.forEach((v, j) => {
          let c = index.get(v);
          if (c === undefined) {
            c = Math.min(all.push(v) - 1, 0xffff);
            index.set(v, c);
          }
          remap[j] = c;
        });
        for (let r = 0; r < b.count; r++) out[at + r] = remap[d.codes[r]!]!;
      }
      at += b.count;
    }
    values[f] = all;
    codes[f] = out;
  }
  return { values, codes, missing };
}

/** Orders as the records of their new blocks, ids still to be given: what append writes. */
export interface EncodedOrders {
  blocks: OrderBlockRecord[];
  texts: { id: number; columns: OrderTextColumns }[];
  keys: OrderKeyRecord[];
  reports: OrderReportColumnsRecord[];
}

/**
 * Encodes orders into blocks of ORDER_BLOCK_SIZE for OrderRepository.appendEncoded. Pure (no
 * database), so a worker can encode while another thread writes (the demo load, demoAhead.ts).
 */
export function encodeAppend(orders: readonly Order[], importId = 0, stamps?: readonly OrderStamp[], keys?: readonly string[]): EncodedOrders {
  const out: EncodedOrders = { blocks: [], texts: [], keys: [], reports: [] };
  for (let i = 0; i < orders.length; i += ORDER_BLOCK_SIZE) {
    const slice = orders.slice(i, i + ORDER_BLOCK_SIZE);
    const sliceStamps = stamps?.slice(i, i + ORDER_BLOCK_SIZE);
    const sliceKeys = keys ? keys.slice(i, i + ORDER_BLOCK_SIZE) : slice.map(orderKey);
    const { keys: columns, text, dict } = encodeOrders(slice);
    let min = Infinity;
    let max = -Infinity;
    for (const t of columns.createdAt) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
    out.blocks.push({ id: 0, minCreatedAt: min, maxCreatedAt: max, importId, live: new Uint8Array(slice.length).fill(1), ...columns });
    out.reports.push({ id: 0, dict, keyHashes: Float64Array.from(sliceKeys, keyHash) });
    out.texts.push({ id: 0, columns: text });
    out.keys.push({
      id: 0,
      keys: sliceKeys.join(FIELD_SEPARATOR),
      scopes: slice.map((_, j) => sliceStamps?.[j]?.scope ?? '').join(FIELD_SEPARATOR),
      hashes: slice.map((_, j) => sliceStamps?.[j]?.hash ?? '').join(FIELD_SEPARATOR),
    });
  }
  return out;
}

/**
 * Packed orders (orderColumns.ts) as blocks for appendEncoded: what encodeAppend gives for the
 * unpacked orders, without building them.
 */
export function encodeAppendValues(values: PackedOrderValues, importId: number, stamps: readonly OrderStamp[], keys: readonly string[]): EncodedOrders {
  const out: EncodedOrders = { blocks: [], texts: [], keys: [], reports: [] };
  for (let i = 0; i < values.count; i += ORDER_BLOCK_SIZE) {
    const end = Math.min(values.count, i + ORDER_BLOCK_SIZE);
    const sliceStamps = stamps.slice(i, end);
    const sliceKeys = keys.slice(i, end);
    const { keys: columns, text, dict } = encodeOrderValues(sliceOrderValues(values, i, end));
    let min = Infinity;
    let max = -Infinity;
    for (const t of columns.createdAt) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
    out.blocks.push({ id: 0, minCreatedAt: min, maxCreatedAt: max, importId, live: new Uint8Array(end - i).fill(1), ...columns });
    out.reports.push({ id: 0, dict, keyHashes: Float64Array.from(sliceKeys, keyHash) });
    out.texts.push({ id: 0, columns: text });
    out.keys.push({
      id: 0,
      keys: sliceKeys.join(FIELD_SEPARATOR),
      scopes: sliceStamps.map((s) => s.scope).join(FIELD_SEPARATOR),
      hashes: sliceStamps.map((s) => s.hash).join(FIELD_SEPARATOR),
    });
  }
  return out;
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
   * Returns the new block ids. Joins the caller's transaction when there is one. `keys`, when the
   * caller has them, are the orders' upsert keys (`orderKey` of each), so they are not built again.
   */
  append(orders: readonly Order[], importId = 0, stamps?: readonly OrderStamp[], keys?: readonly string[]): Promise<number[]> {
    return this.appendEncoded(encodeAppend(orders, importId, stamps, keys));
  }

  /** Appends blocks encodeAppend made (here or in a worker), as append does. */
  async appendEncoded(encoded: EncodedOrders): Promise<number[]> {
    const { blocks, texts, keys: keyRecs, reports: reportRecs } = encoded;
    if (blocks.length === 0) return [];
    await this.db.transaction('rw', [this.db.orderBlocks, this.db.orderText, this.db.orderKeys, this.db.orderReportColumns, this.db.meta], async () => {
      // Block ids are never reused, not even after Undo removed the newest blocks: a reader
      // holding an older snapshot must not load another block's text under the same id.
      // Both asked at once: one wait on the database instead of two, for every batch an import writes.
      const [last, kept] = await Promise.all([this.db.orderBlocks.orderBy('id').lastKey(), this.db.meta.get(BLOCK_SEQUENCE)]);
      const seq = (kept?.value as number | undefined) ?? 0;
      let nextId = Math.max((last as number | undefined) ?? 0, seq) + 1;
      for (let i = 0; i < blocks.length; i++) {
        blocks[i]!.id = texts[i]!.id = keyRecs[i]!.id = reportRecs[i]!.id = nextId++;
      }
      // All requests at once: the database works through them while this thread does not wait on each.
      await writesTogether([
        this.db.meta.put({ key: BLOCK_SEQUENCE, value: nextId - 1 }),
        this.db.orderBlocks.bulkAdd(blocks),
        this.db.orderText.bulkAdd(texts),
        this.db.orderKeys.bulkAdd(keyRecs),
        this.db.orderReportColumns.bulkAdd(reportRecs),
      ]);
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
      blockImportIds: blocks.map((b) => b.importId),
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

  /** Report columns of each block, in the order asked; undefined for blocks written before they existed. */
  async loadReportColumns(blockIds: number[]): Promise<(OrderReportColumnsRecord | undefined)[]> {
    return this.db.orderReportColumns.bulkGet(blockIds);
  }

  /** The joined upsert keys (`source:externalId`) of each block, in the order asked. */
  async loadKeyRecords(blockIds: number[]): Promise<string[]> {
    const recs = await this.db.orderKeys.bulkGet(blockIds);
    return recs.map((r, i) => {
      if (!r) throw new Error(`Order key block ${blockIds[i]} is missing from the cache`);
      return r.keys;
    });
  }

  /** The orders at `rows` of one block, as stored (live or not); the block is read once. */
  async readRows(blockId: number, rows: readonly number[]): Promise<{ orders: Order[]; importId: number }> {
    const [block, text] = await Promise.all([this.db.orderBlocks.get(blockId), this.db.orderText.get(blockId)]);
    if (!block || !text) throw new Error(`Order block ${blockId} is missing from the cache`);
    const offsets = {} as Record<OrderTextField, Uint32Array>;
    for (const f of ORDER_TEXT_FIELDS) offsets[f] = columnOffsets(text.columns[f], block.count);
    return { orders: rows.map((row) => decodeOrder(block, row, text.columns, offsets, row)), importId: block.importId };
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
