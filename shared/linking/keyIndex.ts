// Interns every order's link keys once into compact tables (key -> orders, order -> keys) plus a
// customer id per order, so rings can be recomputed for other options without re-normalising.

import { customerValuesOf, KEY_TYPES, linkKeysOf, strengthRank, type KeyType, type LinkableOrder, type Strength } from '../normalize';
import { UnionFind } from './unionFind';

export type IndexableOrder = LinkableOrder & { createdAt: number };

export interface KeyInfo {
  type: KeyType;
  value: string;
  strength: Strength;
  rule: string;
  /** Marked as a collection point or forwarder by the normaliser on any of its orders. */
  marked: boolean;
}

export interface KeyIndex {
  orderCount: number;
  keys: KeyInfo[];
  /** CSR: orders of key k are keyOrders[keyStart[k] .. keyStart[k+1]). */
  keyStart: Int32Array;
  keyOrders: Int32Array;
  /** CSR: keys of order i are orderKeys[orderStart[i] .. orderStart[i+1]). */
  orderStart: Int32Array;
  orderKeys: Int32Array;
  /** Customer number per order (see customerValuesOf); equal numbers mean the same customer. */
  customerOf: Int32Array;
  /** Distinct customers and active span (ms) per key. */
  keyCustomers: Int32Array;
  keySpanMs: Float64Array;
}

export function buildKeyIndex(orders: readonly IndexableOrder[]): KeyIndex {
  const n = orders.length;
  // One map per key type: no "type + value" string built per occurrence.
  const ids = new Map<KeyType, Map<string, number>>(KEY_TYPES.map((t) => [t, new Map()]));
  const keys: KeyInfo[] = [];
  const orderStart = new Int32Array(n + 1);
  let flat = new Int32Array(Math.max(16, n * 8));
  let used = 0;
  const customerIds = new Map<string, number>();
  const customers = new UnionFind(n);
  for (let i = 0; i < n; i++) {
    const o = orders[i] as IndexableOrder;
    for (const k of linkKeysOf(o)) {
      const byValue = ids.get(k.type) as Map<string, number>;
      let kid = byValue.get(k.value);
      if (kid === undefined) {
        kid = keys.length;
        byValue.set(k.value, kid);
        keys.push({ type: k.type, value: k.value, strength: k.strength, rule: k.rule, marked: k.hub === true });
      } else {
        const info = keys[kid] as KeyInfo;
        if (k.hub) info.marked = true;
        if (strengthRank(k.strength) > strengthRank(info.strength)) info.strength = k.strength;
      }
      if (used === flat.length) {
        const grown = new Int32Array(flat.length * 2);
        grown.set(flat);
        flat = grown;
      }
      flat[used++] = kid;
    }
    orderStart[i + 1] = used;
    // One customer = orders sharing an account, an exact e-mail or name + postcode.
    for (const c of customerValuesOf(o)) {
      const first = customerIds.get(c);
      if (first === undefined) customerIds.set(c, i);
      else customers.union(first, i);
    }
  }
  const orderKeys = flat.slice(0, used);
  const customerOf = new Int32Array(n);
  for (let i = 0; i < n; i++) customerOf[i] = customers.find(i);
  const { keyStart, keyOrders } = invert(orderStart, orderKeys, keys.length);
  const { keyCustomers, keySpanMs } = keyStats(keyStart, keyOrders, customerOf, orders);
  return { orderCount: n, keys, keyStart, keyOrders, orderStart, orderKeys, customerOf, keyCustomers, keySpanMs };
}

/** Counting sort of (order, key) pairs by key. */
function invert(orderStart: Int32Array, orderKeys: Int32Array, keyCount: number): { keyStart: Int32Array; keyOrders: Int32Array } {
  const keyStart = new Int32Array(keyCount + 1);
  for (let j = 0; j < orderKeys.length; j++) keyStart[(orderKeys[j] as number) + 1] = (keyStart[(orderKeys[j] as number) + 1] as number) + 1;
  for (let k = 0; k < keyCount; k++) keyStart[k + 1] = (keyStart[k + 1] as number) + (keyStart[k] as number);
  const fill = keyStart.slice(0, keyCount);
  const keyOrders = new Int32Array(orderKeys.length);
  for (let i = 0; i + 1 < orderStart.length; i++) {
    for (let j = orderStart[i] as number; j < (orderStart[i + 1] as number); j++) {
      const k = orderKeys[j] as number;
      keyOrders[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
  }
  return { keyStart, keyOrders };
}

function keyStats(keyStart: Int32Array, keyOrders: Int32Array, customerOf: Int32Array, orders: readonly IndexableOrder[]) {
  const keyCount = keyStart.length - 1;
  const keyCustomers = new Int32Array(keyCount);
  const keySpanMs = new Float64Array(keyCount);
  // seen[c] = k + 1 when customer c was already counted for key k: no per-key set.
  const seen = new Int32Array(orders.length);
  for (let k = 0; k < keyCount; k++) {
    let distinct = 0;
    let first = Infinity;
    let last = -Infinity;
    for (let j = keyStart[k] as number; j < (keyStart[k + 1] as number); j++) {
      const i = keyOrders[j] as number;
      const c = customerOf[i] as number;
      if (seen[c] !== k + 1) {
        seen[c] = k + 1;
        distinct++;
      }
      const t = (orders[i] as IndexableOrder).createdAt;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    keyCustomers[k] = distinct;
    keySpanMs[k] = last - first;
  }
  return { keyCustomers, keySpanMs };
}
