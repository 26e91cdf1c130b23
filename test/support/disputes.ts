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
