// Card summaries to link values: the provider's fingerprint identifies the card itself; without it,
// BIN + last 4 + expiry is a weaker stand-in (different cards can share all three).

/** `MM/YY` from "3/27", "03/2027", "0327", "03-27"; null when it is not a month and year. */
export function normaliseExpiry(raw: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.\- ]?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  return `${String(month).padStart(2, '0')}/${(m[2] as string).slice(-2)}`;
}

/** Card summary value `BIN6|last4|MM/YY`; 8-digit BINs are cut to 6 so both report styles agree. */
export function cardSummaryValue(bin: string, last4: string, expiry: string): string | null {
  const b = bin.replace(/\D/g, '');
  const l = last4.replace(/\D/g, '');
  const e = normaliseExpiry(expiry);
  if (b.length < 6 || l.length !== 4 || !e) return null;
  return `${b.slice(0, 6)}|${l}|${e}`;
}

/** "4111 11** **** 1111 exp 03/27" for explanations; never more than BIN and last 4. */
export function describeCardSummary(value: string): string {
  const [bin = '', last4 = '', expiry = ''] = value.split('|');
  return `${bin.slice(0, 4)} ${bin.slice(4, 6)}** **** ${last4} exp ${expiry}`;
}

export function normaliseFingerprint(raw: string): string | null {
  const s = raw.trim();
  return s.length >= 6 ? s : null;
}
