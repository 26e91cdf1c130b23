// Finds every Visa Compelling Evidence 3.0 candidate while streaming, planted or organic, so
// the truth list is exact. Only customers who can receive a dispute are watched, which keeps
// the history small: a few thousand card orders even at a million orders.

import type { Dispute } from '../domain/dispute';
import { orderKey, type Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { DAY_MS } from './calendar';
import type { Ce3EligibleCase } from './types';

export const CE3_MIN_AGE_DAYS = 120;
export const CE3_MAX_AGE_DAYS = 365;

interface CardOrder {
  key: string;
  createdAt: number;
  fingerprint: string;
  ip: string;
  deviceId: string;
  address: string;
  customerId: string;
  /** Settled and never disputed: usable as prior evidence. */
  clean: boolean;
}

const addressOf = (o: Order): string => `${o.shipStreet}|${o.shipPostcode}`.trim().toLowerCase().replace(/\s+/g, ' ');

/** Visa 10.4 (Stripe writes "fraudulent" for it): the only dispute CE 3.0 applies to. */
export function isVisaCardAbsentFraud(d: Dispute): boolean {
  return d.network === 'visa' && (d.reasonCode === '10.4' || d.reasonCode === 'fraudulent');
}

/**
 * A prior order qualifies when it is 120-365 days older than both the disputed order and the
 * dispute (sources differ on the reference date; both must hold), and shares at least two of
 * IP, device, shipping address and account, one of them IP or device.
 */
export function qualifiesAsPrior(prior: CardOrder, disputed: CardOrder, openedAt: number): boolean {
  if (!prior.clean || prior.fingerprint !== disputed.fingerprint) return false;
  for (const reference of [disputed.createdAt, openedAt]) {
    const age = (reference - prior.createdAt) / DAY_MS;
    if (age < CE3_MIN_AGE_DAYS || age > CE3_MAX_AGE_DAYS) return false;
  }
  const ip = prior.ip !== '' && prior.ip === disputed.ip;
  const device = prior.deviceId !== '' && prior.deviceId === disputed.deviceId;
  const address = prior.address === disputed.address;
  const account = prior.customerId !== '' && prior.customerId === disputed.customerId;
  return (ip || device) && Number(ip) + Number(device) + Number(address) + Number(account) >= 2;
}

export class Ce3Watch {
  private readonly history = new Map<number, CardOrder[]>();
  readonly eligible: Ce3EligibleCase[] = [];

  constructor(private readonly watched: Set<number>) {}

  /** Call for every order in time order; `customer` is the generator's customer number. */
  observe(customer: number, order: Order, payment: Payment | undefined, dispute: Dispute | undefined): void {
    if (!payment || !this.watched.has(customer)) return;
    const entry: CardOrder = {
      key: orderKey(order),
      createdAt: order.createdAt,
      fingerprint: order.cardFingerprint,
      ip: order.ip,
      deviceId: order.deviceId,
      address: addressOf(order),
      customerId: order.customerId,
      clean: payment.status !== 'failed' && !dispute,
    };
    const past = this.history.get(customer) ?? [];
    if (dispute && isVisaCardAbsentFraud(dispute)) {
      const priors = past.filter((p) => qualifiesAsPrior(p, entry, dispute.openedAt));
      if (priors.length >= 2) this.eligible.push({ disputeId: dispute.id, priorOrderKeys: priors.map((p) => p.key) });
    }
    past.push(entry);
    this.history.set(customer, past);
  }
}
