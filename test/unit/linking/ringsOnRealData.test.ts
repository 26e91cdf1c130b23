// Rings on realistic marketplace data, found by a review: each case names the input and the
// linking an analyst expects.
import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildRings } from '../../../shared/linking';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2);

function ringsOf(orders: Order[]): string[][] {
  return buildRings(orders, [])
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}
const keysOf = (orders: Order[]) => orders.map((o) => orderKey(o)).sort();

describe('review: one person is one customer, whatever the channel writes', () => {
  it('"Dr. Anna Schmidt" on the shop and "Anna Schmidt" on Amazon (relay e-mail), same flat and phone, are no ring', () => {
    const address = { shipStreet: 'Lindenstraße 14', shipPostcode: '50674', shipCity: 'Köln', shipCountry: 'DE' };
    const shop = order({
      externalId: '#5101',
      source: 'shopify',
      customerId: '7781',
      email: 'a.schmidt@web.de',
      phone: '0151 22334455',
      shipName: 'Dr. Anna Schmidt',
      createdAt: T0,
      ...address,
    });
    const amazon = order({
      externalId: '302-1234567-7654321',
      source: 'amazon.de',
      marketplace: 'amazon',
      email: 'k3xw9q0mz4lk1tt@marketplace.amazon.de',
      phone: '+49 151 22334455',
      shipName: 'Anna Schmidt',
      createdAt: T0 + 10 * DAY,
      ...address,
    });
    const zalando = order({
      externalId: '10105550001',
      source: 'zalando',
      marketplace: 'zalando',
      customerId: 'Z-99120',
      shipName: 'Frau Anna Schmidt',
      createdAt: T0 + 20 * DAY,
      ...address,
      shipStreet: 'Lindenstr. 14',
    });
    expect(ringsOf([shop, amazon, zalando])).toEqual([]);
  });

  it('"Anna Schmidt c/o Weber" and "Anna Schmidt" at one address are one customer, not a ring', () => {
    const a = order({
      externalId: '#6001',
      customerId: 's-1',
      email: 'anna@posteo.de',
      shipName: 'Anna Schmidt',
      shipStreet: 'Hauptstr. 5',
      shipPostcode: '10115',
      phone: '0176 5550101',
      createdAt: T0,
    });
    const b = order({
      externalId: '302-0000000-0000001',
      source: 'amazon.de',
      marketplace: 'amazon',
      email: 'x1y2z3@marketplace.amazon.de',
      shipName: 'Anna Schmidt c/o Weber',
      shipStreet: 'Hauptstr. 5',
      shipPostcode: '10115',
      phone: '+49 176 5550101',
      createdAt: T0 + DAY,
    });
    expect(ringsOf([a, b])).toEqual([]);
  });
});

describe('review: a drop address is a ring, however its orders write it', () => {
  const drop = (n: number, fields: Partial<Order>): Order =>
    order({
      externalId: `#70${n}`,
      customerId: `new-${n}`,
      email: `shopper.${n}${n}@gmx.de`,
      shipName: ['Max Weber', 'Lena Brandt', 'Tim Kraus'][n - 1]!,
      shipStreet: 'Prager Straße 10',
      shipPostcode: '01069',
      shipCity: 'Dresden',
      createdAt: T0 + n * 3_600_000,
      ...fields,
    });

  it('three new accounts within hours at one private address: one writes "c/o" in the name line', () => {
    const orders = [drop(1, {}), drop(2, {}), drop(3, { shipName: 'Tim Kraus c/o Weber' })];
    expect(ringsOf(orders)).toEqual([keysOf(orders)]);
  });

  it('three new accounts at one address: one writes the c/o line first ("c/o Weber, Prager Str. 10")', () => {
    const orders = [drop(1, {}), drop(2, {}), drop(3, { shipStreet: 'c/o Weber, Prager Str. 10' })];
    expect(ringsOf(orders)).toEqual([keysOf(orders)]);
  });

  it('three new accounts at one address: an Excel-saved export dropped the leading zero of the postcode', () => {
    const orders = [drop(1, {}), drop(2, { shipPostcode: '1069' }), drop(3, { shipPostcode: '1069' })];
    expect(ringsOf(orders)).toEqual([keysOf(orders)]);
  });
});

describe('review: Packstation', () => {
  const ps = (n: number, postnummer: string, fields: Partial<Order> = {}): Order =>
    order({
      externalId: `#80${n}`,
      customerId: `acc-${n}`,
      email: `buyer${n}.${postnummer.slice(-3)}@web.de`,
      shipName: ['Jonas Becker', 'Mia Hoffmann', 'Paul Schulz', 'Ela Yilmaz'][n - 1]!,
      shipStreet: `Packstation 184, ${postnummer}`,
      shipPostcode: '10115',
      createdAt: T0 + n * DAY,
      ...fields,
    });

  it('three accounts collecting with one Postnummer are a ring; a stranger at the same Packstation is not in it', () => {
    const same = [
      ps(1, '84752319'),
      ps(2, '84752319', { shipStreet: '84752319, Packstation 184' }),
      ps(3, '84752319', { shipStreet: 'Packstation Nr. 184, Postnummer 84752319' }),
    ];
    const stranger = ps(4, '11223344');
    expect(ringsOf([...same, stranger])).toEqual([keysOf(same)]);
  });
});

describe('review: placeholders never link', () => {
  it('strangers who typed 0000000000 into a mandatory phone field are no ring', () => {
    const orders = [1, 2, 3].map((n) =>
      order({
        externalId: `#90${n}`,
        customerId: `p-${n}`,
        email: `p${n}@example.org`,
        shipName: ['Ute Lang', 'Ali Demir', 'Sara Roth'][n - 1]!,
        shipStreet: `Gartenweg ${n}`,
        shipPostcode: `2${n}000`,
        phone: '0000000000',
        createdAt: T0 + n * DAY,
      }),
    );
    expect(ringsOf(orders)).toEqual([]);
  });
});
