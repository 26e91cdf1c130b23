// Card-network monitoring programmes, computed from the cache: monthly ratios as each programme
// defines them, against thresholds kept as dated data with their source, with an early-warning
// state before a threshold is reached. Pure; the Reports screen and the CLI share it.
import { CARD_NETWORKS, chargebackDate, isChargeback, type CardNetwork, type Dispute } from '../domain/dispute';
import { ORDER_STATUSES, orderKey, type Order, type OrderStatus } from '../domain/order';
import { formatDecimal } from '../domain/money';
import { periodIndex } from './periods';

export type Programme = 'visa-vamp' | 'mastercard-ecm';

export interface Threshold {
  programme: Programme;
  /** Programme's name for the level, e.g. "excessive", "ECM", "HECM". */
  level: string;
  /** Ratio (0.015 = 1.5 %) and count that must both be reached. */
  ratio: number;
  count: number;
  /** First month (YYYY-MM) the threshold applies. */
  effectiveFrom: string;
  source: string;
}

/** Defaults from public programme summaries (../shared/formats.md); analysts edit them as data. */
export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  {
    programme: 'visa-vamp',
    level: 'excessive',
    ratio: 0.022,
    count: 1500,
    effectiveFrom: '2025-04',
    source:
      'Visa VAMP merchant "excessive": >= 2.20 % and 1,500+ fraud reports and disputes a month until 31 March 2026 (Checkout.com, "What are the thresholds for disputes and fraud under VAMP?")',
  },
  {
    programme: 'visa-vamp',
    level: 'excessive',
    ratio: 0.015,
    count: 1500,
    effectiveFrom: '2026-04',
    source:
      'Visa VAMP merchant "excessive": >= 1.50 % and 1,500+ fraud reports and disputes a month from 1 April 2026, global excluding MENA (Checkout.com, same article)',
  },
  {
    programme: 'mastercard-ecm',
    level: 'ECM',
    ratio: 0.015,
    count: 100,
    effectiveFrom: '2019-01',
    source: 'Mastercard Excessive Chargeback Merchant: 100-299 chargebacks and 1.5-2.99 %',
  },
  {
    programme: 'mastercard-ecm',
    level: 'HECM',
    ratio: 0.03,
    count: 300,
    effectiveFrom: '2019-01',
    source: 'Mastercard High Excessive Chargeback Merchant: 300+ chargebacks and 3 %+',
  },
];

/** Share of a threshold (on both ratio and count) from which a month shows an early warning. */
export const EARLY_WARNING = 0.75;

export interface ProgrammeMonth {
  programme: Programme;
  month: string;
  /** VAMP: fraud reports + disputes; ECM: chargebacks this month. */
  numerator: number;
  /** VAMP: settled card-not-present transactions this month; ECM: transactions last month. */
  denominator: number;
  /** numerator / denominator; null when there is no transaction to divide by. */
  ratio: number | null;
  /** The highest level reached, or the one warned about; `no-transactions`: disputes but no transactions to judge them against. */
  state: 'ok' | 'early-warning' | 'over' | 'no-transactions';
  level: string | null;
  /**
   * Chargebacks of the month whose card network neither their file nor their order's card brand
   * names (a Stripe reason without a card brand, the order not in the data): in neither programme.
   * Absent in snapshots saved before it was counted.
   */
  unknownNetwork?: number;
  /**
   * Set when the cached orders start inside the month whose transactions are the denominator (VAMP:
   * this month; ECM: the month before) after its first day: the first order's time. Those
   * transactions are only part of the month's, so the ratio reads high. Absent for a month the cache
   * covers from its start (and in snapshots saved before it was said).
   */
  transactionsFrom?: number;
}

const DAY = 86_400_000;
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Every month (`YYYY-MM`) from the earliest of `months` to the latest, in order. */
function monthsBetween(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const out = [sorted[0]!];
  while (out.at(-1)! < sorted.at(-1)!) out.push(shiftMonth(out.at(-1)!, 1));
  return out;
}

/** The month `by` months after `month` (`YYYY-MM`; -1 for the one before). */
function shiftMonth(month: string, by: 1 | -1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** Statuses of a settled card transaction (online shop orders are card-not-present). */
const SETTLED: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['paid', 'fulfilled', 'refunded']);

/** Orders as columns: `status` codes index ORDER_STATUSES, `brand` codes index `brandLabels`. */
export interface ProgrammeOrders {
  count: number;
  createdAt: ArrayLike<number>;
  status: ArrayLike<number>;
  live: ArrayLike<number>;
  brand: ArrayLike<number>;
  brandLabels: readonly string[];
}

/**
 * The network a programme counts a dispute under: its own, or for a dispute whose file names none
 * (`stripe`: a word-style reason only) the card brand of its order (`brandOf`: order key -> brand).
 */
export function programmeNetwork(d: Pick<Dispute, 'network' | 'orderKey'>, brandOf: ReadonlyMap<string, string>): CardNetwork {
  if (d.network !== 'stripe') return d.network;
  const brand = brandOf.get(d.orderKey) as CardNetwork | undefined;
  return brand && brand !== 'stripe' && CARD_NETWORKS.includes(brand) ? brand : d.network;
}

/**
 * Monthly programme figures. `fraudReports` are issuer fraud reports (TC40) per month where the
 * exports carry them; none of the supported exports do, so VAMP counts disputes only and says so.
 */
export function programmeMonths(
  orders: readonly Order[],
  disputes: readonly Dispute[],
  thresholds: readonly Threshold[] = DEFAULT_THRESHOLDS,
  fraudReports: ReadonlyMap<string, number> = new Map(),
): ProgrammeMonth[] {
  const labels: string[] = [];
  const codes = new Map<string, number>();
  const brand = orders.map((o) => {
    let c = codes.get(o.cardBrand);
    if (c === undefined) codes.set(o.cardBrand, (c = labels.push(o.cardBrand) - 1));
    return c;
  });
  const columns: ProgrammeOrders = {
    count: orders.length,
    createdAt: orders.map((o) => o.createdAt),
    status: orders.map((o) => ORDER_STATUSES.indexOf(o.status)),
    live: orders.map(() => 1),
    brand,
    brandLabels: labels,
  };
  const brandOf = new Map(orders.map((o) => [orderKey(o), o.cardBrand.trim().toLowerCase()]));
  const placed = disputes.map((d) => (d.network === 'stripe' ? { ...d, network: programmeNetwork(d, brandOf) } : d));
  return programmeMonthsOf(columns, placed, thresholds, fraudReports);
}

/** As programmeMonths, over columns (1M orders without decoding them); the disputes' networks placed by programmeNetwork. */
export function programmeMonthsOf(
  orders: ProgrammeOrders,
  disputes: readonly Dispute[],
  thresholds: readonly Threshold[] = DEFAULT_THRESHOLDS,
  fraudReports: ReadonlyMap<string, number> = new Map(),
): ProgrammeMonth[] {
  const network = orders.brandLabels.map((b) => b.trim().toLowerCase()).map((b) => (b === 'visa' ? 0 : b === 'mastercard' ? 1 : -1));
  const settled = ORDER_STATUSES.map((s) => SETTLED.has(s));
  // Transactions per UTC month and network, counted by month start without a Date per row.
  const monthStarts: number[] = [];
  const counts: [number, number][] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < orders.count; i++) {
    const t = orders.createdAt[i]!;
    if (orders.live[i] && t < lo) lo = t;
    if (orders.live[i] && t > hi) hi = t;
  }
  if (lo <= hi) {
    const d = new Date(lo);
    for (let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), k = 0; m <= hi; k++, m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1)) {
      monthStarts.push(m);
      counts.push([0, 0]);
    }
  }
  const starts = new Float64Array(monthStarts);
  for (let i = 0; i < orders.count; i++) {
    if (!orders.live[i] || !settled[orders.status[i]!]) continue;
    const n = network[orders.brand[i]!]!;
    if (n < 0) continue;
    const a = periodIndex(starts, Infinity, orders.createdAt[i]!);
    if (a < 0) continue;
    counts[a]![n as 0 | 1]++;
  }
  const tx = { visa: new Map<string, number>(), mastercard: new Map<string, number>() };
  monthStarts.forEach((m, k) => {
    const month = monthOf(m);
    if (counts[k]![0]) tx.visa.set(month, counts[k]![0]);
    if (counts[k]![1]) tx.mastercard.set(month, counts[k]![1]);
  });
  // Chargebacks for both programmes, and Visa's fraud reports (TC40) for VAMP; inquiries never.
  const cb = { visa: new Map<string, number>(), mastercard: new Map<string, number>() };
  const unknown = new Map<string, number>();
  for (const d of disputes) {
    // A chargeback in the month it was raised (after an inquiry: when it became one), a fraud report when it came.
    const month = monthOf(chargebackDate(d));
    if (d.network === 'stripe' && isChargeback(d)) unknown.set(month, (unknown.get(month) ?? 0) + 1);
    if (d.network !== 'visa' && d.network !== 'mastercard') continue;
    if (!isChargeback(d) && !(d.network === 'visa' && d.stage === 'fraud_report')) continue;
    cb[d.network].set(month, (cb[d.network].get(month) ?? 0) + 1);
  }
  // Every month from the first to the last the orders or disputes fall in, quiet ones included: a gap
  // in a monthly table leaves the reader to guess (chargebacks come months after the orders the
  // file holds, so months with neither lie between them).
  const months = monthsBetween([...monthStarts.map(monthOf), ...cb.visa.keys(), ...cb.mastercard.keys(), ...unknown.keys(), ...fraudReports.keys()]);
  // The month the cached orders start in holds only part of its transactions when they start after its
  // first day (a day of grace, as for the latest order: a quiet 1st is no gap).
  const firstMonth = lo <= hi ? monthOf(lo) : null;
  const partFrom = (txMonth: string) => (txMonth === firstMonth && lo >= Date.parse(`${txMonth}-01T00:00:00Z`) + DAY ? { transactionsFrom: lo } : {});
  const out: ProgrammeMonth[] = [];
  for (const month of months) {
    const vampN = (cb.visa.get(month) ?? 0) + (fraudReports.get(month) ?? 0);
    const unknownNetwork = unknown.get(month) ?? 0;
    const before = shiftMonth(month, -1);
    out.push({ ...judge('visa-vamp', month, vampN, tx.visa.get(month) ?? 0, thresholds), unknownNetwork, ...partFrom(month) });
    out.push({
      ...judge('mastercard-ecm', month, cb.mastercard.get(month) ?? 0, tx.mastercard.get(before) ?? 0, thresholds),
      unknownNetwork,
      ...partFrom(before),
    });
  }
  return out;
}

/**
 * A programme ratio as a percentage to three decimals, rounded down: a ratio under a threshold
 * never reads as at it (1.49995 % is 1.499 %, not 1.500 % beside "OK"). '–' without a ratio. As the
 * display setting writes numbers (1,499 % in German): the screen shows it, the CSV keeps the ratio.
 */
export function programmeRatioText(ratio: number | null): string {
  if (ratio === null) return '–';
  // The tiny nudge keeps a ratio exactly at a threshold (0.015 * 1e5 computed as 1499.99…) at it.
  return `${formatDecimal(Math.floor(ratio * 100_000 + 1e-6) / 1000, 3)} %`;
}

/** The thresholds in force in `month`: per level, the row with the latest effective month (a newer row replaces an older one). */
export function thresholdsInForce(programme: Programme, month: string, thresholds: readonly Threshold[]): Threshold[] {
  const latest = new Map<string, Threshold>();
  for (const t of thresholds) {
    if (t.programme !== programme || t.effectiveFrom > month) continue;
    const had = latest.get(t.level);
    if (!had || had.effectiveFrom <= t.effectiveFrom) latest.set(t.level, t);
  }
  return [...latest.values()];
}

/** The thresholds that judged these months: those in force in at least one of them, in the given order. */
export function thresholdsApplied(months: readonly Pick<ProgrammeMonth, 'programme' | 'month'>[], thresholds: readonly Threshold[]): Threshold[] {
  const applied = new Set(months.flatMap((m) => thresholdsInForce(m.programme, m.month, thresholds)));
  return thresholds.filter((t) => applied.has(t));
}

/**
 * A ratio reaches a threshold's: the threshold as the decimal it names. A percentage typed on the
 * Thresholds screen is divided by 100 in binary, 2.2 / 100 is 0.022000000000000002, and a month at
 * exactly 2.2 % (11 of 500) compared with that would read as under it, "early warning" where the
 * programme says excessive. Twelve significant digits keep every threshold anyone types.
 */
export function reachesRatio(ratio: number, threshold: number): boolean {
  return ratio >= Number(threshold.toPrecision(12));
}

function judge(programme: Programme, month: string, numerator: number, denominator: number, thresholds: readonly Threshold[]): ProgrammeMonth {
  // No transactions to divide by: the ratio is unknown, never 0 %.
  if (!(denominator > 0)) return { programme, month, numerator, denominator, ratio: null, state: numerator > 0 ? 'no-transactions' : 'ok', level: null };
  const ratio = numerator / denominator;
  const applicable = thresholdsInForce(programme, month, thresholds).sort((a, b) => b.ratio - a.ratio);
  const over = applicable.find((t) => reachesRatio(ratio, t.ratio) && numerator >= t.count);
  if (over) return { programme, month, numerator, denominator, ratio, state: 'over', level: over.level };
  const lowest = applicable.at(-1);
  const warn = lowest && reachesRatio(ratio, lowest.ratio * EARLY_WARNING) && numerator >= lowest.count * EARLY_WARNING;
  return { programme, month, numerator, denominator, ratio, state: warn ? 'early-warning' : 'ok', level: warn ? lowest.level : null };
}
