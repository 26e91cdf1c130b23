// What the reports count as confirmed fraud, and how plain orders become report columns. Pure.
//
// Confirmed fraud, per order (an order can have several sources; it counts once):
//  - a fraud-family dispute on it (Visa 10.x, Mastercard 4837/4863, Amex F29, Stripe `fraudulent`, ...):
//    a chargeback, or an issuer's fraud report (TC40, SAFE), counted apart;
//  - the review decision that stands on it is `cancel` (the review queue is a fraud review; with
//    a team, the lead's resolution, else the later decision);
//  - it belongs to a ring an analyst marked as confirmed fraud;
//  - its known outcome, from a labelled import, is fraud.
import { teamDecisionsThatStand, type TeamDecisionFacts } from '../team/standing';
import { networkName, reasonFamily } from '../disputes/reasonCodes';
import { chargebackDate, isChargeback, type Dispute } from '../domain/dispute';
import { minorRateInto } from '../domain/money';
import { MARKETPLACE_LABEL, orderKey, type Marketplace, type Order } from '../domain/order';
import { FRAUD_BY, type TrendChargeback, type TrendDimension, type TrendOrders } from './fraudTrend';

/** Order key -> FRAUD_BY bits. `knownFraudOrders`: keys of orders whose known outcome is fraud (knownFraudKeys). */
export function confirmedFraud(
  disputes: readonly Dispute[],
  decisions: readonly TeamDecisionFacts[],
  confirmedRingOrders: Iterable<string>,
  knownFraudOrders: Iterable<string> = [],
): Map<string, number> {
  const out = new Map<string, number>();
  const mark = (key: string, bit: number) => {
    if (key) out.set(key, (out.get(key) ?? 0) | bit);
  };
  // An inquiry (retrieval request, Stripe `warning_*`) is a question, not a fraud chargeback; an
  // issuer's fraud report (TC40, SAFE) says fraud, but is not a chargeback either.
  for (const d of disputes) {
    if (d.stage === 'inquiry' || reasonFamily(d.network, d.reasonCode, d.reasonText) !== 'fraud') continue;
    mark(d.orderKey, d.stage === 'fraud_report' ? FRAUD_BY.fraudReport : FRAUD_BY.chargeback);
  }
  for (const [key, s] of teamDecisionsThatStand(decisions)) if (s.stands.decision === 'cancel') mark(key, FRAUD_BY.cancelled);
  for (const key of confirmedRingOrders) mark(key, FRAUD_BY.ring);
  for (const key of knownFraudOrders) mark(key, FRAUD_BY.outcome);
  return out;
}

/** An order's fraud sources given whether its known outcome is legitimate: a cancel in review on one was a false positive, not fraud. */
function fraudOfKnown(bits: number, knownLegit: boolean): number {
  return knownLegit ? bits & ~FRAUD_BY.cancelled : bits;
}

/** Keys of the orders whose known outcome is fraud (plain orders: the CLI, tests, the bench's naive path). */
export function knownFraudKeys(orders: readonly Pick<Order, 'source' | 'externalId' | 'knownOutcome'>[]): string[] {
  return orders.filter((o) => o.knownOutcome === 'fraud').map(orderKey);
}

/**
 * Confirmed-fraud rows of the cache's columns: the keyed sources at their rows, and every live row
 * whose known outcome (its dictionary column) is fraud, without decoding any order.
 */
export function fraudRowsOf(
  fraudByKey: ReadonlyMap<string, number>,
  rowOf: ReadonlyMap<string, number>,
  knownOutcome: { values: readonly string[]; codes: ArrayLike<number> },
  live: ArrayLike<number>,
): Map<number, number> {
  const fraud = new Map<number, number>();
  const { codes } = knownOutcome;
  const legit = knownOutcome.values.indexOf('legit');
  for (const [key, bits] of fraudByKey) {
    const row = rowOf.get(key);
    if (row === undefined) continue;
    const kept = fraudOfKnown(bits, legit >= 0 && codes[row] === legit);
    if (kept) fraud.set(row, kept);
  }
  const code = knownOutcome.values.indexOf('fraud');
  if (code < 0) return fraud;
  for (let row = 0; row < codes.length; row++) if (codes[row] === code && live[row]) fraud.set(row, (fraud.get(row) ?? 0) | FRAUD_BY.outcome);
  return fraud;
}

type Grouped = Pick<Order, 'marketplace' | 'shipCountry' | 'paymentMethod' | 'cardBrand'>;

/** The group an order falls in for a dimension: free-text values fold case and blanks. */
export function groupValue(dimension: TrendDimension, o: Grouped): string {
  if (dimension === 'marketplace') return MARKETPLACE_LABEL[o.marketplace];
  return foldGroup(dimension === 'country' ? o.shipCountry : dimension === 'paymentMethod' ? o.paymentMethod : o.cardBrand);
}

/**
 * How a report names a group, from its key (groupKeyOf, the cache's folded value): a marketplace by
 * its label, a card brand as its network writes it (`Visa`, `Mastercard`, `Amex`: networkName, as the
 * KPI report and Disputes name them), a blank as not given, other values as folded.
 */
export function groupLabel(dimension: TrendDimension, key: string): string {
  if (dimension === 'marketplace') return MARKETPLACE_LABEL[key as Marketplace] ?? key;
  if (key === '') return NOT_GIVEN;
  return dimension === 'cardBrand' ? networkName(key) : key;
}

/** The key of an order's group (TrendOrders.groupKeys): its marketplace code, or the folded value, '' when not given. */
function groupKeyOf(dimension: TrendDimension, o: Grouped): string {
  if (dimension === 'marketplace') return o.marketplace;
  const label = groupValue(dimension, o);
  return label === NOT_GIVEN ? '' : label;
}

export const NOT_GIVEN = '(not given)';

/** `Visa `, `VISA` and `visa` are one group; countries stay upper case. */
export function foldGroup(raw: string): string {
  const v = raw.trim();
  if (v === '') return NOT_GIVEN;
  return /^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : v.toLowerCase();
}

/** Plain orders as report columns (the CLI and tests; the app reads its cache's columns directly). */
export function trendOrdersOf(
  orders: readonly Order[],
  dimension: TrendDimension,
  fraudByKey: ReadonlyMap<string, number>,
): { columns: TrendOrders; rowOf: Map<string, number> } {
  const n = orders.length;
  const groupValues: string[] = [];
  const groupKeys: string[] = [];
  const groupCode = new Map<string, number>();
  const currencyLabels: string[] = [];
  const currencyCode = new Map<string, number>();
  const code = (map: Map<string, number>, labels: string[], v: string, onNew?: () => void) => {
    let c = map.get(v);
    if (c === undefined) {
      c = labels.length;
      labels.push(v);
      map.set(v, c);
      onNew?.();
    }
    return c;
  };
  const columns: TrendOrders = {
    count: n,
    createdAt: new Float64Array(n),
    totalMinor: new Float64Array(n),
    live: new Uint8Array(n).fill(1),
    group: new Uint16Array(n),
    groupLabels: [],
    groupKeys,
    currency: new Uint16Array(n),
    currencyLabels,
    fraud: new Map(),
  };
  const rowOf = new Map<string, number>();
  const fraud = columns.fraud as Map<number, number>;
  orders.forEach((o, i) => {
    (columns.createdAt as Float64Array)[i] = o.createdAt;
    (columns.totalMinor as Float64Array)[i] = o.totalMinor;
    (columns.group as Uint16Array)[i] = code(groupCode, groupValues, groupValue(dimension, o), () => groupKeys.push(groupKeyOf(dimension, o)));
    (columns.currency as Uint16Array)[i] = code(currencyCode, currencyLabels, o.currency.trim().toUpperCase());
    const key = orderKey(o);
    rowOf.set(key, i);
    const bits = fraudByKey.get(key) ?? 0;
    const kept = fraudOfKnown(bits, o.knownOutcome === 'legit');
    if (kept) fraud.set(i, kept);
  });
  return { columns: { ...columns, groupLabels: groupKeys.map((k) => groupLabel(dimension, k)) }, rowOf };
}

/** Disputes as chargebacks of the report, joined to their order rows. */
export function trendChargebacks(disputes: readonly Dispute[], rowOf: (orderKey: string) => number | undefined): TrendChargeback[] {
  // Inquiries and fraud reports are not chargebacks.
  return disputes.filter(isChargeback).map((d) => ({
    row: d.orderKey ? (rowOf(d.orderKey) ?? -1) : -1,
    raisedAt: chargebackDate(d),
    amountMinor: d.amountMinor,
    currency: d.currency.trim().toUpperCase(),
    family: reasonFamily(d.network, d.reasonCode, d.reasonText),
  }));
}

/**
 * Disputes with their values in the reporting `currency` where `rates` allow, for the KPI report's
 * values and win rate by value; one without a rate keeps its own currency, and the figures then say
 * the currencies are mixed rather than add them up. The Reports screen and the CLI share it.
 */
export function disputesInCurrency(disputes: readonly Dispute[], currency: string, rates: Readonly<Record<string, number>>): Dispute[] {
  return disputes.map((d) => {
    const r = minorRateInto(d.currency.trim().toUpperCase(), currency, rates);
    return r === undefined ? d : { ...d, amountMinor: Math.round(d.amountMinor * r), currency };
  });
}

/**
 * The rates the KPI report's dispute values were converted at: of the chargebacks raised in
 * [`from`, `to`) (the ones its values add up), each currency other than the reporting one that has
 * a rate, with that rate. Empty when every value was already in the reporting currency.
 */
export function ratesApplied(
  disputes: readonly Dispute[],
  currency: string,
  rates: Readonly<Record<string, number>>,
  from: number,
  to: number,
): Record<string, number> {
  const used: Record<string, number> = {};
  for (const d of disputes) {
    if (!isChargeback(d) || chargebackDate(d) < from || chargebackDate(d) >= to) continue;
    const code = d.currency.trim().toUpperCase();
    if (code !== currency && rates[code] !== undefined) used[code] = rates[code];
  }
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)));
}

/** `values in EUR (other currencies at PLN 0.235, USD 0.87)`: what a report's values are in, and at which rates. */
export function valuesInWords(currency: string, rates: Readonly<Record<string, number>>, asOf?: string): string {
  const others = Object.entries(rates).filter(([c]) => c !== currency);
  if (!others.length) return `values in ${currency}`;
  return `values in ${currency} (other currencies at ${others.map(([c, r]) => `${c} ${r}`).join(', ')}${asOf ? `, rates of ${asOf}` : ''})`;
}

/**
 * Indicative rates into EUR for a seller's usual currencies, for the reports' values only. Kept as
 * data with their date; the analyst replaces them with the rates finance uses.
 */
export const DEFAULT_RATES = {
  currency: 'EUR',
  asOf: '2026-11-02',
  source: 'indicative ECB reference rates; replace with the rates finance reports with',
  rates: { EUR: 1, CHF: 1.07, PLN: 0.235, GBP: 1.14, USD: 0.87, SEK: 0.091, DKK: 0.134, CZK: 0.041 } as Record<string, number>,
};
