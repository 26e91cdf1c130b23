// Money and time as analysts read them: amounts with currency, timestamps unambiguous.

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string): string {
  const code = currency || 'EUR';
  let f = moneyFormats.get(code);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-IE', { style: 'currency', currency: code });
    } catch {
      f = new Intl.NumberFormat('en-IE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(code, f);
  }
  return f.format(minor / 100);
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

/** Parses `YYYY-MM-DD` as the start of that UTC day; null for anything else. */
export function parseDate(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) || formatDate(t) !== value.trim() ? null : t;
}

/** "1 hub", "4 hubs", "1,200 orders": a count and its noun (plural: add an s, or say it). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
