// The analyst's unit of work: one customer order from any channel, with the link-relevant
// facts of its payment folded in (card summary, IP, device). Never a full PAN or CVV.
import { networkName } from '../disputes/reasonCodes';

// Stored as an index into this list: add at the end only.
export const MARKETPLACES = ['amazon', 'zalando', 'shop', 'other'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

export const MARKETPLACE_LABEL: Record<Marketplace, string> = {
  amazon: 'Amazon',
  zalando: 'Zalando',
  shop: 'Own shop',
  other: 'Other marketplace',
};

export const ORDER_STATUSES = ['open', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Text facts of an order; stored column-wise, searched and shown in tables. */
export interface OrderText {
  /** Order number as the source writes it (Shopify `#1001`, Amazon `302-…`). */
  externalId: string;
  /** Where the row came from, e.g. `shopify`, `amazon-all-orders`, `zalando`, `demo`. */
  source: string;
  currency: string;
  customerId: string;
  email: string;
  phone: string;
  shipName: string;
  shipStreet: string;
  shipPostcode: string;
  shipCity: string;
  /** ISO 3166-1 alpha-2. */
  shipCountry: string;
  billCountry: string;
  ip: string;
  deviceId: string;
  /** First 6 or 8 digits of the card. */
  cardBin: string;
  cardLast4: string;
  /** `MM/YY`. */
  cardExpiry: string;
  /** Provider fingerprint (e.g. Stripe `Card Fingerprint`), empty when unknown. */
  cardFingerprint: string;
  cardBrand: string;
  paymentMethod: string;
  /** The marketplace's own fraud-risk flag as exported (Shopify `Risk Level`): '', 'low', 'medium' or 'high'. */
  riskLevel?: string;
  /** Card checks of the order's payment (CVC, AVS, 3-D Secure): see cardChecks.ts for the values. */
  cvcCheck?: string;
  avsPostcodeCheck?: string;
  avsLine1Check?: string;
  threeDs?: string;
  /**
   * The channel within the marketplace as the file names it (Amazon's `sales-channel`:
   * `Amazon.co.uk`), or the own shop's name when the analyst named one; '' when neither.
   */
  channel?: string;
  /** What history says the order was, from a labelled export: 'fraud', 'legit' or absent (see knownOutcome.ts). */
  knownOutcome?: string;
  /** The shop's checkout session id, from the order export or the payment provider's metadata: one browser session. */
  sessionId?: string;
}

export interface Order extends OrderText {
  marketplace: Marketplace;
  status: OrderStatus;
  /** Epoch milliseconds (UTC). */
  createdAt: number;
  /** Order total in minor units (cents) of `currency`. */
  totalMinor: number;
}

export const ORDER_TEXT_FIELDS = [
  'externalId',
  'source',
  'currency',
  'customerId',
  'email',
  'phone',
  'shipName',
  'shipStreet',
  'shipPostcode',
  'shipCity',
  'shipCountry',
  'billCountry',
  'ip',
  'deviceId',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'cardFingerprint',
  'cardBrand',
  'paymentMethod',
  // Added after v1 blocks were written: blocks without them read as '' (see textColumn).
  'riskLevel',
  'cvcCheck',
  'avsPostcodeCheck',
  'avsLine1Check',
  'threeDs',
  'channel',
  'knownOutcome',
  'sessionId',
] as const satisfies readonly (keyof OrderText)[];
export type OrderTextField = (typeof ORDER_TEXT_FIELDS)[number];

/** Text fields an order may lack (added later); empty ones read back as absent. */
export const OPTIONAL_TEXT_FIELDS: ReadonlySet<OrderTextField> = new Set<OrderTextField>([
  'riskLevel',
  'cvcCheck',
  'avsPostcodeCheck',
  'avsLine1Check',
  'threeDs',
  'channel',
  'knownOutcome',
  'sessionId',
]);

/** Where an order was sold, as the analyst reads it: `Amazon.co.uk`, `Outlet shop`, else the marketplace (`Own shop`). */
export function channelLabel(o: Pick<Order, 'marketplace' | 'channel'>): string {
  return o.channel || MARKETPLACE_LABEL[o.marketplace];
}

/**
 * An order's number as the analyst reads it from its key: `#1001` for the own shop and the
 * marketplaces, `#1001 · outlet` for a named shop's (its key names the shop: `shopify@outlet:#1001`),
 * so two shops' #1001 in the decision log, a notice or an error are never the same words.
 */
export function orderKeyLabel(key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return key;
  const number = key.slice(colon + 1);
  const at = key.lastIndexOf('@', colon);
  return at < 0 ? number : `${number} · ${key.slice(at + 1, colon)}`;
}

/** Stable identity of an order across re-imports. */
export function orderKey(o: Pick<Order, 'source' | 'externalId'>): string {
  return `${o.source}:${o.externalId}`;
}

/** The card as the analyst sees it: brand, last 4 and expiry (`Visa •••• 1111 04/27`); '' without one. */
export function cardSummary(o: Pick<Order, 'cardBrand' | 'cardLast4' | 'cardExpiry'>): string {
  if (!o.cardLast4) return '';
  return `${o.cardBrand ? networkName(o.cardBrand) + ' ' : ''}${cardDigits(o)}`;
}

/** Short names of long brands, for a narrow column; any other brand is shown as written. */
const SHORT_BRAND: Readonly<Record<string, string>> = { mastercard: 'MC', american_express: 'Amex', cartes_bancaires: 'CB' };

/** The brand as a narrow column shows it: `MC` for `mastercard`, `Visa` for `visa`. */
export const shortCardBrand = (brand: string): string => SHORT_BRAND[brand] ?? networkName(brand);

/** The part of the summary that tells one card from another: last 4 and expiry (`•••• 1111 04/27`); '' without one. */
export function cardDigits(o: Pick<Order, 'cardLast4' | 'cardExpiry'>): string {
  if (!o.cardLast4) return '';
  return `•••• ${o.cardLast4}${o.cardExpiry ? ' ' + o.cardExpiry : ''}`;
}
