// Words for a link key in an explanation: "card 4111 11** **** 1111 exp 03/27 (fingerprint match)".

import { describeCardSummary, isCardSummaryRule } from './card';
import type { LinkKey } from './linkKey';

const RULE_WORDS: Record<string, string> = {
  fingerprint: 'fingerprint match',
  'bin-last4-expiry': 'same BIN, last 4 and expiry',
  'bin8-last4': 'same 8-digit BIN and last 4, no expiry to compare',
  'bin6-last4': 'same BIN and last 4 only, no expiry to compare',
  'device-id': 'same device id',
  'session-id': 'same checkout session',
  exact: 'same e-mail address',
  'gmail-dots-and-tags': 'same Gmail mailbox, dots and +tags ignored',
  'plus-tag': 'same mailbox, +tag ignored',
  e164: 'same number',
  'pickup-point': 'same collection point',
  'street-number-postcode': 'same street, house number and postcode',
  'street-number-flat-postcode': 'same street, house number, flat and postcode',
  'street-postcode': 'same street and postcode',
  'account-id': 'same customer account',
  'ip-exact': 'same IP',
  'ipv4-24': 'same /24 network',
  'ipv6-64': 'same /64 network',
  'name-postcode': 'same name and postcode',
  'dhl-postnummer': 'same DHL Postnummer at a collection point',
};

/** `cardSummary`: the order's `BIN|last4|MM/YY` value, shown instead of a fingerprint when known. */
export function describeLinkKey(k: Pick<LinkKey, 'type' | 'value' | 'rule' | 'raw'>, cardSummary?: string): string {
  // The fingerprint itself means nothing to a person; the card summary of the same order does.
  const summary = isCardSummaryRule(k.rule) ? k.value : cardSummary;
  const shown = k.type === 'card' && summary ? describeCardSummary(summary) : k.type === 'card' ? k.raw : describeLinkValue(k.type, k.value);
  return `${k.type} ${shown} (${RULE_WORDS[k.rule] ?? k.rule})`;
}

/**
 * A link value in words for a person, from its stored form: a card's `BIN|last4|MM/YY` as
 * "2246 36** **** 3342 exp 07/31", an address `DE|01101|lutzowstr|5` as "lutzowstr 5, 01101 DE",
 * a collection point `DE|10115|packstation|199` as "packstation 199, 10115 DE", a name
 * `01101|anna schmidt` as "anna schmidt, 01101". Anything else (an e-mail, a phone, an IP, a
 * fingerprint) reads as it is stored. Shown only: overrides and filters keep the stored value.
 */
export function describeLinkValue(type: string, value: string): string {
  const parts = value.split('|');
  if (type === 'card' && /^\d{6,8}\|\d{4}\|/.test(value)) return describeCardSummary(value);
  if (type === 'address' && parts.length >= 3) {
    const [country = '', postcode = '', ...place] = parts;
    return `${place.join(' ')}, ${postcode} ${country}`.trim();
  }
  if (type === 'name' && parts.length === 2) return `${parts[1]}, ${parts[0]}`;
  return value;
}
