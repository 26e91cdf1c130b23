// Report periods in UTC: ISO weeks (Monday to Monday, labelled by ISO week-year, e.g. 2026-W48)
// and calendar months. A chosen date range is widened to whole periods so every bar of a trend
// covers the same span, and the previous period is the same number of periods just before it.

export type PeriodKind = 'week' | 'month';

export interface PeriodSpan {
  label: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday. */
const MONDAY_0 = 4 * DAY;

export function periodStart(kind: PeriodKind, t: number): number {
  if (kind === 'week') return Math.floor((t - MONDAY_0) / WEEK) * WEEK + MONDAY_0;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function nextPeriod(kind: PeriodKind, start: number): number {
  if (kind === 'week') return start + WEEK;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function previousStart(kind: PeriodKind, start: number): number {
  if (kind === 'week') return start - WEEK;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
}

export function periodLabel(kind: PeriodKind, start: number): string {
  const d = new Date(start);
  if (kind === 'month') return d.toISOString().slice(0, 7);
  // ISO week-year: the year of the week's Thursday.
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The whole periods covering [from, to), oldest first. */
export function periodsCovering(kind: PeriodKind, from: number, to: number): PeriodSpan[] {
  if (!(to > from)) throw new RangeError('The report range must end after it starts');
  const out: PeriodSpan[] = [];
  for (let s = periodStart(kind, from); s < to; s = nextPeriod(kind, s)) {
    out.push({ label: periodLabel(kind, s), from: s, to: nextPeriod(kind, s) });
    if (out.length > 1000) throw new RangeError('The report range covers more than 1000 periods; choose a shorter range or months');
  }
  return out;
}

/** The same number of periods immediately before `periods`. */
export function previousPeriods(kind: PeriodKind, periods: readonly PeriodSpan[]): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  let s = periods[0]!.from;
  for (let i = 0; i < periods.length; i++) {
    const p = previousStart(kind, s);
    out.unshift({ label: periodLabel(kind, p), from: p, to: s });
    s = p;
  }
  return out;
}

/** Index of the period holding `t` (periods sorted, contiguous), or -1. */
export function periodIndex(starts: Float64Array, end: number, t: number): number {
  if (t < starts[0]! || t >= end) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
