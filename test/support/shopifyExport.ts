// A minimal Shopify orders export (the columns its preset is detected by, one line item per
// order), for tests that need two shops whose order numbers meet.
export interface ShopifyRow {
  name: string;
  createdAt: string;
  total: string;
  email: string;
  currency?: string;
  /** Financial Status (default paid). */
  status?: string;
}

const HEADER = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem name', 'Shipping Zip', 'Shipping City', 'Shipping Country'];

export function shopifyExport(rows: readonly ShopifyRow[]): string {
  const lines = rows.map((r) => [r.name, r.email, r.status ?? 'paid', r.currency ?? 'EUR', r.total, r.createdAt, 'Item', '10115', 'Berlin', 'DE'].join(','));
  return [HEADER.join(','), ...lines].join('\n') + '\n';
}

/** `count` orders #1001, #1002 ... on `day` (YYYY-MM-DD), each with a total derived from `base`. */
export function shopOrders(count: number, day: string, base: number, emailDomain: string): ShopifyRow[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `#${1001 + i}`,
    // Timed to the second, as Shopify writes: the time alone tells two shops' orders apart.
    createdAt: `${day} ${String(10 + (i % 10)).padStart(2, '0')}:00:${String(1 + ((i * 7) % 59)).padStart(2, '0')} +0100`,
    total: (base + i).toFixed(2),
    email: `buyer${i}@${emailDomain}`,
  }));
}

/** An own-shop order the queue will show: paid, not shipped, flagged high risk by the shop. */
export interface RiskyOrder {
  name: string;
  createdAt: string;
  total?: string;
  email?: string;
}

const RISKY_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Fulfillment Status',
  'Currency',
  'Total',
  'Created at',
  'Lineitem name',
  'Shipping Zip',
  'Shipping City',
  'Shipping Country',
  'Risk Level',
];

/** A Shopify orders export of orders paid, unfulfilled and at high risk (+30: queued for review by the default matrix). */
export function riskyShopifyExport(rows: readonly RiskyOrder[]): string {
  const lines = rows.map((r) =>
    [
      r.name,
      r.email ?? `${r.name.replace(/\W/g, '')}@example.de`,
      'paid',
      'unfulfilled',
      'EUR',
      r.total ?? '80.00',
      r.createdAt,
      'Item',
      '10115',
      'Berlin',
      'DE',
      'High',
    ].join(','),
  );
  return [RISKY_HEADER.join(','), ...lines].join('\n') + '\n';
}
