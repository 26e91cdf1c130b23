// A card payment as a PSP (Stripe) reports it, joined to an order by reference.
// Card data is reduced to BIN + last4 + expiry + fingerprint at the door.

export interface Payment {
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
}
