// Customers the personal-data tests erase or keep: Tim Wolf's card payment for order #1003.
import type { Payment } from '../../shared/domain/payment';

export const TIMS_PAYMENT: Payment = {
  id: 'ch_2',
  provider: 'stripe',
  orderRef: '#1003',
  createdAt: Date.UTC(2025, 1, 10),
  amountMinor: 200,
  currency: 'EUR',
  status: 'succeeded',
  email: 'tim.wolf@web.de',
  ip: '198.51.100.9',
  cardBin: '55555555',
  cardLast4: '4444',
  cardExpiry: '01/26',
  cardFingerprint: 'fpT',
  cardBrand: 'mastercard',
  cardCountry: 'DE',
};
