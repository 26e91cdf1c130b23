// Interns every order's link keys once into compact tables (key -> orders, order -> keys) plus a
// customer id per order, so rings can be recomputed for other options without re-normalising.

import { UnionFind } from './unionFind';
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
  /**
   * Type, value, strength, rule and mark of key k, made when asked (a million keys are not a million
   * objects). An index restored without its full text knows the values of keys on two or more
   * orders only (all that can link, be a hub or a ring's shared value); other keys throw.
   */
  key(k: number): KeyInfo;
  /** The normalisation rule of key k (no text is read). */
  ruleOf(k: number): string;
  /** Per key, as typed arrays for the linker's loops: index into KEY_TYPES, strength rank, marked flag. */
  keyType: Uint8Array;
  keyStrength: Uint8Array;
  keyMarked: Uint8Array;
  /** Key id of a (type, normalised value), if any order has it (restored without full text: if two or more orders have it). */
  keyId(type: KeyType, value: string): number | undefined;
  /** CSR: live orders of key k are keyOrders[keyStart[k] .. keyStart[k+1]). */
  keyStart: Int32Array;
  keyOrders: Int32Array;
  /** CSR: keys of order i are orderKeys[orderStart[i] .. orderStart[i+1]). */
  orderStart: Int32Array;
  orderKeys: Int32Array;
  /** Customer number per order (see customerValuesOf); equal numbers mean the same customer. */
  customerOf: Int32Array;
  /**
   * Distinct customers and active span (ms) of key k, over live orders: counted when first asked
   * (only keys on more orders than a hub rule's identities are), since at least one customer and no
   * span is all most keys have.
   */
  customersOf(k: number): number;
  spanMsOf(k: number): number;
  /** createdAt per order position, for bursts (hubs.ts). */
  orderTime: Float64Array;
}

/**
 * What a builder interned that linking needs, as plain typed arrays: written to the cache as a few
 * records and read back without normalising a single order (renderer/src/core/storage/keyIndexStore.ts).
 * Order times are not kept: they are the cache's own key columns, given back to restore().
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
  orderStart: Int32Array;
  orderKeys: Int32Array;
  /** Customer number per order position (a resolved union-find: every entry is its set's root). */
  customerOf: Int32Array;
}

/** Every key's normalised value, concatenated; key k ends at end[k]. Needed to add orders or look any key up. */
export interface KeyIndexText {
  text: string;
  end: Int32Array;
}

/**
 * The values of the keys that two or more orders have, the only ones that can link: what a start
 * reads back to show rings (a third of the keys in the demo year), the full text staying on disk.
 */
export interface KeyIndexSharedText {
  /** Key ids, ascending. */
  ids: Int32Array;
  text: string;
  end: Int32Array;
}

/**
 * The customer values seen so far (value id v ends at textEnd[v]) and each order's value ids
 * (order i's are ids[orderStart[i]..orderStart[i + 1])): needed only to add more orders, when
 * the customers are counted again over the orders that are current then.
 */
export interface KeyIndexCustomers {
  text: string;
  textEnd: Int32Array;
  orderStart: Int32Array;
  ids: Int32Array;
}

const TYPE_CODE = new Map<KeyType, number>(KEY_TYPES.map((t, i) => [t, i]));

/** Kinds of card customer values (customerValuesOf): BIN, last 4 and expiry; BIN and last 4 alone, 8 digits or 6. */
const EXPIRY = 1;
const BIN8 = 2;
const BIN6 = 3;

function cardKindOf(value: string): number {
  if (!value.startsWith('c:')) return 0;
  if (/^c:\d{6}\|\d{4}\|\d\d\/\d\d$/.test(value)) return EXPIRY;
  if (/^c:\d{8}\|\d{4}\|$/.test(value)) return BIN8;
  return /^c:\d{6}\|\d{4}\|$/.test(value) ? BIN6 : 0;
}

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

/** Position of `k` in the ascending `ids`, or -1. */
function findSorted(ids: Int32Array, k: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid] as number;
    if (v === k) return mid;
    if (v < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const sliceOf = (text: string, end: Int32Array, i: number): string => text.slice(i === 0 ? 0 : (end[i - 1] as number), end[i] as number);

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
  /** Every key's value; null on a restored builder until attachText(). */
  private values: TextList | null = new TextList();
  /** On a restored builder: the values of keys on two or more orders, enough to show rings. */
  private shared: KeyIndexSharedText | null = null;
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
  /** Customer value ids by value. Null on a restored builder until attachCustomers(), as are the two below. */
  private customerIds: Map<string, number> | null = new Map();
  /** Order i's customer value ids are customerFlat[customerStart[i]..customerStart[i + 1]). */
  private customerStart: Int32Array | null = new Int32Array(1025);
  private customerFlat: Int32Array | null = new Int32Array(8192);
  private customerUsed = 0;
  /** Per customer value id, its kind when it is a card's (cardKindOf), for cardsApart. */
  private customerKind: Uint8Array = new Uint8Array(1024);
  /** A restored builder's customers, as counted over the orders current when it was kept. */
  private restoredCustomerOf: Int32Array | null = null;
  private n = 0;

  get orderCount(): number {
    return this.n;
  }

  /**
   * A builder that continues from a saved state, with each order's time (the cache's key columns,
   * at least `orderCount` of them) and the shared keys' values (or attachShared() later, before any
   * value is asked for); `add` needs attachText() and attachCustomers() first.
   */
  static restore(s: KeyIndexState, createdAt: Float64Array, shared: KeyIndexSharedText | null = null): KeyIndexBuilder {
    if (createdAt.length < s.orderCount) throw new Error(`KeyIndexBuilder: ${createdAt.length} order times for ${s.orderCount} orders`);
    const b = new KeyIndexBuilder();
    b.ids = null;
    b.customerIds = null;
    b.customerStart = null;
    b.customerFlat = null;
    b.values = null;
    b.shared = shared;
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
    b.createdAt = createdAt.slice(0, s.orderCount);
    b.restoredCustomerOf = s.customerOf;
    b.n = s.orderCount;
    return b;
  }

  /**
   * What was interned so far (copies, so later adds do not change it), with the customers counted
   * over the orders `live` marks (all without it), as index() counts them (or as it counted them:
   * `counted`).
   */
  state(live?: Uint8Array, counted?: Int32Array): KeyIndexState {
    // `counted`: index(live).customerOf of this builder as it is now, not counted a second time.
    const customerOf = counted && counted.length === this.n ? counted.slice() : this.customersOver(live);
    return {
      orderCount: this.n,
      keyCount: this.keyCount,
      keyType: this.keyType.slice(0, this.keyCount),
      keyStrength: this.keyStrength.slice(0, this.keyCount),
      keyMarked: this.keyMarked.slice(0, this.keyCount),
      keyRule: this.keyRule.slice(0, this.keyCount),
      rules: [...this.rules],
      orderStart: this.orderStart.slice(0, this.n + 1),
      orderKeys: this.flat.slice(0, this.used),
      customerOf,
    };
  }

  /** The values of the shared keys, for a restored builder that links before its text is read. */
  attachShared(shared: KeyIndexSharedText): void {
    this.shared = shared;
  }

  /** True when every key's value is at hand (always, unless restored without attachText). */
  get hasText(): boolean {
    return this.values !== null;
  }

  attachText(t: KeyIndexText): void {
    if (t.end.length !== this.keyCount) throw new Error(`KeyIndexBuilder: text for ${t.end.length} keys, the index has ${this.keyCount}`);
    this.values = new TextList(t.text, t.end);
  }

  /** Every key's value, joined (null on a restored builder before attachText). */
  text(): KeyIndexText | null {
    if (!this.values) return null;
    const { text, end } = this.values.joined();
    return { text, end: end.slice(0, this.keyCount) };
  }

  /** The values of keys that two or more orders have (null on a restored builder before attachText). */
  sharedText(): KeyIndexSharedText | null {
    const values = this.values;
    if (!values) return null;
    const uses = new Uint8Array(this.keyCount);
    for (let j = 0; j < this.used; j++) {
      const k = this.flat[j] as number;
      if ((uses[k] as number) < 2) uses[k] = (uses[k] as number) + 1;
    }
    const ids: number[] = [];
    const text: string[] = [];
    for (let k = 0; k < this.keyCount; k++) {
      if (uses[k] !== 2) continue;
      ids.push(k);
      text.push(values.at(k));
    }
    const joined = joinText(text);
    return { ids: Int32Array.from(ids), text: joined.text, end: joined.end };
  }

  /** Customer values and each order's (null on a restored builder before attachCustomers). */
  customers(): KeyIndexCustomers | null {
    if (!this.customerIds || !this.customerStart || !this.customerFlat) return null;
    const { text, end } = joinText([...this.customerIds.keys()]);
    return { text, textEnd: end, orderStart: this.customerStart.slice(0, this.n + 1), ids: this.customerFlat.slice(0, this.customerUsed) };
  }

  /** True when `add` can run (always, unless restored without its text or customers). */
  get canAdd(): boolean {
    return this.customerIds !== null && this.values !== null;
  }

  attachCustomers(c: KeyIndexCustomers): void {
    if (c.orderStart.length !== this.n + 1) throw new Error(`KeyIndexBuilder: customers of ${c.orderStart.length - 1} orders, the index has ${this.n}`);
    const list = new TextList(c.text, c.textEnd);
    const map = new Map<string, number>();
    this.customerKind = new Uint8Array(Math.max(1024, list.length));
    for (let v = 0; v < list.length; v++) {
      const value = list.at(v);
      map.set(value, v);
      this.customerKind[v] = cardKindOf(value);
    }
    this.customerIds = map;
    this.customerStart = c.orderStart;
    this.customerFlat = c.ids;
    this.customerUsed = c.orderStart[this.n] as number;
  }

  /** Ids by value: of every key, or (restored without text) of the shared keys until the text comes. */
  private idMaps(): Map<KeyType, Map<string, number>> {
    if (!this.ids || (this.idsShared && this.values)) {
      const ids = new Map<KeyType, Map<string, number>>(KEY_TYPES.map((t) => [t, new Map()]));
      const byType = (k: number) => ids.get(KEY_TYPES[this.keyType[k] as number]!) as Map<string, number>;
      if (this.values) for (let k = 0; k < this.keyCount; k++) byType(k).set(this.values.at(k), k);
      else if (this.shared) this.shared.ids.forEach((k, i) => byType(k).set(sliceOf(this.shared!.text, this.shared!.end, i), k));
      this.ids = ids;
      this.idsShared = !this.values;
    }
    return this.ids;
  }

  private idsShared = false;

  private valueOf(k: number): string {
    if (this.values) return this.values.at(k);
    const i = this.shared ? findSorted(this.shared.ids, k) : -1;
    if (i < 0) throw new Error(`KeyIndexBuilder: the value of key ${k} is not read back yet (only shared keys are, until attachText)`);
    return sliceOf(this.shared!.text, this.shared!.end, i);
  }

  private info(k: number): KeyInfo {
    return {
      type: KEY_TYPES[this.keyType[k] as number]!,
      value: this.valueOf(k),
      strength: STRENGTHS[this.keyStrength[k] as number]!,
      rule: this.rules[this.keyRule[k] as number]!,
      marked: this.keyMarked[k] === 1,
    };
  }

  add(orders: readonly IndexableOrder[]): void {
    if (!this.customerIds || !this.customerStart || !this.customerFlat || !this.values)
      throw new Error('KeyIndexBuilder: attach the text and customers of a restored index before adding orders');
    const customerIds = this.customerIds;
    const values = this.values;
    const ids = this.idMaps();
    const need = this.n + orders.length;
    this.orderStart = grow(this.orderStart, need + 1);
    this.createdAt = grow(this.createdAt, need);
    const customerStart = grow(this.customerStart, need + 1);
    let customerFlat = this.customerFlat;
    for (const o of orders) {
      const i = this.n++;
      this.createdAt[i] = o.createdAt;
      for (const k of linkKeysOf(o)) {
        const byValue = ids.get(k.type) as Map<string, number>;
        let kid = byValue.get(k.value);
        const rank = strengthRank(k.strength);
        if (kid === undefined) {
          kid = this.keyCount++;
          byValue.set(k.value, kid);
          values.push(k.value);
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
      // One customer = orders sharing an account, an exact e-mail or name + postcode: each order's
      // values are kept, and joined into customers over the current orders only (customersOver).
      for (const c of customerValuesOf(o)) {
        let v = customerIds.get(c);
        if (v === undefined) {
          customerIds.set(c, (v = customerIds.size));
          this.customerKind = grow(this.customerKind, v + 1);
          this.customerKind[v] = cardKindOf(c);
        }
        customerFlat = grow(customerFlat, this.customerUsed + 1);
        customerFlat[this.customerUsed++] = v;
      }
      customerStart[i + 1] = this.customerUsed;
    }
    this.customerStart = customerStart;
    this.customerFlat = customerFlat;
  }

  /**
   * Customer number per order: orders sharing an account, an exact e-mail or a name + postcode
   * are one customer, counted over the orders `live` marks (all without it). A superseded version
   * joins no one: an order re-imported with its e-mail corrected no longer makes its buyer one
   * customer with the owner of the e-mail it had. Its own number is its position. The smaller
   * position is a customer's number, so it does not depend on when its orders arrived. A restored
   * builder without its customers attached answers as counted when it was kept (the same orders
   * were current: an import that supersedes any adds blocks, and then the customers are attached).
   */
  private customersOver(live?: Uint8Array): Int32Array {
    const n = this.n;
    const start = this.customerStart;
    const flat = this.customerFlat;
    if (!start || !flat) return this.restoredCustomerOf!.slice(0, n);
    const sets = new UnionFind(n);
    const firstOf = new Int32Array(this.customerIds ? this.customerIds.size : 0).fill(-1);
    const apart = this.cardsApart(live);
    for (let i = 0; i < n; i++) {
      if (live && !live[i]) continue;
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const v = flat[j] as number;
        if (apart[v]) continue;
        const first = firstOf[v] as number;
        if (first < 0) firstOf[v] = i;
        else sets.union(first, i);
      }
    }
    // Each set's smallest position is its number: the first position met of it, going up.
    const smallest = new Int32Array(n).fill(-1);
    const customerOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const root = sets.find(i);
      if ((smallest[root] as number) < 0) smallest[root] = i;
      customerOf[i] = smallest[root] as number;
    }
    return customerOf;
  }

  /**
   * Per customer value: 1 for a card's BIN and last 4 alone (`c:BIN|last4|`, see customerValuesOf)
   * whose current orders show two cards (two expiries, or for 6 digits two 8-digit BINs), as the
   * linker holds such a value back (rings.ts, cardFormsOn). It joins no one: an order with BIN and
   * last 4 alone may be either card, and two cardholders of one issuer are not one customer for
   * sharing 6 BIN digits and the last 4 (thousands do).
   */
  private cardsApart(live?: Uint8Array): Uint8Array {
    const kind = this.customerKind.subarray(0, this.customerIds ? this.customerIds.size : 0);
    const apart = new Uint8Array(kind.length);
    if (!kind.some((k) => k === BIN8 || k === BIN6)) return apart;
    // The first expiry (and 8-digit BIN) met per BIN-and-last-4 value; another one sets it apart.
    const expiryOn = new Int32Array(kind.length).fill(-1);
    const eightOn = new Int32Array(kind.length).fill(-1);
    const start = this.customerStart!;
    const flat = this.customerFlat!;
    for (let i = 0; i < this.n; i++) {
      if (live && !live[i]) continue;
      let expiry = -1;
      let eight = -1;
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const v = flat[j] as number;
        if (kind[v] === EXPIRY) expiry = v;
        else if (kind[v] === BIN8) eight = v;
      }
      if (expiry < 0 && eight < 0) continue;
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const v = flat[j] as number;
        if (kind[v] !== BIN8 && kind[v] !== BIN6) continue;
        if (expiry >= 0) {
          if (expiryOn[v] === -1) expiryOn[v] = expiry;
          else if (expiryOn[v] !== expiry) apart[v] = 1;
        }
        if (kind[v] === BIN6 && eight >= 0) {
          if (eightOn[v] === -1) eightOn[v] = eight;
          else if (eightOn[v] !== eight) apart[v] = 1;
        }
      }
    }
    return apart;
  }

  /** The index over every order added so far; `live[i] === 0` leaves order i out. */
  index(live?: Uint8Array): KeyIndex {
    const n = this.n;
    const orderStart = this.orderStart.slice(0, n + 1);
    const orderKeys = this.flat.slice(0, this.used);
    const customerOf = this.customersOver(live);
    const keyCount = this.keyCount;
    const { keyStart, keyOrders } = invert(orderStart, orderKeys, keyCount, live);
    const stats = new KeyStats(keyStart, keyOrders, customerOf, this.createdAt);
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
      ruleOf: (k) => this.rules[this.keyRule[k] as number]!,
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
      customersOf: (k) => stats.customers(k),
      spanMsOf: (k) => stats.spanMs(k),
      orderTime: this.createdAt.subarray(0, n),
    };
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

/**
 * Distinct customers and active span per key, counted on first ask and remembered: few keys are
 * asked (those on more orders than a hub rule's identities), so no per-key arrays are made.
 */
class KeyStats {
  private readonly counted = new Map<number, { customers: number; spanMs: number }>();

  constructor(
    private readonly keyStart: Int32Array,
    private readonly keyOrders: Int32Array,
    private readonly customerOf: Int32Array,
    private readonly createdAt: Float64Array,
  ) {}

  customers(k: number): number {
    return this.of(k).customers;
  }

  spanMs(k: number): number {
    return this.of(k).spanMs;
  }

  private of(k: number): { customers: number; spanMs: number } {
    let c = this.counted.get(k);
    if (c) return c;
    if (!(k >= 0 && k + 1 < this.keyStart.length)) throw new Error(`No key ${k} in the key index`);
    const customers = new Set<number>();
    let first = Infinity;
    let last = -Infinity;
    for (let j = this.keyStart[k] as number; j < (this.keyStart[k + 1] as number); j++) {
      const i = this.keyOrders[j] as number;
      customers.add(this.customerOf[i] as number);
      const t = this.createdAt[i] as number;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    c = { customers: customers.size, spanMs: customers.size > 0 ? last - first : 0 };
    this.counted.set(k, c);
    return c;
  }
}
