// Values a shop writes when it has none (a guest checkout's customer id 0, a fingerprint "unknown"):
// they name no one, so they neither make strangers one customer nor link them.
import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildRings } from '../../../shared/linking';
import { customerValuesOf, linkKeysOf } from '../../../shared/normalize';
import { order } from '../normalize/orderFixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 2, 2);

function ringsOf(orders: Order[]): string[][] {
  return buildRings(orders, [])
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}
const keysOf = (orders: Order[]) => orders.map((o) => orderKey(o)).sort();

describe('placeholder customer ids', () => {
  // WooCommerce writes customer id 0 for every guest checkout; other shops write "guest" or "N/A".
  const guest = (n: number, customerId: string, fields: Partial<Order> = {}) =>
    order({ externalId: `#${n}`, source: 'woo', customerId, email: `buyer${n}@web.de`, createdAt: T0 + n * HOUR, ...fields });

  it.each(['0', '000', 'guest', 'Gast', 'N/A', '-', 'null', 'unknown'])(
    '"%s" is no account: three guests on one device within hours are a ring of three',
    (id) => {
      const guests = [1, 2, 3].map((n) => guest(n, id, { deviceId: 'dev-7f3a9c21' }));
      expect(customerValuesOf(guests[0]!)).toEqual(['e:buyer1@web.de']);
      expect(linkKeysOf(guests[0]!).filter((k) => k.type === 'account')).toEqual([]);
      expect(buildRings(guests).rings.map((r) => [r.orderKeys.slice().sort(), r.metrics.customers])).toEqual([[keysOf(guests), 3]]);
    },
  );

  it('a guest who shares nothing with a ring is not pulled into it by the guest id', () => {
    const stranger = guest(1, '0', { createdAt: T0 - 100 * DAY });
    const ring = [guest(2, '0', { deviceId: 'dev-7f3a9c21' }), guest(3, '4711', { deviceId: 'dev-7f3a9c21' })];
    expect(ringsOf([stranger, ...ring])).toEqual([keysOf(ring)]);
  });
});
