// `report fraud-trend` and `report kpi`: import the files in memory with the app's import core and
// print the Reports screen's figures as JSON, from the same shared/reports code. What the exports
// cannot carry (ring verdicts, the dispute workflow log) is left out and named in `notes`; review
// decisions come from the decisions CSV the Review screen exports (`--decisions`).
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { DECISIONS, type Decision, type DecisionEntry } from '../../../shared/decisions/chain';
import { orderKey } from '../../../shared/domain/order';
import { restoreCell } from '../../../shared/export/csv';
import { fraudTrend, majorFigures, NO_ORDER_GROUP, TREND_DIMENSIONS, trendRows, type TrendDimension, type TrendReport } from '../../../shared/reports/fraudTrend';
import { kpiReport } from '../../../shared/reports/kpi';
import { nextPeriod, periodStart, type PeriodKind } from '../../../shared/reports/periods';
import { DEFAULT_THRESHOLDS, programmeMonths } from '../../../shared/reports/programmes';
import { confirmedFraud, DEFAULT_RATES, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import { out, parseArgs, usageError, type ParsedArgs } from './io';
import { importFiles, type ImportedRecords } from './memoryImport';

/** Periods in the default fraud-trend range. */
const DEFAULT_PERIODS = 12;
const DAY = 86_400_000;

export async function runReport(args: readonly string[], usage: string): Promise<number> {
  const [name, ...rest] = args;
  if (name === 'fraud-trend') return runFraudTrend(rest, usage);
  if (name === 'kpi') return runKpi(rest, usage);
  return usageError(name ? `report: unknown report ${name}; choose fraud-trend or kpi` : 'report: name a report: fraud-trend or kpi', usage);
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
  for (const [option, key] of [['--from', 'from'], ['--to', 'to']] as const) {
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

async function loadDecisions(file: string | undefined): Promise<DecisionEntry[] | number> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read file: ${(e as { code?: string }).code ?? String(e)}\n`);
    return 1;
  }
  const parsed = parseDecisionsCsv(text);
  if ('error' in parsed) {
    process.stderr.write(`${file}:${parsed.line}: ${parsed.error}\n`);
    return 1;
  }
  return parsed.entries;
}

const figures = majorFigures;

async function runFraudTrend(args: readonly string[], usage: string): Promise<number> {
  const cmd = 'report fraud-trend';
  const a = parseArgs(args, ['--json'], ['--period', '--from', '--to', '--by', '--currency', '--decisions']);
  const days = commonOptions(cmd, a);
  if (typeof days === 'string') return usageError(days, usage);
  const period = a.values.get('--period');
  if (period !== 'week' && period !== 'month') return usageError(`${cmd}: --period needs week or month${period === undefined ? '' : `, got ${period}`}`, usage);
  const by = a.values.get('--by') ?? 'marketplace';
  if (!(TREND_DIMENSIONS as readonly string[]).includes(by)) return usageError(`${cmd}: --by needs one of ${TREND_DIMENSIONS.join(', ')}, got ${by}`, usage);
  const dimension = by as TrendDimension;
  const currency = (a.values.get('--currency') ?? DEFAULT_RATES.currency).trim().toUpperCase();
  const base = DEFAULT_RATES.rates;
  const toReporting = base[currency];
  if (toReporting === undefined) return usageError(`${cmd}: no rate for --currency ${currency}; choose from ${Object.keys(base).join(', ')}`, usage);

  const decisions = await loadDecisions(a.values.get('--decisions'));
  if (typeof decisions === 'number') return decisions;
  const records = await importFiles(a.positional);
  if (typeof records === 'number') return records;
  const range = rangeOf(days, period, DEFAULT_PERIODS, records);
  if (typeof range === 'string') {
    process.stderr.write(`${cmd}: ${range}\n`);
    return 1;
  }
  // The rates are into EUR; into another reporting currency through EUR.
  const rates = Object.fromEntries(Object.entries(base).map(([c, r]) => [c, r / toReporting]));
  // Ring verdicts live in the app's cache, not in any export: no confirmed-ring orders here.
  const fraud = confirmedFraud(records.disputes, decisions, []);
  const { columns, rowOf } = trendOrdersOf(records.orders, dimension, fraud);
  let report: TrendReport;
  try {
    report = fraudTrend(columns, trendChargebacks(records.disputes, (k) => rowOf.get(k)), { period, ...range, dimension, currency, rates });
  } catch (e) {
    // More than 1000 periods: the range, not the data, is at fault.
    if (e instanceof RangeError) return usageError(`${cmd}: ${e.message}`, usage);
    throw e;
  }
  const notes = [
    'Confirmed fraud here is fraud-family chargebacks and orders cancelled in review; orders of rings confirmed as fraud are not counted: ring verdicts live in the app, not in the exports.',
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
    previous: figures(report.previousTotal),
    total: figures(report.total),
    unconverted: report.unconverted,
    notes,
  };
  out(JSON.stringify(json, null, 2));
  return 0;
}

async function runKpi(args: readonly string[], usage: string): Promise<number> {
  const cmd = 'report kpi';
  const a = parseArgs(args, ['--json'], ['--from', '--to', '--sla-hours', '--decisions']);
  const days = commonOptions(cmd, a);
  if (typeof days === 'string') return usageError(days, usage);
  const sla = a.values.get('--sla-hours') ?? '24';
  if (!/^\d+(\.\d+)?$/.test(sla) || Number(sla) <= 0) return usageError(`${cmd}: --sla-hours needs a number of hours above 0, got ${sla}`, usage);

  const decisions = await loadDecisions(a.values.get('--decisions'));
  if (typeof decisions === 'number') return decisions;
  const records = await importFiles(a.positional);
  if (typeof records === 'number') return records;
  const range = rangeOf(days, 'month', 1, records);
  if (typeof range === 'string') {
    process.stderr.write(`${cmd}: ${range}\n`);
    return 1;
  }
  const { orders, disputes } = records;
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
  });
  const notes = [
    a.values.has('--decisions')
      ? `Review decisions: ${decisions.length} entries from ${a.values.get('--decisions')}.`
      : 'No --decisions file: the review figures are computed on an empty decision log.',
    'Dispute submission times live in the app\'s dispute workflow log, not in the exports: a dispute counts as answered in time when it was won or lost.',
    'Programme months are computed over all the orders and disputes in the files; Visa VAMP counts disputes only (the exports carry no issuer fraud reports); card brands of own-shop orders come from their Stripe payments.',
  ];
  out(JSON.stringify({ ...report, from: iso(report.from), to: iso(report.to), notes }, null, 2));
  return 0;
}

// ---- The decisions CSV of the Review screen ----------------------------------------------------

const DECISION_COLUMNS = ['seq', 'time_utc', 'source', 'order_id', 'decision', 'reason_code', 'note', 'analyst', 'score', 'matrix_version', 'hash'] as const;
type DecisionColumn = (typeof DECISION_COLUMNS)[number] | 'undoes';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Decision entries from the Review screen's CSV export (oldest first; an `undoes` column at the
 * end in newer exports). An undo without `undoes` reverses the latest earlier hold / release /
 * cancel of its order that is not undone already. Errors name the file's physical line.
 */
export function parseDecisionsCsv(text: string): { entries: DecisionEntry[] } | { line: number; error: string } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: { line: number; cells: string[]; error?: string }[] = [];
  let consumed = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (r) => {
      rows.push({ line, cells: r.data, ...(r.errors.length ? { error: r.errors[0]!.message } : {}) });
      const end = r.meta.cursor;
      for (let i = consumed; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      consumed = end;
    },
  });
  const records = rows.filter((r) => r.error !== undefined || !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  const header = records[0];
  if (!header) return { line: 1, error: `empty file; expected the decisions export header ${DECISION_COLUMNS.join(',')}` };
  if (header.error) return { line: header.line, error: header.error };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const col = new Map<DecisionColumn, number>();
  for (const name of [...DECISION_COLUMNS, 'undoes'] as const) {
    const i = names.indexOf(name);
    if (i >= 0) col.set(name, i);
  }
  const missing = DECISION_COLUMNS.filter((c) => !col.has(c));
  if (missing.length) return { line: header.line, error: `not a decisions export: column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing` };

  const entries: DecisionEntry[] = [];
  const seen = new Set<number>();
  for (const row of records.slice(1)) {
    const fail = (error: string) => ({ line: row.line, error });
    if (row.error) return fail(row.error);
    if (row.cells.length !== names.length) return fail(`row has ${row.cells.length} fields, the header has ${names.length}`);
    const cell = (name: DecisionColumn) => {
      const i = col.get(name);
      return i === undefined ? '' : restoreCell(row.cells[i]!).trim();
    };
    const whole = (name: DecisionColumn, min: number): number | null | string => {
      const v = cell(name);
      if (v === '') return null;
      return /^-?\d+$/.test(v) && Number(v) >= min ? Number(v) : `${name} is not a whole number${min > 0 ? ` from ${min}` : ''}: ${v}`;
    };
    const seq = whole('seq', 1);
    if (typeof seq !== 'number') return fail(typeof seq === 'string' ? seq : 'seq is empty');
    if (seen.has(seq)) return fail(`seq ${seq} appears twice`);
    seen.add(seq);
    const time = cell('time_utc');
    const at = ISO_TIME.test(time) ? Date.parse(time) : NaN;
    if (Number.isNaN(at)) return fail(`time_utc is not an ISO 8601 time: ${time || '(empty)'}`);
    const source = cell('source');
    const orderId = cell('order_id');
    if (source === '' || orderId === '') return fail('source and order_id are required');
    const decision = cell('decision').toLowerCase();
    if (!(DECISIONS as readonly string[]).includes(decision)) return fail(`decision ${decision || '(empty)'} is not one of ${DECISIONS.join(', ')}`);
    const scoreText = cell('score');
    const score = scoreText === '' ? null : Number(scoreText);
    if (score !== null && !Number.isFinite(score)) return fail(`score is not a number: ${scoreText}`);
    const matrixVersion = whole('matrix_version', 0);
    if (typeof matrixVersion === 'string') return fail(matrixVersion);
    const undoes = whole('undoes', 1);
    if (typeof undoes === 'string') return fail(undoes);
    if (undoes !== null && decision !== 'undo') return fail(`undoes is set on a ${decision} entry`);
    entries.push({
      seq,
      orderKey: `${source}:${orderId}`,
      decision: decision as Decision,
      reasonCode: cell('reason_code'),
      // The export guards formula-like cells with ' (shared/export/csv.ts); restoreCell undoes exactly that.
      note: restoreCell(row.cells[col.get('note')!]!),
      analyst: cell('analyst'),
      at,
      score,
      matrixVersion,
      undoes,
      prevHash: '',
      hash: cell('hash'),
    });
  }
  entries.sort((x, y) => x.seq - y.seq);
  // Older exports have no undoes column: an undo reverses its order's latest decision still standing.
  const undone = new Set(entries.flatMap((e) => (e.decision === 'undo' && e.undoes !== null ? [e.undoes] : [])));
  entries.forEach((e, i) => {
    if (e.decision !== 'undo' || e.undoes !== null) return;
    for (let j = i - 1; j >= 0; j--) {
      const d = entries[j]!;
      if (d.orderKey !== e.orderKey || undone.has(d.seq) || (d.decision !== 'hold' && d.decision !== 'release' && d.decision !== 'cancel')) continue;
      e.undoes = d.seq;
      undone.add(d.seq);
      break;
    }
  });
  return { entries };
}
