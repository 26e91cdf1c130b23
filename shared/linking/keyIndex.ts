// Interns every order's link keys once into compact tables (key -> orders, order -> keys) plus a
// customer id per order, so rings can be recomputed for other options without re-normalising.

import { customerValuesOf, KEY_TYPES, linkKeysOf, STRENGTHS, strengthRank, type KeyType, type LinkableOrder, type Strength } from '../normalize';

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
  keyCount: number;
  /** Type, value, strength, rule and mark of key k, made when asked (a million keys are not a million objects). */
  key(k: number): KeyInfo;
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

/**
 * What a builder interned, as plain typed arrays and joined text: written to the cache as a few
 * records and read back without normalising a single order (renderer/src/core/storage/keyIndexStore.ts).
 */
export interface KeyIndexState {
  orderCount: number;
  keyCount: number;
  keyType: Uint8Array;
  keyStrength: Uint8Array;
  keyMarked: Uint8Array;
  /** Index into `rules` per key. */
  keyRule: Uint8Array;
  rules: string[];
  /** Every key's normalised value, concatenated; key k ends at keyTextEnd[k]. */
  keyText: string;
  keyTextEnd: Int32Array;
  orderStart: Int32Array;
  orderKeys: Int32Array;
  createdAt: Float64Array;
  customerParent: Int32Array;
}

/** The customer values seen so far and the first order of each: needed only to add more orders. */
export interface KeyIndexCustomers {
  text: string;
  textEnd: Int32Array;
  first: Int32Array;
}

const TYPE_CODE = new Map<KeyType, number>(KEY_TYPES.map((t, i) => [t, i]));

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** Strings joined with their end offsets, so they are stored as one string and sliced when asked. */
function joinText(values: readonly string[], base?: { text: string; end: Int32Array; count: number }): { text: string; end: Int32Array } {
  const baseCount = base?.count ?? 0;
  const end = new Int32Array(baseCount + values.length);
  if (base) end.set(base.end.subarray(0, baseCount));
  let at = baseCount ? (end[baseCount - 1] as number) : 0;
  values.forEach((v, i) => {
    at += v.length;
    end[baseCount + i] = at;
  });
  return { text: (base ? base.text.slice(0, baseCount ? (base.end[baseCount - 1] as number) : 0) : '') + values.join(''), end };
}

/** A list of strings that may start as joined text (read back from the cache) and grows by appends. */
class TextList {
  private readonly added: string[] = [];
  constructor(
    private readonly base: string = '',
    private readonly baseEnd: Int32Array = new Int32Array(0),
  ) {}

  get length(): number {
    return this.baseEnd.length + this.added.length;
  }

  at(i: number): string {
    const n = this.baseEnd.length;
    if (i >= n) return this.added[i - n] as string;
    return this.base.slice(i === 0 ? 0 : (this.baseEnd[i - 1] as number), this.baseEnd[i] as number);
  }

  push(v: string): void {
    this.added.push(v);
  }

  joined(): { text: string; end: Int32Array } {
    if (this.added.length === 0) return { text: this.base, end: this.baseEnd };
    return joinText(this.added, { text: this.base, end: this.baseEnd, count: this.baseEnd.length });
  }
}

/**
 * Builds the key index order by order and keeps what it interned, so orders added later (a new
 * import) cost only their own normalisation: `add` the new orders, then `index` again. Positions
 * are the order of `add` calls; `index(live)` leaves orders whose live flag is 0 out of every link.
 * `state()` and `restore()` carry what it interned to the cache and back.
 */
export class KeyIndexBuilder {
  /** Made on first need: a restored builder links without them, and builds them only to add or look up. */
  private ids: Map<KeyType, Map<string, number>> | null = new Map(KEY_TYPES.map((t) => [t, new Map()]));
  private values = new TextList();
  private readonly rules: string[] = [];
  private readonly ruleCode = new Map<string, number>();
  private keyCount = 0;
  private keyType: Uint8Array = new Uint8Array(1024);
  private keyStrength: Uint8Array = new Uint8Array(1024);
  private keyMarked: Uint8Array = new Uint8Array(1024);
  private keyRule: Uint8Array = new Uint8Array(1024);
  private orderStart: Int32Array = new Int32Array(1025);
  private flat: Int32Array = new Int32Array(8192);
  private used = 0;
  private createdAt: Float64Array = new Float64Array(1024);
  private customerParent: Int32Array = new Int32Array(1024);
  /** Null on a restored builder until attachCustomers(). */
  private customerIds: Map<string, number> | null = new Map();
  private n = 0;

  get orderCount(): number {
    return this.n;
  }

  /** A builder that continues from a saved state; `add` needs attachCustomers() first. */
  static restore(s: KeyIndexState): KeyIndexBuilder {
    const b = new KeyIndexBuilder();
    b.ids = null;
    b.customerIds = null;
    b.values = new TextList(s.keyText, s.keyTextEnd);
    s.rules.forEach((r, i) => {
      b.rules.push(r);
      b.ruleCode.set(r, i);
    });
    b.keyCount = s.keyCount;
    b.keyType = s.keyType;
    b.keyStrength = s.keyStrength;
    b.keyMarked = s.keyMarked;
    b.keyRule = s.keyRule;
    b.orderStart = s.orderStart;
    b.flat = s.orderKeys;
    b.used = s.orderStart[s.orderCount] as number;
    b.createdAt = s.createdAt;
    b.customerParent = s.customerParent;
    b.n = s.orderCount;
    return b;
  }

  /** What was interned so far (copies, so later adds do not change it). */
  state(): KeyIndexState {
    const { text, end } = this.values.joined();
    return {
      orderCount: this.n,
      keyCount: this.keyCount,
      keyType: this.keyType.slice(0, this.keyCount),
      keyStrength: this.keyStrength.slice(0, this.keyCount),
      keyMarked: this.keyMarked.slice(0, this.keyCount),
      keyRule: this.keyRule.slice(0, this.keyCount),
      rules: [...this.rules],
      keyText: text,
      keyTextEnd: end.slice(0, this.keyCount),
      orderStart: this.orderStart.slice(0, this.n + 1),
      orderKeys: this.flat.slice(0, this.used),
      createdAt: this.createdAt.slice(0, this.n),
      customerParent: this.customerParent.slice(0, this.n),
    };
  }

  /** Customer values and their first orders (null on a restored builder before attachCustomers). */
  customers(): KeyIndexCustomers | null {
    if (!this.customerIds) return null;
    const { text, end } = joinText([...this.customerIds.keys()]);
    return { text, textEnd: end, first: Int32Array.from(this.customerIds.values()) };
  }

  /** True when `add` can run (always, unless restored without its customers). */
  get canAdd(): boolean {
    return this.customerIds !== null;
  }

  attachCustomers(c: KeyIndexCustomers): void {
    const list = new TextList(c.text, c.textEnd);
    const map = new Map<string, number>();
    for (let i = 0; i < list.length; i++) map.set(list.at(i), c.first[i] as number);
    this.customerIds = map;
  }

  private idMaps(): Map<KeyType, Map<string, number>> {
    if (!this.ids) {
      const ids = new Map<KeyType, Map<string, number>>(KEY_TYPES.map((t) => [t, new Map()]));
      for (let k = 0; k < this.keyCount; k++) (ids.get(KEY_TYPES[this.keyType[k] as number]!) as Map<string, number>).set(this.values.at(k), k);
      this.ids = ids;
    }
    return this.ids;
  }

  private info(k: number): KeyInfo {
    return {
      type: KEY_TYPES[this.keyType[k] as number]!,
      value: this.values.at(k),
      strength: STRENGTHS[this.keyStrength[k] as number]!,
      rule: this.rules[this.keyRule[k] as number]!,
      marked: this.keyMarked[k] === 1,
    };
  }

  add(orders: readonly IndexableOrder[]): void {
    if (!this.customerIds) throw new Error('KeyIndexBuilder: attach the customers of a restored index before adding orders');
    const customerIds = this.customerIds;
    const ids = this.idMaps();
    const need = this.n + orders.length;
    this.orderStart = grow(this.orderStart, need + 1);
    this.createdAt = grow(this.createdAt, need);
    this.customerParent = grow(this.customerParent, need);
    for (const o of orders) {
      const i = this.n++;
      this.createdAt[i] = o.createdAt;
      this.customerParent[i] = i;
      for (const k of linkKeysOf(o)) {
        const byValue = ids.get(k.type) as Map<string, number>;
        let kid = byValue.get(k.value);
        const rank = strengthRank(k.strength);
        if (kid === undefined) {
          kid = this.keyCount++;
          byValue.set(k.value, kid);
          this.values.push(k.value);
          let rule = this.ruleCode.get(k.rule);
          if (rule === undefined) {
            rule = this.rules.push(k.rule) - 1;
            this.ruleCode.set(k.rule, rule);
          }
          this.keyType = grow(this.keyType, kid + 1);
          this.keyStrength = grow(this.keyStrength, kid + 1);
          this.keyMarked = grow(this.keyMarked, kid + 1);
          this.keyRule = grow(this.keyRule, kid + 1);
          this.keyType[kid] = TYPE_CODE.get(k.type) as number;
          this.keyStrength[kid] = rank;
          this.keyMarked[kid] = k.hub ? 1 : 0;
          this.keyRule[kid] = rule;
        } else {
          if (k.hub) this.keyMarked[kid] = 1;
          if (rank > (this.keyStrength[kid] as number)) this.keyStrength[kid] = rank;
        }
        this.flat = grow(this.flat, this.used + 1);
        this.flat[this.used++] = kid;
      }
      this.orderStart[i + 1] = this.used;
      // One customer = orders sharing an account, an exact e-mail or name + postcode.
      for (const c of customerValuesOf(o)) {
        const first = customerIds.get(c);
        if (first === undefined) customerIds.set(c, i);
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
    const keyCount = this.keyCount;
    const { keyStart, keyOrders } = invert(orderStart, orderKeys, keyCount, live);
    const { keyCustomers, keySpanMs } = keyStats(keyStart, keyOrders, customerOf, this.createdAt, n);
    const infos = new Map<number, KeyInfo>();
    return {
      orderCount: n,
      keyCount,
      key: (k) => {
        if (!(k >= 0 && k < keyCount)) throw new Error(`No key ${k} in the key index`);
        let info = infos.get(k);
        if (!info) infos.set(k, (info = this.info(k)));
        return info;
      },
      keyType: this.keyType.subarray(0, keyCount),
      keyStrength: this.keyStrength.subarray(0, keyCount),
      keyMarked: this.keyMarked.subarray(0, keyCount),
      keyId: (type, value) => {
        const k = this.idMaps().get(type)?.get(value);
        return k !== undefined && k < keyCount ? k : undefined;
      },
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
