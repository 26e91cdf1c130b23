// The deadline view: disputes still awaiting a response, overdue first, then due within 48 hours,
// then the rest by due date; closed ones and those with no response allowed last.
import { isDecided, type Dispute } from '../domain/dispute';
import { showDateTime } from '../domain/money';

export const URGENCIES = ['overdue', 'due-48h', 'open', 'no-deadline', 'closed'] as const;
export type Urgency = (typeof URGENCIES)[number];

const HOUR_MS = 3_600_000;

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

/** "overdue by 2 d 3 h", "in 31 h", "in 12 d", "—". */
export function countdown(dueAt: number, now: number): string {
  if (!dueAt) return '—';
  const ms = dueAt - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / (24 * HOUR_MS));
  const hours = Math.floor((abs % (24 * HOUR_MS)) / HOUR_MS);
  const span = abs < 48 * HOUR_MS ? `${Math.floor(abs / HOUR_MS)} h` : `${days} d${hours ? ` ${hours} h` : ''}`;
  return ms < 0 ? `overdue by ${span}` : `in ${span}`;
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
