// The deadline view: disputes still awaiting a response, overdue first, then due within 48 hours,
// then the rest by due date; closed ones and those with no response allowed last.
import { isDecided, type Dispute } from '../domain/dispute';
import { showDateTime } from '../domain/money';

export const URGENCIES = ['overdue', 'due-48h', 'open', 'no-deadline', 'closed'] as const;
export type Urgency = (typeof URGENCIES)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Submitted disputes wait on the network, not on us: their deadline has been met. */
export function urgencyOf(d: Pick<Dispute, 'status' | 'dueAt'>, now: number): Urgency {
  if (isDecided(d.status) || d.status === 'submitted') return 'closed';
  if (!d.dueAt) return 'no-deadline';
  if (d.dueAt < now) return 'overdue';
  if (d.dueAt - now <= 48 * HOUR_MS) return 'due-48h';
  return 'open';
}

export function byDeadline<D extends Pick<Dispute, 'status' | 'dueAt' | 'openedAt' | 'id'>>(disputes: readonly D[], now: number): D[] {
  const rank = (d: D) => URGENCIES.indexOf(urgencyOf(d, now));
  return [...disputes].sort((a, b) => rank(a) - rank(b) || (a.dueAt || Infinity) - (b.dueAt || Infinity) || b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
}

/**
 * "in 31 h", "in 12 d", "overdue by 18 h 59 min", "overdue by 31 h", "overdue by 2 d 4 h", "—". The time left is
 * rounded down (never promises more time than there is); the time overdue is never understated:
 * under a day in hours and minutes (18 h 59 min past is not "18 h"), from a day on a part hour
 * counts as a whole one.
 */
export function countdown(dueAt: number, now: number): string {
  if (!dueAt) return '—';
  const ms = dueAt - now;
  if (ms < 0) return `overdue by ${overdueSpan(-ms)}`;
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  return `in ${ms < 48 * HOUR_MS ? `${Math.floor(ms / HOUR_MS)} h` : `${days} d${hours ? ` ${hours} h` : ''}`}`;
}

/** A time past a deadline, rounded up: to the minute under a day, to the hour from then on (in hours up to 48, as the time left). */
function overdueSpan(ms: number): string {
  if (ms < DAY_MS) {
    const minutes = Math.ceil(ms / MINUTE_MS);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.ceil(ms / HOUR_MS);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/**
 * A deadline as a detail shows it, "2026-06-10 06:59 UTC (in 18 h)": the app shows UTC, and says
 * so, since a bare time reads as the analyst's own clock (hours off in Auckland or Los Angeles).
 */
export function respondByText(dueAt: number, now: number): string {
  return `${showDateTime(dueAt)} UTC (${countdown(dueAt, now)})`;
}

/**
 * A dispute's deadline in its detail: counted down only while an answer is awaited. Once answered,
 * accepted or decided the deadline no longer runs, and a countdown ("in 29 h") would say it still
 * does; the day it was due is kept, as the record of what was asked.
 */
export function deadlineText(d: Pick<Dispute, 'status' | 'dueAt'>, now: number): string {
  if (!d.dueAt) return 'no response allowed';
  if (urgencyOf(d, now) !== 'closed') return `respond by ${respondByText(d.dueAt, now)}`;
  const due = `${showDateTime(d.dueAt)} UTC`;
  return d.status === 'accepted' ? `accepted, not contested (a response was due by ${due})` : `a response was due by ${due}`;
}
