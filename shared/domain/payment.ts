// A card payment as a PSP (Stripe) reports it, joined to an order by reference.
// Card data is reduced to BIN + last4 + expiry + fingerprint at the door.
import type { CardChecks } from './cardChecks';
import { sentenceCase } from './money';

export interface Payment extends CardChecks {
  /** PSP id, e.g. Stripe `ch_…`/`py_…`. */
  id: string;
  provider: string;
  /** The order reference this payment carries (metadata or description). */
  orderRef: string;
  /**
   * The source of the orders `orderRef` numbers (`shopify`, or a named own shop's `shopify@outlet`),
   * as the file was imported for. Two own shops number their orders alike: without it, a payment
   * for the outlet's #1001 would lend its card and IP to the main shop's #1001. Absent on payments
   * stored before payments said so: those join as they did, the importing file's shop.
   */
  orderSource?: string;
  /**
   * True when nobody was asked which shop the payment is from: the cache held one own shop, so
   * `orderSource` is that shop by default, not the analyst's answer. Such a payment that does not fit
   * that shop's order of its number (paymentFit.ts) may join another shop's order of the number that
   * it fits; a payment whose shop was chosen joins that shop's order only.
   */
  shopAssumed?: true;
  createdAt: number;
  amountMinor: number;
  currency: string;
  status: 'succeeded' | 'failed' | 'refunded';
  email: string;
  ip: string;
  cardBin: string;
  cardLast4: string;
  cardExpiry: string;
  cardFingerprint: string;
  cardBrand: string;
  cardCountry: string;
  /** The shop's checkout device id, carried in the provider's metadata (`device_id (metadata)`). */
  deviceId?: string;
  /** The shop's checkout session id, carried in the provider's metadata (`session_id (metadata)`). */
  sessionId?: string;
  /** What history says the payment was, from a labelled export: 'fraud' or 'legit' (knownOutcome.ts); carried to its order. */
  knownOutcome?: string;
}

const PROVIDER_NAMES: Readonly<Record<string, string>> = { stripe: 'Stripe', adyen: 'Adyen', paypal: 'PayPal', psp: 'PSP' };

/** A payment or dispute provider as a name in text (the record keeps the import's key: stripe, adyen, paypal). */
export function providerName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? sentenceCase(provider);
}
