// Card testing: someone with a list of stolen cards tries them one after another from one device
// or IP, or on one account, most are declined, and the one that goes through pays for an order.
// The declined tries are imported as failed payments and most never become an order, so they are
// matched to orders here: by the device, checkout session, exact IP and e-mail the payment carried,
// and by the order it was trying to pay (whose device, IP, e-mail and account were the try's too).
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { DEFAULT_HUB_RULES, heldBackAsHub, type FraudOrder, type HubRule } from '../linking/hubs';
import type { KeyIndex, KeyInfo } from '../linking/keyIndex';
import { linkKeysOf, type KeyType } from '../normalize';
import { orderRefVariants } from '../orders/paymentFacts';

const DAY_MS = 86_400_000;

/** What the signal reads of a payment (the review keeps only these of its failed ones in memory). */
export type DeclinedPayment = Pick<
  Payment,
  'status' | 'orderRef' | 'orderSource' | 'createdAt' | 'email' | 'ip' | 'deviceId' | 'sessionId' | 'cardBin' | 'cardLast4' | 'cardExpiry' | 'cardFingerprint'
>;

/**
 * The keys a try and an order are matched on: the device and checkout session, the exact IP (a
 * /24 is a whole street of households), the e-mail and the shop account.
 */
function matches(info: KeyInfo): boolean {
  return info.type === 'device' || info.type === 'email' || info.type === 'account' || (info.type === 'ip' && info.rule === 'ip-exact');
}

/** An order's reference without Shopify's `#`, as payments and orders both write it; '' for none. */
const refOf = (ref: string): string => orderRefVariants(ref)[0]?.replace(/^#/, '') ?? '';

export interface DeclinedCardsInput {
  orders: readonly Order[];
  live: Uint8Array;
  index: KeyIndex;
  /** Payments of any age; only failed ones are read. */
  payments: readonly DeclinedPayment[];
  /** When a shared value is a hub, per key type (default: DEFAULT_HUB_RULES). */
  hubRules?: Readonly<Record<KeyType, HubRule>> | undefined;
  /** Known fraud (fraud chargebacks, labelled outcomes): a value in steady use is no hub when too many of its users are. */
  fraudOrder?: FraudOrder | undefined;
}

/**
 * Distinct cards declined in the 24 h before order i on its device, session, exact IP, e-mail or
 * account, and on any try to pay order i itself (those may come after it was placed, while it
 * waited for payment). A value the rings hold back as a hub (an office proxy, a mobile carrier's
 * shared IP, a collection point) matches nothing: its declines are many people's, not one tester's.
 */
export function declinedCardsBefore(input: DeclinedCardsInput): (i: number) => number {
  const { orders, live, index } = input;
  const payments = input.payments.filter((p) => p.status === 'failed');
  if (payments.length === 0) return () => 0;
  const rules = input.hubRules ?? DEFAULT_HUB_RULES;
  const keysOf = (i: number) => index.orderKeys.subarray(index.orderStart[i]!, index.orderStart[i + 1]!);

  // The live own-shop order each reference names. A payment that says its shop (Payment.orderSource)
  // names that shop's order; one stored before payments said so names the one shop's order of that
  // number, else none (two shops number alike, and a try joined to the wrong shop's order would be
  // held against another customer).
  const refKey = (source: string | undefined, ref: string) => `${source ?? ''}\u0000${ref}`;
  const wanted = new Map<string, number>();
  for (const p of payments) {
    const r = refOf(p.orderRef);
    if (r) wanted.set(refKey(p.orderSource, r), -1);
  }
  const offer = (key: string, i: number) => {
    const at = wanted.get(key);
    if (at !== undefined) wanted.set(key, at === -1 ? i : -2);
  };
  for (let i = 0; i < orders.length && wanted.size > 0; i++) {
    // Payments join own-shop orders only (writePlan.ts paysFor).
    if (!live[i] || orders[i]!.marketplace !== 'shop') continue;
    const r = refOf(orders[i]!.externalId);
    offer(refKey(orders[i]!.source, r), i);
    offer(refKey(undefined, r), i);
  }

  // A card is its fingerprint, else BIN, last 4 and expiry; the values one payment carries together
  // name one card (as cardsPerDevice counts a device id and its sessions once).
  const cardIds = new Map<string, number>();
  const parent: number[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const cardOf = new Int32Array(payments.length).fill(-1);
  const named = new Int32Array(payments.length).fill(-1);
  const byKey = new Map<number, number[]>();
  const byOrder = new Map<number, number[]>();
  const push = <K>(m: Map<K, number[]>, k: K, n: number) => {
    const list = m.get(k);
    if (list) list.push(n);
    else m.set(k, [n]);
  };
  payments.forEach((p, n) => {
    const keys = linkKeysOf({
      source: '',
      customerId: '',
      email: p.email,
      phone: '',
      shipName: '',
      shipStreet: '',
      shipPostcode: '',
      shipCountry: '',
      billCountry: '',
      ip: p.ip,
      deviceId: p.deviceId ?? '',
      ...(p.sessionId ? { sessionId: p.sessionId } : {}),
      cardBin: p.cardBin,
      cardLast4: p.cardLast4,
      cardExpiry: p.cardExpiry,
      cardFingerprint: p.cardFingerprint,
    });
    // A try with no card facts (a payment abandoned before a card was given) is no card declined.
    // BIN and last 4 alone name its card only when it has nothing more, and then by its most telling
    // form (8 digits where given): every try carries them, and two cards of one issuer can share the
    // 6 digits and the last 4 while their fingerprints or expiries tell them apart.
    const cardKeys = keys.filter((k) => k.type === 'card');
    const telling = cardKeys.filter((k) => k.rule === 'fingerprint' || k.rule === 'bin-last4-expiry');
    let root = -1;
    for (const k of telling.length ? telling : cardKeys.slice(0, 1)) {
      let id = cardIds.get(k.value);
      if (id === undefined) {
        id = parent.length;
        parent.push(id);
        cardIds.set(k.value, id);
      }
      if (root === -1) root = find(id);
      else parent[find(id)] = root;
    }
    if (root === -1) return;
    cardOf[n] = root;
    const on = new Set<number>();
    for (const k of keys) {
      if (k.type === 'card') continue;
      const id = index.keyId(k.type, k.value);
      if (id !== undefined && matches(index.key(id))) on.add(id);
    }
    const j = wanted.get(refKey(p.orderSource, refOf(p.orderRef))) ?? -1;
    if (j >= 0) {
      named[n] = j;
      push(byOrder, j, n);
      for (const k of keysOf(j)) if (matches(index.key(k))) on.add(k);
    }
    for (const k of on) push(byKey, k, n);
  });

  const isHub = heldBackAsHub(index, rules, input.fraudOrder);

  return (i) => {
    const t = orders[i]!.createdAt;
    const cards = new Set<number>();
    // Tries to pay this very order count whatever key they came on, up to a day after it was placed.
    for (const n of byOrder.get(i) ?? []) {
      const pt = payments[n]!.createdAt;
      if (pt >= t - DAY_MS && pt <= t + DAY_MS) cards.add(find(cardOf[n]!));
    }
    for (const k of keysOf(i)) {
      const tries = byKey.get(k);
      if (!tries || isHub(k)) continue;
      for (const n of tries) {
        const pt = payments[n]!.createdAt;
        if (named[n] !== i && pt >= t - DAY_MS && pt <= t) cards.add(find(cardOf[n]!));
      }
    }
    return cards.size;
  };
}
