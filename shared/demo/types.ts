// Public shapes of the demo generator: options, streamed chunks and the planted ground truth
// that tests (and a curious analyst) can check the linking against.

import type { Dispute } from '../domain/dispute';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';

export type DemoSize = 10_000 | 100_000 | 1_000_000;

export interface DemoOptions {
  /** Number of orders; the sizes offered in the UI are DemoSize, any positive integer works. */
  orders: number;
  seed: number;
  /** Epoch ms of "today"; the year of data ends here. */
  now: number;
  /** Orders per yielded chunk (default 10,000). */
  chunkSize?: number;
}

export interface DemoChunk {
  orders: Order[];
  /** Stripe payments of this chunk's shop orders. */
  payments: Payment[];
  /** Disputes against this chunk's payments (opened later, but never after `now`). */
  disputes: Dispute[];
}

export type RingKind = 'shared-card' | 'shared-device' | 'address-variants' | 'email-variants' | 'phone-variants' | 'mixed';

export interface PlantedRing {
  id: string;
  kind: RingKind | string;
  /** orderKey() of every member order. */
  orderKeys: string[];
}

export type HubKeyType = 'address' | 'ip' | 'email' | 'phone' | 'device' | 'card';

export interface PlantedHub {
  kind: 'packstation' | 'postfiliale' | 'corporate-proxy-ip' | 'marketplace-warehouse' | string;
  keyType: HubKeyType;
  /** The shared value as written on the orders' canonical form, e.g. "Packstation 123, 10115 Berlin". */
  value: string;
  orderKeys: string[];
}

export interface Ce3EligibleCase {
  disputeId: string;
  priorOrderKeys: string[];
}

export interface DemoTruth {
  rings: PlantedRing[];
  hubs: PlantedHub[];
  ce3Eligible: Ce3EligibleCase[];
}
