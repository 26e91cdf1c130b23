// The customer and payments the evidence-pack tests build their packs from: one person's card,
// IP, device, account and address on every order of hers, and a Stripe payment per order.
import type { Order } from '../../shared/domain/order';
import type { Payment } from '../../shared/domain/payment';

/** One customer's facts on every order of hers (her orders differ by number, time and amount). */
export const PACK_CUSTOMER = {
  cardFingerprint: 'fp_pack',
  cardBin: '424242',
  cardLast4: '4242',
  cardBrand: 'visa',
  ip: '203.0.113.9',
  deviceId: '3f2b9c1e-5a7d-4e21-9b8c-0d6f4a2e7c11',
  customerId: 'cust-77',
  email: 'anna.beispiel@example.org',
  shipName: 'Anna Beispiel',
  shipStreet: 'Hauptstraße 5',
  shipPostcode: '10115',
  shipCity: 'Berlin',
  shipCountry: 'DE',
  billCountry: 'DE',
  status: 'fulfilled' as const,
} satisfies Partial<Order>;

/** The order's Stripe charge (`ch_` and its number), for its amount, with the order's card. */
export function stripePayment(o: Order, fields: Partial<Payment> = {}): Payment {
  return {
    id: `ch_${o.externalId.slice(1)}`,
    provider: 'stripe',
    orderRef: o.externalId,
    createdAt: o.createdAt,
    amountMinor: o.totalMinor,
    currency: o.currency,
    status: 'succeeded',
    email: o.email,
    ip: o.ip,
    cardBin: o.cardBin,
    cardLast4: o.cardLast4,
    cardExpiry: '',
    cardFingerprint: o.cardFingerprint,
    cardBrand: 'visa',
    cardCountry: 'DE',
    ...fields,
  };
}
