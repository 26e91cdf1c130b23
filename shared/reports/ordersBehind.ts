// The orders behind a figure of the fraud-trend report: the Orders filter a clicked bar, point or
// table row opens, found by the group's key (a marketplace code, a field's value), never by its label.
import { REASON_FAMILY_LABEL, type ReasonFamily } from '../disputes/reasonCodes';
import { MARKETPLACES, type Marketplace } from '../domain/order';
import type { DictField } from '../orders/columns';
import type { OrderFilter } from '../orders/query';
import { DIMENSION_LABEL, type TrendDimension, type TrendReport } from './fraudTrend';

/** All orders of a cell, its confirmed-fraud orders, or the orders of its chargebacks (by opening date). */
export type OrdersWhat = 'orders' | 'fraud' | { chargebacks: ReasonFamily };

/** The order field each dimension but marketplace groups by. */
export const DIMENSION_FIELD: Record<Exclude<TrendDimension, 'marketplace'>, DictField> = {
  country: 'shipCountry',
  paymentMethod: 'paymentMethod',
  cardBrand: 'cardBrand',
};

const isMarketplace = (key: string): key is Marketplace => (MARKETPLACES as readonly string[]).includes(key);

/**
 * The Orders filter for period `periodIdx` (null: the whole range) and group `groupIdx` (null: every
 * group) of a report; null when no cached order stands behind the figure (chargebacks whose order is
 * not in the cache, or a snapshot saved before groups had keys).
 */
export function ordersBehindFigure(report: TrendReport, periodIdx: number | null, groupIdx: number | null, what: OrdersWhat): Partial<OrderFilter> | null {
  const first = report.periods[0]!;
  const last = report.periods.at(-1)!;
  const period = periodIdx === null ? { from: first.from, to: last.to, label: `${first.label} to ${last.label}` } : report.periods[periodIdx]!;
  const filter: Partial<OrderFilter> = {};
  if (typeof what === 'object') {
    // Chargebacks count by the day they were opened; their orders may be older.
    filter.only = {
      kind: 'chargebacks',
      family: what.chargebacks,
      openedFrom: period.from,
      openedTo: period.to,
      label: `${REASON_FAMILY_LABEL[what.chargebacks]} chargebacks opened ${period.label}`,
    };
  } else {
    filter.from = period.from;
    filter.to = period.to;
    if (what === 'fraud') filter.only = { kind: 'confirmed-fraud', label: 'Confirmed fraud' };
  }
  if (groupIdx === null) return filter;
  const key = report.groupKeys?.[groupIdx];
  if (key === null || key === undefined) return null;
  const dimension = report.params.dimension;
  if (dimension === 'marketplace') {
    if (isMarketplace(key)) filter.marketplaces = [key];
  } else {
    filter.group = { field: DIMENSION_FIELD[dimension], value: key, label: `${DIMENSION_LABEL[dimension]}: ${report.groups[groupIdx]}` };
  }
  return filter;
}
