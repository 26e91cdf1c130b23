// Every link key of one order, from its e-mail, phone, address, card, device, account, IP and
// name. The linker only compares keys; everything about spelling variants is decided here.

import type { Order } from '../domain/order';
import { addressParts, postcodeIn } from './address';
import { cardSummaryValue, cardWithoutExpiryValues, normaliseFingerprint } from './card';
import { marketplaceRelayBuyer, normaliseEmail } from './email';
import type { LinkKey } from './linkKey';
import { normaliseDeviceId, normaliseIp } from './network';
import { normalisePhone } from './phone';
import { dhlPostnummer, forwarderMark } from './pickup';
import { foldText, umlautSkeleton, withoutInvisible } from './text';

/** The fields linkKeysOf reads. */
export type LinkableOrder = Pick<
  Order,
  | 'source'
  | 'customerId'
  | 'email'
  | 'phone'
  | 'shipName'
  | 'shipStreet'
  | 'shipPostcode'
  | 'shipCountry'
  | 'billCountry'
  | 'ip'
  | 'deviceId'
  | 'sessionId'
  | 'cardBin'
  | 'cardLast4'
  | 'cardExpiry'
  | 'cardFingerprint'
>;

/**
 * Name tokens in any order ("Müller, Anna" = "anna mueller"), initials kept ("M. Müller" =
 * "m muller"), forwarder customer numbers dropped. '' unless there are two tokens, one a word.
 */
export function nameValue(shipName: string): string {
  let v = names.get(shipName);
  if (v === undefined) {
    if (names.size >= 100_000) names.clear();
    v = nameValueUncached(shipName);
    names.set(shipName, v);
  }
  return v;
}

// Customers repeat their name on every order, and both linkKeysOf and customerValuesOf need it.
const names = new Map<string, string>();

/** Salutations and academic titles: "Dr. Anna Schmidt", "Frau Anna Schmidt" and "Schmidt, Anna" are one name. */
const TITLES = new Set([
  'herr',
  'frau',
  'hr',
  'fr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'dipl',
  'ing',
  'med',
  'rer',
  'nat',
  'phil',
  'jur',
  'mag',
  'msc',
  'bsc',
  'mba',
]);

function nameValueUncached(shipName: string): string {
  // "Anna Schmidt c/o Weber": Weber is the host whose mailbox it is, not part of Anna's name.
  const tokens = foldText(shipName.replace(/\bc\s*\/\s*o\b.*$/i, ' ').replace(/\b(kd|kdnr)\b[-.: ]*\d*/gi, ' '))
    .split(' ')
    .filter((t) => t && !/\d/.test(t) && !TITLES.has(t));
  if (tokens.length < 2 || !tokens.some((t) => t.length > 1)) return '';
  return tokens.map(umlautSkeleton).sort().join(' ');
}

/**
 * What shops write for "no account": WooCommerce's customer id 0 on every guest checkout, "guest",
 * "N/A". Read as an account it would make every guest one customer, linked strongly to the others.
 */
const NO_ACCOUNT = /^(0+|-+|n\/?a|none|null|undefined|unknown|guest|gast)$/;

export function accountValue(source: string, customerId: string): string | null {
  const id = withoutInvisible(customerId).trim().toLowerCase();
  return id && !NO_ACCOUNT.test(id) ? `${source.trim().toLowerCase()}:${id}` : null;
}

function addressKeys(o: LinkableOrder, out: LinkKey[]): void {
  if (!o.shipStreet.trim() || !o.shipPostcode.trim()) return;
  const country = o.shipCountry || o.billCountry;
  const a = addressParts(o.shipStreet, o.shipPostcode, country);
  const raw = `${o.shipStreet.trim()}, ${o.shipPostcode.trim()} ${country}`.trim();
  if (a.pickup) {
    const value = `${a.country}|${a.postcode}|${a.pickup.kind}|${a.pickup.station}`;
    out.push({ type: 'address', value, strength: 'medium', raw, rule: 'pickup-point', hub: true });
    // The station is a hub; the Postnummer on it is one DHL customer, whichever shop account orders.
    const postnummer = dhlPostnummer(a.pickup.kind, o.shipStreet, o.shipName);
    if (postnummer) out.push({ type: 'account', value: `dhl-postnummer:${postnummer}`, strength: 'medium', raw, rule: 'dhl-postnummer' });
    return;
  }
  if (!a.street.street) return;
  const hub = forwarderMark(o.shipName, o.shipStreet) || undefined;
  if (a.street.number) {
    const flat = a.street.flat ? `|${a.street.flat}` : '';
    const value = `${a.country}|${a.postcode}|${a.street.street}|${a.street.number}${flat}`;
    out.push({
      type: 'address',
      value,
      strength: 'medium',
      raw,
      rule: flat ? 'street-number-flat-postcode' : 'street-number-postcode',
      ...(hub ? { hub } : {}),
    });
  }
  out.push({
    type: 'address',
    value: `${a.country}|${a.postcode}|${a.street.street}`,
    strength: 'weak',
    raw,
    rule: 'street-postcode',
    ...(hub ? { hub } : {}),
  });
}

export function linkKeysOf(o: LinkableOrder): LinkKey[] {
  const out: LinkKey[] = [];
  const fingerprint = normaliseFingerprint(o.cardFingerprint);
  if (fingerprint) out.push({ type: 'card', value: `fp:${fingerprint}`, strength: 'strong', raw: o.cardFingerprint, rule: 'fingerprint' });
  const summary = cardSummaryValue(o.cardBin, o.cardLast4, o.cardExpiry);
  if (summary) out.push({ type: 'card', value: summary, strength: 'medium', raw: `${o.cardBin} ${o.cardLast4} ${o.cardExpiry}`, rule: 'bin-last4-expiry' });
  // BIN and last 4 alone (8 digits and 6), whether or not the file gave an expiry: an order from a
  // file without one (Adyen's masked PAN, many PSP reports) meets the same card's orders from a file
  // with one on these values. Where every order on one has an expiry it adds nothing, and where they
  // show two expiries it is two cards: the linker holds it back then (rings.ts, linkingKeys).
  for (const partial of cardWithoutExpiryValues(o.cardBin, o.cardLast4))
    out.push({
      type: 'card',
      value: partial.value,
      strength: partial.rule === 'bin8-last4' ? 'medium' : 'weak',
      raw: `${o.cardBin} ${o.cardLast4}`,
      rule: partial.rule,
    });
  const device = normaliseDeviceId(o.deviceId);
  if (device) out.push({ type: 'device', value: device, strength: 'strong', raw: o.deviceId, rule: 'device-id' });
  // One checkout session is one browser: orders of several accounts in it were placed on one device.
  const session = normaliseDeviceId(o.sessionId ?? '');
  if (session) out.push({ type: 'device', value: `session:${session}`, strength: 'strong', raw: o.sessionId!, rule: 'session-id' });
  const email = normaliseEmail(o.email);
  if (email) out.push({ type: 'email', value: email.value, strength: 'strong', raw: o.email, rule: email.rule });
  const phone = normalisePhone(o.phone, o.shipCountry || o.billCountry);
  if (phone) out.push({ type: 'phone', value: phone, strength: 'strong', raw: o.phone, rule: 'e164' });
  addressKeys(o, out);
  const account = accountValue(o.source, o.customerId);
  if (account) out.push({ type: 'account', value: account, strength: 'strong', raw: o.customerId, rule: 'account-id' });
  const ip = normaliseIp(o.ip);
  if (ip) {
    out.push({ type: 'ip', value: ip.exact, strength: 'medium', raw: o.ip, rule: 'ip-exact' });
    out.push({ type: 'ip', value: ip.network, strength: 'weak', raw: o.ip, rule: ip.network.endsWith('/64') ? 'ipv6-64' : 'ipv4-24' });
  }
  const name = nameValue(o.shipName);
  const postcode = postcodeIn(o.shipPostcode, o.shipCountry || o.billCountry);
  if (name && postcode) {
    out.push({ type: 'name', value: `${postcode}|${name}`, strength: 'weak', raw: `${o.shipName.trim()}, ${o.shipPostcode.trim()}`, rule: 'name-postcode' });
  }
  return out;
}

/**
 * Values that say "same customer", not "same ring": the account id, the exact (lower-cased)
 * e-mail and name + postcode. Orders joined by these count as one customer, so one person's
 * orders across Amazon, Zalando and the shop are not a ring of three. A file with none of them
 * (a card-transactions export) names the cardholder by the card: one person's repeat purchases
 * with one card are one identity, not a ring, while many cards on one device are many.
 */
export function customerValuesOf(o: LinkableOrder): string[] {
  const out: string[] = [];
  const account = accountValue(o.source, o.customerId);
  if (account) out.push(`a:${account}`);
  // Exact, but for Gmail's two domains (one mailbox, German accounts opened before 2012 read
  // @googlemail.com); its dot and +tag variants stay apart (one inbox behind many accounts is a farm).
  const email = withoutInvisible(o.email)
    .trim()
    .toLowerCase()
    .replace(/@googlemail\.com$/, '@gmail.com');
  // An Amazon relay address links no one (a link key it is not), but Amazon gives each buyer one:
  // two orders with the same relay are one buyer's, whatever name each parcel went to.
  if (email && (normaliseEmail(email) || marketplaceRelayBuyer(email))) out.push(`e:${email}`);
  const name = nameValue(o.shipName);
  const postcode = postcodeIn(o.shipPostcode, o.shipCountry || o.billCountry);
  if (name && postcode) out.push(`n:${postcode}|${name}`);
  if (out.length === 0) {
    // Every form of the card that links (as linkKeysOf gives them): a row with the fingerprint and
    // one with only BIN, last 4 and expiry are one card, so one cardholder, not a ring of two.
    const fingerprint = normaliseFingerprint(o.cardFingerprint);
    if (fingerprint) out.push(`c:fp:${fingerprint}`);
    const summary = cardSummaryValue(o.cardBin, o.cardLast4, o.cardExpiry);
    if (summary) out.push(`c:${summary}`);
    // BIN and last 4 too: the same card in a file without its expiry is the same cardholder.
    for (const partial of cardWithoutExpiryValues(o.cardBin, o.cardLast4)) out.push(`c:${partial.value}`);
  }
  return out;
}
