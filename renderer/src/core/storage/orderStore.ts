// In-memory view of all cached orders for the Orders screen: key columns load at open, text
// blocks load on demand (visible rows) or all at once (first search). Runs inside a worker.
import { ORDER_TEXT_FIELDS, type Order, type OrderTextField } from '../../../../shared/domain/order';
import {
  DICT_FIELDS,
  FIELD_SEPARATOR,
  columnOffsets,
  decodeOrder,
  dictFold,
  keyHash,
  lastStartAtOrBefore,
  textColumn,
  type DictField,
  type OrderTextColumns,
} from '../../../../shared/orders/columns';
import { filterRows, sortPermutation, type OrderFilter, type OrderSort, type OrderSortField } from '../../../../shared/orders/query';
import {
  MATCH_GROUPS,
  SEARCH_FIELDS,
  matchGroupSearches,
  normaliseQuery,
  searchMask,
  type MatchGroup,
  type SearchableBlock,
} from '../../../../shared/orders/search';
import { mergeDicts, OrderRepository, type LoadedDict, type LoadedKeys } from './orderRepository';
import type { WorkbenchDb } from './schema';

export interface OrderQuery {
  filter: OrderFilter;
  sort: OrderSort;
  search: string;
}

export interface OrderRow extends Order {
  /** Position in the cache; stable until the next import. */
  row: number;
  /** The hold, release or cancel that stands on the order (the orders table's rows say; absent elsewhere). */
  decision?: import('../../../../shared/decisions/chain').OrderDecision;
}

interface TextBlock {
  columns: OrderTextColumns;
  offsets: Record<OrderTextField, Uint32Array>;
  search?: SearchableBlock;
}

interface ReportColumns {
  dict: LoadedDict;
  keyHashes: Float64Array;
  /** Block indexes without stored report columns (looked up by their stored keys). */
  hashMissing: number[];
}

/** Masks kept per snapshot: a free-text search and each of its narrowed groups, with one to spare (1 byte per order each). */
export const SEARCH_MASKS_KEPT = MATCH_GROUPS.length + 2;

/** One loaded state of the cache: every call that starts on it finishes on it. */
export class OrderSnapshot {
  readonly liveCount: number;
  private readonly perms = new Map<OrderSortField, Uint32Array>();
  private readonly texts = new Map<number, Promise<TextBlock>>();
  /**
   * Recent searches' masks, least recent first. The search box's "matched in" counts run one
   * narrowed query per group right after the free-text one; with room for all of them, the table's
   * next page of the free text and a click on a group both find their mask instead of rescanning.
   */
  private readonly searchMasks = new Map<string, Uint8Array>();
  private reportCols: Promise<ReportColumns> | null = null;
  private readonly keyRows = new Map<string, number>();
  private readonly keyRowsAbsent = new Set<string>();

  constructor(
    private readonly repo: OrderRepository,
    private readonly keys: LoadedKeys,
  ) {
    let n = 0;
    for (const v of keys.live) n += v;
    this.liveCount = n;
  }

  /** The key columns (dates, totals, channel, status, live) of every row, current or superseded. */
  get keyColumns(): LoadedKeys {
    return this.keys;
  }

  /**
   * What reports need beyond the key columns, read on first use (never at open): the grouping
   * fields dictionary-encoded and a keyHash per row. Blocks written before these were stored get
   * their dictionary from their text, and are looked up by their stored keys instead of hashes.
   */
  private reportColumns(): Promise<ReportColumns> {
    this.reportCols ??= (async () => {
      const k = this.keys;
      const recs = await this.repo.loadReportColumns(k.blockIds);
      const counts = k.blockIds.map((_, b) => this.blockCount(b));
      const dict = mergeDicts(
        recs.map((r, b) => ({ count: counts[b]!, dict: r?.dict })),
        k.count,
      );
      const keyHashes = new Float64Array(k.count);
      const hashMissing: number[] = [];
      recs.forEach((r, b) => {
        if (r) keyHashes.set(r.keyHashes, k.blockStarts[b]!);
        else hashMissing.push(b);
      });
      if (dict.missing.length > 0) await this.dictFromText(dict);
      return { dict: { ...dict, missing: [] }, keyHashes, hashMissing };
    })();
    return this.reportCols;
  }

  /** Fills the dictionary codes of blocks that have no stored report columns from their text. */
  private async dictFromText(d: LoadedDict): Promise<void> {
    const index = {} as Record<DictField, Map<string, number>>;
    for (const f of DICT_FIELDS) index[f] = new Map(d.values[f].map((v, i) => [v, i]));
    for (const b of d.missing) {
      const text = await this.text(b);
      const start = this.keys.blockStarts[b]!;
      const n = this.blockCount(b);
      for (const f of DICT_FIELDS) {
        const col = text.columns[f];
        const off = text.offsets[f];
        for (let r = 0; r < n; r++) {
          const v = dictFold(f, col.slice(off[r]!, off[r + 1]! - 1));
          let c = index[f].get(v);
          if (c === undefined) index[f].set(v, (c = Math.min(d.values[f].push(v) - 1, 0xffff)));
          d.codes[f][start + r] = c;
        }
      }
    }
  }

  /** Report grouping columns for every row (see reportColumns). */
  async dict(): Promise<LoadedDict> {
    return (await this.reportColumns()).dict;
  }

  /**
   * Rows of the current versions of the given order keys (`source:externalId`), found by their
   * key hashes (older blocks: by their stored keys). Remembered per snapshot; keys not cached are
   * left out.
   */
  async rowsOfKeys(wanted: ReadonlySet<string>): Promise<Map<string, number>> {
    const missing = [...wanted].filter((k) => !this.keyRows.has(k) && !this.keyRowsAbsent.has(k));
    if (missing.length > 0) {
      const k = this.keys;
      const { keyHashes, hashMissing } = await this.reportColumns();
      const byHash = new Map<number, string>();
      for (const key of missing) byHash.set(keyHash(key), key);
      const old = new Uint8Array(k.blockIds.length);
      for (const b of hashMissing) old[b] = 1;
      for (let b = 0; b < k.blockIds.length; b++) {
        if (old[b]) continue;
        const start = k.blockStarts[b]!;
        const end = start + this.blockCount(b);
        for (let row = start; row < end; row++) {
          if (!k.live[row]) continue;
          const key = byHash.get(keyHashes[row]!);
          if (key !== undefined) this.keyRows.set(key, row);
        }
      }
      if (hashMissing.length > 0) {
        const look = new Set(missing);
        const recs = await this.repo.loadKeyRecords(hashMissing.map((b) => k.blockIds[b]!));
        recs.forEach((rec, j) => {
          const start = k.blockStarts[hashMissing[j]!]!;
          const keys = rec.split(FIELD_SEPARATOR);
          for (let r = 0; r < keys.length; r++) {
            if (k.live[start + r] && look.has(keys[r]!)) this.keyRows.set(keys[r]!, start + r);
          }
        });
      }
      for (const key of missing) if (!this.keyRows.has(key)) this.keyRowsAbsent.add(key);
    }
    const out = new Map<string, number>();
    for (const key of wanted) {
      const row = this.keyRows.get(key);
      if (row !== undefined) out.set(key, row);
    }
    return out;
  }

  /** Rows whose grouping field has `value` (folded as stored), within `mask` when given. */
  private async groupMask(field: DictField, value: string, mask: Uint8Array | null): Promise<Uint8Array> {
    const d = await this.dict();
    const code = d.values[field].indexOf(dictFold(field, value));
    const codes = d.codes[field];
    const out = new Uint8Array(this.keys.count);
    if (code < 0) return out;
    for (let i = 0; i < out.length; i++) out[i] = codes[i] === code && (mask === null || mask[i] === 1) ? 1 : 0;
    return out;
  }

  /** Earliest and latest order time, for date pickers. */
  span(): { min: number; max: number } | null {
    const k = this.keys;
    if (this.liveCount === 0) return null;
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

  /** Rows matching the query, in its order. */
  /** `only`: rows to keep (a report's orders behind a figure), on top of filter and search. */
  async query(q: OrderQuery, only: Uint8Array | null = null): Promise<Uint32Array> {
    let mask = await this.searchMaskFor(q.search);
    if (only) mask = mask ? mask.map((v, i) => v & only[i]!) : only;
    if (q.filter.group) mask = await this.groupMask(q.filter.group.field, q.filter.group.value, mask);
    return filterRows(this.keys, this.permutation(q.sort.field), q.sort.dir, q.filter, mask);
  }

  /** Rows [start, end) of a result of this snapshot, decoded. */
  async rows(result: Uint32Array, start: number, end: number): Promise<OrderRow[]> {
    const keys = this.keys;
    const slice = result.subarray(Math.max(0, start), Math.min(end, result.length));
    const out: OrderRow[] = [];
    for (const row of slice) {
      const b = this.blockOf(row);
      const text = await this.text(b);
      const local = row - keys.blockStarts[b]!;
      out.push({ ...decodeOrder(keys, row, text.columns, text.offsets, local), row });
    }
    return out;
  }

  /** Block ids in storage order: a later snapshot that only added blocks extends this list. */
  get blockIds(): readonly number[] {
    return this.keys.blockIds;
  }

  /** Per row (current or superseded version): 1 while the row is the current version. */
  get live(): Uint8Array {
    return this.keys.live;
  }

  /** The import that wrote a row (0: demo data). */
  importIdOf(row: number): number {
    return this.keys.blockImportIds[this.blockOf(row)]!;
  }

  /** Rows at these positions (current or superseded), decoded, in the order given. */
  async rowsAt(positions: readonly number[]): Promise<Order[]> {
    const keys = this.keys;
    const out: Order[] = [];
    for (const row of positions) {
      const b = this.blockOf(row);
      const text = await this.text(b);
      out.push(decodeOrder(keys, row, text.columns, text.offsets, row - keys.blockStarts[b]!));
    }
    return out;
  }

  /** Rows before block `blocks` (all rows when it is the block count). */
  rowsBeforeBlock(blocks: number): number {
    return blocks < this.keys.blockIds.length ? this.keys.blockStarts[blocks]! : this.keys.count;
  }

  /** Every row of the blocks from `firstBlock` on (up to `endBlock`), current or superseded, decoded in row order. */
  async rowsFromBlock(firstBlock: number, endBlock = this.keys.blockIds.length): Promise<Order[]> {
    const keys = this.keys;
    const out: Order[] = [];
    const BATCH = 16;
    const end = Math.min(endBlock, keys.blockIds.length);
    for (let b0 = firstBlock; b0 < end; b0 += BATCH) {
      const batch: number[] = [];
      for (let b = b0; b < Math.min(b0 + BATCH, end); b++) batch.push(b);
      const missing = batch.filter((b) => !this.texts.has(b));
      const loaded = missing.length ? await this.repo.loadTexts(missing.map((b) => keys.blockIds[b]!)) : [];
      missing.forEach((b, j) => this.texts.set(b, Promise.resolve(this.indexText(b, loaded[j]!))));
      for (const b of batch) {
        const text = await this.text(b);
        const start = keys.blockStarts[b]!;
        const n = this.blockCount(b);
        for (let r = 0; r < n; r++) out.push(decodeOrder(keys, start + r, text.columns, text.offsets, r));
      }
    }
    return out;
  }

  /** Every current order, decoded (rings need all of them), with the import that wrote it. */
  async allOrders(): Promise<{ orders: Order[]; importIds: number[] }> {
    const keys = this.keys;
    await this.loadAllText();
    const orders: Order[] = [];
    const importIds: number[] = [];
    for (let b = 0; b < keys.blockIds.length; b++) {
      const text = await this.text(b);
      const start = keys.blockStarts[b]!;
      const n = this.blockCount(b);
      for (let r = 0; r < n; r++) {
        if (!keys.live[start + r]) continue;
        orders.push(decodeOrder(keys, start + r, text.columns, text.offsets, r));
        importIds.push(keys.blockImportIds[b]!);
      }
    }
    return { orders, importIds };
  }

  private permutation(field: OrderSortField): Uint32Array {
    let p = this.perms.get(field);
    if (!p) {
      p = sortPermutation(this.keys, field);
      this.perms.set(field, p);
    }
    return p;
  }

  private blockOf(row: number): number {
    const starts = this.keys.blockStarts;
    return lastStartAtOrBefore(starts, starts.length, row);
  }

  private text(blockIndex: number): Promise<TextBlock> {
    let t = this.texts.get(blockIndex);
    if (!t) {
      const keys = this.keys;
      const id = keys.blockIds[blockIndex]!;
      t = this.repo.loadText(id).then((columns) => this.indexText(blockIndex, columns));
      this.texts.set(blockIndex, t);
    }
    return t;
  }

  private blockCount(blockIndex: number): number {
    const keys = this.keys;
    const next = blockIndex + 1 < keys.blockStarts.length ? keys.blockStarts[blockIndex + 1]! : keys.count;
    return next - keys.blockStarts[blockIndex]!;
  }

  private indexText(blockIndex: number, columns: OrderTextColumns): TextBlock {
    const n = this.blockCount(blockIndex);
    const offsets = {} as Record<OrderTextField, Uint32Array>;
    for (const f of ORDER_TEXT_FIELDS) {
      columns[f] = textColumn(columns, f, n);
      offsets[f] = columnOffsets(columns[f], n);
    }
    return { columns, offsets };
  }

  /** Loads every text block (in batches) so search can scan them; later calls are free. */
  async loadAllText(onProgress?: (loaded: number, total: number) => void): Promise<void> {
    const keys = this.keys;
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
    const known = this.searchMasks.get(q);
    if (known) {
      this.searchMasks.delete(q);
      this.searchMasks.set(q, known);
      return known;
    }
    await this.loadAllText();
    const keys = this.keys;
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
    this.searchMasks.set(q, mask);
    for (const oldest of this.searchMasks.keys()) {
      if (this.searchMasks.size <= SEARCH_MASKS_KEPT) break;
      this.searchMasks.delete(oldest);
    }
    return mask;
  }

  /** Free text's matches per group of columns under these filters (what each narrower search would show); null for a narrower query. */
  async matchGroups(query: string, filter: OrderFilter): Promise<MatchGroup[] | null> {
    const searches = matchGroupSearches(query);
    if (!searches) return null;
    const out: MatchGroup[] = [];
    for (const g of searches) out.push({ ...g, count: (await this.query({ filter, sort: { field: 'createdAt', dir: 'desc' }, search: g.search })).length });
    return out;
  }
}

/**
 * The cache as the Orders and Rings screens see it. `open()` swaps in a new snapshot; a query
 * keeps the snapshot it ran on, so paging through it never mixes two states of the cache.
 */
export class OrderStore {
  private readonly repo: OrderRepository;
  private snapshot: OrderSnapshot | null = null;
  private result: { on: OrderSnapshot; rows: Uint32Array } | null = null;

  constructor(db: WorkbenchDb) {
    this.repo = new OrderRepository(db);
  }

  /** (Re)reads the key columns; call after anything wrote orders. */
  async open(): Promise<number> {
    this.snapshot = new OrderSnapshot(this.repo, await this.repo.loadKeys());
    this.result = null;
    return this.snapshot.liveCount;
  }

  private current(): OrderSnapshot {
    if (!this.snapshot) throw new Error('OrderStore.open() must run before queries');
    return this.snapshot;
  }

  /** Current orders (superseded versions excluded). */
  get count(): number {
    return this.snapshot?.liveCount ?? 0;
  }

  span(): { min: number; max: number } | null {
    return this.snapshot?.span() ?? null;
  }

  /** Runs a query and keeps its rows as the current result; returns how many matched. */
  async query(q: OrderQuery, only: ((on: OrderSnapshot) => Promise<Uint8Array>) | null = null): Promise<number> {
    const on = this.current();
    const rows = await on.query(q, only ? await only(on) : null);
    this.result = { on, rows };
    return rows.length;
  }

  /** The first `limit` rows of a query, without replacing the current result (the table's). */
  async find(q: OrderQuery, limit: number): Promise<{ total: number; rows: OrderRow[] }> {
    const on = this.current();
    const rows = await on.query(q);
    return { total: rows.length, rows: await on.rows(rows, 0, limit) };
  }

  matchGroups(query: string, filter: OrderFilter): Promise<MatchGroup[] | null> {
    return this.current().matchGroups(query, filter);
  }

  /** Rows [start, end) of the current result, decoded. */
  async rows(start: number, end: number): Promise<OrderRow[]> {
    if (!this.result) return [];
    return this.result.on.rows(this.result.rows, start, end);
  }

  allOrders(): Promise<{ orders: Order[]; importIds: number[] }> {
    return this.current().allOrders();
  }

  /** The snapshot queries run on now; the rings index follows it block by block. */
  currentSnapshot(): OrderSnapshot {
    return this.current();
  }

  loadAllText(onProgress?: (loaded: number, total: number) => void): Promise<void> {
    return this.current().loadAllText(onProgress);
  }
}
