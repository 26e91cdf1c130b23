// Amazon Seller Central order reports (tab-delimited, one row per item): the "All Orders" flat
// file (no buyer data) and the merchant-fulfilled unshipped/new orders file with the address.
import type { FormatPreset, RowKindRule } from './preset';

// Both reports describe the same orders: one source, so they upsert the same records and each
// report only overwrites the fields it carries (see ParsedRecord.scope). The source is part of every
// order's key (`amazon.de:302-…`), for every Amazon marketplace alike: Amazon order ids are unique
// across its marketplaces, and stored orders, logged decisions and disputes hold those keys, so an
// Amazon.com order keeps `amazon.de` here. The marketplace a file names (sales-channel `Amazon.com`)
// is the order's channel, which the tables show (channelLabel).
const SOURCE = 'amazon.de';

/**
 * The All Orders report also lists Multi-Channel Fulfilment orders (amazon-order-id `S01-…`,
 * sales-channel `Non-Amazon`): Amazon shipping an order sold elsewhere, e.g. the own shop's #1001
 * in merchant-order-id. They are not Amazon sales; stored as Amazon orders they would count the
 * shop's order twice and under the wrong marketplace.
 */
const AMAZON_SALES_ONLY: RowKindRule = {
  column: 'sales-channel',
  include: ['amazon'],
  exclude: ['non-amazon'],
  // Every sale names its marketplace; a blank channel says nothing against the row.
  keepBlank: true,
  noun: 'sale on an Amazon marketplace',
};

/**
 * The marketplaces that price before tax: the buyer pays the sales tax in `item-tax` (and
 * `shipping-tax`, `gift-wrap-tax`) on top of `item-price`. Everywhere else Amazon prices with the tax
 * in (VAT, GST, consumption tax) and `item-tax` is the part of the price that is tax (Amazon's VAT
 * Calculation Service: "item_price contains the VAT-inclusive price").
 */
const TAX_ADDED_FOR = ['Amazon.com', 'Amazon.ca', 'Amazon.com.mx'];

export const AMAZON_ALL_ORDERS: FormatPreset = {
  id: 'amazon-all-orders',
  label: 'Amazon All Orders report',
  kind: 'orders',
  markerColumns: ['amazon-order-id', 'purchase-date', 'order-status', 'item-price'],
  delimiter: '\t',
  mapping: {
    externalId: 'amazon-order-id',
    createdAt: 'purchase-date',
    currency: 'currency',
    // item-price is the line total (quantity included) with VAT on Amazon.de; without sales tax on
    // Amazon.com, whose item-tax the buyer pays on top (TAX_ADDED_FOR).
    lineAmount: ['item-price', 'shipping-price', 'gift-wrap-price'],
    lineTax: ['item-tax', 'shipping-tax', 'gift-wrap-tax'],
    lineDiscount: ['item-promotion-discount', 'ship-promotion-discount'],
    status: 'order-status',
    // Amazon.de, Amazon.co.uk, Amazon.in ... (Non-Amazon rows are set aside: AMAZON_SALES_ONLY).
    channel: 'sales-channel',
    shipPostcode: 'ship-postal-code',
    shipCity: 'ship-city',
    shipCountry: 'ship-country',
  },
  // Amazon quotes no field: a product name is written as typed, `"Premium" Flasche` (quotesAreText).
  // An order lists each SKU once (its quantity says how many): two rows of one SKU in an order are
  // two reports that overlap, joined.
  options: {
    source: SOURCE,
    marketplace: 'amazon',
    timeZone: 'UTC',
    defaultCurrency: 'EUR',
    decimalMark: '.',
    grouping: 'adjacent',
    quotesAreText: true,
    itemId: ['sku', 'asin'],
    taxAddedFor: TAX_ADDED_FOR,
  },
  rowKinds: AMAZON_SALES_ONLY,
};

export const AMAZON_UNSHIPPED: FormatPreset = {
  id: 'amazon-unshipped',
  label: 'Amazon unshipped orders report (with address)',
  kind: 'orders',
  markerColumns: ['order-id', 'order-item-id', 'purchase-date', 'recipient-name', 'ship-address-1'],
  delimiter: '\t',
  mapping: {
    externalId: 'order-id',
    createdAt: 'purchase-date',
    currency: 'currency',
    // gift-wrap-price is there when the seller offers gift options (Amazon's order report help: "gift
    // wrap tax ... will be shown"); summed like the All Orders report's, so the two agree.
    lineAmount: ['item-price', 'shipping-price', 'gift-wrap-price'],
    lineTax: ['item-tax', 'shipping-tax', 'gift-wrap-tax'],
    lineDiscount: ['item-promotion-discount', 'ship-promotion-discount'],
    // An Amazon relay address (…@marketplace.amazon.de): stable per buyer, never seen elsewhere.
    email: 'buyer-email',
    phone: ['buyer-phone-number', 'ship-phone-number'],
    shipName: 'recipient-name',
    shipStreet: ['ship-address-1', 'ship-address-2', 'ship-address-3'],
    shipPostcode: 'ship-postal-code',
    shipCity: 'ship-city',
    shipCountry: 'ship-country',
    channel: 'sales-channel',
  },
  // Unshipped means paid and not yet sent; used only when the order is new to the cache. The Order
  // Report (New Orders) has the prices above; the Unshipped Orders report, with the same marker
  // columns, has none (order-id … quantity-to-ship … ship-address-1 …, no currency or item-price):
  // its orders add buyer and address to the orders the All Orders report stored.
  options: {
    source: SOURCE,
    marketplace: 'amazon',
    timeZone: 'UTC',
    defaultCurrency: 'EUR',
    defaultStatus: 'paid',
    decimalMark: '.',
    grouping: 'adjacent',
    pricesOptional: true,
    quotesAreText: true,
    itemId: ['order-item-id'],
    taxAddedFor: TAX_ADDED_FOR,
  },
};
