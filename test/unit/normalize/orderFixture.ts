// A blank order with only the fields a test names, for normaliser and linker tests.
import type { Order } from '../../../shared/domain/order';

export function order(fields: Partial<Order> = {}): Order {
  return {
    externalId: '#1',
    source: 'shopify',
    currency: 'EUR',
    customerId: '',
    email: '',
    phone: '',
    shipName: '',
    shipStreet: '',
    shipPostcode: '',
    shipCity: '',
    shipCountry: 'DE',
    billCountry: '',
    ip: '',
    deviceId: '',
    cardBin: '',
    cardLast4: '',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: '',
    paymentMethod: '',
    marketplace: 'shop',
    status: 'paid',
    createdAt: 0,
    totalMinor: 1000,
    ...fields,
  };
}
