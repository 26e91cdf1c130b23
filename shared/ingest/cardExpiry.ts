// Card expiries as exports and spreadsheets write them, to `MM/YY`: `05/27`, `0527`, `2027-05`, and
// the dates Excel turns them into (`12/1/2027`, `2027-12-01`, `Dec-27`) when a month and year are certain.
import { daysInMonth } from './dates';

/** `MM/YY` from a month (`5`, `05`) and a year (`2027`, `27`); '' if either is not a valid value. */
export function expiryOf(month: string, year: string): string {
  const m = Number(month.trim());
  const yText = year.trim();
  if (!Number.isInteger(m) || m < 1 || m > 12 || !/^\d{2}(\d{2})?$/.test(yText)) return '';
  return `${String(m).padStart(2, '0')}/${yText.slice(-2)}`;
}

// English and German month names as Excel prints them (`Dec-27`, `Dez 27`, `März 2027`).
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};

function monthNamed(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const n = MONTHS[w.slice(0, 3)];
  if (n === undefined) return 0;
  // `Dec`, `Dez.`, `December`, `Sept`: an abbreviation or the word itself, not any word sharing three letters.
  return w.length <= 4 ||
    /^(january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember)$/.test(w)
    ? n
    : 0;
}

/**
 * The month of a short date `a/b/y` that stands for an expiry, or 0 when it is not certain. Either
 * field could be the day (US or European spreadsheet); a reading counts only as a first or last
 * day of its month (Excel writes `12/27` as 1 December 2027, some systems as 31 December), and
 * only when one reading remains is the month certain.
 */
function expiryMonthOfShortDate(a: number, b: number, year: number): number {
  const valid = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
  const edge = (month: number, day: number) => day === 1 || day === daysInMonth(month, year);
  // Only a first or last day of a month is an expiry a spreadsheet rewrote: `05/27` typed into US
  // Excel becomes 27 May of this year, whose month and year are not the card's at all.
  const monthFirst = valid(a, b) && edge(a, b);
  const dayFirst = valid(b, a) && edge(b, a);
  if (monthFirst && !dayFirst) return a;
  if (dayFirst && !monthFirst) return b;
  return monthFirst && a === b ? a : 0;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

// A time of day Excel may print after a date (`2027-12-01 00:00:00`, `12/1/2027 12:00:00 AM`).
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?`;
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const YEAR_MONTH = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/;
const MMYY = /^(\d{2})(\d{2})$/;
const ISO_DATE = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const SHORT_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`);
const NAMED_MONTH = /^([A-Za-zÄäÖöÜü]{3,9}\.?)[\s/.-]*(\d{2}|\d{4})$/;

/**
 * `MM/YY` from one cell: `05/27`, `5/2027`, `2027-05`, `0527`, and the forms Excel rewrites an expiry
 * into when a month and year are certain (`12/1/2027`, `01.12.2027`, `2027-12-01`, `Dec-27`,
 * `December 2027`); '' for anything else (`5/6/2027`: which field is the month?).
 */
export function expiryFromText(value: string): string {
  const s = value.trim();
  let m = MONTH_YEAR.exec(s);
  if (m) return expiryOf(m[1]!, m[2]!);
  m = YEAR_MONTH.exec(s);
  if (m) return expiryOf(m[2]!, m[1]!);
  m = MMYY.exec(s);
  if (m) return expiryOf(m[1]!, m[2]!);
  m = ISO_DATE.exec(s);
  if (m) {
    const month = Number(m[3]);
    const day = Number(m[4]);
    const year = Number(m[1]);
    const edge = day === 1 || day === daysInMonth(month, year);
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year) && edge ? expiryOf(String(month), m[1]!) : '';
  }
  m = SHORT_DATE.exec(s);
  if (m) {
    const month = expiryMonthOfShortDate(Number(m[1]), Number(m[3]), fullYear(m[4]!));
    return month === 0 ? '' : expiryOf(String(month), m[4]!);
  }
  m = NAMED_MONTH.exec(s);
  if (m) {
    const month = monthNamed(m[1]!);
    return month === 0 ? '' : expiryOf(String(month), m[2]!);
  }
  return '';
}
