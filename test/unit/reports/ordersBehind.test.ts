// A clicked figure of the fraud-trend report opens the orders behind it: the filter is found by the
// group's key, so a label that reads differently from the stored value still finds its orders.
import { describe, expect, it } from 'vitest';
import { fraudTrend, type TrendOrders, type TrendParams } from '../../../shared/reports/fraudTrend';
import { ordersBehindFigure } from '../../../shared/reports/ordersBehind';
import { confirmedFraud, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import { CONFIRMED_RING_ORDERS, DECISIONS, DISPUTES, ORDERS, RANGE, RATES } from '../../support/reportFixture';

function report(p: Partial<TrendParams> = {}) {
  const params: TrendParams = { period: 'week', ...RANGE, dimension: 'marketplace', currency: 'EUR', rates: RATES, ...p };
  const fraud = confirmedFraud(DISPUTES, DECISIONS, CONFIRMED_RING_ORDERS);
  const { columns, rowOf } = trendOrdersOf(ORDERS, params.dimension, fraud);
  return fraudTrend(
    columns,
    trendChargebacks(DISPUTES, (k) => rowOf.get(k)),
    params,
  );
}

const W45 = { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 9) };
const W46 = { from: Date.UTC(2026, 10, 9), to: Date.UTC(2026, 10, 16) };

describe('the orders behind a fraud-trend figure', () => {
  it('opens a marketplace by its code, not its label', () => {
    const r = report();
    const shop = r.groups.indexOf('Own shop');
    expect(r.groupKeys[shop]).toBe('shop');
    expect(ordersBehindFigure(r, 0, shop, 'orders')).toEqual({ from: W45.from, to: W45.to, marketplaces: ['shop'] });
  });

  it('opens the whole range for a table row and only its confirmed fraud for a fraud figure', () => {
    const r = report();
    const amazon = r.groups.indexOf('Amazon');
    expect(ordersBehindFigure(r, null, amazon, 'fraud')).toEqual({
      from: W45.from,
      to: W46.to,
      marketplaces: ['amazon'],
      only: { kind: 'confirmed-fraud', label: 'Confirmed fraud' },
    });
    expect(ordersBehindFigure(r, 1, null, 'fraud')).toEqual({ from: W46.from, to: W46.to, only: { kind: 'confirmed-fraud', label: 'Confirmed fraud' } });
  });

  it('opens chargebacks by the span they were opened in, whatever the order date', () => {
    const r = report();
    expect(ordersBehindFigure(r, 1, null, { chargebacks: 'fraud' })).toEqual({
      only: { kind: 'chargebacks', family: 'fraud', openedFrom: W46.from, openedTo: W46.to, label: 'Fraud chargebacks opened 2026-W46' },
    });
  });

  it('filters a field dimension on the stored value, and a blank value as blank', () => {
    const byCountry = report({ dimension: 'country' });
    expect(ordersBehindFigure(byCountry, 1, byCountry.groups.indexOf('PL'), 'orders')).toEqual({
      from: W46.from,
      to: W46.to,
      group: { field: 'shipCountry', value: 'PL', label: 'Shipping country: PL' },
    });
    const byBrand = report({ dimension: 'cardBrand' });
    const notGiven = byBrand.groups.indexOf('(not given)');
    expect(ordersBehindFigure(byBrand, null, notGiven, 'orders')?.group).toEqual({ field: 'cardBrand', value: '', label: 'Card brand: (not given)' });
  });

  it('has nothing to open for chargebacks whose order is not in the cache', () => {
    const r = report();
    const unknown = r.groups.indexOf('(order not in cache)');
    expect(r.groupKeys[unknown]).toBeNull();
    expect(ordersBehindFigure(r, 1, unknown, { chargebacks: 'fraud' })).toBeNull();
  });

  it('uses the key where label and stored value differ, as in the cache (a value that reads like the blank label)', () => {
    const orders: TrendOrders = {
      count: 2,
      createdAt: [W45.from + 1, W45.from + 2],
      totalMinor: [1_000, 2_000],
      live: [1, 1],
      group: [0, 1],
      groupLabels: ['(not given)', 'Klarna'],
      groupKeys: ['', 'KLARNA '],
      currency: [0, 0],
      currencyLabels: ['EUR'],
      fraud: new Map(),
    };
    const r = fraudTrend(orders, [], { period: 'week', ...RANGE, dimension: 'paymentMethod', currency: 'EUR', rates: {} });
    expect(ordersBehindFigure(r, 0, 0, 'orders')?.group?.value).toBe('');
    expect(ordersBehindFigure(r, 0, 1, 'orders')?.group).toEqual({ field: 'paymentMethod', value: 'KLARNA ', label: 'Payment method: Klarna' });
  });

  it('opens nothing for a group of a snapshot saved before groups had keys', () => {
    const { groupKeys: _keys, ...old } = report();
    expect(ordersBehindFigure(old as ReturnType<typeof report>, 0, 0, 'orders')).toBeNull();
  });
});
