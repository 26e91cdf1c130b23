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

  it('another buyer is another order: every e-mail, customer id and name both versions have differs', () => {
    const t = Date.UTC(2026, 4, 1);
    const at = (buyer: Partial<OrderFacts>) => ({ ...facts('#1001', t, 2990), ...buyer });
    // Another shop's #1001, the same day (a date-only export) for the same popular price.
    expect(factDifferences(at({ email: 'anna@a.example', shipName: 'Anna Berg' }), at({ email: 'jan@b.example', shipName: 'Jan Nowak' }))).toEqual(['buyer']);
    expect(factDifferences(at({ customerId: '17' }), at({ customerId: '912' }))).toEqual(['buyer']);
    // The same shop's corrected export: one of them changed, the others agree.
    expect(factDifferences(at({ email: 'anna@a.exmaple', shipName: 'Anna Berg' }), at({ email: 'anna@a.example', shipName: 'Anna Berg' }))).toEqual([]);
    expect(factDifferences(at({ email: 'anna@a.example', shipName: 'Anna Berg' }), at({ email: 'anna@a.example', shipName: 'Anna Lind' }))).toEqual([]);
    // Case, spacing and composed accents are no difference.
    expect(factDifferences(at({ email: 'Anna@A.example ', shipName: 'Zoe\u0301  Weiß' }), at({ email: 'anna@a.example', shipName: 'zoé weiß' }))).toEqual([]);
    // Timed to the second, the time tells: the same second and amount with another buyer is the order corrected.
    const timed = (buyer: Partial<OrderFacts>) => ({ ...facts('#1001', t + 36_007_000, 2990), ...buyer });
    expect(factDifferences(timed({ email: 'anna@a.example' }), timed({ email: 'jan@b.example' }))).toEqual([]);
    // A date-only export read in Berlin time places both at 22:00 UTC: the time cannot tell, the buyer does.
    const midnight = (buyer: Partial<OrderFacts>) => ({ ...facts('#1001', Date.UTC(2026, 3, 30, 22), 2990), ...buyer });
    expect(factDifferences(midnight({ email: 'anna@a.example' }), midnight({ email: 'jan@b.example' }))).toEqual(['buyer']);
    // A file whose times tell orders apart (some off a quarter hour): its 09:00 order with another e-mail is that order corrected.
    expect(factDifferences(midnight({ email: 'anna@a.example' }), midnight({ email: 'jan@b.example' }), false)).toEqual([]);
    // Only what both versions have is compared; with nothing to compare, nothing differs.
    expect(factDifferences(at({ email: 'anna@a.example' }), at({ shipName: 'Jan Nowak' }))).toEqual([]);
    expect(factDifferences(at({ email: 'anna@a.example', shipName: 'Anna Berg' }), at({ shipName: 'Jan Nowak' }))).toEqual(['buyer']);
    expect(factDifferences(at({}), at({}))).toEqual([]);
  });

  it('the question keeps only the facts compared of the stored order, and names buyers among what differs', () => {
    const clash = new ShopClash();
    const stored = { ...facts('#1001', 0, 2990), email: 'anna@a.example', cardBin: '411111', cardLast4: '1111', ip: '10.0.0.1' };
    expect(clash.add(stored, 'shop-a.csv', { ...facts('#1001', 0, 2990), email: 'jan@b.example' })).toBe(true);
    const q = clash.question('shop-b.csv', null, [])!;
    expect(q.example.stored).toEqual({ ...facts('#1001', 0, 2990), email: 'anna@a.example' });
    expect(q.differs).toEqual(['buyer']);
    expect(describeShopQuestion(q)).toBe('Order #1001 exists from shop-a.csv with other buyers');
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
