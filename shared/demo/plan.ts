// The planted part of the year, decided before the first order is written: which order
// positions belong to rings, hubs and dispute cases, and who places them. Everything else is
// ordinary customers, filled in while streaming.

import type { DisputeStatus } from '../domain/dispute';
import type { Marketplace, OrderStatus } from '../domain/order';
import type { ValueClass } from './basket';
import { hourOf, type Calendar } from './calendar';
import type { Card } from './cards';
import type { IdentitySpace, Person } from './identity';
import type { Rng } from './prng';

export type DisputeReason = 'fraudulent' | 'product_not_received' | 'product_unacceptable' | 'credit_not_processed' | 'duplicate' | 'general';

export interface PlannedDispute {
  reason: DisputeReason;
  /** Network reason code to write instead of Stripe's reason, e.g. "10.4". */
  reasonCode?: string;
  /** Days between order and dispute (default: drawn 5-60). */
  openAfterDays?: number;
  /** Absolute evidence deadline; the dispute opens `window` days before it. */
  dueAt?: number;
  window?: number;
  status?: DisputeStatus;
}

/** Facts a planted order takes instead of its persona's own. */
export interface PlannedOrder {
  person: number;
  marketplace: Marketplace;
  value: ValueClass;
  fraud: boolean;
  shipName?: string;
  street?: string;
  postcode?: string;
  city?: string;
  shipCountry?: string;
  billCountry?: string;
  email?: string;
  phone?: string;
  ip?: string;
  deviceId?: string;
  card?: Card;
  currency?: string;
  status?: OrderStatus;
  /** Chance of a (fraud) dispute on this order when it is a card payment. */
  disputeChance?: number;
  dispute?: PlannedDispute;
  ring?: number;
  hubs?: number[];
}

export class Planner {
  readonly slots = new Map<number, PlannedOrder>();
  private nextPerson: number;

  constructor(
    readonly orders: number,
    readonly cal: Calendar,
    readonly identities: IdentitySpace,
    /** First customer number for planted personas (ordinary customers sit below). */
    readonly personBase: number,
    readonly personLimit: number,
  ) {
    this.nextPerson = personBase;
  }

  get plannedCount(): number {
    return this.slots.size;
  }

  /** Room left for planted orders; keeps ordinary customers the large majority. */
  get budget(): number {
    return Math.floor(this.orders * 0.3) - this.slots.size;
  }

  /** A fresh persona nobody else uses; `accept` filters (e.g. only Germans). */
  person(accept?: (p: Person) => boolean): Person {
    for (;;) {
      if (this.nextPerson >= this.personLimit) throw new Error('Demo plan ran out of persona numbers');
      const p = this.identities.person(this.nextPerson++);
      if (!accept || accept(p)) return p;
    }
  }

  /** Places an order near time `t` at a free position and returns that position. */
  place(t: number, rng: Rng, order: PlannedOrder): number {
    const index = this.freeIndexNear(t, rng);
    this.slots.set(index, order);
    return index;
  }

  private freeIndexNear(t: number, rng: Rng): number {
    const { counts, firstIndex } = this.cal;
    const hours = counts.length;
    const h0 = hourOf(this.cal, t);
    for (let d = 0; d < hours; d++) {
      for (const h of d === 0 ? [h0] : [h0 - d, h0 + d]) {
        if (h < 0 || h >= hours) continue;
        const count = counts[h] as number;
        if (count === 0) continue;
        const first = firstIndex[h] as number;
        const start = rng.int(count);
        for (let k = 0; k < count; k++) {
          const index = first + ((start + k) % count);
          if (!this.slots.has(index)) return index;
        }
      }
    }
    throw new Error('Demo plan has no free order position left');
  }
}
