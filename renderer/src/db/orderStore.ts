// In-memory view of all cached orders for the Orders screen: key columns load at open, text
// blocks load on demand (visible rows) or all at once (first search). Runs inside a worker.
import { ORDER_TEXT_FIELDS, type Order, type OrderTextField } from '../../../shared/domain/order';
import { columnOffsets, decodeOrder, lastStartAtOrBefore, type OrderTextColumns } from '../../../shared/orders/columns';
import { filterRows, sortPermutation, type OrderFilter, type OrderSort, type OrderSortField } from '../../../shared/orders/query';
import { SEARCH_FIELDS, normaliseQuery, searchMask, type SearchableBlock } from '../../../shared/orders/search';
import { OrderRepository, type LoadedKeys } from './orderRepository';
import type { WorkbenchDb } from './schema';

export interface OrderQuery {
  filter: OrderFilter;
  sort: OrderSort;
  search: string;
}

export interface OrderRow extends Order {
  /** Position in the cache; stable until the next import. */
  row: number;
}

interface TextBlock {
  columns: OrderTextColumns;
  offsets: Record<OrderTextField, Uint32Array>;
  search?: SearchableBlock;
}

export class OrderStore {
  private readonly repo: OrderRepository;
  private keys: LoadedKeys | null = null;
  private liveCount = 0;
  private readonly perms = new Map<OrderSortField, Uint32Array>();
  private readonly texts = new Map<number, Promise<TextBlock>>();
  private result: Uint32Array = new Uint32Array(0);
  private lastSearch = { query: '', mask: null as Uint8Array | null };

  constructor(db: WorkbenchDb) {
    this.repo = new OrderRepository(db);
  }

  /** (Re)reads the key columns; call after anything wrote orders. */
  async open(): Promise<number> {
    this.keys = await this.repo.loadKeys();
    this.liveCount = 0;
    for (const v of this.keys.live) this.liveCount += v;
    this.perms.clear();
    this.texts.clear();
    this.lastSearch = { query: '', mask: null };
    this.result = new Uint32Array(0);
    return this.liveCount;
  }

  /** Current orders (superseded versions excluded). */
  get count(): number {
    return this.liveCount;
  }

  /** Earliest and latest order time, for date pickers. */
  span(): { min: number; max: number } | null {
    const k = this.keys;
    if (!k || this.liveCount === 0) return null;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < k.count; i++) {
      if (!k.live[i]) continue;
      const t = k.createdAt[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    return { min, max };
  }

  /** Runs a query and keeps its rows as the current result; returns how many matched. */
  async query(q: OrderQuery): Promise<number> {
    const keys = this.requireKeys();
    const mask = await this.searchMaskFor(q.search);
    this.result = filterRows(keys, this.permutation(q.sort.field), q.sort.dir, q.filter, mask);
    return this.result.length;
  }

  /** Rows [start, end) of the current result, decoded. */
  async rows(start: number, end: number): Promise<OrderRow[]> {
    const keys = this.requireKeys();
    const slice = this.result.subarray(Math.max(0, start), Math.min(end, this.result.length));
    const out: OrderRow[] = [];
    for (const row of slice) {
      const b = this.blockOf(row);
      const text = await this.text(b);
      const local = row - keys.blockStarts[b]!;
      out.push({ ...decodeOrder(keys, row, text.columns, text.offsets, local), row });
    }
    return out;
  }

  private requireKeys(): LoadedKeys {
    if (!this.keys) throw new Error('OrderStore.open() must run before queries');
    return this.keys;
  }

  private permutation(field: OrderSortField): Uint32Array {
    let p = this.perms.get(field);
    if (!p) {
      p = sortPermutation(this.requireKeys(), field);
      this.perms.set(field, p);
    }
    return p;
  }

  private blockOf(row: number): number {
    const starts = this.requireKeys().blockStarts;
    return lastStartAtOrBefore(starts, starts.length, row);
  }

  private text(blockIndex: number): Promise<TextBlock> {
    let t = this.texts.get(blockIndex);
    if (!t) {
      const keys = this.requireKeys();
      const id = keys.blockIds[blockIndex]!;
      t = this.repo.loadText(id).then((columns) => this.indexText(blockIndex, columns));
      this.texts.set(blockIndex, t);
    }
    return t;
  }

  private blockCount(blockIndex: number): number {
    const keys = this.requireKeys();
    const next = blockIndex + 1 < keys.blockStarts.length ? keys.blockStarts[blockIndex + 1]! : keys.count;
    return next - keys.blockStarts[blockIndex]!;
  }

  private indexText(blockIndex: number, columns: OrderTextColumns): TextBlock {
    const n = this.blockCount(blockIndex);
    const offsets = {} as Record<OrderTextField, Uint32Array>;
    for (const f of ORDER_TEXT_FIELDS) offsets[f] = columnOffsets(columns[f], n);
    return { columns, offsets };
  }

  /** Loads every text block (in batches) so search can scan them; later calls are free. */
  async loadAllText(onProgress?: (loaded: number, total: number) => void): Promise<void> {
    const keys = this.requireKeys();
    const missing = keys.blockIds.map((_, i) => i).filter((i) => !this.texts.has(i));
    const BATCH = 16;
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const cols = await this.repo.loadTexts(batch.map((b) => keys.blockIds[b]!));
      batch.forEach((b, j) => {
        if (!this.texts.has(b)) this.texts.set(b, Promise.resolve(this.indexText(b, cols[j]!)));
      });
      onProgress?.(Math.min(i + BATCH, missing.length), missing.length);
    }
  }

  private async searchMaskFor(query: string): Promise<Uint8Array | null> {
    const q = normaliseQuery(query);
    if (q === '') return null;
    if (this.lastSearch.query === q && this.lastSearch.mask) return this.lastSearch.mask;
    await this.loadAllText();
    const keys = this.requireKeys();
    const blocks: SearchableBlock[] = [];
    for (let b = 0; b < keys.blockIds.length; b++) {
      const t = await this.text(b);
      if (!t.search) {
        const columns = {} as SearchableBlock['columns'];
        for (const f of SEARCH_FIELDS) {
          const lower = t.columns[f].toLowerCase();
          // Lower-casing can change a string's length (e.g. 'İ'); offsets must follow it.
          const offsets = lower.length === t.columns[f].length ? t.offsets[f] : columnOffsets(lower, this.blockCount(b));
          columns[f] = { lower, offsets };
        }
        t.search = { start: keys.blockStarts[b]!, columns };
      }
      blocks.push(t.search);
    }
    const mask = searchMask(blocks, keys.count, q);
    this.lastSearch = { query: q, mask };
    return mask;
  }
}
