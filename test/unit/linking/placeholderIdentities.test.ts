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

describe('placeholder card fingerprints', () => {
  it.each(['unknown', 'undefined', 'not available', '000000', '00000000-0000-0000-0000-000000000000'])(
    '"%s" links no one and names no cardholder',
    (fingerprint) => {
      const strangers = [1, 2].map((n) =>
        order({
          externalId: `#p${n}`,
          email: `p${n}@web.de`,
          cardFingerprint: fingerprint,
          cardBin: '52000000',
          cardLast4: `100${n}`,
          createdAt: T0 + n * DAY,
        }),
      );
      expect(ringsOf(strangers)).toEqual([]);
      // A card-transactions file: the card's own summary names the cardholder, not the placeholder.
      const cardOnly = order({ cardFingerprint: fingerprint, cardBin: '52000000', cardLast4: '1001' });
      expect(customerValuesOf(cardOnly)).toEqual(['c:52000000|1001|', 'c:520000|1001|']);
      expect(linkKeysOf(cardOnly).map((k) => k.rule)).toEqual(['bin8-last4', 'bin6-last4']);
    },
  );

  it('a real fingerprint still links, whatever its case', () => {
    const a = order({ externalId: '#f1', email: 'f1@web.de', cardFingerprint: 'Xk3n0NULLa7Q', createdAt: T0 });
    const b = order({ externalId: '#f2', email: 'f2@web.de', cardFingerprint: 'Xk3n0NULLa7Q', createdAt: T0 + HOUR });
    expect(ringsOf([a, b])).toEqual([keysOf([a, b])]);
  });
});

describe('placeholder phone numbers', () => {
  it.each([
    ['0123456789', 'DE'],
    ['0123 456789', 'DE'],
    ['+49 1111111111', 'DE'],
    ['0999999999', 'DE'],
    ['0987654321', 'DE'],
    ['+33 1 23 45 67 89', 'FR'],
  ])('strangers who typed %s into a mandatory phone field (%s) are no ring', (phone, shipCountry) => {
    const strangers = [1, 2, 3].map((n) =>
      order({ externalId: `#t${n}`, customerId: `t-${n}`, email: `t${n}@web.de`, phone, shipCountry, createdAt: T0 + n * DAY }),
    );
    expect(linkKeysOf(strangers[0]!).filter((k) => k.type === 'phone')).toEqual([]);
    expect(ringsOf(strangers)).toEqual([]);
  });

  it('real numbers with runs or repeats in them still link', () => {
    const numbers: [phone: string, shipCountry: string, value: string][] = [
      ['0171 1234567', 'DE', '+491711234567'],
      ['+49 171 1111111', 'DE', '+491711111111'],
      ['0612345678', 'FR', '+33612345678'],
    ];
    for (const [phone, shipCountry, value] of numbers) expect(linkKeysOf(order({ phone, shipCountry })).find((k) => k.type === 'phone')?.value).toBe(value);
  });
});

describe('placeholder e-mails, device ids and addresses', () => {
  it.each([
    'noreply@shop.de',
    'no-reply@nordwind.de',
    'test@test.com',
    'keine@angabe.de',
    'n/a@none.com',
    'xx@x.de',
    'null@example.com',
    'test+1@gmail.com',
    'te.st@googlemail.com',
  ])('"%s" names no one: strangers who gave it are neither one customer nor linked, and a burst on one device is a ring', (email) => {
    const strangers = [1, 2, 3].map((n) =>
      order({ externalId: `#e${n}`, customerId: `C-${n}`, email, shipName: `Kunde ${n}`, shipPostcode: `1011${n}`, createdAt: T0 + n * 30 * DAY }),
    );
    expect(customerValuesOf(strangers[0]!).some((v) => v.startsWith('e:'))).toBe(false);
    expect(linkKeysOf(strangers[0]!).filter((k) => k.type === 'email')).toEqual([]);
    expect(ringsOf(strangers)).toEqual([]);
    const burst = [1, 2, 3, 4].map((n) => order({ externalId: `#d${n}`, customerId: `D-${n}`, email, deviceId: 'dev-ab12cd34', createdAt: T0 + n * HOUR }));
    expect(buildRings(burst).rings.map((r) => r.metrics.customers)).toEqual([4]);
  });

  it.each(['(null)', '[object Object]', 'not_available', 'NaN', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])('device id "%s" links no one', (deviceId) => {
    const strangers = [1, 2, 3].map((n) => order({ externalId: `#v${n}`, email: `v${n}@web.de`, deviceId, createdAt: T0 + n * HOUR }));
    expect(linkKeysOf(strangers[0]!).filter((k) => k.type === 'device')).toEqual([]);
    expect(ringsOf(strangers)).toEqual([]);
  });

  it.each(['255.255.255.255', '224.0.0.1', '240.1.2.3', '198.18.0.7'])('IP %s is no one’s address', (ip) => {
    expect(linkKeysOf(order({ ip })).filter((k) => k.type === 'ip')).toEqual([]);
  });

  it('one Gmail mailbox under both its domains is one customer', () => {
    const a = order({ externalId: '#g1', email: 'anna.schmidt@googlemail.com', shipName: 'Anna Schmidt', shipPostcode: '10115' });
    const b = order({ externalId: '#g2', email: 'Anna.Schmidt@gmail.com', shipName: 'Anna Schmidt', shipStreet: 'Packstation 184', shipPostcode: '10117' });
    expect(customerValuesOf(a)).toContain('e:anna.schmidt@gmail.com');
    expect(customerValuesOf(b)).toContain('e:anna.schmidt@gmail.com');
    expect(ringsOf([a, b])).toEqual([]);
  });
});
