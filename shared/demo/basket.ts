// What an order is worth: one to four items at shop price points (49.99, 89.95, 119.00) plus
// shipping, by channel; fraud rings buy resellable goods (sneakers, headphones, consoles).

import type { Marketplace } from '../domain/order';
import { Weighted, type Rng } from './prng';

export type ValueClass = 'normal' | 'resellable';

interface Assortment {
  median: number;
  sigma: number;
  /** Cumulative probabilities of 1, 2, 3, 4 items. */
  items: readonly number[];
}

const ASSORTMENT: Record<Marketplace | 'resellable', Assortment> = {
  zalando: { median: 55, sigma: 0.6, items: [0.55, 0.83, 0.95, 1] },
  amazon: { median: 32, sigma: 0.8, items: [0.75, 0.93, 1, 1] },
  shop: { median: 60, sigma: 0.7, items: [0.6, 0.85, 1, 1] },
  other: { median: 45, sigma: 0.7, items: [0.6, 0.85, 1, 1] },
  resellable: { median: 240, sigma: 0.45, items: [0.7, 1, 1, 1] },
};

const MIN_EUR = 15;
const MAX_EUR = 600;

/** Cents below the round price: .99, .95, .90 or .00. */
const ENDING = new Weighted([1, 5, 10, 0], [50, 20, 12, 18]);

/** A shelf price: 12.99, 49.95, 89.90, 119.00. */
function pricePoint(rng: Rng, euros: number): number {
  if (euros < 20) return Math.max(3, Math.floor(euros)) * 100 + rng.pick([99, 95, 49]);
  const step = euros < 100 ? 5 : 10;
  const base = Math.max(step, Math.round(euros / step) * step);
  return base * 100 - ENDING.pick(rng);
}

function shipping(rng: Rng, marketplace: Marketplace, subtotal: number): number {
  if (marketplace === 'zalando') return 0;
  if (marketplace === 'amazon') return subtotal < 2900 && rng.chance(0.3) ? 399 : 0;
  return subtotal < 5000 ? 495 : 0;
}

/** Order total in EUR cents, 15-600 EUR. */
export function basketTotalEur(rng: Rng, marketplace: Marketplace, value: ValueClass): number {
  const a = ASSORTMENT[value === 'resellable' ? 'resellable' : marketplace];
  let total = 0;
  for (let attempt = 0; attempt < 6; attempt++) {
    const u = rng.float();
    let count = 1;
    while (count < a.items.length && u >= (a.items[count - 1] as number)) count++;
    let subtotal = 0;
    for (let i = 0; i < count; i++) subtotal += pricePoint(rng, a.median * Math.exp(a.sigma * rng.normal()));
    total = subtotal + shipping(rng, marketplace, subtotal);
    if (total >= MIN_EUR * 100 && total <= MAX_EUR * 100) return total;
  }
  return Math.min(MAX_EUR * 100 - 1, Math.max(MIN_EUR * 100 + 95, total));
}

const RATE: Record<string, number> = { EUR: 1, PLN: 4.3, CHF: 0.95 };

/** Price in another currency as a shop would list it (rounded to .99 / .90). */
export function convertPrice(eurCents: number, currency: string): number {
  const rate = RATE[currency];
  if (rate === undefined) throw new RangeError(`No demo exchange rate for ${currency}`);
  if (rate === 1) return eurCents;
  const raw = Math.round((eurCents * rate) / 100);
  return currency === 'PLN' ? raw * 100 - 1 : raw * 100 - 10;
}
