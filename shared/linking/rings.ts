// Rings: connected components of orders over the chosen link keys, with collection points and
// values shared by too many customers held back as hubs, and the analyst's overrides applied.

import { KEY_TYPES, strengthRank, type KeyType, type Strength } from '../normalize';
import type { KeyIndex } from './keyIndex';
import { UnionFind } from './unionFind';

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
  /** A value used by more than this many distinct customers is a hub; default 8. */
  hubThreshold?: number;
  /**
   * ... and only if its use spans more than this many days; default 45. Fraud rings burn a card,
   * device or drop address in a burst; offices, lockers and forwarders serve people all year.
   * 0 makes the rule a pure customer count.
   */
  hubMinSpanDays?: number;
  overrides?: readonly KeyOverride[];
  /** A component is a ring from this many distinct customers; default 2 (one person's repeat orders are not a ring). */
  minCustomers?: number;
}

export const DEFAULT_KEY_TYPES: readonly KeyType[] = KEY_TYPES.filter((t) => t !== 'name');

export interface Hub {
  key: number;
  type: KeyType;
  value: string;
  customers: number;
  orders: number;
  /** `marked`: a collection point or forwarder by its text; `shared-by-many`: the customer-count rule. */
  reason: 'marked' | 'shared-by-many';
  /** True when an `allow` override lets it link anyway. */
  allowed: boolean;
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
  /** Keys that link at least two of the ring's orders. */
  sharedKeys: number[];
}

export interface RingResult {
  rings: RingCore[];
  hubs: Hub[];
  /** Component root per order position (equal roots = same component). */
  componentOf: Int32Array;
}

const DAY_MS = 86_400_000;

/** Which keys link under `options`, and which are hubs. */
export function linkingKeys(index: KeyIndex, options: LinkOptions = {}): { links: Uint8Array; hubs: Hub[] } {
  const types = new Set(options.keyTypes ?? DEFAULT_KEY_TYPES);
  const minRank = strengthRank(options.minStrength ?? 'medium');
  const threshold = options.hubThreshold ?? 8;
  const minSpan = (options.hubMinSpanDays ?? 45) * DAY_MS;
  const override = new Map((options.overrides ?? []).map((o) => [`${o.type}\u0000${o.value}`, o.action]));
  const links = new Uint8Array(index.keys.length);
  const hubs: Hub[] = [];
  index.keys.forEach((k, id) => {
    const orders = (index.keyStart[id + 1] as number) - (index.keyStart[id] as number);
    const customers = index.keyCustomers[id] as number;
    const action = override.size ? override.get(`${k.type}\u0000${k.value}`) : undefined;
    // Only keys that could link under these options: a /24 network is no hub news when /24s do not link.
    if (orders < 2 || !types.has(k.type) || strengthRank(k.strength) < minRank || action === 'never-link') return;
    const shared = customers > threshold && (index.keySpanMs[id] as number) > minSpan;
    if (k.marked || shared) {
      hubs.push({ key: id, type: k.type, value: k.value, customers, orders, reason: k.marked ? 'marked' : 'shared-by-many', allowed: action === 'allow' });
      if (action !== 'allow') return;
    }
    links[id] = 1;
  });
  hubs.sort((x, y) => y.customers - x.customers || x.type.localeCompare(y.type) || x.value.localeCompare(y.value));
  return { links, hubs };
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

export function findRings(index: KeyIndex, orderKeys: readonly string[], options: LinkOptions = {}): RingResult {
  const { links, hubs } = linkingKeys(index, options);
  const n = index.orderCount;
  const uf = new UnionFind(n);
  const edges: RingEdge[] = [];
  for (let k = 0; k < links.length; k++) {
    if (!links[k]) continue;
    const start = index.keyStart[k] as number;
    const first = index.keyOrders[start] as number;
    for (let j = start + 1; j < (index.keyStart[k + 1] as number); j++) {
      const o = index.keyOrders[j] as number;
      if (uf.union(first, o)) edges.push({ a: first, b: o, key: k });
    }
  }
  const componentOf = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    componentOf[i] = r;
    size[r] = (size[r] as number) + 1;
  }
  const byRoot = new Map<number, RingCore>();
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = componentOf[i] as number;
    if ((size[r] as number) < 2) continue;
    let ring = byRoot.get(r);
    if (!ring) byRoot.set(r, (ring = { id: '', orders: [], customers: 0, edges: [], sharedKeys: [] }));
    ring.orders.push(i);
  }
  // Counted ring by ring: one customer can have orders in two rings (same name in one postcode).
  for (const [r, ring] of byRoot) {
    for (const i of ring.orders) {
      const c = index.customerOf[i] as number;
      if (seen[c] !== r) {
        seen[c] = r;
        ring.customers++;
      }
    }
  }
  const minCustomers = options.minCustomers ?? 2;
  for (const [r, ring] of byRoot) if (ring.customers < minCustomers) byRoot.delete(r);
  for (const e of edges) byRoot.get(componentOf[e.a] as number)?.edges.push(e);
  for (let k = 0; k < links.length; k++) {
    if (links[k]) byRoot.get(componentOf[index.keyOrders[index.keyStart[k] as number] as number] as number)?.sharedKeys.push(k);
  }
  const rings = [...byRoot.values()];
  for (const ring of rings) {
    // Named after its alphabetically first order, so the id survives re-runs and new imports that only add orders.
    let first = orderKeys[ring.orders[0] as number] as string;
    for (const i of ring.orders) if ((orderKeys[i] as string) < first) first = orderKeys[i] as string;
    ring.id = `ring:${first}`;
  }
  return { rings, hubs, componentOf };
}
