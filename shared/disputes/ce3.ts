// Visa Compelling Evidence 3.0 for a 10.4 (card-absent fraud) dispute, from local history: at
// least two earlier undisputed transactions on the same card, 120 to 365 days before the
// disputed one (and before the dispute), each sharing with it two of the main elements (IP
// address, device id) or one main and one secondary (shipping address, account, e-mail).
// The rule as Stripe states it (docs.stripe.com/disputes/api/visa-ce3, read 2026-11): two prior
// transactions with the same payment method, paid and undisputed, within 120-365 days of the
// disputed one, matching it on "two main evidence elements" or "one main evidence element and
// one secondary evidence element"; main: customer purchase IP, customer device fingerprint or
// device ID; secondary: shipping address, customer email address, customer account ID. Visa's
// own wording (Stripe support, "How does Stripe support Visa CE 3.0?"): "more than 119 and fewer
// than 366 calendar days prior to the disputed transaction processing date".
import type { Dispute } from '../domain/dispute';
import { orderKey, type Order } from '../domain/order';
import { linkKeysOf, type LinkKey } from '../normalize';

const DAY_MS = 86_400_000;
export const CE3_WINDOW_DAYS = { min: 120, max: 365 } as const;

export const CE3_ELEMENTS = ['ip', 'device', 'address', 'account', 'email'] as const;
export type Ce3Element = (typeof CE3_ELEMENTS)[number];
/** Visa's main evidence elements; the rest are secondary. */
export const CE3_MAIN: ReadonlySet<Ce3Element> = new Set<Ce3Element>(['ip', 'device']);

/** Two elements shared, at least one of them main (IP or device). */
export function ce3Matches(shared: readonly Ce3Element[]): boolean {
  return shared.length >= 2 && shared.some((e) => CE3_MAIN.has(e));
}

export interface Ce3Prior {
  orderKey: string;
  createdAt: number;
  shared: Ce3Element[];
}

export interface Ce3Result {
  /** Visa 10.4 (or Stripe's `fraudulent` on a Visa card) with its order known. */
  applicable: boolean;
  qualifies: boolean;
  priors: Ce3Prior[];
  /** One sentence for the analyst. */
  why: string;
}

export function isCe3Dispute(d: Pick<Dispute, 'network' | 'reasonCode'>): boolean {
  const code = d.reasonCode.trim().toLowerCase();
  return d.network === 'visa' && (code === '10.4' || code === 'fraudulent');
}

interface Facts {
  card: string;
  ip: string;
  device: string;
  address: string;
  account: string;
  email: string;
}

function factsOf(o: Order): Facts {
  const keys = linkKeysOf(o);
  const pick = (test: (k: LinkKey) => boolean) => keys.find(test)?.value ?? '';
  return {
    // The provider fingerprint when there is one; otherwise BIN + last4 + expiry.
    card: pick((k) => k.rule === 'fingerprint') || pick((k) => k.rule === 'bin-last4-expiry'),
    ip: pick((k) => k.rule === 'ip-exact'),
    device: pick((k) => k.type === 'device'),
    address: pick((k) => k.type === 'address' && k.rule !== 'street-postcode'),
    account: pick((k) => k.type === 'account'),
    email: pick((k) => k.type === 'email'),
  };
}

/** Whether two orders were paid with the same card: its provider fingerprint, else BIN + last4 + expiry. */
export function sameCard(a: Order, b: Order): boolean {
  const card = factsOf(a).card;
  return card !== '' && card === factsOf(b).card;
}

/** The CE 3.0 elements (IP, device, address, account, e-mail) two orders share. */
export function sharedElements(a: Order, b: Order): Ce3Element[] {
  const x = factsOf(a);
  const y = factsOf(b);
  return CE3_ELEMENTS.filter((e) => x[e] !== '' && x[e] === y[e]);
}

/**
 * `history`: orders that may be priors (any order; those on other cards are skipped).
 * `disputedOrders`: keys of orders that have a dispute of their own (they never count as priors).
 */
export function ce3Check(dispute: Dispute, history: readonly Order[], disputedOrders: ReadonlySet<string>): Ce3Result {
  const none = (why: string, applicable = false): Ce3Result => ({ applicable, qualifies: false, priors: [], why });
  if (!isCe3Dispute(dispute)) return none('CE 3.0 applies to Visa 10.4 (card-absent fraud) disputes only');
  const disputed = history.find((o) => orderKey(o) === dispute.orderKey);
  if (!disputed) return none('the disputed order is not in the cache, so its history cannot be checked');
  const d = factsOf(disputed);
  if (!d.card) return none('the disputed order has no card fingerprint or BIN/last4/expiry to match earlier orders on', true);
  const priors: Ce3Prior[] = [];
  for (const o of history) {
    // Settled transactions only: an open order is not captured yet, and a cancelled one may never
    // have been (a failed payment); a refunded one was a real, undisputed transaction.
    if (o === disputed || o.status === 'cancelled' || o.status === 'open') continue;
    const key = orderKey(o);
    if (disputedOrders.has(key)) continue;
    // Calendar days (UTC dates), as Visa counts them: 365 days back at any hour of that day.
    const inWindow = [disputed.createdAt, dispute.openedAt].every((ref) => {
      const age = Math.floor(ref / DAY_MS) - Math.floor(o.createdAt / DAY_MS);
      return age >= CE3_WINDOW_DAYS.min && age <= CE3_WINDOW_DAYS.max;
    });
    if (!inWindow) continue;
    if (factsOf(o).card !== d.card) continue;
    const shared = sharedElements(o, disputed);
    if (ce3Matches(shared)) priors.push({ orderKey: key, createdAt: o.createdAt, shared });
  }
  priors.sort((a, b) => a.createdAt - b.createdAt);
  const qualifies = priors.length >= 2;
  return {
    applicable: true,
    qualifies,
    priors,
    why: qualifies
      ? `${priors.length} earlier undisputed orders on the same card, 120-365 days before, share IP or device and one more of IP, device, address, account and e-mail`
      : // Fewer than two: "only 0 … qualify" reads as a count of nothing; none is said as none.
        `${priors.length === 0 ? 'no earlier undisputed order' : 'only 1 earlier undisputed order'} on the same card qualifies; CE 3.0 needs two`,
  };
}
