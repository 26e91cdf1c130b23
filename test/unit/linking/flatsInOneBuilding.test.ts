// Different households in one building are different addresses: neighbours who share nothing but
// the house number are no ring, however their flat is written.
import { describe, expect, it } from 'vitest';
import { buildRings } from '../../../shared/linking';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 4, 4);

describe('neighbours in one Vienna building', () => {
  it.each([
    ['Favoritenstraße 12/3/14', 'Favoritenstraße 12/3/15'],
    ['Favoritenstraße 12/3/14', 'Favoritenstraße 12/2/14'],
    ['Favoritenstraße 12, Tür 14', 'Favoritenstraße 12, Tür 15'],
  ])('%s and %s are no ring', (first, second) => {
    const neighbours = [first, second].map((shipStreet, n) =>
      order({
        externalId: `#w${n}`,
        customerId: `wien-${n}`,
        email: `nachbar${n}@gmx.at`,
        shipName: n === 0 ? 'Lukas Berger' : 'Sabine Huber',
        shipStreet,
        shipPostcode: '1100',
        shipCountry: 'AT',
        createdAt: T0 + n * DAY,
      }),
    );
    expect(buildRings(neighbours).rings).toEqual([]);
  });
});
