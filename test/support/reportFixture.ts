// A hand-written month of a small seller for the report tests: thirteen orders, four disputes,
// a few review decisions and one ring confirmed as fraud. Every figure the tests expect is
// worked out by hand in test/unit/reports/fraudTrend.test.ts from the comments here.
import type { DecisionEntry } from '../../shared/decisions/chain';
import type { Dispute } from '../../shared/domain/dispute';
import type { Marketplace, Order } from '../../shared/domain/order';
import { fraudTrend, type TrendParams } from '../../shared/reports/fraudTrend';
import { confirmedFraud, knownFraudKeys, trendChargebacks, trendOrdersOf } from '../../shared/reports/sources';

const at = (iso: string) => Date.parse(`${iso}Z`);
const SOURCE: Record<Marketplace, string> = { amazon: 'amazon', zalando: 'zalando', shop: 'shopify', other: 'ebay' };

function order(id: string, marketplace: Marketplace, when: string, euros: number, f: Partial<Order> = {}): Order {
  return {
    externalId: id,
    source: SOURCE[marketplace],
    currency: 'EUR',
    customerId: `c-${id}`,
    email: `${id.toLowerCase()}@example.org`,
    phone: '',
    shipName: 'Test Kunde',
    shipStreet: 'Hauptstr. 5',
    shipPostcode: '10115',
    shipCity: 'Berlin',
    shipCountry: 'DE',
    billCountry: 'DE',
    ip: '',
    deviceId: '',
    cardBin: '',
    cardLast4: '',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: 'visa',
    paymentMethod: 'card',
    marketplace,
    status: 'paid',
    createdAt: at(when),
    totalMinor: Math.round(euros * 100),
    ...f,
  };
}

/** Report range: ISO weeks 2026-W45 and W46 (Mon 2 Nov to Mon 16 Nov 2026); previous span W43-W44. */
export const RANGE = { from: at('2026-11-02T00:00:00'), to: at('2026-11-16T00:00:00') };
export const RATES = { PLN: 0.25 };

export const ORDERS: Order[] = [
  // W45
  order('A1', 'amazon', '2026-11-02T10:00:00', 100),
  order('A2', 'amazon', '2026-11-03T10:00:00', 50),
  order('Z1', 'zalando', '2026-11-04T10:00:00', 80, { shipCountry: 'AT', cardBrand: 'Mastercard' }), // cancelled in review
  order('S1', 'shop', '2026-11-05T10:00:00', 200), // fraud chargeback opened after the range
  // W46
  order('S2', 'shop', '2026-11-09T10:00:00', 400, { currency: 'PLN', shipCountry: 'PL', cardBrand: 'MASTERCARD' }), // 100 EUR; confirmed ring
  order('S3', 'shop', '2026-11-10T10:00:00', 60, { shipCountry: 'PL', cardBrand: 'mastercard' }), // confirmed ring + fraud chargeback
  order('A3', 'amazon', '2026-11-11T10:00:00', 30, { cardBrand: '', paymentMethod: 'paypal' }), // consumer dispute
  order('Z2', 'zalando', '2026-11-12T10:00:00', 70), // held, then released
  order('Z3', 'zalando', '2026-11-14T10:00:00', 90), // cancelled, then the cancel undone
  // Previous span
  order('A4', 'amazon', '2026-10-20T10:00:00', 120), // W43; fraud chargeback opened in W44
  order('S4', 'shop', '2026-10-27T10:00:00', 40), // W44
  order('Z4', 'zalando', '2026-10-30T10:00:00', 60), // W44
  // At the range's (exclusive) end: in November, not in W45-W46
  order('A5', 'amazon', '2026-11-16T00:00:00', 999),
];

function dispute(
  id: string,
  orderKey: string,
  network: Dispute['network'],
  reasonCode: string,
  euros: number,
  opened: string,
  status: Dispute['status'] = 'new',
): Dispute {
  return {
    id,
    provider: 'stripe',
    paymentId: `ch_${id}`,
    orderKey,
    network,
    reasonCode,
    amountMinor: euros * 100,
    currency: 'EUR',
    openedAt: at(opened),
    dueAt: at(opened) + 20 * 86_400_000,
    status,
  };
}

export const DISPUTES: Dispute[] = [
  dispute('dp_S1', 'shopify:S1', 'visa', '10.4', 200, '2026-11-20T09:00:00'), // after the range
  dispute('dp_S3', 'shopify:S3', 'mastercard', '4837', 60, '2026-11-12T09:00:00', 'lost'), // W46, fraud
  dispute('dp_A3', 'amazon:A3', 'visa', '13.1', 30, '2026-11-13T09:00:00', 'won'), // W46, consumer
  dispute('dp_X', 'shopify:#999', 'visa', '10.4', 25, '2026-11-10T09:00:00'), // W46, order not in the cache
  dispute('dp_A4', 'amazon:A4', 'visa', '10.4', 120, '2026-10-28T09:00:00', 'accepted'), // W44, fraud
];

let seq = 0;
function decision(orderKey: string, decision: DecisionEntry['decision'], when: string, undoes: number | null = null): DecisionEntry {
  return {
    seq: ++seq,
    orderKey,
    decision,
    reasonCode: decision === 'release' ? 'FALSE-POSITIVE' : 'STOLEN-CARD',
    note: '',
    analyst: 'K. Weber',
    at: at(when),
    score: 70,
    matrixVersion: 1,
    undoes,
    prevHash: '',
    hash: '',
  };
}

// Built in log order, so each entry's seq is its position in the log.
export const DECISIONS: DecisionEntry[] = [
  decision('zalando:Z1', 'cancel', '2026-11-04T13:00:00'), // 3 h after the order
  decision('zalando:Z2', 'hold', '2026-11-12T15:00:00'), // 5 h after the order
  decision('zalando:Z2', 'release', '2026-11-13T16:00:00'),
  decision('zalando:Z3', 'cancel', '2026-11-14T12:00:00'),
];
DECISIONS.push(decision('zalando:Z3', 'undo', '2026-11-14T12:01:00', DECISIONS[3]!.seq));

/** Members of the ring marked confirmed fraud. */
export const CONFIRMED_RING_ORDERS = ['shopify:S2', 'shopify:S3'];

/** The fixture's fraud trend, weekly by marketplace in EUR unless `p` says otherwise, over `orders`. */
export function fixtureTrend(p: Partial<TrendParams> = {}, orders: readonly Order[] = ORDERS) {
  const params: TrendParams = { period: 'week', ...RANGE, dimension: 'marketplace', currency: 'EUR', rates: RATES, ...p };
  const fraud = confirmedFraud(DISPUTES, DECISIONS, CONFIRMED_RING_ORDERS, knownFraudKeys(orders));
  const { columns, rowOf } = trendOrdersOf(orders, params.dimension, fraud);
  return fraudTrend(
    columns,
    trendChargebacks(DISPUTES, (k) => rowOf.get(k)),
    params,
  );
}
