// BIN and last 4 alone (8 digits and 6) on every order with a card: the same card across files with
// and without expiries meets itself, while two cards that share a 6-digit BIN and last 4 stay two
// in the ring's card count, the hubs list and the scoring.
import { describe, expect, it } from 'vitest';
import { buildKeyIndex, buildRings, KeyIndexBuilder } from '../../../shared/linking';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';
import { customerOrder } from './customerOrder';
import { chargebackOn } from '../../support/disputes';

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

  it("a ring linked by one card's fingerprint shows the card once in Linked by, not again by its BIN and last 4", () => {
    const card = { cardBin: '45555512', cardLast4: '1234', cardFingerprint: 'fp_stolen_card_7' };
    const [a, b] = [customerOrder({ ...card }), customerOrder({ ...card })];
    const { rings, hubs } = buildRings([a!, b!]);
    expect(rings[0]?.keys).toEqual({ card: ['fp:fp_stolen_card_7'] });
    expect(hubs).toEqual([]);
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

describe('a card-transactions file (no account, e-mail or name): the cardholder named by the card', () => {
  const bare = { customerId: '', email: '', shipName: '' };
  it('two cards that share BIN and last 4 but not the expiry are two cardholders: on one device, a ring', () => {
    const one = order({ ...bare, externalId: '#t1', cardBin: '45555512', cardLast4: '1234', cardExpiry: '11/29', deviceId: 'dev-tester-9', createdAt: 60_000 });
    const two = order({
      ...bare,
      externalId: '#t2',
      cardBin: '45555512',
      cardLast4: '1234',
      cardExpiry: '04/31',
      deviceId: 'dev-tester-9',
      createdAt: 120_000,
    });
    const { rings } = buildRings([one, two]);
    expect(rings).toHaveLength(1);
    expect(rings[0]?.metrics.customers).toBe(2);
    // An order of that BIN and last 4 without an expiry may be either card: it makes them no one cardholder.
    const masked = order({ ...bare, externalId: '#t3', cardBin: '45555512', cardLast4: '1234', createdAt: 180_000 });
    expect(buildRings([one, two, masked]).rings[0]?.metrics.customers).toBe(2);
  });

  it('one card with and without its expiry is one cardholder, added in two imports as in one', () => {
    const first = order({ ...bare, externalId: '#u1', cardBin: '45555512', cardLast4: '1234', cardExpiry: '11/29', deviceId: 'dev-home-1', createdAt: 60_000 });
    const second = order({ ...bare, externalId: '#u2', cardBin: '45555512', cardLast4: '1234', deviceId: 'dev-home-1', createdAt: 120_000 });
    const builder = new KeyIndexBuilder();
    builder.add([first]);
    builder.add([second]);
    const index = builder.index();
    expect(index.customerOf[0]).toBe(index.customerOf[1]);
    expect(buildRings([first, second], [], {}, index).rings).toEqual([]);
  });
});
