import { describe, expect, it } from 'vitest';
import { SHOPIFY_ORDERS } from '../../../shared/ingest/formats/shopify';
import { forShop } from '../../../shared/ingest/reader';
import { describeShopQuestion, factDifferences, ShopClash, shopKeyClash, shopNameProblem, shopSource, type OrderFacts } from '../../../shared/ingest/shops';
import { STRIPE_PAYMENTS } from '../../../shared/ingest/formats/stripe';
import { AMAZON_ALL_ORDERS } from '../../../shared/ingest/formats/amazon';

const facts = (externalId: string, createdAt: number, totalMinor: number, currency = 'EUR'): OrderFacts => ({ externalId, createdAt, totalMinor, currency });

describe('shop clashes', () => {
  it('the same placement, total and currency is the same order; a minute apart, another amount or currency is not', () => {
    const t = Date.UTC(2026, 4, 1, 10);
    expect(factDifferences(facts('#1', t, 100), facts('#1', t + 59_000, 100))).toEqual([]);
    expect(factDifferences(facts('#1', t, 100), facts('#1', t + 60_000, 100))).toEqual(['date']);
    expect(factDifferences(facts('#1', t, 100), facts('#1', t, 101))).toEqual(['amount']);
    // Another currency says it all: the amounts are not compared across currencies.
    expect(factDifferences(facts('#1', t, 100), facts('#1', t, 5000, 'GBP'))).toEqual(['currency']);
  });

  it('collects the clashing numbers in numeric order, the files they came from and one example', () => {
    const clash = new ShopClash();
    const t = Date.UTC(2026, 4, 1, 10);
    for (const n of [1010, 1002, 1040, 1001]) expect(clash.add(facts(`#${n}`, t, 100), 'orders_export.csv', facts(`#${n}`, t + 86_400_000, 250))).toBe(true);
    expect(clash.add(facts('#1003', t, 100), 'orders_export.csv', facts('#1003', t, 100))).toBe(false);
    const q = clash.question('outlet.csv', null, ['Outlet'])!;
    expect(q).toMatchObject({
      kind: 'clash',
      file: 'outlet.csv',
      shop: null,
      orders: 4,
      first: '#1001',
      last: '#1040',
      from: ['orders_export.csv'],
      fromCount: 1,
      differs: ['date', 'amount'],
      shops: ['Outlet'],
    });
    expect(describeShopQuestion(q)).toBe('4 orders #1001–#1040 exist from orders_export.csv with other dates and amounts');
    expect(new ShopClash().question('x.csv', null, [])).toBeNull();
  });

  it('one order, and many source files, read naturally', () => {
    const clash = new ShopClash();
    for (let i = 0; i < 5; i++) clash.add(facts('#7', 0, 1), `file-${i}.csv`, facts('#7', 0, 2, 'USD'));
    const q = clash.question('b.csv', 'Outlet', [])!;
    expect(describeShopQuestion({ ...q, orders: 1 })).toBe('Order #7 exists from file-0.csv, file-1.csv, file-2.csv and 2 more files with other currencies');
  });
});

describe('named shops', () => {
  it('a new name that would key its orders like a known shop is refused; a known shop never is, even beside an older clashing name', () => {
    expect(shopKeyClash('Outlet+', ['Outlet'])).toMatch(/^“Outlet\+” would file its orders under the same key as the shop “Outlet”/);
    expect(shopKeyClash(' Outlet  Store ', ['Outlet Store'])).toBeNull();
    expect(shopKeyClash('书店', ['ラーメン店'])).toMatch(/same key as the shop “ラーメン店”/);
    expect(shopKeyClash('Outlet Berlin', ['Outlet'])).toBeNull();
    // Two such names from before the check: each is still that shop.
    expect(shopKeyClash('Outlet', ['Outlet', 'Outlet+'])).toBeNull();
    expect(shopKeyClash('Outlet+', ['Outlet', 'Outlet+'])).toBeNull();
  });

  it('a shop gets its own source, so its order numbers never meet another shop’s', () => {
    expect(shopSource('shopify', 'Outlet Store')).toBe('shopify@outlet-store');
    expect(shopSource('shopify', '  Müller  Shop ')).toBe('shopify@muller-shop');
    expect(shopSource('shopify', '***')).toBe('shopify@shop');
  });

  it('names are checked', () => {
    expect(shopNameProblem('Outlet')).toBeNull();
    expect(shopNameProblem('  ')).toBe('name the shop');
    expect(shopNameProblem('a@b')).toMatch(/cannot hold @/);
    expect(shopNameProblem('x'.repeat(61))).toMatch(/at most 60/);
  });

  it('own-shop orders take the shop as source and channel; payments join that shop’s orders; marketplace orders stay as they are', () => {
    const shop = forShop(SHOPIFY_ORDERS, ' Outlet ');
    expect(shop.options).toMatchObject({ source: 'shopify@outlet', channel: 'Outlet' });
    const pay = forShop(STRIPE_PAYMENTS, 'Outlet');
    expect(pay.options.orderSource).toBe(`${STRIPE_PAYMENTS.options.orderSource}@outlet`);
    expect(pay.options.source).toBe(STRIPE_PAYMENTS.options.source);
    expect(forShop(AMAZON_ALL_ORDERS, 'Outlet')).toBe(AMAZON_ALL_ORDERS);
  });
});
