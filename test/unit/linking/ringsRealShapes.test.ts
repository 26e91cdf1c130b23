// Rings on exports in the shapes real shops write them (issue 12): each case is what a demanding
// analyst tried, and what a ring must then say.
import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildRings } from '../../../shared/linking';
import { postcodeIn } from '../../../shared/normalize/address';
import { order } from '../normalize/orderFixture';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9);

function ringsOf(orders: Order[]): string[][] {
  return buildRings(orders, [])
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}
const keysOf = (orders: Order[]) => orders.map((o) => orderKey(o)).sort();

describe('one address, however the export cuts it', () => {
  const account = (n: number, fields: Partial<Order>): Order =>
    order({
      externalId: `#41${n}`,
      customerId: `acc-${n}`,
      email: `neu${n}.${n * 13}@gmx.de`,
      shipName: ['Max Weber', 'Lena Brandt', 'Tim Kraus'][n - 1]!,
      shipPostcode: '01069',
      createdAt: T0 + n * HOUR,
      ...fields,
    });

  it('street and house number in two columns ("Prager Straße, 12a") are the address "Prager Str. 12 a"', () => {
    const orders = [
      account(1, { shipStreet: 'Prager Straße 12a' }),
      account(2, { shipStreet: 'Prager Straße, 12a' }),
      account(3, { shipStreet: 'prager str., 12 A' }),
    ];
    expect(ringsOf(orders)).toEqual([keysOf(orders)]);
  });

  it('a flat written after a house number with a letter ("12a/3") is that flat, not house 3 of "Prager Straße 12a"', () => {
    const sameFlat = [account(1, { shipStreet: 'Prager Str. 12a/3' }), account(2, { shipStreet: 'Prager Straße 12a, Whg. 3' })];
    expect(ringsOf(sameFlat)).toEqual([keysOf(sameFlat)]);
    const neighbours = [account(1, { shipStreet: 'Prager Str. 12a/3' }), account(2, { shipStreet: 'Prager Str. 12a/4' })];
    expect(ringsOf(neighbours)).toEqual([]);
  });

  it('a postcode with the old country prefix ("D-01069", "DE-01069") is the postcode', () => {
    const orders = [
      account(1, { shipStreet: 'Prager Str. 10', shipPostcode: 'D-01069' }),
      account(2, { shipStreet: 'Prager Str. 10', shipPostcode: '1069' }),
      account(3, { shipStreet: 'Prager Str. 10', shipPostcode: 'DE-01069' }),
    ];
    expect(ringsOf(orders)).toEqual([keysOf(orders)]);
    // A Dublin Eircode keeps its letter: it is no country prefix there.
    expect(postcodeIn('D02 X285', 'IE')).toBe('D02X285');
  });
});
