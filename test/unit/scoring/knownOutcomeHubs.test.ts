// Labelled outcomes weigh in hub judgement in scoring as in Rings, unless the scores are to be
// measured against those labels (What if…): then a shared value is judged without them.
import { describe, expect, it } from 'vitest';
import { buildKeyIndex } from '../../../shared/linking';
import type { Order } from '../../../shared/domain/order';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';
import { chargebackOn } from '../../support/disputes';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 10);

describe('known outcomes in scoring hubs', () => {
  // Twelve accounts ship to one office a month apart (steady use); three of them are labelled fraud.
  const orders: Order[] = Array.from({ length: 12 }, (_, i) =>
    order({
      externalId: `#${2001 + i}`,
      customerId: `acct-${i}`,
      email: `acct${i}@example.org`,
      shipName: `Person ${String.fromCharCode(65 + i)} Office`,
      shipStreet: 'Hafenweg 3',
      shipPostcode: '20457',
      shipCity: 'Hamburg',
      shipCountry: 'DE',
      createdAt: T0 + i * 25 * DAY,
      ...([1, 4, 9].includes(i) ? { knownOutcome: 'fraud' } : {}),
    }),
  );
  // A consumer dispute on one of them: another customer's chargeback at the address, unless it is a hub.
  const dispute = chargebackOn(orders[2]!, '13.1');
  const ctx = { orders, live: new Uint8Array(12).fill(1), index: buildKeyIndex(orders), disputes: [dispute], ringOf: new Map() };

  it('weighs them by default: the address is no hub, and the chargeback there counts for another account', () => {
    expect(computeSignals(ctx, [11])[0]!.priorChargebacks).toBe(1);
  });

  it('leaves them out when asked: the address is a hub again, its chargebacks another customer', () => {
    expect(computeSignals({ ...ctx, knownOutcomesInHubs: false }, [11])[0]!.priorChargebacks).toBeUndefined();
  });

  it('without labels the address is a hub either way', () => {
    const unlabelled = orders.map(({ knownOutcome: _, ...o }) => o);
    const plain = { ...ctx, orders: unlabelled, index: buildKeyIndex(unlabelled) };
    expect(computeSignals(plain, [11])[0]!.priorChargebacks).toBeUndefined();
  });
});
