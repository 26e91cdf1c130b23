// Zalando partner orders. zDirect documents only a JSON Orders API, no CSV: this preset reads a
// flat export of those field names (nested addresses as `shipping_address.city` or `_city`).
import type { FormatPreset } from './preset';

const addr = (part: string): string[] => [`shipping_address.${part}`, `shipping_address_${part}`, `shipping_${part}`];

export const ZALANDO_ORDERS: FormatPreset = {
  id: 'zalando-orders',
  label: 'Zalando orders (zDirect field names)',
  kind: 'orders',
  markerColumns: ['order_number', 'order_date', 'customer_email'],
  mapping: {
    externalId: ['order_number', 'order_id'],
    createdAt: 'order_date',
    // zDirect's own names first: an order's total is `order_lines_price_amount` in its currency.
    currency: ['order_lines_price_currency', 'currency', 'currency_code'],
    total: ['order_lines_price_amount', 'order_amount', 'total_amount', 'amount', 'total'],
    lineAmount: ['line_price', 'price', 'item_price'],
    status: ['status', 'line_status', 'order_line_status'],
    customerId: 'customer_number',
    email: 'customer_email',
    // `customer_phone` is an object in the API ({ number }): flattened as `customer_phone.number`.
    phone: ['customer_phone', 'customer_phone.number', 'customer_phone_number'],
    shipName: [...addr('first_name'), ...addr('last_name')],
    shipStreet: [...addr('address_line_1'), ...addr('address_line_2'), ...addr('street')],
    shipPostcode: [...addr('zip_code'), ...addr('postal_code')],
    shipCity: addr('city'),
    shipCountry: addr('country_code'),
    billCountry: ['billing_address.country_code', 'billing_address_country_code'],
  },
  options: { source: 'zalando', marketplace: 'zalando', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR', grouping: 'adjacent' },
};
