// Chargebacks on shop card payments: about half a percent of payments, more on ring orders.
// Reasons follow Stripe's enum or the network's reason code; older disputes are resolved,
// recent ones still need evidence.

import type { CardNetwork, Dispute, DisputeStatus } from '../domain/dispute';
import type { Payment } from '../domain/payment';
import { DAY_MS, HOUR_MS } from './calendar';
import { panSafeTime } from './pan-guard';
import type { DisputeReason, PlannedOrder } from './plan';
import { ALNUM, rngFor, unit3, type Rng } from './prng';
import { STREAM } from './streams';

export const BASE_DISPUTE_RATE = 0.0035;

const REASONS: readonly DisputeReason[] = ['fraudulent', 'product_not_received', 'product_unacceptable', 'credit_not_processed', 'duplicate', 'general'];
const REASON_WEIGHTS = [52, 20, 13, 8, 3, 4];

/** Network reason codes per Stripe reason (Visa, Mastercard, Amex). */
const NETWORK_CODE: Record<DisputeReason, Record<'visa' | 'mastercard' | 'amex', string>> = {
  fraudulent: { visa: '10.4', mastercard: '4837', amex: 'F29' },
  product_not_received: { visa: '13.1', mastercard: '4855', amex: 'C08' },
  product_unacceptable: { visa: '13.3', mastercard: '4853', amex: 'C31' },
  credit_not_processed: { visa: '13.6', mastercard: '4853', amex: 'C02' },
  duplicate: { visa: '12.6.1', mastercard: '4834', amex: 'P08' },
  general: { visa: '13.7', mastercard: '4853', amex: 'C32' },
};

const OPEN_AFTER_DAYS: Record<DisputeReason, readonly [number, number]> = {
  fraudulent: [5, 45],
  product_not_received: [15, 60],
  product_unacceptable: [10, 60],
  credit_not_processed: [20, 60],
  duplicate: [5, 30],
  general: [10, 60],
};

/** Whether the order at `index` draws a dispute at `chance` (also used to pre-plan CE 3.0 tracking). */
export function disputeDrawn(seed: number, index: number, chance: number): boolean {
  return unit3(seed, STREAM.dispute, index) < chance;
}

const STATUSES: readonly DisputeStatus[] = ['new', 'gathering_evidence', 'submitted', 'won', 'lost', 'accepted'];

function statusFor(rng: Rng, openedAt: number, dueAt: number, now: number): DisputeStatus {
  if (dueAt === 0) return rng.chance(0.5) ? 'accepted' : 'lost';
  if (dueAt > now) return rng.weighted(STATUSES, [45, 40, 15, 0, 0, 0]);
  if (now - dueAt < 45 * DAY_MS) return rng.weighted(STATUSES, [5, 4, 76, 0, 0, 15]);
  return rng.weighted(STATUSES, [0, 0, 0, 35, 45, 20]);
}

/** A dispute against `payment` (order at position `index`), or undefined when none is filed (or it would open after `now`). */
export function disputeFor(
  seed: number,
  index: number,
  payment: Payment,
  orderKey: string,
  planned: PlannedOrder | undefined,
  now: number,
): Dispute | undefined {
  if (payment.status === 'failed') return undefined;
  const forced = planned?.dispute;
  const chance = planned?.disputeChance ?? BASE_DISPUTE_RATE;
  if (!forced && !disputeDrawn(seed, index, chance)) return undefined;
  const rng = rngFor(seed, STREAM.dispute, index);
  const reason: DisputeReason =
    forced?.reason ?? (planned?.fraud ? (rng.chance(0.85) ? 'fraudulent' : 'product_not_received') : rng.weighted(REASONS, REASON_WEIGHTS));
  const network = payment.cardBrand as 'visa' | 'mastercard' | 'amex';
  let openedAt: number;
  let dueAt: number;
  if (forced?.dueAt !== undefined) {
    openedAt = forced.dueAt - (forced.window ?? 14) * DAY_MS;
    dueAt = forced.dueAt;
  } else {
    const [lo, hi] = OPEN_AFTER_DAYS[reason];
    const days = forced?.openAfterDays ?? lo + rng.float() * (hi - lo);
    openedAt = payment.createdAt + days * DAY_MS + rng.int(12) * HOUR_MS;
    if (openedAt > now) {
      if (!forced) return undefined;
      openedAt = now - HOUR_MS;
    }
    dueAt = !forced && rng.chance(0.04) ? 0 : openedAt + rng.range(7, 21) * DAY_MS;
  }
  openedAt = panSafeTime(Math.floor(openedAt / 1000) * 1000);
  dueAt = dueAt === 0 ? 0 : panSafeTime(Math.floor(dueAt / 1000) * 1000);
  const partial = rng.chance(0.08);
  return {
    id: 'dp_1' + rng.chars(ALNUM, 23),
    provider: 'stripe',
    paymentId: payment.id,
    orderKey,
    network: network as CardNetwork,
    reasonCode: forced?.reasonCode ?? (rng.chance(0.6) ? reason : NETWORK_CODE[reason][network]),
    amountMinor: partial ? Math.round(payment.amountMinor * (0.3 + 0.6 * rng.float())) : payment.amountMinor,
    currency: payment.currency,
    openedAt,
    dueAt,
    status: forced?.status ?? statusFor(rng, openedAt, dueAt, now),
  };
}
