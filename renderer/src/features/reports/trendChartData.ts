// What the fraud-trend charts and tables draw, derived from a report: the largest groups as
// series (the rest summed as "other"), one data row per period, and where the data is partial.
import { REASON_FAMILIES } from '../../../../shared/disputes/reasonCodes';
import { showDate } from '../../../../shared/domain/money';
import { fraudRate, fraudRateByValue, NO_ORDER_GROUP, type TrendReport } from '../../../../shared/reports/fraudTrend';

/** Charts draw at most this many groups; the rest are summed as "other". */
const MAX_SERIES = 7;

export interface Series {
  key: string;
  name: string;
  /** The group behind the series; null for "other". */
  group: number | null;
}

/** Chart series (the largest groups by orders, the rest as one) and a data row per period. */
export function trendChartData(report: TrendReport): { series: Series[]; data: Record<string, number | string | null>[] } {
  const order = report.groups
    .map((_, g) => g)
    .filter((g) => report.groups[g] !== NO_ORDER_GROUP)
    .sort((a, b) => report.byGroup[b]!.orders - report.byGroup[a]!.orders);
  const shown = order.slice(0, MAX_SERIES);
  const rest = order.slice(MAX_SERIES);
  const series: Series[] = [
    ...shown.map((g) => ({ key: `g${g}`, name: report.groups[g]!, group: g as number | null })),
    ...(rest.length ? [{ key: 'other', name: `${rest.length} other`, group: null }] : []),
  ];
  const data = report.periods.map((period, i) => {
    const row: Record<string, number | string | null> = { label: period.label, index: i };
    for (const g of shown) {
      row[`g${g}`] = report.cells[i]![g]!.orders;
      row[`fg${g}`] = report.cells[i]![g]!.fraudOrders;
    }
    if (rest.length) {
      row.other = rest.reduce((n, g) => n + report.cells[i]![g]!.orders, 0);
      row.fother = rest.reduce((n, g) => n + report.cells[i]![g]!.fraudOrders, 0);
    }
    const f = report.byPeriod[i]!;
    const r = fraudRate(f);
    const rv = fraudRateByValue(f);
    row.rate = r === null ? null : +(r * 100).toFixed(3);
    row.rateValue = rv === null ? null : +(rv * 100).toFixed(3);
    for (const fam of REASON_FAMILIES) row[`cb_${fam}`] = f.byFamily[fam].count;
    return row;
  });
  return { series, data };
}

/** The previous span starts before the first cached order: its figures cover only part of it, no base for a change. */
export function previousIsPartial(report: TrendReport, dataSpan: { min: number; max: number } | null): boolean {
  return dataSpan !== null && report.previous[0]!.from < dataSpan.min;
}

/** Why figures cover only part of a period: the cache's orders start later or end earlier. */
export function partialData(report: TrendReport, dataSpan: { min: number; max: number } | null): string[] {
  const partial: string[] = [];
  if (!dataSpan) return partial;
  const last = report.periods.at(-1)!;
  if (previousIsPartial(report, dataSpan))
    partial.push(`the previous span starts before the first cached order (${showDate(dataSpan.min)}), so its figures cover only part of it`);
  if (report.periods[0]!.from < dataSpan.min) partial.push(`the range itself starts before the first cached order (${showDate(dataSpan.min)})`);
  if (last.to > dataSpan.max + 86_400_000) partial.push(`${last.label} runs past the latest cached order (${showDate(dataSpan.max)}) and is partial`);
  return partial;
}

/** Group indexes by orders in the range, largest first; chargebacks without a cached order last. */
export function groupsByOrders(report: TrendReport): number[] {
  return report.groups
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(report.groups[a] === NO_ORDER_GROUP) - Number(report.groups[b] === NO_ORDER_GROUP) || report.byGroup[b]!.orders - report.byGroup[a]!.orders,
    );
}
