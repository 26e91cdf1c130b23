// Whether a payment's facts fit the order its reference names: own shops number their orders alike
// (#1001 in every shop), so a number alone may name another shop's order, whose card would then be wrong evidence.
import { formatMoney } from '../domain/money';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';

/** Why a payment does not fit the order of its number. */
export type PaymentMisfit = 'currency' | 'amount' | 'date';

export const PAYMENT_MISFITS: readonly PaymentMisfit[] = ['currency', 'amount', 'date'];

const DAY_MS = 86_400_000;

/**
 * How far a payment's time may lie from its order's. Before: a checkout's payment is taken moments
 * before the shop writes the order; two days also cover a date-only export's midnight in any time
 * zone. After: a capture on shipping, a bank transfer or Shopify's longest payment terms (net 90),
 * plus the same two days.
 */
export const PAYMENT_BEFORE_ORDER_MS = 2 * DAY_MS;
export const PAYMENT_AFTER_ORDER_MS = 92 * DAY_MS;

/**
 * What a payment may take above its order's total, in minor units: rounding only (a total summed
 * from lines whose tax was rounded per line), 0.5% of the total or 5 minor units, whichever is more.
 * Less than the total always fits: a partial capture, a split payment beside a gift card, a refund.
 */
export const roundingAllowance = (totalMinor: number): number => Math.max(5, Math.ceil(Math.abs(totalMinor) * 0.005));

/**
 * The first reason `p` does not fit order `o`, null when it fits: more than the order's total (beyond
 * rounding); dated more than two days before the order or more than 92 days after it. An order stored
 * without its amount (0.00: a report that had no prices yet) is compared by date only. A payment
 * written below zero (a refund written as a payment) is compared by its size.
 *
 * A payment in another currency is no misfit by that alone: a shop that sells in its buyers'
 * currencies (Shopify Markets) may export the order in its own currency while the charge is in the
 * buyer's, and refusing those would drop the card, device and IP of every foreign order. Its amount
 * cannot be compared, so it fits only when taken within two days of the order, as a checkout's charge
 * is; a payment in another currency and months away is another order's ('currency').
 */
export function paymentMisfit(
  p: Pick<Payment, 'amountMinor' | 'currency' | 'createdAt'>,
  o: Pick<Order, 'totalMinor' | 'currency' | 'createdAt'>,
): PaymentMisfit | null {
  if (p.currency.toUpperCase() !== o.currency.toUpperCase()) {
    return Math.abs(p.createdAt - o.createdAt) <= PAYMENT_BEFORE_ORDER_MS ? null : 'currency';
  }
  if (o.totalMinor > 0 && Math.abs(p.amountMinor) > o.totalMinor + roundingAllowance(o.totalMinor)) return 'amount';
  if (p.createdAt < o.createdAt - PAYMENT_BEFORE_ORDER_MS || p.createdAt > o.createdAt + PAYMENT_AFTER_ORDER_MS) return 'date';
  return null;
}

/** How the order's detail and the evidence pack mark a payment joined by assumed shop, and why it may be. */
export const JOINED_BY_ASSUMED_SHOP = 'joined by assumed shop';
export const ASSUMED_SHOP_WHY =
  'nobody was asked which shop its payments file is from, and it did not fit the order of its number in the shop it was taken for, but fits this one';

/** How many payments did not fit the order of their number, by reason. */
export type MisfitCounts = Record<PaymentMisfit, number>;

export const noMisfits = (): MisfitCounts => ({ currency: 0, amount: 0, date: 0 });

const MISFIT_WORDS: Record<PaymentMisfit, (n: string) => string> = {
  currency: (n) => `${n} in another currency than the order and not taken within 2 days of it`,
  amount: (n) => `${n} for more than the order's total`,
  date: (n) => `${n} dated more than 2 days before the order or more than 92 days after it`,
};

/**
 * The import card's sentence, or null when every payment fit: "2 payments did not fit the order of
 * their number and were not joined to it: 1 in another currency than the order, 1 for more than the
 * order's total. …". `shopAsked`: the analyst said which shop the file is from (else the cache held
 * one own shop and nobody was asked). `count` writes a number as the screen does.
 */
export function misfitSentence(counts: MisfitCounts, shopAsked: boolean, count: (n: number) => string = String): string | null {
  const total = PAYMENT_MISFITS.reduce((n, k) => n + counts[k], 0);
  if (total === 0) return null;
  const why = PAYMENT_MISFITS.filter((k) => counts[k] > 0).map((k) => MISFIT_WORDS[k](count(counts[k])));
  return (
    `${count(total)} ${total === 1 ? 'payment' : 'payments'} did not fit the order of ${total === 1 ? 'its' : 'their'} number and ` +
    `${total === 1 ? 'was' : 'were'} not joined to it: ${why.join(', ')}. ` +
    (shopAsked
      ? `${total === 1 ? 'It is' : 'They are'} kept, joined to no order: check that the file is from the shop chosen.`
      : `${total === 1 ? 'It is' : 'They are'} kept, and ${total === 1 ? 'joins' : 'join'} another shop's order of that number that ${total === 1 ? 'fits it' : 'fits them'} once that shop's orders are imported.`)
  );
}

/**
 * The import history's line for an import whose payments did not fit: "12 payments named an order they
 * did not fit: not joined (3 for more than the order's total, 9 dated more than 2 days before the order
 * or more than 92 days after it)"; null when every one fit.
 */
export function misfitHistoryLine(counts: MisfitCounts, count: (n: number) => string = String): string | null {
  const total = PAYMENT_MISFITS.reduce((n, k) => n + counts[k], 0);
  if (total === 0) return null;
  const why = PAYMENT_MISFITS.filter((k) => counts[k] > 0).map((k) => MISFIT_WORDS[k](count(counts[k])));
  return `${count(total)} ${total === 1 ? 'payment' : 'payments'} named an order ${total === 1 ? 'it' : 'they'} did not fit: not joined (${why.join(', ')})`;
}

/**
 * Why payment `p` was not joined to order `o`, with the figures, for the order's detail beside the
 * payment's own amount and time: "amount: €70.00, more than the order's total of €20.00"; "date: taken
 * 122 days after the order; …". Null when it fits.
 */
export function misfitFigures(
  p: Pick<Payment, 'amountMinor' | 'currency' | 'createdAt'>,
  o: Pick<Order, 'totalMinor' | 'currency' | 'createdAt'>,
): { why: PaymentMisfit; text: string } | null {
  const why = paymentMisfit(p, o);
  if (why === null) return null;
  const gap = p.createdAt - o.createdAt;
  // Tenths of a day, never rounded into the window: 92.04 days after is "more than 92 days", not "92 days".
  const when = (limitMs: number) => {
    const limit = limitMs / DAY_MS;
    const tenths = Math.floor((Math.abs(gap) / DAY_MS) * 10) / 10;
    const days = tenths > limit ? `${tenths} ${tenths === 1 ? 'day' : 'days'}` : `more than ${limit} days`;
    return `${days} ${gap < 0 ? 'before' : 'after'} the order`;
  };
  switch (why) {
    case 'amount':
      return {
        why,
        text: `amount: ${formatMoney(Math.abs(p.amountMinor), p.currency)}, more than the order's total of ${formatMoney(o.totalMinor, o.currency)}`,
      };
    case 'currency':
      return {
        why,
        text: `currency: ${p.currency.toUpperCase()}, the order ${o.currency.toUpperCase()}, and taken ${when(PAYMENT_BEFORE_ORDER_MS)}; another currency fits only within 2 days of the order`,
      };
    case 'date':
      return {
        why,
        text: `date: taken ${when(gap < 0 ? PAYMENT_BEFORE_ORDER_MS : PAYMENT_AFTER_ORDER_MS)}; it fits from 2 days before the order to 92 days after it`,
      };
  }
}
