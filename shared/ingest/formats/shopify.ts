// Shopify orders export: one row per line item; the order's own columns are filled on its first
// row only, later rows repeat `Name` and carry line-item columns. `Name` is the order number.
import type { FormatPreset } from './preset';

export const SHOPIFY_ORDERS: FormatPreset = {
  id: 'shopify-orders',
  label: 'Shopify orders export',
  kind: 'orders',
  markerColumns: ['Name', 'Financial Status', 'Created at', 'Lineitem name', 'Total'],
  delimiter: ',',
  mapping: {
    externalId: 'Name',
    createdAt: 'Created at',
    currency: 'Currency',
    total: 'Total',
    status: ['Financial Status', 'Fulfillment Status'],
    cancelledAt: 'Cancelled at',
    email: 'Email',
    // Newer exports have an order-level `Phone`; older ones only the address phones.
    phone: ['Phone', 'Shipping Phone', 'Billing Phone'],
    shipName: 'Shipping Name',
    // `Shipping Street` is Address1 and Address2 joined; take the parts so neither is doubled.
    shipStreet: ['Shipping Address1', 'Shipping Address2'],
    shipPostcode: 'Shipping Zip',
    shipCity: 'Shipping City',
    shipCountry: 'Shipping Country',
    billCountry: 'Billing Country',
    paymentMethod: 'Payment Method',
    riskLevel: 'Risk Level',
    // `Device ID` is a point-of-sale device, not the shopper's, so it is not mapped to deviceId.
  },
  options: { source: 'shopify', marketplace: 'shop', timeZone: 'UTC', offsetsWritten: true, defaultCurrency: 'EUR', decimalMark: '.', grouping: 'adjacent' },
};
