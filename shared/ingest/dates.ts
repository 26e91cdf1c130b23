// Timestamps as exports write them, to epoch ms (UTC): `2026-05-01 10:00:00 +0200` (Shopify),
// ISO 8601, `01.05.2026 10:00` (German Excel), zone-less Stripe UTC, epoch seconds or millis.
import { timeZoneNamed, UTC_ZONE, type TimeZone } from '../time/zones';

/** How to read a time written without an offset: a zone from Intl (shared/time/zones.ts). */
export type { TimeZone } from '../time/zones';
export { timeZoneNamed, timeZoneProblem } from '../time/zones';

export const UTC: TimeZone = UTC_ZONE;
/** Europe/Berlin, the zone German exports and `CET` mean. */
export const CENTRAL_EUROPE: TimeZone = timeZoneNamed('CET')!;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads a timestamp; NaN when the text is not one of the understood shapes or not a real date. */
/**
 * Which of the first two fields of a short numeric date (`4/18/15`, `18.04.2015`) is the day:
 * `DMY` (Europe) or `MDY` (US). Four-digit first fields are always year-first. See dateOrder.ts
 * for how a column's order is settled from its values.
 */
export type DateOrder = 'DMY' | 'MDY';

/**
 * The year two-digit years are read near when the reader is given none: fixed, not the wall clock,
 * so a file reads the same on every machine and in every test. The app passes its clock's year.
 */
export const TWO_DIGIT_YEAR_REFERENCE = 2026;

/**
 * The full year of a two-digit year: the one in the 100 years up to 20 years after `referenceYear`
 * (`31.12.99` is 1999: exports hold past dates and near-future deadlines, not dates in 2099).
 */
export function fullYearOf(twoDigits: number, referenceYear: number): number {
  const year = referenceYear - (referenceYear % 100) + twoDigits;
  if (year > referenceYear + 20) return year - 100;
  if (year <= referenceYear - 80) return year + 100;
  return year;
}

export function parseTimestamp(raw: string, naive: TimeZone, order: DateOrder = 'DMY', referenceYear = TWO_DIGIT_YEAR_REFERENCE): number {
  const s = raw.trim();
  const n = s.length;
  if (n === 0) return NaN;
  let i = 0;
  const num = (maxLen: number): number => {
    let v = 0;
    let len = 0;
    while (i < n && len < maxLen) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
      len++;
    }
    return len === 0 ? -1 : v;
  };
  const first = num(13);
  const firstLen = i;
  if (i === n && (firstLen === 10 || firstLen === 13)) return firstLen === 10 ? first * 1000 : first;
  let year: number;
  let month: number;
  let day: number;
  if (firstLen === 4 && (s[i] === '-' || s[i] === '/')) {
    const sep = s[i++];
    year = first;
    month = num(2);
    if (s[i++] !== sep) return NaN;
    day = num(2);
  } else if ((firstLen === 1 || firstLen === 2) && (s[i] === '.' || s[i] === '/' || s[i] === '-')) {
    const sep = s[i++];
    const second = num(2);
    if (order === 'DMY') {
      day = first;
      month = second;
    } else {
      month = first;
      day = second;
    }
    if (s[i++] !== sep) return NaN;
    const start = i;
    year = num(4);
    if (i - start === 2) year = fullYearOf(year, referenceYear);
    else if (i - start !== 4) return NaN;
  } else {
    return NaN;
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return NaN;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  if (i < n && (s[i] === 'T' || s[i] === ' ' || s[i] === ',')) {
    while (i < n && (s[i] === 'T' || s[i] === ' ' || s[i] === ',')) i++;
    if (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      hour = num(2);
      if (s[i++] !== ':') return NaN;
      minute = num(2);
      if (minute < 0) return NaN;
      if (s[i] === ':') {
        i++;
        second = num(2);
        if (second < 0) return NaN;
        if (s[i] === '.' || s[i] === ',') {
          i++;
          const start = i;
          const frac = num(9);
          if (frac < 0) return NaN;
          millis = Math.floor(frac / 10 ** Math.max(0, i - start - 3)) * 10 ** Math.max(0, 3 - (i - start));
        }
      }
      // 12-hour times (`2:47 PM`, `12:05 am`), as US exports write them.
      let j = i;
      while (j < n && s[j] === ' ') j++;
      const ap = s.slice(j, j + 2).toLowerCase();
      if ((ap === 'am' || ap === 'pm') && (j + 2 === n || s[j + 2] === ' ')) {
        if (hour < 1 || hour > 12) return NaN;
        hour = (hour % 12) + (ap === 'pm' ? 12 : 0);
        i = j + 2;
      }
      if (hour > 23 || minute > 59 || second > 60) return NaN;
    }
  }
  // Date.UTC reads years 0-99 as 1900-1999: such a year is computed 400 years (146,097 days, a
  // whole Gregorian cycle) later and moved back, so 0026-05-01 is not stored as 1926.
  const local =
    year < 100
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - 146_097 * 86_400_000
      : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  while (i < n && s[i] === ' ') i++;
  if (i === n) return naive.instantOf(local);
  const c = s[i];
  if (c === '+' || c === '-') {
    i++;
    const start = i;
    const hh = num(2);
    if (hh < 0 || i - start !== 2) return NaN;
    let mm = 0;
    if (s[i] === ':') i++;
    if (i < n) {
      const mStart = i;
      mm = num(2);
      if (i - mStart !== 2) return NaN;
    }
    if (i !== n || hh > 14 || mm > 59) return NaN;
    const offset = (hh * 60 + mm) * (c === '+' ? 1 : -1);
    return local - offset * 60_000;
  }
  const zone = timeZoneNamed(s.slice(i));
  return zone ? zone.instantOf(local) : NaN;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DATE_ORDER_WORDS: Record<DateOrder, string> = { DMY: 'day/month/year', MDY: 'month/day/year' };

/** Days in `month` (1-12) of `year`: February has 29 in a leap year. */
export function daysInMonth(month: number, year: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * What is wrong with a value shaped like a date whose day or month cannot exist (`31/13/2026`:
 * "month 13 does not exist (31/13/2026, read as day/month/year)"), short dates read in `order`;
 * null when it is no such value, and the caller names the shapes it reads. A wrong value is
 * easier to fix when named.
 */
export function impossibleDate(raw: string, order: DateOrder = 'DMY'): string | null {
  const s = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  let how = '';
  const iso = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(s);
  const short = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/.exec(s);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
  else if (short) {
    const [a, b] = [Number(short[1]), Number(short[3])];
    [day, month] = order === 'DMY' ? [a, b] : [b, a];
    year = short[4]!.length === 2 ? fullYearOf(Number(short[4]), TWO_DIGIT_YEAR_REFERENCE) : Number(short[4]);
    how = `, read as ${DATE_ORDER_WORDS[order]}`;
  } else return null;
  // What is wrong first, then the value as read: "month 13 does not exist (31/13/2026, read as day/month/year)".
  const wrong = (what: string) => `${what} (${(iso ?? short)![0]}${how})`;
  if (month < 1 || month > 12) return wrong(`month ${month} does not exist`);
  if (day < 1) return wrong(`day ${day} does not exist`);
  if (day > 31) return wrong(`day ${day} does not exist`);
  // February names its year: whether it has a 29th depends on it.
  const most = daysInMonth(month, year);
  if (day > most) return wrong(`${MONTH_NAMES[month - 1]}${month === 2 ? ` ${year}` : ''} has only ${most} days`);
  return null;
}
