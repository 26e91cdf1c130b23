// The payments naming an own-shop order, as its detail and the evidence pack list them: its shop's
// that fit (joined), its shop's that do not (listed, not joined, with why), and another shop's taken
// for it by assumed shop; another shop's payment of the number that does not speak for it is left out.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { assumedOrderKeys, joinsOrder, paymentsNaming } from '../../../shared/orders/paymentsNaming';
import { order } from '../normalize/orderFixture';
import { stripePayment } from '../../support/evidencePack';

const DAY = 86_400_000;
const MAY = Date.UTC(2026, 4, 1, 9);
const SEPTEMBER = Date.UTC(2026, 8, 1, 9);
// The own shop's #1001 (20.00, 1 May) and the outlet's (70.00, 1 September).
const own = order({ externalId: '#1001', source: 'shopify', createdAt: MAY, totalMinor: 2000 });
const outlet = order({ externalId: '#1001', source: 'shopify@outlet', createdAt: SEPTEMBER, totalMinor: 7000 });
const byKey = new Map<string, Order>([
  ['shopify:#1001', own],
  ['shopify@outlet:#1001', outlet],
]);
const assumedOrder = (o: Order) => (p: Parameters<typeof assumedOrderKeys>[0]) =>
  assumedOrderKeys(p, o, 'shopify')
    .map((k) => byKey.get(k))
    .find(Boolean);

describe('paymentsNaming', () => {
  // Imported while the cache held only the own shop: taken for it, nobody asked.
  const outletCharge = stripePayment(outlet, { id: 'ch_out1', orderRef: '1001', orderSource: 'shopify', shopAssumed: true });
  const ownCharge = stripePayment(own, { id: 'ch_own1', orderSource: 'shopify' });

  it('lists the shop’s payment that does not fit its order, not joined, with the figures', () => {
    const listed = paymentsNaming(own, [outletCharge, ownCharge], 'shopify', assumedOrder(own));
    expect(listed.map((n) => [n.payment.id, n.join])).toEqual([
      ['ch_out1', { kind: 'misfit', misfit: 'amount', why: "amount: €70.00, more than the order's total of €20.00" }],
      ['ch_own1', { kind: 'shop' }],
    ]);
    expect(listed.map((n) => joinsOrder(n.join))).toEqual([false, true]);
  });

  it('marks the payment that reached another shop’s order of its number by assumed shop, and leaves out one that fits its own shop', () => {
    const listed = paymentsNaming(outlet, [outletCharge, ownCharge], 'shopify', assumedOrder(outlet));
    expect(listed.map((n) => [n.payment.id, n.join])).toEqual([['ch_out1', { kind: 'assumed-shop' }]]);
    expect(joinsOrder(listed[0]!.join)).toBe(true);
  });

  it('a payment whose shop was chosen never reaches another shop’s order, and waits for its own shop’s order', () => {
    const chosen = { ...outletCharge, shopAssumed: undefined };
    expect(paymentsNaming(outlet, [chosen], 'shopify', assumedOrder(outlet))).toEqual([]);
    // Taken for a shop whose order of the number is not in: it joins no other shop's order.
    expect(paymentsNaming(outlet, [outletCharge], 'shopify', () => undefined)).toEqual([]);
  });

  it('names a payment 122 days after the order as not joined for its date', () => {
    const late = stripePayment(own, { id: 'ch_late', createdAt: MAY + 122 * DAY });
    expect(paymentsNaming(own, [late], 'shopify', assumedOrder(own))[0]!.join).toMatchObject({ kind: 'misfit', misfit: 'date' });
  });

  it('lists nothing for a marketplace order', () => {
    const amazon = order({ externalId: '#1001', source: 'amazon', marketplace: 'amazon' });
    expect(paymentsNaming(amazon, [ownCharge], 'shopify', () => undefined)).toEqual([]);
  });
});
