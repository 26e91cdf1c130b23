// Dates typed into a date field and shown in it, as the display setting writes them: 03.04.2026 in
// German, 3 Apr 2026 in British English (01/05/2026 reads as January to an American), ISO otherwise.
// A form another setting uses is read when it cannot be misread; a slashed date that could be
// either day or month first is refused with both readings, never guessed. All times are UTC.
import type { DisplayLocale } from '../domain/money';

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Month names and abbreviations, English and German, lower case: `apr`, `april`, `mär`, `mrz`, `okt`, `dezember`. */
const MONTH_WORDS = new Map<string, number>();
[
  ['jan', 'january', 'januar', 'jän', 'jänner'],
  ['feb', 'february', 'februar'],
  ['mar', 'march', 'mär', 'märz', 'mrz'],
  ['apr', 'april'],
  ['may', 'mai'],
  ['jun', 'june', 'juni'],
  ['jul', 'july', 'juli'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october', 'okt', 'oktober'],
  ['nov', 'november'],
  ['dec', 'december', 'dez', 'dezember'],
].forEach((words, m) => words.forEach((w) => MONTH_WORDS.set(w, m + 1)));

/** The first year a date field takes: no order, payment or dispute is older (and Date.UTC reads 0-99 as 19xx). */
const FIRST_YEAR = 1900;
const pad = (n: number) => String(n).padStart(2, '0');
/** The example every hint and message shows: 3 April 2026, which reads wrongly month first. */
const EXAMPLE = Date.UTC(2026, 3, 3, 14, 30);

/** How the field writes a date (and with `withTime` its UTC time): `03.04.2026`, `3 Apr 2026`, `2026-04-03 14:30`. */
export function dateFieldText(at: number, locale: DisplayLocale, withTime = false): string {
  const d = new Date(at);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const date = locale === 'de-DE' ? `${pad(day)}.${pad(m)}.${y}` : locale === 'en-GB' ? `${day} ${MONTHS[m - 1]} ${y}` : `${y}-${pad(m)}-${pad(day)}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** The form the field asks for, as its placeholder and hint say it: `dd.mm.yyyy`, `d Mon yyyy`, `yyyy-mm-dd`. */
export function dateFieldHint(locale: DisplayLocale, withTime = false): string {
  const date = locale === 'de-DE' ? 'dd.mm.yyyy' : locale === 'en-GB' ? 'd Mon yyyy' : 'yyyy-mm-dd';
  return withTime ? `${date} hh:mm` : date;
}

/** The hint with an example: `dd.mm.yyyy, e.g. 03.04.2026`. */
function asked(locale: DisplayLocale, withTime: boolean): string {
  return `${dateFieldHint(locale, withTime)}, e.g. ${dateFieldText(EXAMPLE, locale, withTime)}`;
}

export type DateFieldReading = { ok: true; at: number | null } | { ok: false; problem: string };

/** A day that exists, at `hour`:`minute` UTC; null for 31.02. or a 25th hour. */
function utc(y: number, m: number, d: number, hour = 0, minute = 0): number | null {
  if (m < 1 || m > 12 || d < 1 || hour > 23 || minute > 59) return null;
  const at = Date.UTC(y, m - 1, d, hour, minute);
  return new Date(at).getUTCDate() === d ? at : null;
}

/**
 * What the text in a date field says: a time (epoch ms, UTC; the day's start without a time), null
 * for an empty field, or why it cannot be read. Every setting reads ISO (`2026-04-03`, with a time
 * `2026-04-03 14:30` or `2026-04-03T14:30`) and a month by name (`3 Apr 2026`, `3. April 2026`);
 * German reads `3.4.2026`, British English `3/4/2026`.
 */
export function readDateField(text: string, locale: DisplayLocale, withTime = false): DateFieldReading {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { ok: true, at: null };
  const wrong: DateFieldReading = { ok: false, problem: `Write the date as ${asked(locale, withTime)}` };
  const timed = /^(.*?)(?:[ T](\d{1,2}):(\d{2}))?$/.exec(t)!;
  const [datePart, hh, mm] = [timed[1]!, timed[2], timed[3]];
  if (hh !== undefined && !withTime) return wrong;
  const hour = hh === undefined ? 0 : Number(hh);
  const minute = mm === undefined ? 0 : Number(mm);
  let ymd: [number, number, number] | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(datePart))) ymd = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{1,2})\.? ([a-zäö]+)\.? (\d{4})$/i.exec(datePart))) {
    const month = MONTH_WORDS.get(m[2]!.toLowerCase());
    if (month === undefined) return wrong;
    ymd = [+m[3]!, month, +m[1]!];
  } else if ((m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/.exec(datePart))) {
    const [day, sep, month, year] = [+m[1]!, m[2]!, +m[3]!, +m[4]!];
    // Dots are German, day first, everywhere; slashes are day first only where the setting says so.
    if (sep === '.' || locale === 'en-GB') ymd = [year, month, day];
    else if (day <= 12 && month <= 12 && day !== month)
      return {
        ok: false,
        problem: `${datePart} could be ${day} ${MONTH_NAMES[month - 1]} or ${month} ${MONTH_NAMES[day - 1]}: write it as ${asked(locale, withTime)}`,
      };
    else return wrong;
  }
  if (!ymd) return wrong;
  // Date.UTC would read 0026 as 1926: a year written short or mistyped is refused, never shifted.
  if (ymd[0] < FIRST_YEAR) return { ok: false, problem: `${datePart} is in the year ${ymd[0]}: write the year in full, as ${asked(locale, withTime)}` };
  const at = utc(ymd[0], ymd[1], ymd[2], hour, minute);
  if (at === null)
    return { ok: false, problem: hh !== undefined && utc(ymd[0], ymd[1], ymd[2]) !== null ? `No such time: ${hh}:${mm}` : `No such day: ${datePart}` };
  return { ok: true, at };
}

/**
 * Whether the text is typed to its end (a four-digit year last, a two-digit day after an ISO month,
 * two-digit minutes): the field takes it while the analyst types, not at `2026-04-1` on the way to
 * `2026-04-15`; anything else it takes on Enter or on leaving the field.
 */
export function typedToTheEnd(text: string, withTime = false): boolean {
  const t = text.trim();
  return withTime ? /\d:\d{2}$/.test(t) : /(\d{4}|-\d{2})$/.test(t);
}

/** A day later or earlier (the arrow keys), keeping the time. */
export function stepDay(at: number, days: number): number {
  return at + days * DAY;
}
