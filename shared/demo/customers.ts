// The ordinary customer base: most people order once a year, some come back, a few order
// every few weeks; each has a favourite channel. Orders are dealt to customers by a keyed
// permutation, so a customer's repeat orders land at unrelated times of the year.

import type { Marketplace } from '../domain/order';
import { Permutation, Weighted, hash3, rngFor, type Rng } from './prng';
import { STREAM } from './streams';

const CHANNEL_SHARE = new Weighted<Marketplace>(['amazon', 'zalando', 'shop'], [50, 25, 25]);

export class CustomerBook {
  /** The customer of each order slot: customers hold runs of consecutive slots, in number order. */
  private readonly customerAt: Int32Array;
  private readonly deal: Permutation | undefined;
  readonly count: number;

  constructor(
    private readonly seed: number,
    readonly orders: number,
  ) {
    const rng = rngFor(seed, STREAM.customerMix, 0);
    // Looked up, not searched for: a demo maker asks for every ordinary order's customer, those of
    // the chunks it passes over too (generateDemoPart).
    const customerAt = new Int32Array(Math.max(1, orders));
    let total = 0;
    let c = 0;
    while (total < orders) {
      const end = Math.min(orders, total + ordersPerYear(rng));
      customerAt.fill(c++, total, end);
      total = end;
    }
    this.count = c;
    this.customerAt = customerAt;
    this.deal = orders > 0 ? new Permutation(orders, hash3(seed, STREAM.customerPerm, 0)) : undefined;
  }

  /** Customer number of the `position`-th ordinary order. */
  customerOf(position: number): number {
    return this.customerAt[(this.deal as Permutation).apply(position)] as number;
  }

  /** Mostly the customer's favourite channel, sometimes another one. */
  channelOf(customer: number, rng: Rng): Marketplace {
    if (rng.chance(0.2)) return CHANNEL_SHARE.pick(rng);
    const u = hash3(this.seed, STREAM.customerMix, customer) % 100;
    return u < 50 ? 'amazon' : u < 75 ? 'zalando' : 'shop';
  }
}

function ordersPerYear(rng: Rng): number {
  const u = rng.float();
  if (u < 0.62) return 1;
  if (u < 0.8) return 2;
  if (u < 0.88) return 3;
  if (u < 0.93) return 4;
  if (u < 0.98) return rng.range(5, 8);
  return rng.range(9, 25);
}
