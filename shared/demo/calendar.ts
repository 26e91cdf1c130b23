// When orders happen: one year of hourly buckets ending at "now", shaped by German shopping
// habits (evening peaks, Sunday high, Black Week and Christmas, a quiet Christmas Eve).

import { panSafeTime } from './pan-guard';
import { rngFor } from './prng';
import { STREAM } from './streams';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365;
export const YEAR_HOURS = YEAR_DAYS * 24;

export interface Calendar {
  /** Epoch ms where the year starts (exclusive end is `now`). */
  start: number;
  now: number;
  /** Orders per hour bucket. */
  counts: Int32Array;
  /** Index of the first order in each bucket; `firstIndex[YEAR_HOURS]` is the total. */
  firstIndex: Int32Array;
}

// Local hour 0..23, Europe/Berlin.
const INTRADAY = [0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.05, 1.1, 1.05, 1.0, 1.0, 1.05, 1.15, 1.3, 1.5, 1.6, 1.5, 1.1, 0.65];
// Sunday first, as Date#getUTCDay counts.
const WEEKDAY = [1.12, 1.08, 1.0, 0.98, 0.96, 0.9, 0.82];
const MONTH = [0.95, 0.85, 0.95, 0.95, 1.0, 0.95, 0.9, 0.9, 0.95, 1.05, 1.2, 1.3];

/** Berlin is UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
export function berlinOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = lastSundayUtc(year, 2) + HOUR_MS;
  const end = lastSundayUtc(year, 9) + HOUR_MS;
  return utcMs >= start && utcMs < end ? 2 * HOUR_MS : HOUR_MS;
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/** Black Friday: the day after the fourth Thursday of November. */
function blackFriday(year: number): { month: number; day: number } {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return { month: 10, day: firstThursday + 21 + 1 };
}

/** Relative demand of one local calendar day (season, Black Week, Christmas, January sales). */
function dayFactor(year: number, month: number, day: number, weekday: number): number {
  let f = (MONTH[month] as number) * (WEEKDAY[weekday] as number);
  const bf = blackFriday(year);
  const sinceBf = Math.round((Date.UTC(year, month, day) - Date.UTC(year, bf.month, bf.day)) / DAY_MS);
  if (sinceBf >= -4 && sinceBf <= -1) f *= 1.5;
  else if (sinceBf === 0) f *= 3.2;
  else if (sinceBf === 1) f *= 2.0;
  else if (sinceBf === 2) f *= 1.8;
  else if (sinceBf === 3) f *= 2.5; // Cyber Monday
  if (month === 11) {
    if (day <= 18) f *= 1.3;
    else if (day <= 21) f *= 1.05;
    else if (day <= 23) f *= 0.8;
    else if (day === 24) f *= 0.45;
    else if (day <= 26) f *= 0.55;
    else f *= 1.1;
  }
  if (month === 0 && day >= 2 && day <= 10) f *= 1.15;
  return f;
}

export function planCalendar(orders: number, now: number, seed: number): Calendar {
  const start = now - YEAR_HOURS * HOUR_MS;
  const weights = new Float64Array(YEAR_HOURS);
  const dayNoise = rngFor(seed, STREAM.calendar, 0);
  let noise = 1;
  let lastDayKey = -1;
  let total = 0;
  for (let h = 0; h < YEAR_HOURS; h++) {
    const t = start + h * HOUR_MS + HOUR_MS / 2;
    const local = new Date(t + berlinOffsetMs(t));
    const dayKey = local.getUTCFullYear() * 400 + local.getUTCMonth() * 32 + local.getUTCDate();
    if (dayKey !== lastDayKey) {
      noise = Math.exp(0.08 * dayNoise.normal());
      lastDayKey = dayKey;
    }
    const trend = 0.9 + (0.2 * h) / YEAR_HOURS;
    const w =
      dayFactor(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCDay()) * (INTRADAY[local.getUTCHours()] as number) * trend * noise;
    weights[h] = w;
    total += w;
  }
  const counts = new Int32Array(YEAR_HOURS);
  const firstIndex = new Int32Array(YEAR_HOURS + 1);
  let cumulative = 0;
  let previous = 0;
  for (let h = 0; h < YEAR_HOURS; h++) {
    cumulative += weights[h] as number;
    const upTo = h === YEAR_HOURS - 1 ? orders : Math.min(orders, Math.round((orders * cumulative) / total));
    counts[h] = upTo - previous;
    firstIndex[h] = previous;
    previous = upTo;
  }
  firstIndex[YEAR_HOURS] = orders;
  return { start, now, counts, firstIndex };
}

/** The sorted order times (whole seconds, never Luhn-valid) of one hour bucket. */
export function hourTimes(cal: Calendar, hour: number, seed: number): Float64Array {
  const count = cal.counts[hour] as number;
  const times = new Float64Array(count);
  if (count === 0) return times;
  const from = Math.ceil((cal.start + hour * HOUR_MS) / 1000) * 1000;
  const to = Math.min(cal.start + (hour + 1) * HOUR_MS, cal.now);
  const seconds = Math.max(1, Math.floor((to - from) / 1000));
  const rng = rngFor(seed, STREAM.hourTimes, hour);
  for (let i = 0; i < count; i++) {
    let t = panSafeTime(from + rng.int(seconds) * 1000);
    if (t >= to) t = panSafeTime(from);
    times[i] = t;
  }
  times.sort();
  return times;
}

/** The hour bucket holding epoch ms `t`, clamped to the year. */
export function hourOf(cal: Calendar, t: number): number {
  return Math.min(YEAR_HOURS - 1, Math.max(0, Math.floor((t - cal.start) / HOUR_MS)));
}
