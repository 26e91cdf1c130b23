// The demo's orders written as a Shopify orders export: the 79 columns of a current export (see
// formats.md), one row per line item, the order's own columns on its first row and `Name`, `Email`
// and `Phone` repeated on the rest, times in the shop's local time with its offset, postcodes with
// the leading `'` spreadsheets leave. The bench imports a million rows of it; tests import it back
// and compare every mapped value with the order it was written from.
import type { Order } from '../domain/order';

export const SHOPIFY_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

const COLUMN = Object.fromEntries(SHOPIFY_HEADER.map((h, i) => [h, i])) as Record<(typeof SHOPIFY_HEADER)[number], number>;
const ARTICLES = [
  ['Daunenjacke - M', 'DJ-M', 149.0],
  ['Sneaker Low - 42', 'SL-42', 89.95],
  ['Jeans Slim - 32/32', 'JS-3232', 69.9],
  ['Strickpullover - L', 'SP-L', 59.0],
  ['Sommerkleid - 38', 'SK-38', 45.5],
  ['Chelsea Boots - 41', 'CB-41', 119.0],
  ['Rucksack', 'RS-1', 39.99],
  ['Socken 3er-Pack', 'SO-3', 15.0],
] as const;
const FINANCIAL = { open: 'pending', paid: 'paid', fulfilled: 'paid', cancelled: 'voided', refunded: 'refunded' } as const;
const RISK = ['Low', 'Low', 'Low', 'Low', 'Medium', 'High'] as const;

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const money = (minor: number) => (minor / 100).toFixed(2);

/** A Shopify timestamp: the shop's local time (Berlin, +01:00 or +02:00 by the EU rule) and its offset. */
export function shopifyTime(ms: number): string {
  const y = new Date(ms).getUTCFullYear();
  const lastSunday = (month: number) => {
    const d = new Date(Date.UTC(y, month + 1, 0, 1));
    return d.getTime() - d.getUTCDay() * 86_400_000;
  };
  const summer = ms >= lastSunday(2) && ms < lastSunday(9);
  const local = new Date(ms + (summer ? 2 : 1) * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${summer ? '+0200' : '+0100'}`;
}

/** The rows of one order: its first row with the order's columns, then one row per further item. */
export function shopifyOrderRows(o: Order, number: number, items: number): string[] {
  const total = o.totalMinor;
  const shipping = total > 5000 ? 0 : 490;
  const taxes = Math.round(((total - shipping) * 19) / 119);
  const created = shopifyTime(o.createdAt);
  const paid = o.status === 'open' ? '' : created;
  const [address1, ...rest] = o.shipStreet.split(', ');
  const first = new Array<string>(SHOPIFY_HEADER.length).fill('');
  const set = (name: keyof typeof COLUMN, v: string) => (first[COLUMN[name]] = cell(v));
  set('Name', `#${number}`);
  set('Email', o.email);
  set('Financial Status', FINANCIAL[o.status]);
  set('Paid at', paid);
  set('Fulfillment Status', o.status === 'fulfilled' || o.status === 'refunded' ? 'fulfilled' : 'unfulfilled');
  set('Accepts Marketing', number % 3 === 0 ? 'yes' : 'no');
  set('Currency', o.currency);
  set('Subtotal', money(total - shipping));
  set('Shipping', money(shipping));
  set('Taxes', money(taxes));
  set('Total', money(total));
  set('Shipping Method', 'DHL Paket');
  set('Created at', created);
  // The demo has one address per order: it is written as both the billing and the shipping one.
  for (const side of ['Billing', 'Shipping'] as const) {
    set(`${side} Name`, o.shipName);
    set(`${side} Street`, o.shipStreet);
    set(`${side} Address1`, address1 ?? '');
    set(`${side} Address2`, rest.join(', '));
    set(`${side} City`, o.shipCity);
    set(`${side} Zip`, `'${o.shipPostcode}`);
    set(`${side} Phone`, o.phone);
  }
  set('Billing Country', o.billCountry || o.shipCountry);
  set('Shipping Country', o.shipCountry);
  set('Cancelled at', o.status === 'cancelled' ? created : '');
  set('Payment Method', 'Shopify Payments');
  set('Payment Reference', `c${number}.1`);
  set('Refunded Amount', o.status === 'refunded' ? money(total) : '0.00');
  set('Vendor', 'Nordwind');
  set('Outstanding Balance', '0.00');
  set('Id', String(5_800_000_000_000 + number));
  set('Risk Level', RISK[number % RISK.length]!);
  set('Source', 'web');
  set('Tax 1 Name', 'DE MwSt 19%');
  set('Tax 1 Value', money(taxes));
  set('Phone', o.phone);
  set('Payment ID', `c${number}.1`);
  set('Payment References', `c${number}.1`);
  const rows: string[][] = [];
  for (let i = 0; i < items; i++) {
    const row = i === 0 ? first : new Array<string>(SHOPIFY_HEADER.length).fill('');
    if (i > 0) {
      row[COLUMN.Name] = first[COLUMN.Name]!;
      row[COLUMN.Email] = first[COLUMN.Email]!;
      row[COLUMN.Phone] = first[COLUMN.Phone]!;
    }
    const [name, sku, price] = ARTICLES[(number + i * 3) % ARTICLES.length]!;
    row[COLUMN['Lineitem quantity']] = '1';
    row[COLUMN['Lineitem name']] = cell(name);
    row[COLUMN['Lineitem price']] = price.toFixed(2);
    row[COLUMN['Lineitem sku']] = sku;
    row[COLUMN['Lineitem requires shipping']] = 'true';
    row[COLUMN['Lineitem taxable']] = 'true';
    row[COLUMN['Lineitem fulfillment status']] = o.status === 'fulfilled' ? 'fulfilled' : 'pending';
    row[COLUMN['Lineitem discount']] = '0.00';
    rows.push(row);
  }
  return rows.map((r) => r.join(','));
}

/** Items of the n-th order written (1-based): one in 6 of 10 orders, two in 3, three in 1. */
export function shopifyItemsOf(n: number): number {
  return [1, 1, 2, 1, 3, 1, 2, 1, 2, 1][n % 10]!;
}
