// E-mail addresses to mailbox identity: case and whitespace always; dots only where the provider
// ignores them (Gmail); "+tag" only where the provider delivers tagged mail to the same mailbox.

import { withoutInvisible } from './text';

export interface NormalisedEmail {
  value: string;
  rule: string;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * Providers that deliver `name+tag@` to `name@` (subaddressing). Deliberately absent: GMX, web.de,
 * t-online and freenet (no "+" subaddressing; they use separately created aliases, so the "+tag"
 * part may be a different mailbox), Yahoo (uses "-" for disposable addresses, "+" is an ordinary
 * character), and the national ISPs (orange.fr, wp.pl, ziggo.nl...) whose support is undocumented.
 */
const PLUS_TAG_PROVIDERS = new Set([
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.de',
  'hotmail.nl',
  'hotmail.fr',
  'hotmail.it',
  'hotmail.es',
  'hotmail.co.uk',
  'live.com',
  'live.de',
  'live.nl',
  'live.fr',
  'live.it',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'fastmail.com',
  'mailbox.org',
  'posteo.de',
  'posteo.net',
]);

/** Amazon hides buyers behind per-order relay addresses; equal relays say nothing about a person. */
export function isMarketplaceRelay(domain: string): boolean {
  return /(^|\.)marketplace\.amazon\.[a-z.]+$/.test(domain);
}

/**
 * The Amazon relay address a buyer ordered with, trimmed and lower-cased, or null when `raw` is none.
 * Amazon gives each buyer one relay address for the seller, so it names the buyer (an identity)
 * while linking no one beyond that buyer's own orders.
 */
export function marketplaceRelayBuyer(raw: string): string | null {
  const s = withoutInvisible(raw).trim().toLowerCase();
  const at = s.lastIndexOf('@');
  return at > 0 && !/\s/.test(s) && isMarketplaceRelay(s.slice(at + 1)) ? s : null;
}

/**
 * Mailboxes a shop or a checkout fills in when the buyer gave none: `noreply@`, `keine@`, `test@`,
 * `x@`, `n/a@`. Many strangers share one; as a link or as an identity it would make them one customer.
 */
const PLACEHOLDER_LOCAL = /^(no-?reply|do-?not-?reply|no-?e?-?mail|none|null|n\/a|unknown|unbekannt|keine?|ohne|nicht|test|dummy|placeholder|xx+|-+|\.+|0+)$/;

export function normaliseEmail(raw: string): NormalisedEmail | null {
  // An address with a character no one sees is the address it looks like.
  const s = withoutInvisible(raw).trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || /\s/.test(s)) return null;
  const local = s.slice(0, at);
  if (PLACEHOLDER_LOCAL.test(local)) return null;
  const domain = s.slice(at + 1).replace(/\.$/, '');
  if (!domain.includes('.') || isMarketplaceRelay(domain)) return null;
  if (GMAIL.has(domain)) {
    const mailbox = local.replace(/\+.*$/, '').replace(/\./g, '');
    if (!mailbox || PLACEHOLDER_LOCAL.test(mailbox)) return null;
    return { value: `${mailbox}@gmail.com`, rule: mailbox === local && domain === 'gmail.com' ? 'exact' : 'gmail-dots-and-tags' };
  }
  if (PLUS_TAG_PROVIDERS.has(domain) && local.indexOf('+') > 0) {
    if (PLACEHOLDER_LOCAL.test(local.slice(0, local.indexOf('+')))) return null;
    return { value: `${local.slice(0, local.indexOf('+'))}@${domain}`, rule: 'plus-tag' };
  }
  return { value: `${local}@${domain}`, rule: 'exact' };
}
