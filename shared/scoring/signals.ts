// Signal values per order for the scoring matrix, from the cache's key index (who shares which
// card, device, e-mail and address), the rings, the disputes and the declined payments. Computed for the orders asked
// for (the review candidates), with per-customer figures gathered once over all current orders.
import { spellingFreeKey } from '../orders/paymentFacts';
import { isChargeback, type Dispute } from '../domain/dispute';
import { currencyDecimals } from '../ingest/amounts';
import { DEFAULT_RATES } from '../reports/sources';
import { orderKey, type Order } from '../domain/order';
import type { KeyIndex } from '../linking/keyIndex';
import { isCardSummaryRule } from '../normalize/card';
import type { SignalSources, SignalValues } from './matrix';
import { formatDateTime } from '../domain/money';
import { reasonFamily } from '../disputes/reasonCodes';
import { DEFAULT_HUB_RULES, heldBackAsHub, type HubRule } from '../linking/hubs';
import { fraudOrders, labelledFraud } from '../linking/metrics';
import { namesOneCard } from '../linking/rings';
import type { KeyType } from '../normalize';
import { declinedCardsBefore, type DeclinedPayment } from './cardTesting';

const DAY_MS = 86_400_000;

/** What the scoring reads of an order's ring. */
export interface RingFacts {
  size: number;
  fraudDisputes: number;
  /** The verdict that stands on the ring, when it is one that scores: who gave it and when. */
  verdict?: { status: 'confirmed-fraud' | 'benign'; analyst: string; at: number };
}

/** Throwaway-mailbox domains (a shipped list; extend it here). */
export const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com',
  'guerrillamail.com',
  'guerrillamail.de',
  'sharklasers.com',
  '10minutemail.com',
  'trashmail.com',
  'trashmail.de',
  'yopmail.com',
  'yopmail.fr',
  'tempmail.com',
  'temp-mail.org',
  'getnada.com',
  'dispostable.com',
  'maildrop.cc',
  'throwawaymail.com',
  'wegwerfmail.de',
  'spambog.com',
  'einrot.com',
  'mailnesia.com',
  'fakeinbox.com',
  'mytemp.email',
  'emailondeck.com',
]);

export interface SignalContext {
  orders: readonly Order[];
  live: Uint8Array;
  index: KeyIndex;
  disputes: readonly Dispute[];
  /**
   * Ring per order position (orders in no ring are absent), with its size, fraud disputes and the
   * analysts' verdict on it, if one counts (confirmed fraud or benign; absent otherwise).
   */
  ringOf: ReadonlyMap<number, RingFacts>;
  /** Rates into EUR per currency, for signals measured in EUR (default: the reports' indicative rates). */
  eurRates?: Readonly<Record<string, number>>;
  /** Payments of the cache (failed ones are read), for card testing (cardTesting.ts); none: no declines known. */
  payments?: readonly DeclinedPayment[];
  /** When a shared value is a hub, per key type, as the rings judge it (default: DEFAULT_HUB_RULES). */
  hubRules?: Readonly<Record<KeyType, HubRule>>;
  /**
   * False: orders a labelled export called fraud do not weigh in hub judgement (What if… measures
   * the scores against those labels, and must not score with them). Default: they weigh, as in Rings.
   */
  knownOutcomesInHubs?: boolean;
}

export function computeSignals(ctx: SignalContext, positions: readonly number[]): SignalValues[] {
  const { orders, live, index } = ctx;
  // Per customer: first order time, order count and value per currency.
  const first = new Map<number, number>();
  const totals = new Map<string, { sum: number; count: number }>();
  for (let i = 0; i < orders.length; i++) {
    if (!live[i]) continue;
    const c = index.customerOf[i]!;
    const o = orders[i]!;
    if (!(first.get(c)! <= o.createdAt)) first.set(c, o.createdAt);
    const t = totals.get(`${c}|${o.currency}`) ?? { sum: 0, count: 0 };
    t.sum += o.totalMinor;
    t.count++;
    totals.set(`${c}|${o.currency}`, t);
  }
  const disputedOrders = new Map<string, number>();
  // Chargebacks only: an inquiry or a fraud report takes no money back and is not one.
  // By either spelling of the order number (spellingFreeKey): a PSP's 1001 is Shopify's #1001.
  for (const d of ctx.disputes) {
    if (!isChargeback(d)) continue;
    const key = spellingFreeKey(d.orderKey);
    disputedOrders.set(key, (disputedOrders.get(key) ?? 0) + 1);
  }
  // Fraud chargebacks and known outcomes, which weigh in whether a value in steady use is a hub, as the rings weigh them.
  const fraudOrder = fraudOrders(ctx.disputes, (i) => orderKey(orders[i]!), ctx.knownOutcomesInHubs === false ? undefined : labelledFraud(orders));

  const keysOf = (i: number) => index.orderKeys.subarray(index.orderStart[i]!, index.orderStart[i + 1]!);
  const ordersOf = (k: number) => index.keyOrders.subarray(index.keyStart[k]!, index.keyStart[k + 1]!);

  /** Distinct keys of `otherType` among live orders sharing a key of `type` with order i within 24 h. */
  const spread = (i: number, type: 'card' | 'device', otherType: 'card' | 'device'): number => {
    const t = orders[i]!.createdAt;
    const near = new Set<number>();
    for (const k of keysOf(i)) {
      const info = index.key(k);
      if (info.type !== type || isCardSummaryRule(info.rule)) continue;
      for (const j of ordersOf(k)) if (Math.abs(orders[j]!.createdAt - t) <= DAY_MS) near.add(j);
    }
    // Keys of otherType on one order name one thing (a device id and its checkout session are one
    // browser): keys that appear together on an order count once.
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      return r;
    };
    for (const j of near) {
      let first: number | null = null;
      for (const k2 of keysOf(j)) {
        const info2 = index.key(k2);
        if (info2.type !== otherType || isCardSummaryRule(info2.rule)) continue;
        if (!parent.has(k2)) parent.set(k2, k2);
        if (first === null) first = find(k2);
        else {
          const r = find(k2);
          if (r !== first) parent.set(r, first);
        }
      }
    }
    let distinct = 0;
    for (const [k2, p] of parent) if (k2 === p) distinct++;
    return distinct;
  };

  const isHub = heldBackAsHub(index, ctx.hubRules ?? DEFAULT_HUB_RULES, fraudOrder);

  /**
   * Distinct accounts (or e-mails where there is no account) shipping to order i's full address
   * within 7 days. Not at a hub (a company's goods-in used by many people steadily for months): its
   * every order would count its neighbours' accounts. A burst of accounts at one address is no hub.
   */
  const accountsAt = (i: number): number => {
    const t = orders[i]!.createdAt;
    const seen = new Set<number>();
    for (const k of keysOf(i)) {
      const info = index.key(k);
      if (info.type !== 'address' || info.rule === 'street-postcode' || info.rule === 'pickup-point' || info.marked || isHub(k)) continue;
      for (const j of ordersOf(k)) {
        if (Math.abs(orders[j]!.createdAt - t) > 7 * DAY_MS) continue;
        seen.add(index.customerOf[j]!);
      }
    }
    return seen.size;
  };

  const declinedCards = declinedCardsBefore({ orders, live, index, payments: ctx.payments ?? [], hubRules: ctx.hubRules, fraudOrder });

  return positions.map((i) => {
    const o = orders[i]!;
    const v: SignalValues = {};
    const ship = o.shipCountry.trim().toUpperCase();
    const bill = o.billCountry.trim().toUpperCase();
    if (ship && bill && ship !== bill) v.countryMismatch = 1;
    const domain = o.email.trim().toLowerCase().split('@')[1] ?? '';
    if (DISPOSABLE_DOMAINS.has(domain)) v.disposableEmail = 1;
    if (o.cvcCheck === 'fail') v.cvcFailed = 1;
    const avsFails = Number(o.avsPostcodeCheck === 'fail') + Number(o.avsLine1Check === 'fail');
    if (avsFails) v.avsFailed = avsFails;
    if (o.threeDs === 'failed') v.threeDsFailed = 1;
    if (o.riskLevel === 'high') v.marketplaceRisk = 2;
    else if (o.riskLevel === 'medium') v.marketplaceRisk = 1;
    const keys = keysOf(i);
    if ([...keys].some((k) => index.key(k).rule === 'pickup-point')) {
      // The rule's bar is in EUR: an order in another currency is converted (unknown currencies stay as written).
      const code = o.currency.trim().toUpperCase();
      const major = o.totalMinor / 10 ** currencyDecimals(code);
      v.pickupHighValue = major * ((ctx.eurRates ?? DEFAULT_RATES.rates)[code] ?? 1);
    }
    const ring = ctx.ringOf.get(i);
    // A ring judged benign was looked at and cleared: being in it says nothing against its orders.
    if (ring?.verdict?.status === 'benign') v.ringBenign = 1;
    else if (ring) {
      v.ringSize = ring.size;
      v.ringFraudDisputes = ring.fraudDisputes;
      if (ring.verdict?.status === 'confirmed-fraud') v.ringConfirmedFraud = 1;
    }
    // Chargebacks on other orders that share a card, an e-mail or a full address with this one; not
    // on a hub (a company's goods-in, a forwarder): another customer's chargeback there is not this one's.
    // A card's BIN and last 4 alone count only where they name one card, as the rings link by them:
    // another expiry on the same BIN and last 4 is another card, and its chargebacks are not this one's.
    const others = new Set<number>();
    for (const k of keys) {
      const info = index.key(k);
      const counts =
        (info.type === 'card' && namesOneCard(index, k)) ||
        info.type === 'email' ||
        (info.type === 'address' && info.rule !== 'street-postcode' && info.rule !== 'pickup-point');
      if (!counts || isHub(k)) continue;
      for (const j of ordersOf(k)) if (j !== i) others.add(j);
    }
    let prior = 0;
    for (const j of others) prior += disputedOrders.get(spellingFreeKey(orderKey(orders[j]!))) ?? 0;
    if (prior) v.priorChargebacks = prior;
    v.devicesPerCard = spread(i, 'card', 'device');
    v.accountsPerAddress = accountsAt(i);
    v.cardsPerDevice = spread(i, 'device', 'card');
    const declined = declinedCards(i);
    if (declined) v.declinedCards = declined;
    const c = index.customerOf[i]!;
    if (first.get(c) === o.createdAt) v.newCustomer = 1;
    const t = totals.get(`${c}|${o.currency}`);
    if (t && t.count > 1) {
      const avg = (t.sum - o.totalMinor) / (t.count - 1);
      if (avg > 0) v.valueVsHistory = o.totalMinor / avg;
    }
    return v;
  });
}

/** Who gave the verdict on an order's ring and when, for the fired rule's text (scoreOrder's sources). */
export function ringVerdictSources(ring: RingFacts | undefined): SignalSources {
  const v = ring?.verdict;
  if (!v) return {};
  // ISO: the text is kept in the decision log with the decision it explains.
  const by = ` by ${v.analyst}, ${formatDateTime(v.at)} UTC`;
  return v.status === 'confirmed-fraud' ? { ringConfirmedFraud: by } : { ringBenign: by };
}

/** Fraud-family disputes per ring, for SignalContext.ringOf. */
export function isFraudDispute(d: Dispute): boolean {
  return reasonFamily(d.network, d.reasonCode, d.reasonText) === 'fraud';
}
