// Small, readable orders for unit tests; every field set so encoding round trips are exact.
import type { Order } from '../../shared/domain/order';

export function order(patch: Partial<Order> = {}): Order {
  return {
    externalId: '#1001',
    source: 'shopify',
    marketplace: 'shop',
    status: 'paid',
    createdAt: Date.UTC(2026, 4, 1, 10, 0),
    totalMinor: 12_999,
    currency: 'EUR',
    customerId: 'c-1',
    email: 'anna.schmidt@gmail.com',
    phone: '+49 170 1234567',
    shipName: 'Anna Schmidt',
    shipStreet: 'Hauptstraße 5',
    shipPostcode: '10115',
    shipCity: 'Berlin',
    shipCountry: 'DE',
    billCountry: 'DE',
    ip: '203.0.113.7',
    deviceId: 'dev-1',
    cardBin: '424242',
    cardLast4: '4242',
    cardExpiry: '03/27',
    cardFingerprint: 'fpAAAA',
    cardBrand: 'visa',
    paymentMethod: 'card',
    ...patch,
  };
}
