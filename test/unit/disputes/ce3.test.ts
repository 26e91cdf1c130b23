// The CE 3.0 check against the demo generator's ground truth: every planted (and organic)
// eligible Visa 10.4 dispute qualifies with at least the true prior orders; disputes that are not
// Visa 10.4 are never applicable.
import { describe, expect, it } from 'vitest';
import { generateDemoAll } from '../../../shared/demo';
import { ce3Check, isCe3Dispute } from '../../../shared/disputes/ce3';
import { orderKey, type Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;

describe('Visa CE 3.0 check', () => {
  const demo = generateDemoAll({ orders: 10_000, seed: 20261124, now: Date.UTC(2026, 10, 24) });
  const disputed = new Set(demo.disputes.map((d) => d.orderKey));
  const byCard = new Map<string, Order[]>();
  for (const o of demo.orders) if (o.cardFingerprint) byCard.set(o.cardFingerprint, [...(byCard.get(o.cardFingerprint) ?? []), o]);
  const historyOf = (key: string) => {
    const o = demo.orders.find((x) => orderKey(x) === key)!;
    return byCard.get(o.cardFingerprint) ?? [o];
  };

  it('finds every eligible case of the demo data, with its true priors', () => {
    expect(demo.truth.ce3Eligible.length).toBeGreaterThan(0);
    for (const c of demo.truth.ce3Eligible) {
      const dispute = demo.disputes.find((d) => d.id === c.disputeId)!;
      const result = ce3Check(dispute, historyOf(dispute.orderKey), disputed);
      expect(result.qualifies, `${c.disputeId}: ${result.why}`).toBe(true);
      // The generator counts a cancelled order whose payment was refunded as a prior; the check
      // leaves cancelled orders out (it cannot tell a refunded payment from a failed one).
      const settled = c.priorOrderKeys.filter((k) => demo.orders.find((o) => orderKey(o) === k)!.status !== 'cancelled');
      expect(result.priors.map((p) => p.orderKey)).toEqual(expect.arrayContaining(settled));
      for (const p of result.priors) expect(p.shared.some((s) => s === 'ip' || s === 'device')).toBe(true);
    }
  });

  it('only Visa 10.4 disputes are applicable; the rest say why not', () => {
    const others = demo.disputes.filter((d) => !isCe3Dispute(d));
    expect(others.length).toBeGreaterThan(0);
    for (const d of others.slice(0, 20)) expect(ce3Check(d, historyOf(d.orderKey), disputed)).toMatchObject({ applicable: false, qualifies: false });
  });

  it('counts priors by the rules: window, same card, undisputed, two shared elements with IP or device', () => {
    const now = Date.UTC(2026, 10, 1);
    const base = {
      cardFingerprint: 'fp_ce3',
      ip: '203.0.113.9',
      deviceId: 'dev-ce3',
      customerId: 'c-1',
      shipStreet: 'Hauptstraße 5',
      shipPostcode: '10115',
      status: 'fulfilled' as const,
    };
    const disputedOrder = order({ ...base, externalId: '#900', createdAt: now });
    const prior = (id: string, daysBefore: number, fields: Partial<Order> = {}) =>
      order({ ...base, externalId: id, createdAt: now - daysBefore * DAY, ...fields });
    const history = [
      disputedOrder,
      prior('#1', 200, { shipStreet: 'Hauptstr. 5' }), // qualifies: address written differently still matches
      prior('#2', 130, { ip: '198.51.100.1' }), // device + address + account
      prior('#3', 100), // too recent
      prior('#4', 400), // too old
      prior('#5', 200, { cardFingerprint: 'fp_other' }), // another card
      prior('#6', 200, { ip: '', deviceId: '' }), // address + account only: needs IP or device
      prior('#7', 200), // disputed itself
      prior('#8', 200, { status: 'cancelled' }),
      prior('#9', 200, { status: 'open' }),
    ];
    const dispute = {
      id: 'dp_1',
      provider: 'stripe',
      paymentId: 'ch_1',
      orderKey: orderKey(disputedOrder),
      network: 'visa' as const,
      reasonCode: '10.4',
      amountMinor: 100,
      currency: 'EUR',
      openedAt: now + 10 * DAY,
      dueAt: now + 30 * DAY,
      status: 'new' as const,
    };
    const result = ce3Check(dispute, history, new Set([orderKey(disputedOrder), 'shopify:#7']));
    expect(result.priors.map((p) => p.orderKey)).toEqual(['shopify:#1', 'shopify:#2']);
    expect(result.priors[1]!.shared).toEqual(['device', 'address', 'account']);
    expect(result.qualifies).toBe(true);
    // Opened 130 days after #2 was placed would still hold; opened 366 days after #1 would not.
    expect(ce3Check({ ...dispute, openedAt: now + 170 * DAY }, history, new Set()).priors.map((p) => p.orderKey)).not.toContain('shopify:#1');
  });
});
