// The payments that name an own-shop order and how each stands to it: joined (its shop's, and it fits),
// joined by assumed shop, or named but not joined because it does not fit. One rule for the order's detail and the evidence pack.
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { paymentSpeaksFor, paysFor } from '../ingest/writePlan';
import { misfitFigures, type PaymentMisfit } from './paymentFit';
import { orderKeyVariants, orderRefVariants } from './paymentFacts';

/**
 * `shop`: the order's shop's payment, and it fits; `assumed-shop`: nobody was asked which shop the
 * payment is from (Payment.shopAssumed), it does not fit the order of its number in the shop it was
 * taken for and fits this one; `misfit`: the order's shop's payment that does not fit it, kept and
 * joined to no order (`why` says how, with the figures).
 */
export type PaymentJoin = { kind: 'shop' } | { kind: 'assumed-shop' } | { kind: 'misfit'; misfit: PaymentMisfit; why: string };

export interface NamingPayment {
  payment: Payment;
  join: PaymentJoin;
}

type NamedOrder = Pick<Order, 'marketplace' | 'source' | 'externalId' | 'totalMinor' | 'currency' | 'createdAt'>;
type FitFacts = Pick<Order, 'marketplace' | 'source' | 'totalMinor' | 'currency' | 'createdAt'>;

/** Whether the payment joins the order: only joined payments lend it their facts or count as its payment. */
export const joinsOrder = (j: PaymentJoin): boolean => j.kind !== 'misfit';

/**
 * The keys (every spelling) of the order a payment was taken for when nobody was asked its shop, where
 * it may speak for `order` of another shop: the order it must not fit first. Empty for any other payment.
 */
export function assumedOrderKeys(p: Payment, order: Pick<Order, 'marketplace' | 'source'>, fallback: string): string[] {
  return p.shopAssumed && !paysFor(p, order, fallback) ? orderKeyVariants(`${p.orderSource ?? fallback}:${p.orderRef}`) : [];
}

/**
 * Of `payments`, those naming own-shop `order` (its number in any spelling) that are its shop's or
 * speak for it by assumed shop (paymentSpeaksFor), each with how it stands; in the order given. A
 * payment of another shop's order of that number that does not speak for this one is left out.
 * `fallback` is the shop a payment stored without one is taken for; `assumedOrder` finds the order of
 * the payment's number in the shop it was taken for (assumedOrderKeys).
 */
export function paymentsNaming(
  order: NamedOrder,
  payments: readonly Payment[],
  fallback: string,
  assumedOrder: (p: Payment) => FitFacts | undefined,
): NamingPayment[] {
  if (order.marketplace !== 'shop') return [];
  const refs = new Set(orderRefVariants(order.externalId));
  const out: NamingPayment[] = [];
  for (const p of payments) {
    if (!refs.has(p.orderRef)) continue;
    if (paysFor(p, order, fallback)) {
      const misfit = misfitFigures(p, order);
      out.push({ payment: p, join: misfit ? { kind: 'misfit', misfit: misfit.why, why: misfit.text } : { kind: 'shop' } });
    } else if (paymentSpeaksFor(p, order, fallback, assumedOrder(p))) {
      out.push({ payment: p, join: { kind: 'assumed-shop' } });
    }
  }
  return out;
}
