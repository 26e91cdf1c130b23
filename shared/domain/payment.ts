// A card payment as a PSP (Stripe) reports it, joined to an order by reference.
// Card data is reduced to BIN + last4 + expiry + fingerprint at the door.
import type { CardChecks } from './cardChecks';

export interface Payment extends CardChecks {
  /** PSP id, e.g. Stripe `ch_…`/`py_…`. */
  id: string;
  provider: string;
  /** The order reference this payment carries (metadata or description). */
  orderRef: string;
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
