// `report fraud-trend` and `report kpi`: import the files in memory with the app's import core and
// print the Reports screen's figures as JSON, from the same shared/reports code. What the exports
// cannot carry (ring verdicts, the dispute workflow log) is left out and named in `notes`; review
// decisions come from the decisions CSV the Review screen exports (`--decisions`).
import { readFile } from 'node:fs/promises';
import type { DecisionEntry } from '../../../shared/decisions/chain';
import { readDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { channelLabel, orderKey } from '../../../shared/domain/order';
import {
  fraudTrend,
  majorFigures,
  NO_ORDER_GROUP,
  TREND_DIMENSIONS,
  trendRows,
  type TrendDimension,
  type TrendReport,
} from '../../../shared/reports/fraudTrend';
import { kpiReport } from '../../../shared/reports/kpi';
import { nextPeriod, periodStart, type PeriodKind } from '../../../shared/reports/periods';
import { DEFAULT_THRESHOLDS, programmeMonths } from '../../../shared/reports/programmes';
import {
  confirmedFraud,
  DEFAULT_RATES,
  disputesInCurrency,
  knownFraudKeys,
  ratesApplied,
  trendChargebacks,
  trendOrdersOf,
} from '../../../shared/reports/sources';
import { out, parseArgs, pathIn, usageError, type CliIo, type ParsedArgs } from './io';
import { systemClock } from '../../../shared/time/clock';
import { importFiles, type ImportedRecords } from './memoryImport';
import { chooseFormat, FORMAT_FLAGS, FORMAT_OPTIONS } from './formatChoice';

/** Periods in the default fraud-trend range. */
const DEFAULT_PERIODS = 12;
const DAY = 86_400_000;

export async function runReport(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const [name, ...rest] = args;
  if (name === 'fraud-trend') return runFraudTrend(rest, io, usage);
  if (name === 'kpi') return runKpi(rest, io, usage);
  return usageError(io, name ? `report: unknown report ${name}; choose fraud-trend or kpi` : 'report: name a report: fraud-trend or kpi', usage);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `YYYY-MM-DD` as UTC midnight; null unless it is a real calendar day. */
function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === text ? t : null;
}

interface DayOptions {
  /** UTC midnight of --from. */
  from?: number;
  /** The day after --to (the range includes the --to day). */
  to?: number;
}

/** Checks the options every report shares; a string is the usage error. */
function commonOptions(cmd: string, a: ParsedArgs): DayOptions | string {
  if (a.unknown.length) return `${cmd}: unknown option ${a.unknown.join(' ')}`;
  if (!a.flags.has('--json')) return `${cmd}: only --json output is available`;
  const days: DayOptions = {};
  for (const [option, key] of [
    ['--from', 'from'],
    ['--to', 'to'],
  ] as const) {
    const text = a.values.get(option);
    if (text === undefined) continue;
    const t = parseDay(text);
    if (t === null) return `${cmd}: ${option} needs a date as YYYY-MM-DD, got ${text}`;
    days[key] = key === 'to' ? t + DAY : t;
  }
  if (days.from !== undefined && days.to !== undefined && days.to <= days.from) return `${cmd}: --to is before --from`;
  if (a.positional.length === 0) return `${cmd}: name at least one file`;
  return days;
}

/**
 * The range: the given days, the rest from `count` whole periods ending with the period that holds
 * the latest order (or --to's day). A string when there is nothing to anchor a default on.
 */
function rangeOf(days: DayOptions, kind: PeriodKind, count: number, records: ImportedRecords): { from: number; to: number } | string {
  if (days.from !== undefined && days.to !== undefined) return { from: days.from, to: days.to };
  let latest = -Infinity;
  for (const o of records.orders) if (o.createdAt > latest) latest = o.createdAt;
  const anchor = days.to !== undefined ? days.to - 1 : days.from !== undefined ? Math.max(latest, days.from) : latest;
  if (anchor === -Infinity) return 'the files hold no orders to choose a default range by; give --from and --to';
  const to = days.to ?? nextPeriod(kind, periodStart(kind, anchor));
  let from = nextPeriod(kind, periodStart(kind, anchor));
  for (let i = 0; i < count; i++) from = periodStart(kind, from - 1);
  return { from: days.from ?? from, to };
}

async function loadDecisions(file: string | undefined, io: CliIo): Promise<DecisionEntry[] | number> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(pathIn(io, file), 'utf8');
  } catch (e) {
    io.stderr(`${file}: cannot read file: ${(e as { code?: string }).code ?? String(e)}\n`);
    return 1;
  }
  const parsed = readDecisionsCsv(text);
  if ('error' in parsed) {
    io.stderr(`${file}:${parsed.line}: ${parsed.error}\n`);
    return 1;
  }
  return parsed.entries;
}

const figures = majorFigures;

async function runFraudTrend(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const cmd = 'report fraud-trend';
  const a = parseArgs(args, ['--json', ...FORMAT_FLAGS], ['--period', '--from', '--to', '--by', '--currency', '--decisions', ...FORMAT_OPTIONS]);
  const days = commonOptions(cmd, a);
  if (typeof days === 'string') return usageError(io, days, usage);
  const period = a.values.get('--period');
  if (period !== 'week' && period !== 'month')
    return usageError(io, `${cmd}: --period needs week or month${period === undefined ? '' : `, got ${period}`}`, usage);
  const by = a.values.get('--by') ?? 'marketplace';
  if (!(TREND_DIMENSIONS as readonly string[]).includes(by))
    return usageError(io, `${cmd}: --by needs one of ${TREND_DIMENSIONS.join(', ')}, got ${by}`, usage);
  const dimension = by as TrendDimension;
  const currency = (a.values.get('--currency') ?? DEFAULT_RATES.currency).trim().toUpperCase();
  const base = DEFAULT_RATES.rates;
  const toReporting = base[currency];
  if (toReporting === undefined) return usageError(io, `${cmd}: no rate for --currency ${currency}; choose from ${Object.keys(base).join(', ')}`, usage);

  const decisions = await loadDecisions(a.values.get('--decisions'), io);
  if (typeof decisions === 'number') return decisions;
  const choice = await chooseFormat(a, io);
  if (typeof choice === 'string') return usageError(io, `${cmd}: ${choice}`, usage);
  const records = await importFiles(io, choice);
  if (typeof records === 'number') return records;
  const range = rangeOf(days, period, DEFAULT_PERIODS, records);
  if (typeof range === 'string') {
    io.stderr(`${cmd}: ${range}\n`);
    return 1;
  }
  // The rates are into EUR; into another reporting currency through EUR.
  const rates = Object.fromEntries(Object.entries(base).map(([c, r]) => [c, r / toReporting]));
  // Ring verdicts live in the app's cache, not in any export: no confirmed-ring orders here.
  const fraud = confirmedFraud(records.disputes, decisions, [], knownFraudKeys(records.orders));
  const { columns, rowOf } = trendOrdersOf(records.orders, dimension, fraud);
  let report: TrendReport;
  try {
    report = fraudTrend(
      columns,
      trendChargebacks(records.disputes, (k) => rowOf.get(k)),
      { period, ...range, dimension, currency, rates },
    );
  } catch (e) {
    // More than 1000 periods: the range, not the data, is at fault.
    if (e instanceof RangeError) return usageError(io, `${cmd}: ${e.message}`, usage);
    throw e;
  }
  const notes = [
    'Confirmed fraud here is fraud-family chargebacks, orders cancelled in review and orders whose known outcome (a mapped outcome column) is fraud; orders of rings confirmed as fraud are not counted: ring verdicts live in the app, not in the exports.',
    a.values.has('--decisions')
      ? `Review decisions: ${decisions.length} entries from ${a.values.get('--decisions')}.`
      : 'No --decisions file: orders cancelled in review are not counted as fraud.',
    `Values in ${currency}; other currencies are converted at the built-in indicative rates of ${DEFAULT_RATES.asOf} (DEFAULT_RATES), not rates set in the app.`,
    'Ranges are widened to whole periods (UTC); --to includes its day.',
  ];
  if (report.groups.includes(NO_ORDER_GROUP)) {
    notes.push(`"${NO_ORDER_GROUP}": chargebacks whose order is not in the files. PSP dispute reports link disputes to own-shop (Shopify) orders only.`);
  }
  const json = {
    period,
    from: iso(report.periods[0]!.from),
    to: iso(report.periods.at(-1)!.to),
    currency,
    rows: trendRows(report).map(({ group, period: label, ...f }) => ({ period: label, [dimension]: group, ...f })),
    previous: figures(report.previousTotal, report.params.currency),
    total: figures(report.total, report.params.currency),
    /** Confirmed fraud of the range by source; an order with two sources counts in both. */
    fraudBy: report.total.fraudBy,
    unconverted: report.unconverted,
    notes,
  };
  out(io, JSON.stringify(json, null, 2));
  return 0;
}

async function runKpi(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const cmd = 'report kpi';
  const a = parseArgs(args, ['--json', ...FORMAT_FLAGS], ['--from', '--to', '--sla-hours', '--decisions', ...FORMAT_OPTIONS]);
  const days = commonOptions(cmd, a);
  if (typeof days === 'string') return usageError(io, days, usage);
  const sla = a.values.get('--sla-hours') ?? '24';
  if (!/^\d+(\.\d+)?$/.test(sla) || Number(sla) <= 0) return usageError(io, `${cmd}: --sla-hours needs a number of hours above 0, got ${sla}`, usage);

  const decisions = await loadDecisions(a.values.get('--decisions'), io);
  if (typeof decisions === 'number') return decisions;
  const choice = await chooseFormat(a, io);
  if (typeof choice === 'string') return usageError(io, `${cmd}: ${choice}`, usage);
  const records = await importFiles(io, choice);
  if (typeof records === 'number') return records;
  const range = rangeOf(days, 'month', 1, records);
  if (typeof range === 'string') {
    io.stderr(`${cmd}: ${range}\n`);
    return 1;
  }
  const { orders } = records;
  // Values in one currency, as the screen reports them: EUR and USD cents never added as one.
  const disputes = disputesInCurrency(records.disputes, DEFAULT_RATES.currency, DEFAULT_RATES.rates);
  const placedAt = new Map(orders.map((o) => [orderKey(o), o.createdAt]));
  const ordersPlaced = orders.filter((o) => o.createdAt >= range.from && o.createdAt < range.to).length;
  const report = kpiReport({
    ...range,
    slaHours: Number(sla),
    decisions,
    placedAt,
    ordersPlaced,
    disputes,
    // When a dispute was submitted is in the app's dispute workflow log, not in the exports.
    submittedAt: new Map(),
    programmes: programmeMonths(orders, disputes, DEFAULT_THRESHOLDS),
    thresholds: DEFAULT_THRESHOLDS,
    brandOf: new Map(orders.map((o) => [orderKey(o), o.cardBrand.trim().toLowerCase()])),
    channelOf: new Map(orders.map((o) => [orderKey(o), channelLabel(o)])),
    // As the screen: a dispute not yet due and not answered is left out of the answered-in-time share.
    now: (io.clock ?? systemClock).now(),
    latestOrder: orders.length ? orders.reduce((m, o) => Math.max(m, o.createdAt), -Infinity) : undefined,
    // Ring verdicts live in the app, not in the exports: fraud chargebacks and known outcomes only.
    confirmedFraud: new Set(confirmedFraud(disputes, decisions, [], knownFraudKeys(orders)).keys()),
    knownLegit: new Set(orders.filter((o) => o.knownOutcome === 'legit').map(orderKey)),
    convertedAt: {
      currency: DEFAULT_RATES.currency,
      rates: ratesApplied(records.disputes, DEFAULT_RATES.currency, DEFAULT_RATES.rates, range.from, range.to),
      asOf: DEFAULT_RATES.asOf,
    },
  });
  const notes = [
    a.values.has('--decisions')
      ? `Review decisions: ${decisions.length} entries from ${a.values.get('--decisions')}.`
      : 'No --decisions file: the review figures are computed on an empty decision log.',
    "Dispute submission and accept times live in the app's dispute workflow log, not in the exports: a dispute submitted, won or lost counts in answerTimeUnknown, one accepted in acceptedTimeUnknown, never as answered in time; one not yet due and not answered is left out, as on the screen.",
    "Win rates by evidence item need the ticks of the app's evidence checklist, which the exports do not carry: wins.byEvidence is empty.",
    `Dispute values in ${DEFAULT_RATES.currency}; other currencies are converted at the built-in indicative rates of ${DEFAULT_RATES.asOf} (DEFAULT_RATES), not rates set in the app; a currency without a rate is left as it is, and disputes.currency is then null (values of several currencies, not to be added).`,
    'Programme months are computed over all the orders and disputes in the files; Visa VAMP counts disputes only (the exports carry no issuer fraud reports); card brands of own-shop orders come from their Stripe payments.',
  ];
  const partial = report.partial ? { partial: { ...report.partial, at: iso(report.partial.at) } } : {};
  // A month over transactions the files hold only from some day on (the first order's) says from when, as a date.
  const programmes = report.programmes.map((m) => (m.transactionsFrom === undefined ? m : { ...m, transactionsFrom: iso(m.transactionsFrom) }));
  out(io, JSON.stringify({ ...report, from: iso(report.from), to: iso(report.to), ...partial, programmes, notes }, null, 2));
  return 0;
}
