// What an analyst reads off a ring at a glance: how many orders, customers, cards, devices and
// addresses, money at stake, chargebacks, channels, time span, peak speed, and one risk score.

import { spellingFreeKey } from '../orders/paymentFacts';
import { isChargeback, type CardNetwork, type Dispute } from '../domain/dispute';
import { reasonFamily } from '../disputes/reasonCodes';
import type { Marketplace, Order } from '../domain/order';
import { isBinLast4Rule, isCardSummaryRule, KEY_TYPES, type KeyType } from '../normalize';
import type { FraudOrder } from './hubs';
import type { KeyIndex } from './keyIndex';
import type { RingCore } from './rings';

export type RingOrder = { marketplace: Marketplace; createdAt: number; totalMinor: number; currency: string };

export interface RingMetrics {
  orders: number;
  customers: number;
  emails: number;
  cards: number;
  devices: number;
  phones: number;
  addresses: number;
  /** Order value per currency, minor units. */
  valueMinor: Record<string, number>;
  disputes: number;
  /** Disputes whose reason code is in the fraud family (Visa 10.x, Mastercard 4837/4840/4863/4870/4871, Amex F24/F29/F30/F31, Stripe `fraudulent`). */
  fraudDisputes: number;
  /** Orders a labelled export called fraud (knownOutcome). */
  knownFraud: number;
  marketplaces: Marketplace[];
  firstSeen: number;
  lastSeen: number;
  /** Most orders within any 24 hours. */
  peak24h: number;
  /** 0..100, see riskScore. */
  score: number;
}

/** A fraud-family dispute (Visa 10.x, Mastercard 4837, Amex F29, Stripe `fraudulent`, ...), read with its network when known. */
export function isFraudReason(reasonCode: string, network: CardNetwork | '' = '', reasonText = ''): boolean {
  return reasonFamily(network, reasonCode, reasonText) === 'fraud';
}

/**
 * Orders known to be fraud: those that drew fraud chargebacks (a fraud-family reason; an inquiry or
 * a fraud report is no chargeback), by either spelling of the number, and those a labelled export
 * called fraud (`knownFraud`, by position). What HubRule.fraudShare weighs, in Rings and in scoring
 * alike. `keyOf` is asked only of hub candidates' orders; undefined when there are none of either.
 */
export function fraudOrders(disputes: readonly Dispute[], keyOf: (i: number) => string, knownFraud?: FraudOrder): FraudOrder | undefined {
  const fraudKeys = new Set(
    disputes.filter((d) => isChargeback(d) && isFraudReason(d.reasonCode, d.network, d.reasonText)).map((d) => spellingFreeKey(d.orderKey)),
  );
  const charged: FraudOrder | undefined = fraudKeys.size ? (i) => fraudKeys.has(spellingFreeKey(keyOf(i))) : undefined;
  if (!charged || !knownFraud) return charged ?? knownFraud;
  return (i) => knownFraud(i) || charged(i);
}

/** The orders (by position) a labelled export called fraud; undefined when none was, so nothing is asked per order. */
export function labelledFraud(orders: readonly Pick<Order, 'knownOutcome'>[]): FraudOrder | undefined {
  return orders.some((o) => o.knownOutcome === 'fraud') ? (i) => orders[i]?.knownOutcome === 'fraud' : undefined;
}

/** Disputes by order key (spellingFreeKey), built once per ring computation. */
export function disputesByOrder(disputes: readonly Dispute[]): Map<string, Dispute[]> {
  const map = new Map<string, Dispute[]>();
  for (const d of disputes) {
    if (!d.orderKey) continue;
    // By either spelling of the number: a PSP's 1001 is Shopify's #1001.
    const key = spellingFreeKey(d.orderKey);
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  }
  return map;
}

const DAY_MS = 86_400_000;

function peakIn24h(times: number[]): number {
  times.sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while ((times[hi] as number) - (times[lo] as number) >= DAY_MS) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * Risk score 0..100 = 100 * (1 - exp(-x / 6)) with
 * x = 2 * log2(customers) + log2(orders) + 3 * confirmed fraud + 1 * other disputes
 *   + 1 per extra marketplace + 0.5 * (peak orders in 24 h - 1, at most 10),
 * where confirmed fraud is the larger of the fraud disputes and the orders labelled fraud (a
 * labelled export most often labels the orders that were charged back: not counted twice).
 * Many distinct people behind one card or device, confirmed fraud and bursts dominate; size alone
 * grows it slowly. Saturating, so scores stay comparable between small and huge datasets.
 */
export function riskScore(m: Omit<RingMetrics, 'score'>): number {
  const x =
    2 * Math.log2(Math.max(1, m.customers)) +
    Math.log2(Math.max(1, m.orders)) +
    3 * Math.max(m.fraudDisputes, m.knownFraud) +
    (m.disputes - m.fraudDisputes) +
    Math.max(0, m.marketplaces.length - 1) +
    0.5 * Math.min(10, Math.max(0, m.peak24h - 1));
  return Math.round(1000 * (1 - Math.exp(-x / 6))) / 10;
}

export function ringMetrics(
  ring: RingCore,
  index: KeyIndex,
  orders: readonly RingOrder[],
  orderKeyOf: (i: number) => string,
  disputes: ReadonlyMap<string, readonly Dispute[]>,
  knownFraud?: FraudOrder,
): RingMetrics {
  const distinct: Record<KeyType, Set<number>> = {
    card: new Set(),
    device: new Set(),
    email: new Set(),
    phone: new Set(),
    address: new Set(),
    ip: new Set(),
    account: new Set(),
    name: new Set(),
  };
  const valueMinor: Record<string, number> = {};
  const marketplaces = new Set<Marketplace>();
  const times: number[] = [];
  let disputeCount = 0;
  let fraud = 0;
  let labelled = 0;
  /**
   * BIN-and-last-4 keys whose card an order of the ring names by more: by a fingerprint or an
   * expiry (both forms), or by 8 BIN digits (its 6-digit form: a masked number may be that card).
   * Each order with BIN and last 4 alone, by its most telling one (8 digits where the file gave them).
   */
  const named = new Set<number>();
  const onlyPartial: number[] = [];
  for (const i of ring.orders) {
    if (knownFraud?.(i)) labelled++;
    const o = orders[i] as RingOrder;
    let withExpiry = -1;
    /** BIN-and-last-4 keys (8 digits and 6). */
    const partials: number[] = [];
    let fingerprint = false;
    for (let j = index.orderStart[i] as number; j < (index.orderStart[i + 1] as number); j++) {
      const k = index.orderKeys[j] as number;
      // Type and rule only: a ring member's own keys need not have their values read back.
      const rule = index.ruleOf(k);
      if (rule === 'bin-last4-expiry') withExpiry = k;
      else if (isBinLast4Rule(rule)) partials.push(k);
      else if (rule === 'fingerprint') fingerprint = true;
      // Addresses count by the full address only.
      if (!isCardSummaryRule(rule) && rule !== 'street-postcode' && rule !== 'ipv4-24' && rule !== 'ipv6-64')
        distinct[KEY_TYPES[index.keyType[k] as number]!].add(k);
    }
    // Cards count by the strongest form present: the fingerprint, else BIN + last 4 + expiry, else
    // BIN + last 4 unless an order of the ring with a fingerprint or an expiry names that card already.
    if (!fingerprint && withExpiry >= 0) distinct.card.add(withExpiry);
    const eight = partials.find((k) => index.ruleOf(k) === 'bin8-last4');
    if (fingerprint || withExpiry >= 0) for (const k of partials) named.add(k);
    else if (eight !== undefined) {
      onlyPartial.push(eight);
      for (const k of partials) if (k !== eight) named.add(k);
    } else if (partials.length > 0) onlyPartial.push(partials[0]!);
    valueMinor[o.currency] = (valueMinor[o.currency] ?? 0) + o.totalMinor;
    marketplaces.add(o.marketplace);
    times.push(o.createdAt);
    for (const d of disputes.get(spellingFreeKey(orderKeyOf(i))) ?? []) {
      disputeCount++;
      if (isFraudReason(d.reasonCode, d.network, d.reasonText)) fraud++;
    }
  }
  // Such a card counts unless an order names it by more. By that form only: a card whose 8 BIN
  // digits differ shares the 6 with another, and is another card.
  for (const k of onlyPartial) if (!named.has(k)) distinct.card.add(k);
  const m = {
    orders: ring.orders.length,
    customers: ring.customers,
    emails: distinct.email.size,
    cards: distinct.card.size,
    devices: distinct.device.size,
    phones: distinct.phone.size,
    addresses: distinct.address.size,
    valueMinor,
    disputes: disputeCount,
    fraudDisputes: fraud,
    knownFraud: labelled,
    marketplaces: [...marketplaces].sort(),
    firstSeen: Math.min(...times),
    lastSeen: Math.max(...times),
    peak24h: peakIn24h(times),
  };
  return { ...m, score: riskScore(m) };
}
