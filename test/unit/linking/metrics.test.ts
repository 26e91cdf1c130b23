// Ring metrics, the documented risk score and the ranked lists, on hand-made rings.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import { buildRings, fastestGrowing, growthOf, isFraudReason, largest, newSince, riskScore, riskiest, type RankedRing } from '../../../shared/linking';
import { order } from '../normalize/orderFixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function dispute(orderKey: string, reasonCode: string): Dispute {
  return {
    id: `dp_${orderKey}_${reasonCode}`,
    provider: 'stripe',
    paymentId: 'ch_1',
    orderKey,
    network: 'visa',
    reasonCode,
    amountMinor: 1000,
    currency: 'EUR',
    openedAt: 0,
    dueAt: 0,
    status: 'new',
  };
}

describe('ring metrics', () => {
  const orders: Order[] = [
    order({
      externalId: '#1',
      customerId: 'c1',
      email: 'a@example.org',
      cardFingerprint: 'FP-SHARED-1',
      deviceId: 'device-one-1',
      createdAt: 0,
      totalMinor: 1000,
    }),
    order({
      externalId: '#2',
      customerId: 'c2',
      email: 'b@example.org',
      cardFingerprint: 'FP-SHARED-1',
      deviceId: 'device-two-2',
      createdAt: 2 * HOUR,
      totalMinor: 2500,
    }),
    order({
      externalId: '#3',
      customerId: 'c3',
      email: 'c@example.org',
      cardFingerprint: 'FP-SHARED-1',
      createdAt: 20 * HOUR,
      totalMinor: 500,
      currency: 'PLN',
    }),
    order({ externalId: '#4', customerId: 'c4', email: 'd@example.org', cardFingerprint: 'FP-SHARED-1', createdAt: 5 * DAY, totalMinor: 700 }),
    order({ externalId: '#5', source: 'zalando', marketplace: 'zalando', customerId: 'z9', email: 'D@example.org', shipStreet: 'Weg 1', createdAt: 6 * DAY }),
  ];
  const disputes = [dispute('shopify:#1', '10.4'), dispute('shopify:#2', '13.1'), dispute('shopify:#9', 'fraudulent')];
  const [ring] = buildRings(orders, disputes).rings;

  it('counts orders, customers, keys, value, disputes, channels, time span and 24 h peak', () => {
    expect(ring?.metrics).toMatchObject({
      orders: 5,
      customers: 4,
      emails: 4,
      cards: 1,
      devices: 2,
      phones: 0,
      addresses: 0,
      valueMinor: { EUR: 1000 + 2500 + 700 + 1000, PLN: 500 },
      disputes: 2,
      fraudDisputes: 1,
      knownFraud: 0,
      marketplaces: ['shop', 'zalando'],
      firstSeen: 0,
      lastSeen: 6 * DAY,
      peak24h: 3,
    });
  });

  it('scores by the documented formula', () => {
    const m = ring!.metrics;
    const x = 2 * Math.log2(4) + Math.log2(5) + 3 * 1 + 1 + 1 + 0.5 * 2;
    expect(m.score).toBeCloseTo(100 * (1 - Math.exp(-x / 6)), 1);
    expect(riskScore({ ...m, fraudDisputes: 2, disputes: 3 })).toBeGreaterThan(m.score);
    // Confirmed fraud is the larger of fraud disputes and orders labelled fraud: a label on the
    // order charged back adds nothing, two more labelled orders add as two fraud disputes would.
    expect(riskScore({ ...m, knownFraud: 1 })).toBe(m.score);
    expect(riskScore({ ...m, knownFraud: 3 })).toBe(riskScore({ ...m, fraudDisputes: 3, disputes: 4 }));
  });

  it('counts the ring orders a labelled export called fraud', () => {
    const labelled = orders.map((o, i) => (i === 1 || i === 3 ? { ...o, knownOutcome: 'fraud' } : i === 2 ? { ...o, knownOutcome: 'legit' } : o));
    expect(buildRings(labelled, disputes).rings[0]?.metrics.knownFraud).toBe(2);
  });

  it.each([
    ['10.4', true],
    ['4837', true],
    ['F29', true],
    ['fraudulent', true],
    ['13.1', false],
    ['4853', false],
    ['product_not_received', false],
  ])('reason %s is fraud: %s', (code, fraud) => {
    expect(isFraudReason(code as string)).toBe(fraud);
  });
});

describe('ring lists', () => {
  const ring = (id: string, score: number, orders: number, times: number[]): RankedRing => ({
    id,
    times,
    metrics: { score, orders, customers: orders, firstSeen: Math.min(...times) } as RankedRing['metrics'],
  });
  const now = 100 * DAY;
  const rings = [
    ring('a', 80, 3, [10 * DAY, 11 * DAY, 12 * DAY]),
    ring('b', 40, 9, [50 * DAY, 97 * DAY, 98 * DAY, 99 * DAY]),
    ring('c', 60, 2, [96 * DAY, 99 * DAY]),
    ring('d', 60, 5, [20 * DAY, 95 * DAY]),
  ];

  it('riskiest by score, ties by size; largest by orders', () => {
    expect(riskiest(rings).map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(largest(rings, 2).map((r) => r.id)).toEqual(['b', 'd']);
  });

  it('fastest-growing compares the last 7 days with before; new since keeps rings that started later', () => {
    expect(growthOf(rings[1]!, now)).toEqual({ recent: 3, before: 1, rate: 3 });
    expect(fastestGrowing(rings, now).map((r) => r.id)).toEqual(['b', 'c', 'd']);
    expect(newSince(rings, 90 * DAY).map((r) => r.id)).toEqual(['c']);
  });
});
