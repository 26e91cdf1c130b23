// Hand-placed dispute cases an analyst should meet in any demo: a Visa Compelling Evidence 3.0
// candidate (and a near miss that does not qualify), deadlines due within 48 hours and overdue ones.

import { DAY_MS, HOUR_MS } from './calendar';
import type { Card, CardSpace } from './cards';
import type { NetworkSpace } from './network';
import type { Planner, PlannedDispute, PlannedOrder } from './plan';
import type { Rng } from './prng';

function visaCard(cards: CardSpace, draw: () => number): Card {
  for (;;) {
    const card = cards.freshCard(draw(), 'DE');
    if (card.brand === 'visa') return card;
  }
}

/**
 * Visa CE 3.0: the cardholder had two earlier undisputed transactions on the same card,
 * 120-365 days before, sharing at least two of IP, device, shipping address and account (one of
 * them IP or device). `priorsDaysBefore` places the earlier orders relative to the disputed one.
 */
function plantCardholderHistory(
  planner: Planner,
  rng: Rng,
  cards: CardSpace,
  network: NetworkSpace,
  draw: () => number,
  disputedAt: number,
  priorsDaysBefore: readonly number[],
  dispute: PlannedDispute,
): void {
  const person = planner.person((p) => p.country === 'DE');
  const card = visaCard(cards, draw);
  const deviceId = network.deviceId(person.key, 0);
  const homeIp = network.ipv4('DE', person.localKey, 0);
  const mobileIp = network.ipv4('DE', person.localKey, 1);
  const order = (extra: Partial<PlannedOrder>): PlannedOrder => ({
    person: person.index,
    marketplace: 'shop',
    value: 'normal',
    fraud: false,
    card,
    deviceId,
    ip: homeIp,
    status: 'fulfilled',
    disputeChance: 0,
    ...extra,
  });
  priorsDaysBefore.forEach((days, i) => planner.place(disputedAt - days * DAY_MS, rng, order({ ip: i === 0 ? homeIp : mobileIp })));
  planner.place(disputedAt, rng, order({ dispute }));
}

export function planCases(planner: Planner, rng: Rng, cards: CardSpace, network: NetworkSpace, draw: () => number): void {
  const now = planner.cal.now;
  if (planner.orders < 500) return;
  const fraud104 = (status: 'new' | 'gathering_evidence'): PlannedDispute => ({
    reason: 'fraudulent',
    reasonCode: '10.4',
    openAfterDays: 12,
    status,
  });
  plantCardholderHistory(planner, rng, cards, network, draw, now - 28 * DAY_MS, [rng.range(230, 300), rng.range(150, 200)], fraud104('gathering_evidence'));
  // Near miss: only one prior falls in the 120-365 day window; the other is 60 days old.
  plantCardholderHistory(planner, rng, cards, network, draw, now - 33 * DAY_MS, [rng.range(180, 260), 60], fraud104('new'));
  const deadlines: [dueIn: number, status: 'new' | 'gathering_evidence'][] = [
    [rng.range(6, 20) * HOUR_MS, 'gathering_evidence'],
    [rng.range(21, 34) * HOUR_MS, 'new'],
    [rng.range(35, 46) * HOUR_MS, 'new'],
    [-rng.range(1, 4) * DAY_MS, 'new'],
    [-rng.range(1, 6) * DAY_MS - 5 * HOUR_MS, 'gathering_evidence'],
  ];
  const reasons = ['product_not_received', 'fraudulent', 'product_unacceptable', 'fraudulent', 'credit_not_processed'] as const;
  deadlines.forEach(([dueIn, status], i) => {
    const window = rng.range(7, 21);
    const dueAt = now + dueIn;
    const person = planner.person();
    planner.place(dueAt - (window + rng.range(10, 40)) * DAY_MS, rng, {
      person: person.index,
      marketplace: 'shop',
      value: 'normal',
      fraud: false,
      status: 'fulfilled',
      dispute: { reason: reasons[i] as PlannedDispute['reason'], dueAt, window, status },
    });
  });
}
