// Filtering and sorting over the compact key columns of all cached orders. Works on plain
// typed arrays so 1M orders filter in a few milliseconds without touching storage.
import type { Marketplace, OrderStatus } from '../domain/order';
import { marketplaceCode, statusCode } from './columns';

export interface OrderKeys {
  count: number;
  createdAt: Float64Array;
  totalMinor: Float64Array;
  marketplace: Uint8Array;
  status: Uint8Array;
  /** 0 for a row a later import superseded; such rows never show. */
  live: Uint8Array;
}

export interface OrderFilter {
  /** Empty means every marketplace. */
  marketplaces: Marketplace[];
  /** Empty means every status. */
  statuses: OrderStatus[];
  /** Inclusive lower bound, epoch ms. */
  from: number | null;
  /** Exclusive upper bound, epoch ms. */
  to: number | null;
  /** One value of a report grouping field (a report's click-through), e.g. shipping country PL. */
  group?: { field: import('./columns').DictField; value: string; label: string } | null;
  /** Only the orders behind a report figure: confirmed fraud, or orders with chargebacks opened in a span. */
  only?: OrdersBehind | null;
}

export type OrdersBehind =
  | { kind: 'confirmed-fraud'; label: string }
  | { kind: 'chargebacks'; family: import('../disputes/reasonCodes').ReasonFamily | null; openedFrom: number; openedTo: number; label: string };

export const SORT_FIELDS = ['createdAt', 'totalMinor', 'marketplace', 'status'] as const;
export type OrderSortField = (typeof SORT_FIELDS)[number];
export interface OrderSort {
  field: OrderSortField;
  dir: 'asc' | 'desc';
}

export const NO_FILTER: OrderFilter = { marketplaces: [], statuses: [], from: null, to: null };

// Packing (key, row) into one float lets the engine's native numeric sort order 1M rows in
// ~100 ms, where a comparator sort takes several times longer. Exact while key < 2^31 and
// row < 2^22; keys are seconds, cents or enum codes, so that holds for dates until 2038 and
// totals up to 21 M in any currency.
const ROW_BITS = 2 ** 22;
const MAX_PACKED_KEY = 2 ** 31;

export function sortPermutation(keys: OrderKeys, field: OrderSortField): Uint32Array {
  const n = keys.count;
  const column = keys[field];
  const scale = field === 'createdAt' ? 1 / 1000 : 1;
  const perm = new Uint32Array(n);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (column[i - 1]! > column[i]!) sorted = false;
  if (sorted) {
    for (let i = 0; i < n; i++) perm[i] = i;
    return perm;
  }
  const packable = n < ROW_BITS && column.every((v) => v >= 0 && Math.floor(v * scale) < MAX_PACKED_KEY);
  if (packable) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = Math.floor(column[i]! * scale) * ROW_BITS + i;
    packed.sort();
    for (let i = 0; i < n; i++) perm[i] = packed[i]! % ROW_BITS;
    return perm;
  }
  for (let i = 0; i < n; i++) perm[i] = i;
  return perm.sort((a, b) => column[a]! - column[b]! || a - b);
}

/**
 * Rows that pass the filter (and the optional search mask), in the order of `perm`
 * read forwards for ascending and backwards for descending.
 */
export function filterRows(keys: OrderKeys, perm: Uint32Array, dir: 'asc' | 'desc', filter: OrderFilter, mask: Uint8Array | null): Uint32Array {
  const n = keys.count;
  const mk = new Uint8Array(256);
  const st = new Uint8Array(256);
  for (const m of filter.marketplaces) mk[marketplaceCode(m)] = 1;
  for (const s of filter.statuses) st[statusCode(s)] = 1;
  const anyMk = filter.marketplaces.length === 0;
  const anySt = filter.statuses.length === 0;
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const out = new Uint32Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const row = perm[dir === 'asc' ? j : n - 1 - j]!;
    if (keys.live[row] === 0) continue;
    if (mask !== null && mask[row] === 0) continue;
    if (!anyMk && mk[keys.marketplace[row]!] === 0) continue;
    if (!anySt && st[keys.status[row]!] === 0) continue;
    const t = keys.createdAt[row]!;
    if (t < from || t >= to) continue;
    out[k++] = row;
  }
  return out.slice(0, k);
}
