// A fraud trend whose previous span starts before the first cached order compares with figures that
// cover only part of that span: the cards show no change against it (FraudTrendView).
import { describe, expect, it } from 'vitest';
import { fraudTrend, type TrendParams } from '../../../shared/reports/fraudTrend';
import { confirmedFraud, knownFraudKeys, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import { partialData, previousIsPartial } from '../../../renderer/src/features/reports/trendChartData';
import { CONFIRMED_RING_ORDERS, DECISIONS, DISPUTES, ORDERS, RANGE, RATES } from '../../support/reportFixture';

const DAY = 86_400_000;

function report() {
  const params: TrendParams = { period: 'week', ...RANGE, dimension: 'marketplace', currency: 'EUR', rates: RATES };
  const fraud = confirmedFraud(DISPUTES, DECISIONS, CONFIRMED_RING_ORDERS, knownFraudKeys(ORDERS));
  const { columns, rowOf } = trendOrdersOf(ORDERS, params.dimension, fraud);
  return fraudTrend(
    columns,
    trendChargebacks(DISPUTES, (k) => rowOf.get(k)),
    params,
  );
}

describe('previous span covered only in part', () => {
  const r = report();
  // The range is 2026-W45 to W46; the previous span W43 to W44 starts on Monday 19 October.
  const previousFrom = r.previous[0]!.from;
  const max = r.periods.at(-1)!.to - DAY;

  it('is partial when the first cached order comes after its start', () => {
    const span = { min: previousFrom + 3 * DAY, max };
    expect(previousIsPartial(r, span)).toBe(true);
    expect(partialData(r, span)[0]).toMatch(/^the previous span starts before the first cached order/);
  });

  it('is whole when the cache starts on its first day or before, and unknown (a snapshot saved before) without a span', () => {
    expect(previousIsPartial(r, { min: previousFrom, max })).toBe(false);
    expect(previousIsPartial(r, null)).toBe(false);
  });
});
