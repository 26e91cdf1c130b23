// Card summaries to link values: the provider's fingerprint identifies the card itself; without it,
// BIN + last 4 + expiry is a weaker stand-in (different cards can share all three), and BIN + last 4
// alone weaker still: medium with an 8-digit BIN, weak with 6. No value is ever derived from a full
// card number (a hash of it could be reversed from BIN and last 4 in about a thousand tries).

import { isPlaceholderId } from './text';

/** `MM/YY` from "3/27", "03/2027", "0327", "03-27", or year first "2027-04", "2027/4"; null when it is not a month and year. */
export function normaliseExpiry(raw: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.\- ]?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  const y = m ? null : /^\s*(\d{4})\s*[/.\-]\s*(\d{1,2})\s*$/.exec(raw);
  const month = Number(m ? m[1] : y?.[2]);
  const year = m ? (m[2] as string) : y?.[1];
  if (!year || !(month >= 1 && month <= 12)) return null;
  return `${String(month).padStart(2, '0')}/${year.slice(-2)}`;
}

/** Card summary value `BIN6|last4|MM/YY`; 8-digit BINs are cut to 6 so both report styles agree. */
export function cardSummaryValue(bin: string, last4: string, expiry: string): string | null {
  const b = bin.replace(/\D/g, '');
  const l = last4.replace(/\D/g, '');
  const e = normaliseExpiry(expiry);
  if (b.length < 6 || l.length !== 4 || !e) return null;
  return `${b.slice(0, 6)}|${l}|${e}`;
}

/** The rules whose value is a card summary (`BIN|last4|expiry`), not the card's own identity. */
export const CARD_SUMMARY_RULES = ['bin-last4-expiry', 'bin8-last4', 'bin6-last4'] as const;
export type CardSummaryRule = (typeof CARD_SUMMARY_RULES)[number];

export function isCardSummaryRule(rule: string): rule is CardSummaryRule {
  return (CARD_SUMMARY_RULES as readonly string[]).includes(rule);
}

/** The rules of a card's BIN and last 4 alone (cardWithoutExpiryValues), without its expiry. */
export function isBinLast4Rule(rule: string): rule is 'bin8-last4' | 'bin6-last4' {
  return rule === 'bin8-last4' || rule === 'bin6-last4';
}

/**
 * Every BIN-and-last-4 form of a card: `BIN8|last4|` (medium) and `BIN6|last4|` (weak) from 8 BIN
 * digits, `BIN6|last4|` alone from 6. Files cut numbers differently (Adyen's masked `411111******1111`
 * keeps 6 digits, a full number 8), and the same card must meet itself across them.
 */
export function cardWithoutExpiryValues(bin: string, last4: string): { value: string; rule: 'bin8-last4' | 'bin6-last4' }[] {
  const b = bin.replace(/\D/g, '');
  const l = last4.replace(/\D/g, '');
  if (b.length < 6 || l.length !== 4) return [];
  const six = { value: `${b.slice(0, 6)}|${l}|`, rule: 'bin6-last4' as const };
  return b.length >= 8 ? [{ value: `${b.slice(0, 8)}|${l}|`, rule: 'bin8-last4' as const }, six] : [six];
}

/** "4111 11** **** 1111 exp 03/27" (or "4111 1111 **** 1111") for explanations; never more than BIN and last 4. */
export function describeCardSummary(value: string): string {
  const [bin = '', last4 = '', expiry = ''] = value.split('|');
  const shown = bin.length >= 8 ? `${bin.slice(0, 4)} ${bin.slice(4, 8)} **** ${last4}` : `${bin.slice(0, 4)} ${bin.slice(4, 6)}** **** ${last4}`;
  return expiry ? `${shown} exp ${expiry}` : shown;
}

export function normaliseFingerprint(raw: string): string | null {
  const s = raw.trim();
  return s.length >= 6 && !isPlaceholderId(s) ? s : null;
}
