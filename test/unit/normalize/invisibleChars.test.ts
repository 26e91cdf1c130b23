// Zero-width and bidi format characters (U+200B, U+2060, U+00AD, U+FEFF, U+202E) are
// invisible on screen and in reports, yet make look-alike values differ: a fraudster's e-mail with
// one inside does not link to the same-looking address, and an order number with one is a second
// order that reads exactly like the first.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { linkKeysOf } from '../../../shared/normalize';
import { order } from '../normalize/orderFixture';
import { bucketsAddUp, mappedWooOrders, runImport, values } from '../ingest/support';

const WOO = mappedWooOrders({
  currency: 'Currency',
  email: 'Billing Email',
  shipName: 'Shipping Name',
});
const HEADER = 'Order Number;Order Date;Order Total;Currency;Billing Email;Shipping Name\r\n';

const keyOf = (o: Order, type: string) => linkKeysOf(o).find((k) => k.type === type)?.value;

describe('invisible characters in link keys', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00ad'],
    ['BOM / ZWNBSP', '\ufeff'],
    ['right-to-left override', '\u202e'],
  ])('an e-mail with a %s links to the address it looks like', async (_name, ch) => {
    const text =
      HEADER +
      `1001;01.05.2026 10:00;49,90;EUR;ring.leader@example.com;Anna Pohl\r\n` +
      `1002;01.05.2026 11:00;49,90;EUR;ring.lea${ch}der@example.com;Anna Pohl\r\n`;
    const run = await runImport(text, { preset: WOO, fileName: 'orders.csv' });
    const [a, b] = values<Order>(run, 'order');
    expect(keyOf(b!, 'email')).toBe(keyOf(a!, 'email'));
  });

  it('a name with a soft hyphen or zero-width joiner gives the same name key', () => {
    const base = order({ shipName: 'Anna Pohl', shipPostcode: '80482' });
    expect(keyOf(order({ shipName: 'Anna Po\u00adhl', shipPostcode: '80482' }), 'name')).toBe(keyOf(base, 'name'));
    expect(keyOf(order({ shipName: 'An\u200dna Pohl', shipPostcode: '80482' }), 'name')).toBe(keyOf(base, 'name'));
  });

  it('an account id with a zero-width space links to the same account', () => {
    expect(keyOf(order({ customerId: 'C-77\u200b12' }), 'account')).toBe(keyOf(order({ customerId: 'C-7712' }), 'account'));
  });
});

describe('invisible characters in record keys', () => {
  it('an order number with a zero-width or bidi character is set aside, naming line and column', async () => {
    const text =
      HEADER +
      `1001;01.05.2026 10:00;49,90;EUR;a@example.com;Anna Pohl\r\n` +
      `1001\u200b;01.05.2026 10:00;0,01;EUR;a@example.com;Anna Pohl\r\n` +
      `\u202e1001;01.05.2026 10:00;0,01;EUR;a@example.com;Anna Pohl\r\n`;
    const run = await runImport(text, { preset: WOO, fileName: 'orders.csv' });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['1001']);
    expect(run.summary.problems.map((p) => [p.line, p.column, p.columnName])).toEqual([
      [3, 1, 'Order Number'],
      [4, 1, 'Order Number'],
    ]);
  });
});
