// Joins a PSP payment onto its order: the order takes the card summary, IP and (when it has
// none) the email the payment carried, so linking sees the card and IP behind a shop order.
import { CARD_CHECK_FIELDS } from '../domain/cardChecks';
import { combinedOutcome } from '../domain/knownOutcome';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';

// An order number in free text follows a word for "order" (`Order 1001 - 2 items`, `Bestellung Nr.
// 1002`, `order_id: 1003`) or is written Shopify's way (`#1004`); it always has a digit in it.
// The longer words come first (`nummer` before `num`): `Ordernummer 1001` read `num` and took
// `mer` for the number.
const ORDER_WORD_REF =
  /(?:^|[\s([,;:/])(?:order|bestellung|bestellnummer|bestell-?nr|auftragsnummer|auftrags-?nr|auftrag|commande|pedido|ordine|bestelling)(?:[\s_-]*(?:number|nummer|numero|num|no|nr|id))?\.?[\s:.-]*(#?[\p{L}\p{N}][\p{L}\p{N}_-]*)(?![\p{L}\p{N}_-])/giu;
const HASH_REF = /#[\p{L}\p{N}][\p{L}\p{N}_-]*/gu;
const hasDigit = (s: string) => /\d/.test(s);

/**
 * The order number inside a payment's reference: the whole value when it is one token (`#1001`,
 * `1001`, `ch_1`); in text, the number after "order" / "Bestellung" or a `#1001` token. '' when the
 * text names no order number, or more than one: a wrong reference would join the payment (its card,
 * IP, outcome) onto another customer's order, a missing one only leaves it unjoined.
 */
export function orderReference(raw: string): string {
  const r = raw.trim();
  if (!/\s/.test(r)) return r;
  const found = [...r.matchAll(HASH_REF)].map((m) => m[0]);
  for (const m of r.matchAll(ORDER_WORD_REF)) if (!countsParts(m[1]!, r.slice(m.index + m[0].length))) found.push(m[1]!);
  const refs = found.filter(hasDigit);
  const distinct = new Set(refs.map((ref) => ref.replace(/^#/, '').toLowerCase()));
  if (distinct.size !== 1) return '';
  // Shopify names its orders `#1001`: keep the # when the text wrote one.
  return refs.find((ref) => ref.startsWith('#')) ?? refs[0]!;
}

/**
 * `Order 2 of 3`, `Bestellung 1 von 2`, `Order 2/3`: a part of a whole (a split shipment, an
 * instalment), no order number. Only a small count that ends the text or a clause and is no less
 * than the number: `Order 1001 of 3 items`, `Order 1001/2026` and `Order 1001 of 2026-05-01` name order 1001.
 */
function countsParts(token: string, after: string): boolean {
  const m = /^\s*(?:of|von|sur|de|di|van|\/)\s*(\d{1,2})\s*(?:$|[),;.])/i.exec(after);
  return m !== null && /^\d+$/.test(token) && Number(token) <= Number(m[1]);
}

/** Ways an order number may be written: `#1001` in Shopify, `1001` in PSP metadata. */
export function orderRefVariants(ref: string): string[] {
  const r = orderReference(ref);
  if (r === '') return [];
  return r.startsWith('#') ? [r, r.slice(1)] : [r, `#${r}`];
}

/** An order key (`source:number`) under each spelling of its number: `shopify:1001`, `shopify:#1001`. */
export function orderKeyVariants(key: string): string[] {
  const at = key.indexOf(':');
  if (at < 0) return [key];
  const source = key.slice(0, at);
  return [...new Set([key, ...orderRefVariants(key.slice(at + 1)).map((ref) => `${source}:${ref}`)])];
}

/**
 * An order key without the spelling of its number (`shopify:#1001` and `shopify:1001` alike read
 * `shopify:1001`): how Rings and Review meet disputes with orders. It reads the two spellings as one
 * order without asking which one the cache stores, so it costs nothing at a cold start; only one
 * source holding both `1001` and `#1001` as different orders (no shop numbers both ways) would be
 * read as one. Reports and the Disputes screen join by the stored spelling (joinedOrderKey).
 */
export function spellingFreeKey(key: string): string {
  const at = key.indexOf(':');
  return at >= 0 && key.charCodeAt(at + 1) === 35 ? key.slice(0, at + 1) + key.slice(at + 2) : key;
}

/**
 * The stored order a dispute's order key names, by either spelling of its number (`shopify:1001`
 * reaches `shopify:#1001`, as a payment does); the key itself when no spelling is stored.
 */
export function joinedOrderKey(key: string, stored: (key: string) => boolean): string {
  return orderKeyVariants(key).find(stored) ?? key;
}

const STATUS_RANK: Record<Payment['status'], number> = { succeeded: 2, refunded: 1, failed: 0 };

/** The payment that speaks for an order: a succeeded one over a refund over a failed try, then the latest. */
export function decisivePayment(payments: readonly Payment[]): Payment | undefined {
  let best: Payment | undefined;
  for (const p of payments) {
    if (!best || STATUS_RANK[p.status] > STATUS_RANK[best.status] || (STATUS_RANK[p.status] === STATUS_RANK[best.status] && p.createdAt > best.createdAt))
      best = p;
  }
  return best;
}

type CardFacts = Pick<Order, 'cardBin' | 'cardLast4' | 'cardExpiry' | 'cardFingerprint'>;

/** The payment names a card (PayPal and bank payments name none). */
const namesCard = (c: CardFacts) => c.cardBin !== '' || c.cardLast4 !== '' || c.cardFingerprint !== '';

/**
 * Two descriptions of one card as far as both say: no fact both give differs (BIN compared by its
 * first 6 digits, as files cut it to 6 or 8). A masked PAN without expiry is the same card as one
 * with it; another last 4, expiry or fingerprint is another card.
 */
function sameCard(a: CardFacts, b: CardFacts): boolean {
  const differs = (x: string, y: string) => x !== '' && y !== '' && x !== y;
  return !(
    differs(a.cardFingerprint, b.cardFingerprint) ||
    differs(a.cardLast4, b.cardLast4) ||
    differs(a.cardExpiry, b.cardExpiry) ||
    differs(a.cardBin.slice(0, 6), b.cardBin.slice(0, 6))
  );
}

/**
 * The order with the payment's facts, or the same object when they add nothing. A card is taken
 * whole: a payment with another card than the order had (the one that went through after a failed
 * try with another card) replaces its card and its checks; only the same card fills what the order
 * lacks of it, never one card's BIN and last 4 with another's expiry and fingerprint.
 */
export function withPaymentFacts(order: Order, p: Payment): Order {
  const otherCard = namesCard(p) && !sameCard(order, p);
  const fill = (mine: string, theirs: string) => (otherCard ? mine : mine || theirs);
  const next: Order = {
    ...order,
    cardBin: fill(p.cardBin, order.cardBin),
    cardLast4: fill(p.cardLast4, order.cardLast4),
    cardExpiry: fill(p.cardExpiry, order.cardExpiry),
    cardFingerprint: fill(p.cardFingerprint, order.cardFingerprint),
    cardBrand: fill(p.cardBrand, order.cardBrand),
    ip: p.ip || order.ip,
    // The order's own device wins: the payment's is what the provider's metadata repeated.
    deviceId: order.deviceId || p.deviceId || '',
    email: order.email || p.email,
    paymentMethod: order.paymentMethod || (p.cardLast4 ? 'card' : ''),
  };
  const session = order.sessionId || p.sessionId;
  if (session) next.sessionId = session;
  for (const k of CARD_CHECK_FIELDS) {
    const v = otherCard ? p[k] : p[k] || order[k];
    if (v) next[k] = v;
    else delete next[k];
  }
  // A labelled payments export says what the order was; a known fraud from either side stands.
  const outcome = combinedOutcome(order.knownOutcome, p.knownOutcome);
  if (outcome) next.knownOutcome = outcome;
  const changed = (Object.keys(next) as (keyof Order)[]).some((k) => next[k] !== order[k]);
  return changed ? next : order;
}
