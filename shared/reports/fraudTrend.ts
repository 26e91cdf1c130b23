// The fraud-trend report: per week or month of a date range, and for the same span just before
// it, orders and their value, confirmed fraud (fraud chargebacks, orders cancelled in review,
// orders of rings confirmed as fraud, known outcomes from a labelled import) by count and value, and chargebacks by reason family, all
// split by one dimension (marketplace, country, payment method or card brand).
//
// Works on columns (typed arrays) so 1M orders report in milliseconds. Pure: the Reports screen,
// the CLI and the bench share it. Times are UTC. Orders count in the period they were placed;
// chargebacks in the period they were opened.
import { REASON_FAMILIES, type ReasonFamily } from '../disputes/reasonCodes';
import { periodIndex, periodsCovering, previousPeriods, type PeriodKind, type PeriodSpan } from './periods';
import { currencyDecimals } from '../ingest/amounts';
import { minorRateInto } from '../domain/money';

export const TREND_DIMENSIONS = ['marketplace', 'country', 'paymentMethod', 'cardBrand'] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];
export const DIMENSION_LABEL: Record<TrendDimension, string> = {
  marketplace: 'Marketplace',
  country: 'Shipping country',
  paymentMethod: 'Payment method',
  cardBrand: 'Card brand',
};

/** Why an order counts as confirmed fraud (bits; an order can have several). */
/** Where an order's confirmed fraud comes from; `fraudReport`: an issuer's fraud report (Visa TC40, Mastercard SAFE), not a chargeback. */
export const FRAUD_BY = { chargeback: 1, cancelled: 2, ring: 4, outcome: 8, fraudReport: 16 } as const;
export type FraudSource = keyof typeof FRAUD_BY;

/** Orders as columns; `group` codes index `groupLabels` and `groupKeys`, `currency` codes index `currencyLabels`. */
export interface TrendOrders {
  count: number;
  createdAt: ArrayLike<number>;
  totalMinor: ArrayLike<number>;
  /** 0 for a superseded version of an order. */
  live: ArrayLike<number>;
  group: ArrayLike<number>;
  groupLabels: readonly string[];
  /** What identifies each group to an order filter: a marketplace code, or the grouping field's value ('' when not given). */
  groupKeys: readonly string[];
  currency: ArrayLike<number>;
  currencyLabels: readonly string[];
  /** Confirmed-fraud rows: row -> FRAUD_BY bits. */
  fraud: ReadonlyMap<number, number>;
}

export interface TrendChargeback {
  /** The order's row, or -1 when the order is not in the cache. */
  row: number;
  /** When it was raised as a chargeback (chargebackDate). */
  raisedAt: number;
  amountMinor: number;
  currency: string;
  family: ReasonFamily;
}

export interface TrendParams {
  period: PeriodKind;
  from: number;
  to: number;
  dimension: TrendDimension;
  /** Values are reported in this currency; others convert by `rates` (1 unit = rate reporting units). */
  currency: string;
  rates: Readonly<Record<string, number>>;
  /**
   * The date the rates are of, as Reports → Thresholds and rates keeps it: the rates are edited
   * data, so a printed report names which ones it used. Absent in snapshots saved before it was kept.
   */
  ratesAsOf?: string;
}

export interface FamilyFigures {
  count: number;
  valueMinor: number;
}

export interface TrendFigures {
  orders: number;
  orderValueMinor: number;
  fraudOrders: number;
  fraudValueMinor: number;
  /** Confirmed fraud by source; an order with two sources counts in both. */
  fraudBy: Record<FraudSource, number>;
  chargebacks: number;
  chargebackValueMinor: number;
  byFamily: Record<ReasonFamily, FamilyFigures>;
}

export interface TrendReport {
  params: TrendParams;
  periods: PeriodSpan[];
  previous: PeriodSpan[];
  /** Group labels; the last is NO_ORDER_GROUP when chargebacks had no cached order. */
  groups: string[];
  /** Per group, its key (TrendOrders.groupKeys); null for NO_ORDER_GROUP. Absent in snapshots saved before keys were kept. */
  groupKeys: (string | null)[];
  /** cells[period][group]. */
  cells: TrendFigures[][];
  byPeriod: TrendFigures[];
  /** Over the whole range, per group, and the same for the previous span. */
  byGroup: TrendFigures[];
  previousByGroup: TrendFigures[];
  total: TrendFigures;
  previousTotal: TrendFigures;
  /** Orders and chargebacks of the range per currency whose values could not convert (no rate): left out of values. */
  unconverted: Record<string, number>;
}

export const NO_ORDER_GROUP = '(order not in cache)';

export function emptyFigures(): TrendFigures {
  const byFamily = {} as Record<ReasonFamily, FamilyFigures>;
  for (const f of REASON_FAMILIES) byFamily[f] = { count: 0, valueMinor: 0 };
  return {
    orders: 0,
    orderValueMinor: 0,
    fraudOrders: 0,
    fraudValueMinor: 0,
    fraudBy: { chargeback: 0, cancelled: 0, ring: 0, outcome: 0, fraudReport: 0 },
    chargebacks: 0,
    chargebackValueMinor: 0,
    byFamily,
  };
}

function add(into: TrendFigures, f: TrendFigures): void {
  into.orders += f.orders;
  into.orderValueMinor += f.orderValueMinor;
  into.fraudOrders += f.fraudOrders;
  into.fraudValueMinor += f.fraudValueMinor;
  for (const s of Object.keys(FRAUD_BY) as FraudSource[]) into.fraudBy[s] += f.fraudBy[s] ?? 0; // a figure saved before this source counted has none
  into.chargebacks += f.chargebacks;
  into.chargebackValueMinor += f.chargebackValueMinor;
  for (const fam of REASON_FAMILIES) {
    into.byFamily[fam].count += f.byFamily[fam].count;
    into.byFamily[fam].valueMinor += f.byFamily[fam].valueMinor;
  }
}

/** Fraud orders over orders, by count; null with no orders. */
export const fraudRate = (f: TrendFigures): number | null => (f.orders ? f.fraudOrders / f.orders : null);
export const fraudRateByValue = (f: TrendFigures): number | null => (f.orderValueMinor ? f.fraudValueMinor / f.orderValueMinor : null);

export function fraudTrend(orders: TrendOrders, chargebacks: readonly TrendChargeback[], params: TrendParams): TrendReport {
  const periods = periodsCovering(params.period, params.from, params.to);
  const previous = previousPeriods(params.period, periods);
  // One timeline: the previous span's periods, then the report's.
  const all = [...previous, ...periods];
  const starts = new Float64Array(all.map((p) => p.from));
  const end = all.at(-1)!.to;
  const nPrev = previous.length;
  const groups = [...orders.groupLabels];
  const groupKeys: (string | null)[] = [...orders.groupKeys];
  const unknownGroup = groups.length;
  const nGroups = groups.length + 1;
  const cells: TrendFigures[][] = all.map(() => Array.from({ length: nGroups }, emptyFigures));

  // Minor units of each currency to minor units of the reporting one (minorRate): yen and cents differ.
  const toReporting = (c: string): number | undefined => minorRateInto(c, params.currency, params.rates);
  const rate = orders.currencyLabels.map((c) => toReporting(c) ?? NaN);
  const unconverted: Record<string, number> = {};
  const noRate = (currency: string) => {
    unconverted[currency] = (unconverted[currency] ?? 0) + 1;
  };
  const { createdAt, totalMinor, live, group, currency } = orders;
  // Typed accumulators for the 1M-row pass; figures objects are filled from them after.
  const nCells = all.length * nGroups;
  const count = new Float64Array(nCells);
  const value = new Float64Array(nCells);
  for (let i = 0; i < orders.count; i++) {
    if (!live[i]) continue;
    const p = periodIndex(starts, end, createdAt[i]!);
    if (p < 0) continue;
    const c = p * nGroups + group[i]!;
    count[c]!++;
    const r = rate[currency[i]!]!;
    if (r === r) value[c]! += Math.round(totalMinor[i]! * r);
    else if (p >= nPrev) noRate(orders.currencyLabels[currency[i]!]!);
  }
  for (let p = 0; p < all.length; p++) {
    for (let g = 0; g < nGroups; g++) {
      cells[p]![g]!.orders = count[p * nGroups + g]!;
      cells[p]![g]!.orderValueMinor = value[p * nGroups + g]!;
    }
  }
  for (const [row, bits] of orders.fraud) {
    if (!live[row] || bits === 0) continue;
    const p = periodIndex(starts, end, createdAt[row]!);
    if (p < 0) continue;
    const cell = cells[p]![group[row]!]!;
    cell.fraudOrders++;
    const r = rate[currency[row]!]!;
    if (r === r) cell.fraudValueMinor += Math.round(totalMinor[row]! * r);
    for (const s of Object.keys(FRAUD_BY) as FraudSource[]) if (bits & FRAUD_BY[s]) cell.fraudBy[s]++;
  }
  for (const cb of chargebacks) {
    const p = periodIndex(starts, end, cb.raisedAt);
    if (p < 0) continue;
    const cell = cells[p]![cb.row >= 0 && live[cb.row] ? group[cb.row]! : unknownGroup]!;
    const r = toReporting(cb.currency);
    cell.chargebacks++;
    cell.byFamily[cb.family].count++;
    if (r === undefined) {
      if (p >= nPrev) noRate(cb.currency);
      continue;
    }
    const v = Math.round(cb.amountMinor * r);
    cell.chargebackValueMinor += v;
    cell.byFamily[cb.family].valueMinor += v;
  }

  // Drop the "not in cache" group when nothing fell into it.
  const keepUnknown = cells.some((row) => row[unknownGroup]!.chargebacks > 0);
  if (keepUnknown) {
    groups.push(NO_ORDER_GROUP);
    groupKeys.push(null);
  } else for (const row of cells) row.pop();
  // And any group with nothing in either span (a marketplace no order came from): no empty series.
  const used = groups.map((_, g) => cells.some((row) => row[g]!.orders > 0 || row[g]!.chargebacks > 0));
  if (used.includes(false)) {
    const keep = <T>(list: T[]) => list.filter((_, g) => used[g]);
    groups.splice(0, groups.length, ...keep(groups));
    groupKeys.splice(0, groupKeys.length, ...keep(groupKeys));
    for (let p = 0; p < cells.length; p++) cells[p] = keep(cells[p]!);
  }

  const sum = (rows: TrendFigures[][]) => {
    const byGroup = groups.map(() => emptyFigures());
    const total = emptyFigures();
    for (const row of rows) row.forEach((f, g) => add(byGroup[g]!, f));
    for (const f of byGroup) add(total, f);
    return { byGroup, total };
  };
  const prevCells = cells.slice(0, nPrev);
  const curCells = cells.slice(nPrev);
  const cur = sum(curCells);
  const prev = sum(prevCells);
  const byPeriod = curCells.map((row) => {
    const t = emptyFigures();
    for (const f of row) add(t, f);
    return t;
  });
  return {
    params,
    periods,
    previous,
    groups,
    groupKeys,
    cells: curCells,
    byPeriod,
    byGroup: cur.byGroup,
    previousByGroup: prev.byGroup,
    total: cur.total,
    previousTotal: prev.total,
    unconverted,
  };
}

/** The CLI's and the CSV's flat rows: one per period and group, values in major units. */
export interface TrendRow {
  period: string;
  group: string;
  orders: number;
  orderValue: number;
  fraudOrders: number;
  fraudValue: number;
  chargebacks: number;
  chargebackValue: number;
}

/** Minor units of `currency` in major units: cents / 100, yen as they are, fils / 1000. */
export const major = (minor: number, currency: string): number => Math.round(minor) / 10 ** currencyDecimals(currency);

/** The six headline figures in major units of the reporting currency, as the CLI and the CSV rows print them. */
export function majorFigures(f: TrendFigures, currency: string): Omit<TrendRow, 'period' | 'group'> {
  return {
    orders: f.orders,
    orderValue: major(f.orderValueMinor, currency),
    fraudOrders: f.fraudOrders,
    fraudValue: major(f.fraudValueMinor, currency),
    chargebacks: f.chargebacks,
    chargebackValue: major(f.chargebackValueMinor, currency),
  };
}

/** The period and group cells that hold an order or a chargeback, in period then group order. */
export function trendCells(report: TrendReport): { period: string; group: string; figures: TrendFigures }[] {
  const out: { period: string; group: string; figures: TrendFigures }[] = [];
  report.cells.forEach((row, p) =>
    row.forEach((f, g) => {
      if (f.orders === 0 && f.chargebacks === 0) return;
      out.push({ period: report.periods[p]!.label, group: report.groups[g]!, figures: f });
    }),
  );
  return out;
}

export function trendRows(report: TrendReport): TrendRow[] {
  return trendCells(report).map((c) => ({ period: c.period, group: c.group, ...majorFigures(c.figures, report.params.currency) }));
}

/** Rings as the report sees them: members' times and values (in the reporting currency). */
export interface TrendRing {
  id: string;
  times: readonly number[];
  valuesMinor: readonly number[];
  score: number;
  status: string | null;
}

export interface PeriodRing {
  id: string;
  ordersInRange: number;
  valueInRangeMinor: number;
  firstSeen: number;
  score: number;
  status: string | null;
}

/**
 * Top rings of the range (most order value placed in it, then score) and new rings (first order
 * inside it), each at most `limit`.
 */
export function ringsOfRange(rings: readonly TrendRing[], from: number, to: number, limit = 10): { top: PeriodRing[]; fresh: PeriodRing[] } {
  const inRange: PeriodRing[] = [];
  for (const r of rings) {
    let n = 0;
    let v = 0;
    let first = Infinity;
    r.times.forEach((t, i) => {
      if (t < first) first = t;
      if (t >= from && t < to) {
        n++;
        v += r.valuesMinor[i]!;
      }
    });
    if (n > 0) inRange.push({ id: r.id, ordersInRange: n, valueInRangeMinor: v, firstSeen: first, score: r.score, status: r.status });
  }
  const byId = (a: PeriodRing, b: PeriodRing) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const top = [...inRange].sort((a, b) => b.valueInRangeMinor - a.valueInRangeMinor || b.score - a.score || byId(a, b)).slice(0, limit);
  const fresh = inRange
    .filter((r) => r.firstSeen >= from)
    .sort((a, b) => b.score - a.score || b.valueInRangeMinor - a.valueInRangeMinor || byId(a, b))
    .slice(0, limit);
  return { top, fresh };
}
