// The fraud-trend report on the hand-written fixture (test/support/reportFixture.ts); every
// expected figure is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { fraudRate, fraudRateByValue, fraudTrend, major, ringsOfRange, trendCells, trendRows, type TrendParams } from '../../../shared/reports/fraudTrend';
import { periodLabel, periodsCovering, previousPeriods } from '../../../shared/reports/periods';
import { confirmedFraud, fraudRowsOf, knownFraudKeys, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import { CONFIRMED_RING_ORDERS, DECISIONS, DISPUTES, fixtureTrend, ORDERS, RANGE, RATES } from '../../support/reportFixture';

const report = fixtureTrend;

describe('report periods', () => {
  it('labels ISO weeks by their Thursday and widens a range to whole periods', () => {
    expect(periodLabel('week', Date.UTC(2026, 10, 2))).toBe('2026-W45');
    // Mon 29 Dec 2025 belongs to 2026-W01 (its Thursday is 1 Jan 2026).
    expect(periodLabel('week', Date.UTC(2025, 11, 29))).toBe('2026-W01');
    expect(periodLabel('week', Date.UTC(2020, 11, 28))).toBe('2020-W53');
    const weeks = periodsCovering('week', Date.UTC(2026, 10, 4), Date.UTC(2026, 10, 10));
    expect(weeks.map((w) => w.label)).toEqual(['2026-W45', '2026-W46']);
    expect(weeks[0]!.from).toBe(Date.UTC(2026, 10, 2));
    expect(previousPeriods('week', weeks).map((w) => w.label)).toEqual(['2026-W43', '2026-W44']);
    const months = periodsCovering('month', Date.UTC(2026, 0, 15), Date.UTC(2026, 2, 1));
    expect(months.map((m) => m.label)).toEqual(['2026-01', '2026-02']);
    expect(previousPeriods('month', months).map((m) => [m.label, m.to])).toEqual([
      ['2025-11', Date.UTC(2025, 11, 1)],
      ['2025-12', Date.UTC(2026, 0, 1)],
    ]);
  });
});

describe('fraud-trend report, by hand', () => {
  it('sums orders, confirmed fraud and chargebacks over the range and the span before it', () => {
    const r = report();
    expect(r.periods.map((p) => p.label)).toEqual(['2026-W45', '2026-W46']);
    // A1 A2 Z1 S1 | S2 S3 A3 Z2 Z3; A5 sits on the exclusive end. S2 is 400 PLN at 0.25 = 100 EUR.
    expect(r.total.orders).toBe(9);
    expect(r.total.orderValueMinor).toBe(78_000); // 430 + 350
    // Z1 cancelled (80), S1 fraud chargeback (200), S2 ring (100), S3 ring + chargeback (60); Z3's cancel was undone.
    expect(r.total.fraudOrders).toBe(4);
    expect(r.total.fraudValueMinor).toBe(44_000);
    expect(r.total.fraudBy).toEqual({ chargeback: 2, cancelled: 1, ring: 2, outcome: 0, fraudReport: 0 });
    expect(fraudRate(r.total)).toBeCloseTo(4 / 9, 12);
    expect(fraudRateByValue(r.total)).toBeCloseTo(440 / 780, 12);
    // Opened in range: S3 4837 (60), A3 13.1 (30), #999 10.4 (25); S1's opens after the range.
    expect(r.total.chargebacks).toBe(3);
    expect(r.total.chargebackValueMinor).toBe(11_500);
    expect(r.total.byFamily.fraud).toEqual({ count: 2, valueMinor: 8_500 });
    expect(r.total.byFamily.consumer).toEqual({ count: 1, valueMinor: 3_000 });
    // Previous span W43-W44: A4 S4 Z4 = 220; A4 fraud (120); A4's chargeback opened in W44.
    expect(r.previousTotal).toMatchObject({
      orders: 3,
      orderValueMinor: 22_000,
      fraudOrders: 1,
      fraudValueMinor: 12_000,
      chargebacks: 1,
      chargebackValueMinor: 12_000,
    });
    expect(r.unconverted).toEqual({});
  });

  it('leaves out a group nothing fell into (a marketplace no order came from): no empty series', () => {
    const params: TrendParams = { period: 'week', ...RANGE, dimension: 'marketplace', currency: 'EUR', rates: RATES };
    const fraud = confirmedFraud(DISPUTES, DECISIONS, CONFIRMED_RING_ORDERS, knownFraudKeys(ORDERS));
    const { columns, rowOf } = trendOrdersOf(ORDERS, 'marketplace', fraud);
    const withEmpty = { ...columns, groupLabels: [...columns.groupLabels, 'Other marketplace'], groupKeys: [...columns.groupKeys, 'other'] };
    const r = fraudTrend(
      withEmpty,
      trendChargebacks(DISPUTES, (k) => rowOf.get(k)),
      params,
    );
    expect(r.groups).toEqual(['Amazon', 'Zalando', 'Own shop', '(order not in cache)']);
    expect(r.groupKeys).toEqual(['amazon', 'zalando', 'shop', null]);
    expect(r.cells.every((row) => row.length === 4)).toBe(true);
    expect(r.byGroup).toHaveLength(4);
  });

  it('splits by marketplace per week, with chargebacks of unknown orders in their own group', () => {
    const r = report();
    expect(r.groups).toEqual(['Amazon', 'Zalando', 'Own shop', '(order not in cache)']);
    expect(trendRows(r)).toEqual([
      { period: '2026-W45', group: 'Amazon', orders: 2, orderValue: 150, fraudOrders: 0, fraudValue: 0, chargebacks: 0, chargebackValue: 0 },
      { period: '2026-W45', group: 'Zalando', orders: 1, orderValue: 80, fraudOrders: 1, fraudValue: 80, chargebacks: 0, chargebackValue: 0 },
      { period: '2026-W45', group: 'Own shop', orders: 1, orderValue: 200, fraudOrders: 1, fraudValue: 200, chargebacks: 0, chargebackValue: 0 },
      { period: '2026-W46', group: 'Amazon', orders: 1, orderValue: 30, fraudOrders: 0, fraudValue: 0, chargebacks: 1, chargebackValue: 30 },
      { period: '2026-W46', group: 'Zalando', orders: 2, orderValue: 160, fraudOrders: 0, fraudValue: 0, chargebacks: 0, chargebackValue: 0 },
      { period: '2026-W46', group: 'Own shop', orders: 2, orderValue: 160, fraudOrders: 2, fraudValue: 160, chargebacks: 1, chargebackValue: 60 },
      { period: '2026-W46', group: '(order not in cache)', orders: 0, orderValue: 0, fraudOrders: 0, fraudValue: 0, chargebacks: 1, chargebackValue: 25 },
    ]);
    expect(r.byPeriod.map((f) => f.orders)).toEqual([4, 5]);
    // Previous span by group: Amazon A4 (fraud, chargeback), Zalando Z4, shop S4.
    expect(r.previousByGroup.map((f) => [f.orders, f.fraudOrders, f.chargebacks])).toEqual([
      [1, 1, 1],
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('prints major units of the reporting currency, and converts minor units between currencies with other decimals', () => {
    expect(major(12_345, 'EUR')).toBe(123.45);
    expect(major(12_345, 'JPY')).toBe(12_345);
    expect(major(12_345, 'KWD')).toBe(12.345);
    // Reported in yen (1 EUR = 160 JPY, 1 PLN = 40 JPY): A1's €100.00 (10,000 cents) is ¥16,000, printed as 16000.
    const yen = report({ currency: 'JPY', rates: { EUR: 160, PLN: 40 } });
    const eur = report();
    expect(trendCells(yen).map((c) => c.figures.orderValueMinor)).toEqual(trendCells(eur).map((c) => (c.figures.orderValueMinor / 100) * 160));
    expect(trendRows(yen)[0]).toMatchObject({ period: '2026-W45', group: 'Amazon', orderValue: 150 * 160 });
    expect(trendRows(yen).map((r) => r.chargebackValue)).toEqual(trendRows(eur).map((r) => r.chargebackValue * 160));
    // An order in yen in a report in euros (1 JPY = 0.00625 EUR): ¥16,000 is €100.00, not €1.00.
    const withYen = [...ORDERS, { ...ORDERS[0]!, externalId: 'A9', currency: 'JPY', totalMinor: 16_000 }];
    const mixed = report({ rates: { ...RATES, JPY: 0.00625 } }, withYen);
    expect(trendRows(mixed)[0]).toMatchObject({ period: '2026-W45', group: 'Amazon', orders: 3, orderValue: 250 });
  });

  it('splits by country and card brand, folding case', () => {
    const byCountry = report({ dimension: 'country' });
    expect(byCountry.groups).toEqual(['DE', 'AT', 'PL', '(order not in cache)']);
    expect(byCountry.byGroup.map((f) => [f.orders, f.fraudOrders])).toEqual([
      [6, 1],
      [1, 1],
      [2, 2],
      [0, 0],
    ]);
    const byBrand = report({ dimension: 'cardBrand' });
    // visa: A1 A2 S1 Z2 Z3; mastercard (three spellings): Z1 S2 S3; A3 has none. Named as the KPI
    // report and Disputes name the networks, found by the folded value.
    expect(byBrand.groups.slice(0, 3)).toEqual(['Visa', 'Mastercard', '(not given)']);
    expect(byBrand.groupKeys.slice(0, 3)).toEqual(['visa', 'mastercard', '']);
    expect(byBrand.byGroup.slice(0, 3).map((f) => f.orders)).toEqual([5, 3, 1]);
  });

  it('counts values it cannot convert apart and leaves them out of the sums', () => {
    const r = report({ rates: {} });
    expect(r.total.orders).toBe(9);
    expect(r.total.orderValueMinor).toBe(68_000); // S2's 400 PLN left out
    expect(r.unconverted).toEqual({ PLN: 1 });
  });

  it('reports by month', () => {
    const r = report({ period: 'month' });
    expect(r.periods.map((p) => p.label)).toEqual(['2026-11']);
    expect(r.previous.map((p) => p.label)).toEqual(['2026-10']);
    // November: the nine plus A5 (999); S1's chargeback (20 Nov) now falls inside.
    expect(r.total.orders).toBe(10);
    expect(r.total.orderValueMinor).toBe(177_900);
    expect(r.total.chargebacks).toBe(4);
    expect(r.previousTotal.orders).toBe(3);
  });

  it('names the top rings of the range and the new ones', () => {
    const d = 86_400_000;
    const rings = [
      { id: 'ring:a', times: [RANGE.from - 30 * d, RANGE.from + d], valuesMinor: [5_000, 7_000], score: 40, status: null },
      { id: 'ring:b', times: [RANGE.from + 2 * d, RANGE.from + 3 * d], valuesMinor: [1_000, 1_000], score: 90, status: 'confirmed-fraud' },
      { id: 'ring:c', times: [RANGE.from - 40 * d], valuesMinor: [99_000], score: 99, status: null },
    ];
    const { top, fresh } = ringsOfRange(rings, RANGE.from, RANGE.to);
    expect(top.map((r) => [r.id, r.ordersInRange, r.valueInRangeMinor])).toEqual([
      ['ring:a', 1, 7_000],
      ['ring:b', 2, 2_000],
    ]);
    expect(fresh.map((r) => r.id)).toEqual(['ring:b']);
  });
});

describe('known outcomes, a fourth source of confirmed fraud', () => {
  const label = (outcomes: Record<string, string>) => ORDERS.map((o) => (outcomes[o.externalId] ? { ...o, knownOutcome: outcomes[o.externalId] } : o));

  it('adds the orders known to be fraud, each counted once, and splits by source', () => {
    // A2 (50, W45) is fraud only by its outcome; S3 (60) already was (ring + chargeback); Z2 legit adds nothing.
    const r = report({}, label({ A2: 'fraud', S3: 'fraud', Z2: 'legit' }));
    expect(r.total.fraudOrders).toBe(5); // 4 + A2
    expect(r.total.fraudValueMinor).toBe(49_000); // 440 + 50
    expect(r.total.fraudBy).toEqual({ chargeback: 2, cancelled: 1, ring: 2, outcome: 2, fraudReport: 0 });
    expect(r.cells[0]![0]).toMatchObject({ fraudOrders: 1, fraudValueMinor: 5_000 }); // W45, Amazon.de
    expect(r.total.chargebacks).toBe(3); // chargebacks are not outcomes
  });

  it('leaves every figure as it was when no order is known to be fraud', () => {
    expect(report({}, label({ A1: 'legit', S1: 'legit', Z2: 'legit' }))).toEqual(report());
    expect(knownFraudKeys(label({ A1: 'legit', Z1: 'fraud' }))).toEqual(['zalando:Z1']);
  });

  it('finds fraud rows in the cached dictionary column, live rows only', () => {
    const rows = fraudRowsOf(new Map([['k', 1]]), new Map([['k', 0]]), { values: ['', 'fraud', 'legit'], codes: [1, 0, 1, 2, 1] }, [1, 1, 1, 1, 0]);
    expect([...rows]).toEqual([
      [0, 1 | 8],
      [2, 8],
    ]);
    expect(fraudRowsOf(new Map(), new Map(), { values: ['', 'legit'], codes: [0, 1] }, [1, 1]).size).toBe(0);
  });
});

describe('KPI report, by hand', () => {
  it('reviews, disputes and programme months of the range', async () => {
    const { kpiReport } = await import('../../../shared/reports/kpi');
    const { programmeMonths, DEFAULT_THRESHOLDS } = await import('../../../shared/reports/programmes');
    const placedAt = new Map(ORDERS.map((o) => [`${o.source}:${o.externalId}`, o.createdAt]));
    const k = kpiReport({
      ...RANGE,
      slaHours: 24,
      decisions: DECISIONS,
      placedAt,
      ordersPlaced: 9,
      disputes: DISPUTES,
      submittedAt: new Map(),
      programmes: programmeMonths(ORDERS, DISPUTES),
      thresholds: DEFAULT_THRESHOLDS,
    });
    // Z1 cancelled 3 h after the order; Z2 held after 5 h then released (a false positive, of the 2 flagged); Z3's cancel undone.
    expect(k.review).toMatchObject({ reviewed: 2, held: 0, released: 1, cancelled: 1, withinTarget: 1, falsePositiveRate: 0.5 });
    expect(k.review.turnaroundMedianH).toBe(4);
    expect(k.review.turnaroundP90H).toBeCloseTo(4.8, 9);
    expect(k.review.manualReviewRate).toBeCloseTo(2 / 9, 12);
    // Opened in range: S3 (60, lost), A3 (30, won), #999 (25, new): with no "now" given every
    // deadline has passed, so it is due and unanswered.
    // S3 and A3 were imported decided with no submission logged: when they were answered is unknown.
    expect(k.disputes.all).toMatchObject({
      opened: 3,
      openedValueMinor: 11_500,
      won: 1,
      lost: 1,
      accepted: 0,
      respondable: 1,
      respondedInTime: 0,
      answerTimeUnknown: 2,
      winRate: 0.5,
    });
    expect(k.disputes.all.winRateByValue).toBeCloseTo(30 / 90, 12);
    // November: Visa settled A1 A2 S1 Z2 Z3 A5 = 6, Visa disputes S1 A3 #999 = 3; Mastercard S3 over October's 0 transactions.
    expect(k.programmes.map((m) => [m.programme, m.month, m.numerator, m.denominator, m.state])).toEqual([
      ['visa-vamp', '2026-11', 3, 6, 'ok'],
      ['mastercard-ecm', '2026-11', 1, 0, 'no-transactions'],
    ]);
  });
});
