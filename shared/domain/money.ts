// Money and time as analysts read them: amounts with currency, timestamps unambiguous.
import { currencyDecimals } from '../ingest/amounts';

/**
 * How numbers, money and shown dates are written: `iso` (1,234.56 and 2026-05-01, the default and
 * what every export, log and evidence file keeps), British English (01/05/2026) or German
 * (1.234,56 € and 01.05.2026). Only what a screen shows follows it; `formatDate` and
 * `formatDateTime` stay ISO for inputs, file names and machine-read text.
 */
export const DISPLAY_LOCALES = ['iso', 'en-GB', 'de-DE'] as const;
export type DisplayLocale = (typeof DISPLAY_LOCALES)[number];

let display: DisplayLocale = 'iso';
const moneyFormats = new Map<string, Intl.NumberFormat>();
let countFormat: Intl.NumberFormat | null = null;
const decimalFormats = new Map<string, Intl.NumberFormat>();

export function setDisplayLocale(locale: DisplayLocale): void {
  if (locale === display) return;
  display = locale;
  moneyFormats.clear();
  countFormat = null;
  decimalFormats.clear();
}

export function displayLocale(): DisplayLocale {
  return display;
}

/** The display locale a system's languages ask for (navigator.languages): German, British English, else ISO. */
export function localeOfSystem(languages: readonly string[]): DisplayLocale {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag === 'de' || tag.startsWith('de-')) return 'de-DE';
    if (/^en-(gb|ie|au|nz)$/.test(tag)) return 'en-GB';
    if (tag.startsWith('en')) return 'iso';
  }
  return 'iso';
}

const intlLocale = () => (display === 'iso' ? 'en-IE' : display);

export function formatMoney(minor: number, currency: string): string {
  const code = currency || 'EUR';
  let f = moneyFormats.get(code);
  if (!f) {
    try {
      f = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: code });
    } catch {
      f = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(code, f);
  }
  // Minor units as ISO 4217 counts them (what imports store): ¥1,200 is 1200, 1.234 KWD is 1234.
  return f.format(minor / 10 ** currencyDecimals(code));
}

/**
 * What one minor unit of `from` is in minor units of `to`, when one unit of `from` is worth `rate`
 * units of `to`. Rates are kept unit for unit (1 PLN = 0.23 EUR), amounts in minor units: a cent and
 * a yen are not the same step, so ¥15,000 at 0.0062 is €93.00 (9,300 cents), not 93 cents.
 */
export function minorRate(from: string, to: string, rate: number): number {
  return rate * 10 ** (currencyDecimals(to.trim().toUpperCase()) - currencyDecimals(from.trim().toUpperCase()));
}

/**
 * What one minor unit of `code` is in minor units of the reporting currency, at report rates that
 * give each currency's worth in it unit for unit: 1 for the reporting currency itself, undefined
 * for a currency without a rate. The one lookup every conversion into the reporting currency makes.
 */
export function minorRateInto(code: string, reporting: string, rates: Readonly<Record<string, number>>): number | undefined {
  if (code === reporting) return 1;
  const rate = rates[code];
  return rate === undefined ? undefined : minorRate(code, reporting, rate);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-05-01 10:00` in UTC: sortable, and the same on every analyst's laptop. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function formatDate(epochMs: number): string {
  return formatDateTime(epochMs).slice(0, 10);
}

/** A date as the display locale writes it (UTC): 2026-05-01, 01/05/2026 or 01.05.2026. */
export function showDate(epochMs: number): string {
  const iso = formatDate(epochMs);
  if (display === 'iso') return iso;
  const [y, m, d] = iso.split('-');
  return display === 'de-DE' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** A UTC time as the display locale writes it: 2026-05-01 10:00, 01/05/2026 10:00 or 01.05.2026 10:00. */
export function showDateTime(epochMs: number): string {
  return `${showDate(epochMs)} ${formatDateTime(epochMs).slice(11)}`;
}

/** Parses `YYYY-MM-DD` as the start of that UTC day; null for anything else. */
export function parseDate(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) || formatDate(t) !== value.trim() ? null : t;
}

/**
 * "1 order", "1200 orders": a count in plain digits, whatever the display setting, and its noun. For
 * text that is kept or sent, not shown: a log entry the backup's register check reads back by its
 * digits, the evidence pack's sentences to a bank.
 */
export function plainCount(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A phrase as the start of a sentence: its first letter upper case ("on hold …" → "On hold …"). */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 hub", "4 hubs", "1,200 orders": a count and its noun (plural: add an s, or say it). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** Plain numbers (counts, decimals, percentages): ISO writes them as English does, 1,234.5. */
const numberLocale = () => (display === 'iso' ? 'en-US' : display);

export function formatCount(n: number): string {
  countFormat ??= new Intl.NumberFormat(numberLocale());
  return countFormat.format(n);
}

/**
 * A number as the display locale writes it, with `digits` decimals (5.2, 5,2 in German); with
 * `fewest` below `digits`, trailing zeros down to that many go (a chart axis: 0.5, 1, 1.25).
 */
export function formatDecimal(n: number, digits: number, fewest = digits): string {
  const key = `${fewest}:${digits}`;
  let f = decimalFormats.get(key);
  if (!f) {
    // -0.04 to one decimal is 0.0, not -0.0.
    f = new Intl.NumberFormat(numberLocale(), { minimumFractionDigits: fewest, maximumFractionDigits: digits, signDisplay: 'negative' });
    decimalFormats.set(key, f);
  }
  return f.format(n);
}

/** A share (0.0123) as a percentage as the display locale writes it: `1.23 %`, `1,23 %`; '–' for none. */
export function formatPercent(share: number | null, digits = 2): string {
  return share === null ? '–' : `${formatDecimal(share * 100, digits)} %`;
}
