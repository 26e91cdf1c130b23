// Interns every order's link keys once into compact tables (key -> orders, order -> keys) plus a
// customer id per order, so rings can be recomputed for other options without re-normalising.

import { customerValuesOf, KEY_TYPES, linkKeysOf, strengthRank, type KeyType, type LinkableOrder, type Strength } from '../normalize';

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
  /** Per key, as typed arrays for the linker's loops: index into KEY_TYPES, strength rank, marked flag. */
  keyType: Uint8Array;
  keyStrength: Uint8Array;
  keyMarked: Uint8Array;
  /** Key id of a (type, normalised value), if any order has it. */
  keyId(type: KeyType, value: string): number | undefined;
  /** CSR: live orders of key k are keyOrders[keyStart[k] .. keyStart[k+1]). */
  keyStart: Int32Array;
  keyOrders: Int32Array;
  /** CSR: keys of order i are orderKeys[orderStart[i] .. orderStart[i+1]). */
  orderStart: Int32Array;
  orderKeys: Int32Array;
  /** Customer number per order (see customerValuesOf); equal numbers mean the same customer. */
  customerOf: Int32Array;
  /** Distinct customers and active span (ms) per key, over live orders. */
  keyCustomers: Int32Array;
  keySpanMs: Float64Array;
  /** createdAt per order position, for bursts (hubs.ts). */
  orderTime: Float64Array;
}

const TYPE_CODE = new Map<KeyType, number>(KEY_TYPES.map((t, i) => [t, i]));

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Builds the key index order by order and keeps what it interned, so orders added later (a new
 * import) cost only their own normalisation: `add` the new orders, then `index` again. Positions
 * are the order of `add` calls; `index(live)` leaves orders whose live flag is 0 out of every link.
 */
export class KeyIndexBuilder {
  private readonly ids = new Map<KeyType, Map<string, number>>(KEY_TYPES.map((t) => [t, new Map()]));
  private readonly keys: KeyInfo[] = [];
  private keyType = new Uint8Array(1024);
  private keyStrength = new Uint8Array(1024);
  private keyMarked = new Uint8Array(1024);
  private orderStart = new Int32Array(1025);
  private flat = new Int32Array(8192);
  private used = 0;
  private createdAt = new Float64Array(1024);
  private customerParent = new Int32Array(1024);
  private readonly customerIds = new Map<string, number>();
  private n = 0;

  get orderCount(): number {
    return this.n;
  }

  add(orders: readonly IndexableOrder[]): void {
    const need = this.n + orders.length;
    this.orderStart = grow(this.orderStart, need + 1);
    this.createdAt = grow(this.createdAt, need);
    this.customerParent = grow(this.customerParent, need);
    for (const o of orders) {
      const i = this.n++;
      this.createdAt[i] = o.createdAt;
      this.customerParent[i] = i;
      for (const k of linkKeysOf(o)) {
        const byValue = this.ids.get(k.type) as Map<string, number>;
        let kid = byValue.get(k.value);
        const rank = strengthRank(k.strength);
        if (kid === undefined) {
          kid = this.keys.length;
          byValue.set(k.value, kid);
          this.keys.push({ type: k.type, value: k.value, strength: k.strength, rule: k.rule, marked: k.hub === true });
          this.keyType = grow(this.keyType, kid + 1);
          this.keyStrength = grow(this.keyStrength, kid + 1);
          this.keyMarked = grow(this.keyMarked, kid + 1);
          this.keyType[kid] = TYPE_CODE.get(k.type) as number;
          this.keyStrength[kid] = rank;
          this.keyMarked[kid] = k.hub ? 1 : 0;
        } else {
          const info = this.keys[kid] as KeyInfo;
          if (k.hub) {
            info.marked = true;
            this.keyMarked[kid] = 1;
          }
          if (rank > (this.keyStrength[kid] as number)) {
            info.strength = k.strength;
            this.keyStrength[kid] = rank;
          }
        }
        this.flat = grow(this.flat, this.used + 1);
        this.flat[this.used++] = kid;
      }
      this.orderStart[i + 1] = this.used;
      // One customer = orders sharing an account, an exact e-mail or name + postcode.
      for (const c of customerValuesOf(o)) {
        const first = this.customerIds.get(c);
        if (first === undefined) this.customerIds.set(c, i);
        else this.unionCustomers(first, i);
      }
    }
  }

  /** The index over every order added so far; `live[i] === 0` leaves order i out. */
  index(live?: Uint8Array): KeyIndex {
    const n = this.n;
    const orderStart = this.orderStart.slice(0, n + 1);
    const orderKeys = this.flat.slice(0, this.used);
    const customerOf = new Int32Array(n);
    for (let i = 0; i < n; i++) customerOf[i] = this.findCustomer(i);
    const keyCount = this.keys.length;
    const { keyStart, keyOrders } = invert(orderStart, orderKeys, keyCount, live);
    const { keyCustomers, keySpanMs } = keyStats(keyStart, keyOrders, customerOf, this.createdAt, n);
    const ids = this.ids;
    return {
      orderCount: n,
      keys: this.keys,
      keyType: this.keyType.subarray(0, keyCount),
      keyStrength: this.keyStrength.subarray(0, keyCount),
      keyMarked: this.keyMarked.subarray(0, keyCount),
      keyId: (type, value) => ids.get(type)?.get(value),
      keyStart,
      keyOrders,
      orderStart,
      orderKeys,
      customerOf,
      keyCustomers,
      keySpanMs,
      orderTime: this.createdAt.subarray(0, n),
    };
  }

  private findCustomer(x: number): number {
    const p = this.customerParent;
    let i = x;
    while (p[i] !== i) {
      const up = p[p[i] as number] as number;
      p[i] = up;
      i = up;
    }
    return i;
  }

  private unionCustomers(a: number, b: number): void {
    const ra = this.findCustomer(a);
    const rb = this.findCustomer(b);
    // The smaller root wins, so a customer's number does not depend on when its orders arrived.
    if (ra < rb) this.customerParent[rb] = ra;
    else if (rb < ra) this.customerParent[ra] = rb;
  }
}

export function buildKeyIndex(orders: readonly IndexableOrder[]): KeyIndex {
  const builder = new KeyIndexBuilder();
  builder.add(orders);
  return builder.index();
}

/** Counting sort of (order, key) pairs by key. */
function invert(orderStart: Int32Array, orderKeys: Int32Array, keyCount: number, live?: Uint8Array): { keyStart: Int32Array; keyOrders: Int32Array } {
  const keyStart = new Int32Array(keyCount + 1);
  let pairs = 0;
  for (let i = 0; i + 1 < orderStart.length; i++) {
    if (live && !live[i]) continue;
    for (let j = orderStart[i] as number; j < (orderStart[i + 1] as number); j++)
      keyStart[(orderKeys[j] as number) + 1] = (keyStart[(orderKeys[j] as number) + 1] as number) + 1;
    pairs += (orderStart[i + 1] as number) - (orderStart[i] as number);
  }
  for (let k = 0; k < keyCount; k++) keyStart[k + 1] = (keyStart[k + 1] as number) + (keyStart[k] as number);
  const fill = keyStart.slice(0, keyCount);
  const keyOrders = new Int32Array(pairs);
  for (let i = 0; i + 1 < orderStart.length; i++) {
    if (live && !live[i]) continue;
    for (let j = orderStart[i] as number; j < (orderStart[i + 1] as number); j++) {
      const k = orderKeys[j] as number;
      keyOrders[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
  }
  return { keyStart, keyOrders };
}

function keyStats(keyStart: Int32Array, keyOrders: Int32Array, customerOf: Int32Array, createdAt: Float64Array, orderCount: number) {
  const keyCount = keyStart.length - 1;
  const keyCustomers = new Int32Array(keyCount);
  const keySpanMs = new Float64Array(keyCount);
  // seen[c] = k + 1 when customer c was already counted for key k: no per-key set.
  const seen = new Int32Array(orderCount);
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
      const t = createdAt[i] as number;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    keyCustomers[k] = distinct;
    keySpanMs[k] = last - first;
  }
  return { keyCustomers, keySpanMs };
}
