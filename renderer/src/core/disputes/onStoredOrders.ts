// A dispute names its order as its export wrote the number: `1001` in a PSP's metadata, `#1001` in
// Shopify. Every screen that meets disputes with orders (Rings, Review, Reports) reads them through
// this, so a chargeback reaches its order whichever spelling the cache stores.
import { joinedOrderKey, orderKeyVariants } from '../../../../shared/orders/paymentFacts';
import type { OrderSnapshot } from '../storage/orderStore';

/**
 * `disputes` with each order key under the spelling the snapshot stores (the key itself when no
 * spelling is stored); a dispute whose key is already stored, or that names no order, is kept as is.
 */
export async function onStoredOrders<T extends { orderKey: string }>(disputes: readonly T[], snapshot: Pick<OrderSnapshot, 'rowsOfKeys'>): Promise<T[]> {
  const wanted = new Set(disputes.flatMap((d) => (d.orderKey ? orderKeyVariants(d.orderKey) : [])));
  const stored = await snapshot.rowsOfKeys(wanted);
  return disputes.map((d) => {
    if (!d.orderKey) return d;
    const key = joinedOrderKey(d.orderKey, (k) => stored.has(k));
    return key === d.orderKey ? d : { ...d, orderKey: key };
  });
}
