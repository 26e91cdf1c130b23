// Which order a column writes its dates in, settled from its values, never guessed silently:
// a first field over 12 says day-first, a second field over 12 says month-first, a four-digit
// first field says year-first. A column whose values never say keeps the format's order (or the
// analyst's), and the import card names the order used and why.
import { DATE_ORDER_WORDS, fullYearOf, TWO_DIGIT_YEAR_REFERENCE, type DateOrder } from './dates';

/** What one value says about its column's order: null when it says nothing (`4/5/15`, ISO). */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const m = /^\s*(\d{1,2})([./-])(\d{1,2})\2\d{2,4}\b/.exec(raw);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'DMY';
  if (b > 12 && a <= 12) return 'MDY';
  return null;
}

const SHORT_DATE = /^\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/;

/** A slashed or dashed short date (`4/5/15`, `05-04-2026`), whose day/month order its column must settle. */
export function isShortDate(raw: string): boolean {
  return SHORT_DATE.test(raw);
}

/** A dotted date (`01.05.2026`) is day-first by the convention of every country that writes it. */
export function isDotted(raw: string): boolean {
  return /^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\b/.test(raw);
}

export interface SettledOrder {
  order: DateOrder;
  /**
   * `values`: the column's own values said so; `file`: its own values did not, another date column
   * of the same file did (one export, one system writing its dates); `zone`: the rows' time zones
   * are all of the United States, where dates are written month first; `format`: the format or the
   * analyst chose it; `dots`; `default`.
   */
  by: 'values' | 'file' | 'zone' | 'format' | 'dots' | 'default';
  /** The first value that settled it, and its line (for `values` and `file`; for `zone`, the time zone). */
  example?: { value: string; line: number };
  /** For `file`: the header of the column whose values settled it. */
  from?: string;
}

/** Votes of one column's values, fed row by row until the order is settled. */
export class DateOrderVote {
  private first: { DMY?: { value: string; line: number }; MDY?: { value: string; line: number } } = {};
  private readonly count = { DMY: 0, MDY: 0 };
  private dots = false;
  private seen = false;
  /** Short dates with / or - whose order is open (`4/5/15`): only these are worth waiting for. */
  private open = false;

  add(raw: string, line: number): void {
    if (raw === '') return;
    this.seen = true;
    if (!this.dots && isDotted(raw)) this.dots = true;
    const e = dateOrderEvidence(raw);
    if (!e) {
      if (!this.open && !isDotted(raw) && SHORT_DATE.test(raw)) this.open = true;
      return;
    }
    this.count[e]++;
    this.first[e] ??= { value: raw.trim(), line };
  }

  /**
   * True once a value said which order, or when nothing is open: ISO dates, timestamps and dotted
   * dates (day-first by convention) need no waiting; slashed or dashed short dates do.
   */
  get decided(): boolean {
    return this.first.DMY !== undefined || this.first.MDY !== undefined || !this.open;
  }

  /**
   * The column's order: what most of its values said (ties: the first to say it; the values that
   * contradict it are quarantined row by row), else the format's, else day-first for dotted dates,
   * else `fallback`.
   */
  settle(formatOrder: DateOrder | undefined, fallback: DateOrder): SettledOrder | null {
    // null: nothing to say (no values, or no short dates at all).
    if (!this.seen) return null;
    const dmy = this.first.DMY;
    const mdy = this.first.MDY;
    if (dmy || mdy) {
      const { DMY: d, MDY: m } = this.count;
      const order: DateOrder = d > m || (d === m && dmy!.line <= mdy!.line) ? 'DMY' : 'MDY';
      return { order, by: 'values', example: (order === 'DMY' ? dmy : mdy)! };
    }
    if (!this.open && !this.dots) return null; // ISO dates or timestamps: no order to settle
    if (formatOrder) return { order: formatOrder, by: 'format' };
    if (this.dots) return { order: 'DMY', by: 'dots' };
    return { order: fallback, by: 'default' };
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "4/18/15 → 18 Apr 2015" for the wizard and the import card; the value alone if it is no short date. */
export function dateOrderExample(raw: string, order: DateOrder): string {
  const m = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})\b/.exec(raw);
  if (!m) return raw.trim();
  const [a, b] = [Number(m[1]), Number(m[3])];
  const [day, month] = order === 'DMY' ? [a, b] : [b, a];
  const year = m[4]!.length === 2 ? fullYearOf(Number(m[4]), TWO_DIGIT_YEAR_REFERENCE) : Number(m[4]);
  if (month < 1 || month > 12) return raw.trim();
  return `${raw.trim().split(/\s+/)[0]} → ${day} ${MONTHS[month - 1]} ${year}`;
}

export { DATE_ORDER_WORDS };

/** Why a value cannot be read in its column's order: "18/4/15 is day-first, but …"; null when it fits. */
export function dateOrderConflict(raw: string, order: DateOrder): string | null {
  const e = dateOrderEvidence(raw);
  if (!e || e === order) return null;
  return `${raw.trim()} can only be ${DATE_ORDER_WORDS[e]}, but this column's dates are ${DATE_ORDER_WORDS[order]}`;
}
