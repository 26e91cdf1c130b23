// One call from plain orders and disputes to ranked rings and hubs: index, link, measure. The
// rings screen's worker calls this; the index can be kept to re-link fast when options change.

import type { Dispute } from '../domain/dispute';
import { orderKey, type Order } from '../domain/order';
import type { KeyType } from '../normalize';
import { buildKeyIndex, type KeyIndex } from './keyIndex';
import { disputesByOrder, fraudOrders, labelledFraud, ringMetrics, type RingMetrics, type RingOrder } from './metrics';
import { findRings, type Burst, type Hub, type LinkOptions } from './rings';
import type { RingEdge } from './rings';

export interface Ring {
  id: string;
  /** Order positions in the input array, ascending. */
  orders: number[];
  orderKeys: string[];
  metrics: RingMetrics;
  times: number[];
  /** Shared (linking) key values by type. */
  keys: Partial<Record<KeyType, string[]>>;
  /** Spanning-tree edges; explain with ringEvidence. */
  edges: RingEdge[];
}

export interface RingsReport {
  rings: Ring[];
  hubs: Hub[];
  /** Values shared by as many identities as a hub, but within days: they link, and say why. */
  bursts: Burst[];
  index: KeyIndex;
}

export function buildRings(orders: readonly Order[], disputes: readonly Dispute[] = [], options: LinkOptions = {}, prebuilt?: KeyIndex): RingsReport {
  const index = prebuilt ?? buildKeyIndex(orders);
  const knownFraud = labelledFraud(orders);
  return buildRingsFrom(
    index,
    { orderKey: (i) => orderKey(orders[i] as Order), ringOrder: (i) => orders[i] as Order, ...(knownFraud ? { knownFraud } : {}) },
    disputes,
    options,
  );
}

/** What ranking needs of an order position, asked for ring members only. */
export interface RingOrderSource {
  orderKey(i: number): string;
  ringOrder(i: number): RingOrder;
  /** Whether a labelled export called the order at i fraud; absent when none was. */
  knownFraud?: (i: number) => boolean;
}

/**
 * Rings from a key index and what ranking needs of ring members: a kept index (read back from the
 * cache) ranks rings without decoding a single order's text.
 */
export function buildRingsFrom(index: KeyIndex, source: RingOrderSource, disputes: readonly Dispute[] = [], options: LinkOptions = {}): RingsReport {
  // Order keys are built for ring members only: a million strings per run would cost more than linking.
  const keyOf = (i: number) => source.orderKey(i);
  // Fraud chargebacks and known outcomes weigh in whether a value in steady use is a hub (HubRule.fraudShare).
  const fraudOrder = fraudOrders(disputes, keyOf, source.knownFraud);
  const result = findRings(index, keyOf, fraudOrder ? { ...options, fraudOrder } : options);
  const byOrder = disputesByOrder(disputes);
  // Sparse: only ring members are asked for.
  const orders: RingOrder[] = [];
  const rings = result.rings.map((core): Ring => {
    const keys: Partial<Record<KeyType, string[]>> = {};
    for (const k of core.sharedKeys) {
      const info = index.key(k);
      (keys[info.type] ??= []).push(info.value);
    }
    for (const list of Object.values(keys)) list.sort();
    for (const i of core.orders) orders[i] = source.ringOrder(i);
    return {
      id: core.id,
      orders: core.orders,
      orderKeys: core.orders.map(keyOf),
      metrics: ringMetrics(core, index, orders, keyOf, byOrder, source.knownFraud),
      times: core.orders.map((i) => (orders[i] as RingOrder).createdAt),
      keys,
      edges: core.edges,
    };
  });
  rings.sort((a, b) => b.metrics.score - a.metrics.score || b.metrics.orders - a.metrics.orders || (a.id < b.id ? -1 : 1));
  return { rings, hubs: result.hubs, bursts: result.bursts, index };
}
