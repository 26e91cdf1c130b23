// Numbers typed into a number field and shown in it, as the display setting writes them: 1,5 and
// 1.500 in German, 1.5 and 1,500 in English (ISO writes numbers as English does). The browser's own
// number field drops a comma it does not expect (a German 1,5 becomes 15) and reads an emptied field
// as 0; this one reads both habits where they cannot be misread, and says why when it cannot read.
import type { DisplayLocale } from './money';

export interface NumberRules {
  /** Smallest value taken. */
  min?: number;
  /** Largest value taken. */
  max?: number;
  /** Whole numbers only (counts, days, points). */
  integer?: boolean;
}

export type NumberFieldReading = { ok: true; value: number | null } | { ok: false; problem: string };

/** The decimal mark and the thousands mark of a setting. */
function marks(locale: DisplayLocale): { decimal: string; group: string } {
  return locale === 'de-DE' ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

/** A number as the field writes it: the setting's decimal mark, no thousands marks (1500, 1,5 in German); '' for none. */
export function numberFieldText(value: number | null, locale: DisplayLocale): string {
  if (value === null || !Number.isFinite(value)) return '';
  // Twelve significant digits hide binary noise (0.1 + 0.2) without cutting a typed value.
  const plain = String(Number(value.toPrecision(12)));
  return /e/i.test(plain) ? plain : plain.replace('.', marks(locale).decimal);
}

/** The example a message shows for the setting: 1,5 or 1.5 (a whole number: 12). */
function example(locale: DisplayLocale, integer: boolean): string {
  return integer ? '12' : numberFieldText(1.5, locale);
}

/** Digits grouped in threes after a first group of one to three, not led by 0 ("12.500", "1.234.567"). */
function groupedRight(part: string, group: string): boolean {
  const groups = part.split(group);
  return /^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * What the text in a number field says: a number, null for an empty field, or why it cannot be
 * read. The setting's decimal mark is a decimal mark; the setting's thousands mark is one where it
 * groups digits in threes (1.500 in German, 1,500 in English), and a decimal mark where it cannot
 * be one (a German analyst's 1,5 in the English setting is 1.5, never 15). With both marks the
 * last is the decimal mark (1.234,5 and 1,234.5). Spaces and apostrophes group digits too.
 */
export function readNumberField(text: string, locale: DisplayLocale, rules: NumberRules = {}): NumberFieldReading {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  const integer = rules.integer === true;
  const wrong: NumberFieldReading = { ok: false, problem: `Enter a ${integer ? 'whole number' : 'number'}, e.g. ${example(locale, integer)}` };
  const m = /^([+\-−]?)([\d.,\s'’\u00a0\u202f]+)$/.exec(t);
  if (!m) return wrong;
  const negative = m[1] === '-' || m[1] === '−';
  const body = m[2]!.replace(/[\s'’\u00a0\u202f]/g, '');
  if (!/\d/.test(body)) return wrong;
  const { group } = marks(locale);
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let whole = body;
  let fraction = '';
  if (lastComma !== -1 && lastDot !== -1) {
    // Both marks: the last one is the decimal mark, the other groups.
    const mark = lastComma > lastDot ? ',' : '.';
    const at = body.lastIndexOf(mark);
    whole = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (!groupedRight(whole, mark === ',' ? '.' : ',')) return wrong;
    whole = whole.replace(/[.,]/g, '');
  } else if (lastComma !== -1 || lastDot !== -1) {
    const mark = lastComma !== -1 ? ',' : '.';
    const count = body.split(mark).length - 1;
    if (count > 1 || (mark === group && groupedRight(body, mark))) {
      // Several of one mark, or the setting's thousands mark before three digits: thousands.
      if (!groupedRight(body, mark)) return wrong;
      whole = body.split(mark).join('');
    } else {
      // The setting's decimal mark, or the thousands mark where it cannot group (1,5 in English).
      [whole, fraction] = body.split(mark) as [string, string];
    }
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return wrong;
  const value = (negative ? -1 : 1) * Number(`${whole || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return wrong;
  // A whole number written with decimals (1.000 in English is one, to a German reader a thousand) is no whole number typed.
  if (integer && (fraction !== '' || !Number.isInteger(value))) return { ok: false, problem: `Enter a whole number, e.g. ${example(locale, true)}` };
  const { min, max } = rules;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `from ${numberFieldText(min, locale)} to ${numberFieldText(max, locale)}`
        : min !== undefined
          ? `of at least ${numberFieldText(min, locale)}`
          : `of at most ${numberFieldText(max!, locale)}`;
    return { ok: false, problem: `Enter a ${integer ? 'whole number' : 'number'} ${range}` };
  }
  // -0 reads as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Whether the text may be a number still being typed (a sign, or a mark with nothing after it yet):
 * the field waits for more before it says the text is wrong or takes it.
 */
export function typingOn(text: string): boolean {
  return /^[+\-−]?$|[.,]$/.test(text.trim());
}

/** The decimal mark of a setting, for a field's hint. */
export function decimalMark(locale: DisplayLocale): string {
  return marks(locale).decimal;
}
