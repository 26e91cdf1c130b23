// A lost Visa chargeback on an order, opened 30 days after it, for unit tests: a fraud one
// (10.4) unless `reasonCode` says otherwise.
import type { Dispute } from '../../shared/domain/dispute';
import { orderKey, type Order } from '../../shared/domain/order';

export function chargebackOn(o: Order, reasonCode = '10.4', stage?: Dispute['stage']): Dispute {
  return {
    id: `dp_${o.externalId}`,
    provider: 'stripe',
    paymentId: '',
    orderKey: orderKey(o),
    network: 'visa',
    reasonCode,
    amountMinor: 5000,
    currency: 'EUR',
    openedAt: o.createdAt + 30 * 86_400_000,
    dueAt: 0,
    status: 'lost',
    ...(stage ? { stage } : {}),
  };
}

/** A new Visa fraud dispute (10.4) of 1.00 EUR on `orderKey` as its export named the order, opened and due at `at`. */
export function openFraudDispute(id: string, orderKey: string, at: number): Dispute {
  return {
    id,
    orderKey,
    provider: 'stripe',
    paymentId: '',
    network: 'visa',
    reasonCode: '10.4',
    amountMinor: 100,
    currency: 'EUR',
    openedAt: at,
    dueAt: at,
    status: 'new',
  };
}

/**
 * A Visa fraud chargeback (10.4) of 10.00 EUR named `id`, opened a day after `t` and due 20 days
 * after it, new unless `fields` say otherwise: the reports' tests build their months from these.
 */
export function reportDispute(t: number, id: string, fields: Partial<Dispute> = {}): Dispute {
  return {
    id,
    provider: 'stripe',
    paymentId: id,
    orderKey: '',
    network: 'visa',
    reasonCode: '10.4',
    amountMinor: 1000,
    currency: 'EUR',
    openedAt: t + 86_400_000,
    dueAt: t + 20 * 86_400_000,
    status: 'new',
    ...fields,
  };
}
