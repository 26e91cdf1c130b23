// Where an order stands when the export is taken: fresh orders are still open or paid, older
// ones fulfilled, with returns by channel (fashion on Zalando comes back a lot), and how it was paid.

import type { Marketplace, OrderStatus } from '../domain/order';
import type { Payment } from '../domain/payment';
import { DAY_MS, HOUR_MS } from './calendar';
import { Weighted, type Rng } from './prng';

const RETURN_RATE: Record<Marketplace, number> = { zalando: 0.28, amazon: 0.07, shop: 0.11, other: 0.1 };
const STATUSES: readonly OrderStatus[] = ['open', 'paid', 'fulfilled', 'cancelled', 'refunded'];

const FRESH = new Weighted(STATUSES, [45, 40, 10, 5, 0]);
const RECENT = new Weighted(STATUSES, [10, 35, 50, 5, 0]);
const FRAUD = new Weighted(STATUSES, [0, 0, 75, 20, 5]);
const SETTLED: Record<Marketplace, [Weighted<OrderStatus>, Weighted<OrderStatus>]> = {
  amazon: settled('amazon'),
  zalando: settled('zalando'),
  shop: settled('shop'),
  other: settled('other'),
};

/** [within two weeks, older]: returns are still coming in for the recent ones. */
function settled(m: Marketplace): [Weighted<OrderStatus>, Weighted<OrderStatus>] {
  const early = RETURN_RATE[m] * 40;
  const late = RETURN_RATE[m] * 100;
  return [new Weighted(STATUSES, [0, 3, 94 - early, 3, early]), new Weighted(STATUSES, [0, 0, 97 - late, 3, late])];
}

export function orderStatus(rng: Rng, ageMs: number, marketplace: Marketplace, fraud: boolean): OrderStatus {
  if (ageMs < 24 * HOUR_MS) return FRESH.pick(rng);
  if (ageMs < 72 * HOUR_MS) return RECENT.pick(rng);
  if (fraud) return FRAUD.pick(rng);
  return SETTLED[marketplace][ageMs < 14 * DAY_MS ? 0 : 1].pick(rng);
}

export function paymentStatus(rng: Rng, status: OrderStatus): Payment['status'] {
  if (status === 'refunded') return 'refunded';
  if (status === 'cancelled') return rng.chance(0.6) ? 'refunded' : 'failed';
  return 'succeeded';
}

const ZALANDO_PAYMENT = new Weighted(['invoice', 'paypal', 'klarna', 'direct_debit', 'gift_card'], [44, 30, 15, 8, 3]);

/** How marketplace orders were paid; the seller never sees card data for these. */
export function marketplacePaymentMethod(rng: Rng, marketplace: 'amazon' | 'zalando'): string {
  if (marketplace === 'amazon') return 'amazon';
  return ZALANDO_PAYMENT.pick(rng);
}
