// Rings: connected components of orders over the chosen link keys, with collection points and
// values shared by too many customers held back as hubs, and the analyst's overrides applied.

import { KEY_TYPES, strengthRank, type KeyType, type Strength } from '../normalize';
import {
  describeHubEvidence,
  describeMarkedHub,
  hubRulesFor,
  judgeMarkedPoint,
  judgeSharedKey,
  type FraudOrder,
  type HubEvidence,
  type HubRules,
} from './hubs';
import type { KeyIndex } from './keyIndex';
import { UnionFind } from './unionFind';
import { orderKeyLabel } from '../domain/order';
import { isBinLast4Rule, isCardSummaryRule } from '../normalize/card';

export interface KeyOverride {
  type: KeyType;
  value: string;
  /** `allow`: links even if it looks like a hub. `never-link`: never links (splits a ring). */
  action: 'allow' | 'never-link';
}

export interface LinkOptions {
  /** Key types that may link; default all but `name`. */
  keyTypes?: readonly KeyType[];
  /** Weakest key that may link; default `medium` (no /24 networks, street-only or name keys). */
  minStrength?: Strength;
  /** When a value shared by many identities is a hub, per key type (defaults: DEFAULT_HUB_RULES). */
  hubRules?: HubRules;
  /** For every key type at once: a value used by more than this many identities may be a hub. */
  hubThreshold?: number;
  /** For every key type at once: ... if its use spans more than this many days (0: any span). */
  hubMinSpanDays?: number;
  overrides?: readonly KeyOverride[];
  /** A component is a ring from this many distinct customers; default 2 (one person's repeat orders are not a ring). */
  minCustomers?: number;
  /** Known fraud (fraud chargebacks, labelled outcomes): a value in steady use by many, too many of them fraud, links (HubRule.fraudShare). */
  fraudOrder?: FraudOrder;
}

export const DEFAULT_KEY_TYPES: readonly KeyType[] = KEY_TYPES.filter((t) => t !== 'name');

export interface Hub {
  key: number;
  type: KeyType;
  value: string;
  customers: number;
  orders: number;
  /**
   * `marked`: a collection point or forwarder by its text; `shared-by-many`: steady use by many
   * identities; `cards-differ`: a card's BIN and last 4 (and expiry) on cards the provider's
   * fingerprints tell apart, so not one card.
   */
  reason: 'marked' | 'shared-by-many' | 'cards-differ';
  /** True when an `allow` override lets it link anyway. */
  allowed: boolean;
  /** Its identities, span and densest burst (weighed for shared-by-many, shown for marked), and the verdict in words. */
  evidence?: HubEvidence;
  why: string;
}

/** A value shared by as many identities as a hub but within days: it links, and says why. */
export interface Burst {
  key: number;
  type: KeyType;
  value: string;
  evidence: HubEvidence;
  why: string;
}

/** A spanning-tree edge: orders a and b (positions) joined by key `key`. */
export interface RingEdge {
  a: number;
  b: number;
  key: number;
}

export interface RingCore {
  id: string;
  /** Order positions, ascending. */
  orders: number[];
  customers: number;
  edges: RingEdge[];
  /** Keys that link orders of at least two of the ring's identities. */
  sharedKeys: number[];
}

export interface RingResult {
  rings: RingCore[];
  hubs: Hub[];
  bursts: Burst[];
  /** Component root per order position (equal roots = same component). */
  componentOf: Int32Array;
}

/** Which keys link under `options`, which are hubs, and which large ones link as bursts. */
export function linkingKeys(
  index: KeyIndex,
  options: LinkOptions = {},
  /** The shop of order i (its key's source), to tell fingerprints apart within one shop only; absent: all as one. */
  shopOf?: (order: number) => string,
): { links: Uint8Array; hubs: Hub[]; bursts: Burst[] } {
  const typeOk = new Uint8Array(KEY_TYPES.length);
  for (const t of options.keyTypes ?? DEFAULT_KEY_TYPES) typeOk[KEY_TYPES.indexOf(t)] = 1;
  const minRank = strengthRank(options.minStrength ?? 'medium');
  const rules = hubRulesFor(options.hubRules, {
    ...(options.hubThreshold !== undefined ? { identities: options.hubThreshold } : {}),
    ...(options.hubMinSpanDays !== undefined ? { steadyDays: options.hubMinSpanDays } : {}),
  });
  const action = new Map<number, KeyOverride['action']>();
  for (const o of options.overrides ?? []) {
    const id = index.keyId(o.type, o.value);
    if (id !== undefined) action.set(id, o.action);
  }
  const { keyStart, keyType, keyStrength, keyMarked } = index;
  const keyCount = keyType.length;
  const links = new Uint8Array(keyCount);
  const hubs: Hub[] = [];
  const bursts: Burst[] = [];
  /** Holds key `id` back from linking as `reason` says; whether it links all the same (an `allow` override). */
  const holdBack = (id: number, orders: number, reason: Hub['reason'], why: string, evidence?: HubEvidence): boolean => {
    const k = index.key(id);
    const allowed = action.get(id) === 'allow';
    hubs.push({ key: id, type: k.type, value: k.value, customers: index.customersOf(id), orders, reason, allowed, ...(evidence ? { evidence } : {}), why });
    return allowed;
  };
  for (let id = 0; id < keyCount; id++) {
    const orders = (keyStart[id + 1] as number) - (keyStart[id] as number);
    // Only keys that could link under these options: a /24 network is no hub news when /24s do not link.
    if (orders < 2 || !typeOk[keyType[id] as number] || (keyStrength[id] as number) < minRank) continue;
    if (action.size && action.get(id) === 'never-link') continue;
    const ruleOfKey = index.ruleOf(id);
    // BIN and last 4 alone on orders a more telling form of the card joins already (or tells apart).
    const forms = isBinLast4Rule(ruleOfKey) ? cardFormsOn(index, id) : null;
    if (forms?.redundant) continue;
    const cards = isCardSummaryRule(ruleOfKey) ? fingerprintsOn(index, id, shopOf) : 0;
    if (cards >= 2) {
      const why = `the same ${cardSummaryWords(ruleOfKey)} on ${cards} cards the card provider tells apart by fingerprint in one shop: not one card`;
      if (holdBack(id, orders, 'cards-differ', why)) links[id] = 1;
      continue;
    }
    if (forms && forms.cards >= 2) {
      const why = `the same BIN and last 4 on ${forms.cards} cards with different ${forms.by}: not one card, and the orders that show only BIN and last 4 may be any of them`;
      if (holdBack(id, orders, 'cards-differ', why)) links[id] = 1;
      continue;
    }
    const rule = rules[KEY_TYPES[keyType[id] as number]!];
    // A marked one is a hub by its text, unless many used it within days (a burst); its figures are shown all the same.
    const marked = keyMarked[id] === 1;
    const judged = marked ? judgeMarkedPoint(index, id, rule) : judgeSharedKey(index, id, rule, options.fraudOrder);
    if (judged?.hub) {
      const why = marked ? describeMarkedHub(judged.evidence) : describeHubEvidence(judged.evidence, true);
      if (!holdBack(id, orders, marked ? 'marked' : 'shared-by-many', why, judged.evidence)) continue;
    } else if (judged) {
      const k = index.key(id);
      const why = marked ? describeMarkedHub(judged.evidence, false) : describeHubEvidence(judged.evidence, false);
      bursts.push({ key: id, type: k.type, value: k.value, evidence: judged.evidence, why });
    }
    links[id] = 1;
  }
  hubs.sort((x, y) => y.customers - x.customers || x.type.localeCompare(y.type) || x.value.localeCompare(y.value));
  return { links, hubs, bursts };
}

/**
 * How many different provider fingerprints the orders of card-summary key `k` carry in one shop.
 * BIN, last 4 and expiry are shared by many cards of a large issuer (a popular BIN's cardholders
 * meet on the same last 4 and expiry by the thousand), while a fingerprint names one card: two
 * orders whose fingerprints differ paid with two cards, whatever their summaries say. But a
 * provider fingerprints a card per merchant account (Stripe: per account; each Shopify store has
 * its own), so one card paying in two shops carries two fingerprints: only fingerprints of one
 * shop's orders (`shopOf`, the order key's source) are told apart. Orders without a fingerprint
 * may be either card, so they do not count.
 */
function fingerprintsOn(index: KeyIndex, k: number, shopOf?: (order: number) => string): number {
  return keptPerKey(fingerprintCounts, index, k, () => countFingerprints(index, k, shopOf));
}

const fingerprintCounts = new WeakMap<KeyIndex, Map<number, number>>();

/**
 * What `compute` says of key `k`, kept per index: re-linking with other options or overrides, and
 * scoring, ask again of the same keys. An index is never changed once made (a later import makes
 * a new one), so an answer kept for it stays true.
 */
function keptPerKey<T>(kept: WeakMap<KeyIndex, Map<number, T>>, index: KeyIndex, k: number, compute: () => T): T {
  let known = kept.get(index);
  if (!known) kept.set(index, (known = new Map()));
  let found = known.get(k);
  if (found === undefined) known.set(k, (found = compute()));
  return found;
}

/**
 * Whether card key `k` names one card where it links: a fingerprint or BIN, last 4 and expiry
 * always does; BIN and last 4 alone only where the linker would link by it (not where every order
 * on it has a more telling form, nor where those forms show two cards). Scoring weighs a card's
 * chargebacks by the same judgement: another card's are not this one's.
 */
export function namesOneCard(index: KeyIndex, k: number): boolean {
  if (!isBinLast4Rule(index.ruleOf(k))) return true;
  const forms = cardFormsOn(index, k);
  return !forms.redundant && forms.cards < 2;
}

/**
 * What the orders on BIN-and-last-4 key `k` say of their cards: how many different cards their
 * more telling forms name (BIN, last 4 and expiry; for a 6-digit key also 8 BIN digits), and
 * whether those forms already say all there is (every order has an expiry, or for a 6-digit key
 * every one its 8 BIN digits, the same or not: no order is left that could be either card; or
 * every order the same fingerprint), so `k` adds nothing.
 */
function cardFormsOn(index: KeyIndex, k: number): CardForms {
  return keptPerKey(cardForms, index, k, () => countCardForms(index, k));
}

interface CardForms {
  cards: number;
  /** What tells the cards apart. */
  by: 'expiry dates' | '8-digit BINs';
  redundant: boolean;
}

const cardForms = new WeakMap<KeyIndex, Map<number, CardForms>>();

function countCardForms(index: KeyIndex, k: number): CardForms {
  const { keyStart, keyOrders, orderStart, orderKeys, keyType } = index;
  const sixDigits = index.ruleOf(k) === 'bin6-last4';
  // The first expiry and 8-digit BIN met; a Set only once a second one shows (most values have one).
  let firstExpiry = -1;
  let firstEight = -1;
  let expiries: Set<number> | null = null;
  let eightDigits: Set<number> | null = null;
  let allExpiry = true;
  let allEight = sixDigits;
  /** The one fingerprint every order so far carries, -1 before the first, -2 once one has another or none. */
  let oneFingerprint = -1;
  for (let j = keyStart[k] as number; j < (keyStart[k + 1] as number); j++) {
    const o = keyOrders[j] as number;
    let expiry = false;
    let eight = false;
    let fingerprint = -1;
    for (let at = orderStart[o] as number; at < (orderStart[o + 1] as number); at++) {
      const key = orderKeys[at] as number;
      if (keyType[key] !== CARD_TYPE) continue;
      const rule = index.ruleOf(key);
      if (rule === 'fingerprint') fingerprint = key;
      else if (rule === 'bin-last4-expiry') {
        expiry = true;
        if (firstExpiry === -1) firstExpiry = key;
        else if (key !== firstExpiry) (expiries ??= new Set([firstExpiry])).add(key);
      } else if (sixDigits && rule === 'bin8-last4') {
        eight = true;
        if (firstEight === -1) firstEight = key;
        else if (key !== firstEight) (eightDigits ??= new Set([firstEight])).add(key);
      }
    }
    if (!expiry) allExpiry = false;
    if (!eight) allEight = false;
    if (fingerprint < 0 || (oneFingerprint !== -1 && oneFingerprint !== fingerprint)) oneFingerprint = -2;
    else if (oneFingerprint === -1) oneFingerprint = fingerprint;
  }
  // Two expiries, or two 8-digit BINs, are two cards (a 6-digit key's orders may carry both forms).
  const expiryCount = expiries ? expiries.size : firstExpiry === -1 ? 0 : 1;
  const eightCount = eightDigits ? eightDigits.size : firstEight === -1 ? 0 : 1;
  return {
    cards: Math.max(expiryCount, eightCount),
    by: expiryCount >= eightCount ? 'expiry dates' : '8-digit BINs',
    // One fingerprint on every order links them all by itself (one card).
    redundant: allExpiry || allEight || oneFingerprint >= 0,
  };
}

function countFingerprints(index: KeyIndex, k: number, shopOf?: (order: number) => string): number {
  const { keyStart, keyOrders, orderStart, orderKeys } = index;
  const fingerprintOf = (o: number): number[] => {
    const out: number[] = [];
    for (let at = orderStart[o] as number; at < (orderStart[o + 1] as number); at++) {
      const key = orderKeys[at] as number;
      if (index.keyType[key] === CARD_TYPE && index.ruleOf(key) === 'fingerprint') out.push(key);
    }
    return out;
  };
  // Most keys carry one fingerprint or none: found without building anything.
  let first = -1;
  let several = false;
  for (let j = keyStart[k] as number; j < (keyStart[k + 1] as number) && !several; j++) {
    for (const key of fingerprintOf(keyOrders[j] as number)) {
      if (first === -1) first = key;
      else if (key !== first) several = true;
    }
  }
  if (!several) return first === -1 ? 0 : 1;
  const byShop = new Map<string, Set<number>>();
  for (let j = keyStart[k] as number; j < (keyStart[k + 1] as number); j++) {
    const o = keyOrders[j] as number;
    const shop = shopOf ? shopOf(o) : '';
    for (const key of fingerprintOf(o)) {
      let set = byShop.get(shop);
      if (!set) byShop.set(shop, (set = new Set()));
      set.add(key);
    }
  }
  return Math.max(...[...byShop.values()].map((set) => set.size));
}

const CARD_TYPE = KEY_TYPES.indexOf('card');

function cardSummaryWords(rule: string): string {
  return rule === 'bin-last4-expiry' ? 'BIN, last 4 and expiry' : 'BIN and last 4';
}

/**
 * The order pairs the linker unions, as a flat [a0, b0, a1, b1, ...] list (a star per linking key):
 * the same graph for an outside baseline, e.g. the bench's networkx connected_components.
 */
export function linkEdges(index: KeyIndex, options: LinkOptions = {}): Int32Array {
  const { links } = linkingKeys(index, options);
  let count = 0;
  for (let k = 0; k < links.length; k++) if (links[k]) count += (index.keyStart[k + 1] as number) - (index.keyStart[k] as number) - 1;
  const pairs = new Int32Array(count * 2);
  let at = 0;
  for (let k = 0; k < links.length; k++) {
    if (!links[k]) continue;
    const start = index.keyStart[k] as number;
    for (let j = start + 1; j < (index.keyStart[k + 1] as number); j++) {
      pairs[at++] = index.keyOrders[start] as number;
      pairs[at++] = index.keyOrders[j] as number;
    }
  }
  return pairs;
}

/**
 * Connected components of the orders over the linking keys; components with at least
 * `minCustomers` distinct customers are rings. `orderKeys` names order i (the ring id is its
 * alphabetically first order), asked only for ring members.
 */
export function findRings(index: KeyIndex, orderKeys: readonly string[] | ((i: number) => string), options: LinkOptions = {}): RingResult {
  const keyOf = typeof orderKeys === 'function' ? orderKeys : (i: number) => orderKeys[i] as string;
  const { links, hubs, bursts } = linkingKeys(index, options, (i) => keyOf(i).slice(0, keyOf(i).indexOf(':')));
  const n = index.orderCount;
  const { keyStart, keyOrders, customerOf } = index;
  const work = scratchFor(index);
  const uf = new UnionFind(n, work.parent, work.unionSize);
  // Spanning-tree edges as (a, b, key) triples: no object per union.
  let tree = new Int32Array(3 * 1024);
  let treeLength = 0;
  for (let k = 0; k < links.length; k++) {
    if (!links[k]) continue;
    const start = keyStart[k] as number;
    const first = keyOrders[start] as number;
    for (let j = start + 1; j < (keyStart[k + 1] as number); j++) {
      const o = keyOrders[j] as number;
      if (uf.union(first, o)) {
        if (treeLength + 3 > tree.length) {
          const grown = new Int32Array(tree.length * 2);
          grown.set(tree);
          tree = grown;
        }
        tree[treeLength++] = first;
        tree[treeLength++] = o;
        tree[treeLength++] = k;
      }
    }
  }
  const componentOf = new Int32Array(n);
  const size = work.size.fill(0);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    componentOf[i] = r;
    size[r] = (size[r] as number) + 1;
  }
  // Customers per component, counted on the fly: lastRoot[c] is the component that last counted
  // customer c. Components interleave in position order, so a customer can be counted twice in
  // one component: an overcount that only lets extra candidates through to the exact recount.
  const customers = work.customers.fill(0);
  const lastRoot = work.lastRoot.fill(-1);
  const members: number[][] = [];
  const ringOfRoot = work.ringOfRoot.fill(-1);
  for (let i = 0; i < n; i++) {
    const r = componentOf[i] as number;
    if ((size[r] as number) < 2) continue;
    const c = customerOf[i] as number;
    if (lastRoot[c] !== r) {
      lastRoot[c] = r;
      customers[r] = (customers[r] as number) + 1;
    }
  }
  return assemble();

  function assemble(): RingResult {
    const minCustomers = options.minCustomers ?? 2;
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = componentOf[i] as number;
      if (r === i && (size[r] as number) >= 2 && (customers[r] as number) >= minCustomers) candidates.push(r);
    }
    for (const r of candidates) {
      ringOfRoot[r] = members.length;
      members.push([]);
    }
    for (let i = 0; i < n; i++) {
      const at = ringOfRoot[componentOf[i] as number] as number;
      if (at >= 0) (members[at] as number[]).push(i);
    }
    const rings: RingCore[] = [];
    const keep = new Int32Array(members.length).fill(-1);
    const seen = work.lastRoot.fill(-1);
    members.forEach((orders, m) => {
      let distinct = 0;
      for (const i of orders) {
        const c = customerOf[i] as number;
        if (seen[c] !== m) {
          seen[c] = m;
          distinct++;
        }
      }
      if (distinct < minCustomers) return;
      keep[m] = rings.length;
      let first = keyOf(orders[0] as number);
      for (const i of orders) {
        const key = keyOf(i);
        if (key < first) first = key;
      }
      // Named after its alphabetically first order, so the id survives re-runs and new imports that only add orders.
      rings.push({ id: `ring:${first}`, orders, customers: distinct, edges: [], sharedKeys: [] });
    });
    const ringAt = (order: number): RingCore | undefined => {
      const m = ringOfRoot[componentOf[order] as number] as number;
      return m >= 0 && (keep[m] as number) >= 0 ? rings[keep[m] as number] : undefined;
    };
    for (let t = 0; t < treeLength; t += 3)
      ringAt(tree[t] as number)?.edges.push({ a: tree[t] as number, b: tree[t + 1] as number, key: tree[t + 2] as number });
    // A ring's shared values are those that join two of its identities: the e-mail on one member's
    // own repeat orders joins that member's orders, not two people, and "never link" on it would split nothing.
    for (let k = 0; k < links.length; k++) {
      if (!links[k]) continue;
      const start = keyStart[k] as number;
      const ring = ringAt(keyOrders[start] as number);
      if (!ring) continue;
      const c = customerOf[keyOrders[start] as number];
      for (let j = start + 1; j < (keyStart[k + 1] as number); j++) {
        if (customerOf[keyOrders[j] as number] !== c) {
          ring.sharedKeys.push(k);
          break;
        }
      }
    }
    return { rings, hubs, bursts, componentOf };
  }
}

interface Scratch {
  parent: Int32Array;
  unionSize: Int32Array;
  size: Int32Array;
  customers: Int32Array;
  lastRoot: Int32Array;
  ringOfRoot: Int32Array;
}

// Per-order work arrays, kept per index: re-linking with other options or overrides allocates no
// order-sized buffers, which at a million orders would otherwise invite a full garbage collection.
const scratches = new WeakMap<KeyIndex, Scratch>();

function scratchFor(index: KeyIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.orderCount;
    s = {
      parent: new Int32Array(n),
      unionSize: new Int32Array(n),
      size: new Int32Array(n),
      customers: new Int32Array(n),
      lastRoot: new Int32Array(n),
      ringOfRoot: new Int32Array(n),
    };
    scratches.set(index, s);
  }
  return s;
}

/**
 * A ring's name wherever it is shown (its detail, the reports, the decision log): its id is the key
 * of its alphabetically first order (findRings), not its earliest, which names it for as long as it holds that order, while its rank on the
 * Rings screen changes with every link. The order is named as the decision log's Order column names
 * it: `ring:shopify:#12649` is "ring of #12649", `ring:shopify@outlet:#1001` "ring of #1001 · outlet"
 * (the source's slug, `shopify:`, is the cache's, not the analyst's; log entries written before
 * keep the form they were written in).
 */
export function ringName(id: string): string {
  return `ring of ${orderKeyLabel(id.replace(/^ring:/, ''))}`;
}
