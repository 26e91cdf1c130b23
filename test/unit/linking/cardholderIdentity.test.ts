// A card-transactions file (no account, e-mail or name) names the cardholder by the card: one card
// is one cardholder whether a row carries its fingerprint or only its BIN, last 4 and expiry.
import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildRings } from '../../../shared/linking';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 30);

function ringsOf(orders: Order[]): string[][] {
  return buildRings(orders, [])
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}

describe('one card, some rows with its fingerprint and some without', () => {
  const card = { cardBin: '42424242', cardLast4: '4242', cardExpiry: '03/27' };

  it("is one cardholder's repeat purchases, not a ring", () => {
    // The January export had no fingerprint column; February's has one.
    const january = order({ externalId: 'ch_1', source: 'psp', ...card, createdAt: T0 });
    const february = order({ externalId: 'ch_2', source: 'psp', ...card, cardFingerprint: 'Fp9sKq2LmZ0a', createdAt: T0 + 5 * DAY });
    const march = order({ externalId: 'ch_3', source: 'psp', ...card, cardFingerprint: 'Fp9sKq2LmZ0a', createdAt: T0 + 40 * DAY });
    expect(ringsOf([january, february, march])).toEqual([]);
  });

  it('many cards on one device are still many cardholders', () => {
    const tries = [1, 2, 3].map((n) =>
      order({
        externalId: `ch_t${n}`,
        source: 'psp',
        ...card,
        cardLast4: `424${n}`,
        cardFingerprint: n === 1 ? '' : `FpTest000${n}`,
        deviceId: 'dev-9a8b7c6d',
      }),
    );
    expect(ringsOf(tries)).toEqual([tries.map((o) => orderKey(o)).sort()]);
  });
});
