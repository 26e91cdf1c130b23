// Rings on exports in the shapes real shops write them (issue 12): each case is what a demanding
// analyst tried, and what a ring must then say.
import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildRings } from '../../../shared/linking';
import { linkKeysOf } from '../../../shared/normalize';
import { postcodeIn } from '../../../shared/normalize/address';
import { order } from '../normalize/orderFixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 2, 2, 9);

function ringsOf(orders: Order[]): string[][] {
  return buildRings(orders, [])
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}
const keysOf = (orders: Order[]) => orders.map((o) => orderKey(o)).sort();

describe('an Amazon relay e-mail is its buyer', () => {
  const amazon = (id: string, email: string, fields: Partial<Order>): Order =>
    order({ externalId: id, source: 'amazon.de', marketplace: 'amazon', email, phone: '+49 151 22334455', ...fields });

  it("one buyer's two orders (one relay address) sent to two people on the buyer's phone are no ring", () => {
    const relay = 'k3xw9q0mz4lk1tt@marketplace.amazon.de';
    const orders = [
      amazon('302-1111111-0000001', relay, { shipName: 'Anna Schmidt', shipStreet: 'Lindenstr. 14', shipPostcode: '50674', createdAt: T0 }),
      // A gift: the parcel goes to her brother; the relay with a stray space and in capitals, as a spreadsheet may leave it.
      amazon('302-1111111-0000002', ` ${relay.toUpperCase()}`, {
        shipName: 'Bernd Schmidt',
        shipStreet: 'Am Hang 3',
        shipPostcode: '80331',
        createdAt: T0 + 30 * DAY,
      }),
    ];
    expect(ringsOf(orders)).toEqual([]);
  });

  it('two relay addresses are two buyers: on one phone they are a ring, and the relay itself links no one', () => {
    const two = [
      amazon('302-2222222-0000001', 'aaa111@marketplace.amazon.de', { shipName: 'Anna Schmidt', shipPostcode: '50674', createdAt: T0 }),
      amazon('302-2222222-0000002', 'bbb222@marketplace.amazon.de', { shipName: 'Bernd Schmidt', shipPostcode: '80331', createdAt: T0 + HOUR }),
    ];
    expect(ringsOf(two)).toEqual([keysOf(two)]);
    expect(linkKeysOf(two[0]!).map((k) => k.type)).not.toContain('email');
  });
});

describe('a DHL Packstation, however it is written', () => {
  const collector = (n: number, street: string, createdAt: number): Order =>
    order({
      externalId: `#31${String(n).padStart(2, '0')}`,
      customerId: `new-${n}`,
      email: `kunde${n}.${n * 7}@web.de`,
      shipName: `${['Jonas', 'Mia', 'Paul', 'Ela', 'Tom', 'Lina', 'Ben', 'Ida', 'Max', 'Zoe', 'Leo', 'Ana'][n - 1]} ${['Becker', 'Hoffmann', 'Schulz', 'Yilmaz', 'Kraus', 'Wolf', 'Roth', 'Vogel', 'Frank', 'Peters', 'Haas', 'Lang'][n - 1]}`,
      shipStreet: street,
      shipPostcode: '10115',
      cardBin: '41111111',
      cardLast4: String(4100 + n),
      cardExpiry: '04/28',
      createdAt,
    });

  it('"Packst. 184", "Paketstation 184" and "Packstation 184" are one station, a hub for strangers months apart', () => {
    const orders = [
      collector(1, 'Packst. 184', T0),
      collector(2, 'Packst. 184', T0 + 40 * DAY),
      collector(3, 'Paketstation 184', T0 + 80 * DAY),
      collector(4, 'Packstation 184', T0 + 120 * DAY),
    ];
    const report = buildRings(orders);
    expect(report.rings).toEqual([]);
    expect(report.hubs.map((h) => [h.value, h.customers, h.reason])).toEqual([['DE|10115|packstation|184', 4, 'marked']]);
  });

  it('five new accounts with five cards collecting at one Packstation within a day are a ring, and say why it links', () => {
    const burst = [1, 2, 3, 4, 5].map((n) => collector(n, n % 2 ? 'Packstation 184' : 'Packst. 184', T0 + n * 2 * HOUR));
    const report = buildRings(burst);
    expect(ringsOf(burst)).toEqual([keysOf(burst)]);
    expect(report.hubs).toEqual([]);
    expect(report.bursts.map((b) => [b.value, b.why])).toEqual([
      [
        'DE|10115|packstation|184',
        '5 identities over 0 days, 5 of them within 7 days: a collection point or forwarder by its address, but a burst, linked as a ring',
      ],
    ]);
  });

  it('four accounts within a week, or five among twelve over the year, are no burst: the station stays a hub', () => {
    const four = [1, 2, 3, 4].map((n) => collector(n, 'Packstation 184', T0 + n * DAY));
    expect(ringsOf(four)).toEqual([]);
    const year = [
      ...[1, 2, 3, 4, 5].map((n) => collector(n, 'Packstation 184', T0 + n * HOUR)),
      ...[6, 7, 8, 9, 10, 11, 12].map((n) => collector(n, 'Packstation 184', T0 + n * 30 * DAY)),
    ];
    const report = buildRings(year);
    expect(report.rings).toEqual([]);
    expect(report.hubs.map((h) => h.why)).toEqual([
      '12 identities over 360 days, 5 of them within 7 days: a collection point or forwarder by its address, held back as a hub',
    ]);
  });
});

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
