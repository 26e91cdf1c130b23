// A ring's card count is its distinct cards, by the strongest form each order gives: a file without
// fingerprints counts cards by BIN, last 4 and expiry (or BIN and last 4), not as none.
import { describe, expect, it } from 'vitest';
import { buildRings } from '../../../shared/linking';
import { order } from '../normalize/orderFixture';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 5, 30, 23, 50);

describe('cards in a ring', () => {
  it('four cards tried on one device, known by BIN, last 4 and expiry only, are four cards', () => {
    const tries = [1, 2, 3, 4].map((n) =>
      order({
        externalId: `ch_${n}`,
        source: 'psp',
        cardBin: '52000000',
        cardLast4: `100${n}`,
        cardExpiry: '0' + n + '/28',
        deviceId: 'dev-2b7c9e',
        createdAt: T0 + n * MINUTE,
      }),
    );
    expect(buildRings(tries).rings.map((r) => [r.metrics.orders, r.metrics.cards])).toEqual([[4, 4]]);
  });

  it('cards known by 8-digit BIN and last 4 count too; a fingerprinted card counts once, not also by its summary', () => {
    const tries = [
      order({ externalId: 'ch_a', source: 'psp', cardBin: '52000000', cardLast4: '2001', deviceId: 'dev-2b7c9e', createdAt: T0 }),
      order({ externalId: 'ch_b', source: 'psp', cardBin: '52000000', cardLast4: '2002', deviceId: 'dev-2b7c9e', createdAt: T0 + MINUTE }),
      order({
        externalId: 'ch_c',
        source: 'psp',
        cardBin: '52000000',
        cardLast4: '2003',
        cardExpiry: '04/29',
        cardFingerprint: 'Fq81mZk2Pq0s',
        deviceId: 'dev-2b7c9e',
        createdAt: T0 + 2 * MINUTE,
      }),
    ];
    expect(buildRings(tries).rings.map((r) => r.metrics.cards)).toEqual([3]);
  });
});
