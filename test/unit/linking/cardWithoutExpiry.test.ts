// BIN and last 4 alone (8 digits and 6) on every order with a card: the same card across files with
// and without expiries meets itself, while two cards that share a 6-digit BIN and last 4 stay two
// in the ring's card count, the hubs list and the scoring.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { buildKeyIndex, buildRings } from '../../../shared/linking';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';
import { chargebackOn } from '../../support/disputes';

let next = 0;
function customerOrder(fields: Partial<Order> = {}): Order {
  const n = ++next;
  return order({
    externalId: `#${n}`,
    customerId: `c${n}`,
    email: `person${n}@example.org`,
    shipName: `Person Nr${n} Tester${String.fromCharCode(97 + (n % 26))}${n}`,
    createdAt: n * 60_000,
    ...fields,
  });
}

describe('BIN and last 4 without an expiry', () => {
  it('a ring counts a card by its 8 BIN digits: another card that only shares the 6 is not named by it', () => {
    // One device, two cards that share 455555 and the last 4 but not the 8 digits: one from a
    // Stripe export (expiry, fingerprint), one from a file with the full BIN and no expiry.
    const stripe = customerOrder({ cardBin: '45555512', cardLast4: '1234', cardExpiry: '11/29', cardFingerprint: 'fp_card_one', deviceId: 'dev-shared-1' });
    const other = customerOrder({ cardBin: '45555599', cardLast4: '1234', deviceId: 'dev-shared-1' });
    const { rings } = buildRings([stripe, other]);
    expect(rings).toHaveLength(1);
    expect(rings[0]?.metrics.cards).toBe(2);
  });

  it('a masked card (6 BIN digits) that links to a full one by its 6 digits is that card, counted once', () => {
    const masked = customerOrder({ cardBin: '455555', cardLast4: '1234' });
    const full = customerOrder({ cardBin: '45555512', cardLast4: '1234' });
    const { rings } = buildRings([masked, full], [], { minStrength: 'weak' });
    expect(rings).toHaveLength(1);
    expect(rings[0]?.metrics.cards).toBe(1);
  });

  it('a 6-digit BIN and last 4 on orders that all carry 8 digits is not held back: no order needs it', () => {
    // Two cards told apart by their 8 digits, and no masked order that could be either.
    const one = customerOrder({ cardBin: '45555512', cardLast4: '1234' });
    const two = customerOrder({ cardBin: '45555599', cardLast4: '1234' });
    const split = buildRings([one, two], [], { minStrength: 'weak' });
    expect(split.rings).toEqual([]);
    expect(split.hubs).toEqual([]);
  });

  it("another card's chargeback on the same BIN and last 4 with another expiry is not this card's", () => {
    const mine = customerOrder({ cardBin: '45555512', cardLast4: '1234', cardExpiry: '11/29' });
    const theirs = customerOrder({ cardBin: '45555512', cardLast4: '1234', cardExpiry: '04/31' });
    const orders = [mine, theirs];
    const ctx = { orders, live: new Uint8Array(2).fill(1), index: buildKeyIndex(orders), disputes: [chargebackOn(theirs, '10.4')], ringOf: new Map() };
    expect(computeSignals(ctx, [0])[0]!.priorChargebacks).toBeUndefined();
    // The same card in a file without its expiry is the same card: its chargeback counts.
    const bare = customerOrder({ cardBin: '45555512', cardLast4: '1234' });
    const same = [mine, bare];
    const sameCtx = { orders: same, live: new Uint8Array(2).fill(1), index: buildKeyIndex(same), disputes: [chargebackOn(bare, '10.4')], ringOf: new Map() };
    expect(computeSignals(sameCtx, [0])[0]!.priorChargebacks).toBe(1);
  });
});
