// A distinct customer's order for linking tests: its own account, e-mail and name, a minute after
// the one before, with the shared facts a test gives it.
import type { Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

let next = 0;
export function customerOrder(fields: Partial<Order> = {}): Order {
  const n = ++next;
  return order({
    externalId: `#${n}`,
    customerId: `c${n}`,
    email: `person${n}@example.org`,
    shipName: `Person Nr${n} Tester${String.fromCharCode(97 + (n % 26))}${n}`,
    createdAt: n * 60_000,
    ...fields,
  });
}
