// A payment joins the order of its number only when its facts fit that order: another shop's #1001
// for more than the order, months away, or in another currency and not taken with it is not this order's evidence.
import { describe, expect, it } from 'vitest';
import { misfitFigures, misfitHistoryLine, misfitSentence, noMisfits, paymentMisfit, roundingAllowance } from '../../../shared/orders/paymentFit';

const DAY = 86_400_000;
const PLACED = Date.UTC(2026, 4, 1, 8, 0, 0);
const order = { totalMinor: 5990, currency: 'EUR', createdAt: PLACED };
const paid = (fields: Partial<{ amountMinor: number; currency: string; createdAt: number }> = {}) => ({
  amountMinor: 5990,
  currency: 'EUR',
  createdAt: PLACED + 5_000,
  ...fields,
});

describe('paymentMisfit', () => {
  it('fits a payment of the order’s total, currency and time, the currency in any case', () => {
    expect(paymentMisfit(paid(), order)).toBeNull();
    expect(paymentMisfit(paid({ currency: 'eur' }), order)).toBeNull();
  });

  it('fits a partial capture, a split payment, a refund and a payment written below zero', () => {
    expect(paymentMisfit(paid({ amountMinor: 2000 }), order)).toBeNull();
    expect(paymentMisfit(paid({ amountMinor: 1 }), order)).toBeNull();
    expect(paymentMisfit(paid({ amountMinor: -5990 }), order)).toBeNull();
  });

  it('fits rounding above the total, and no more', () => {
    expect(roundingAllowance(5990)).toBe(30);
    expect(roundingAllowance(100)).toBe(5);
    expect(paymentMisfit(paid({ amountMinor: 5990 + 30 }), order)).toBeNull();
    expect(paymentMisfit(paid({ amountMinor: 5990 + 31 }), order)).toBe('amount');
    expect(paymentMisfit(paid({ amountMinor: 7000 }), order)).toBe('amount');
  });

  it("fits a charge in the buyer's currency taken with the order, whatever its amount; not one taken days away", () => {
    // Shopify Markets: the order exported in euros, the charge in pounds at checkout.
    expect(paymentMisfit(paid({ currency: 'GBP', amountMinor: 5120 }), order)).toBeNull();
    expect(paymentMisfit(paid({ currency: 'GBP', amountMinor: 99_999, createdAt: PLACED + 2 * DAY }), order)).toBeNull();
    expect(paymentMisfit(paid({ currency: 'GBP', createdAt: PLACED + 2 * DAY + 1 }), order)).toBe('currency');
    expect(paymentMisfit(paid({ currency: 'GBP', createdAt: PLACED - 2 * DAY - 1 }), order)).toBe('currency');
    // In its own currency the same payment, 10 days after, is a capture on shipping: it fits.
    expect(paymentMisfit(paid({ createdAt: PLACED + 10 * DAY }), order)).toBeNull();
  });

  it('compares an order stored without its amount by date only', () => {
    expect(paymentMisfit(paid({ amountMinor: 99_999 }), { ...order, totalMinor: 0 })).toBeNull();
    expect(paymentMisfit(paid({ currency: 'USD', createdAt: PLACED + 30 * DAY }), { ...order, totalMinor: 0 })).toBe('currency');
  });

  it('fits a payment up to 2 days before the order and 92 days after it; further off it does not', () => {
    expect(paymentMisfit(paid({ createdAt: PLACED - 2 * DAY }), order)).toBeNull();
    expect(paymentMisfit(paid({ createdAt: PLACED - 2 * DAY - 1 }), order)).toBe('date');
    expect(paymentMisfit(paid({ createdAt: PLACED + 92 * DAY }), order)).toBeNull();
    expect(paymentMisfit(paid({ createdAt: PLACED + 92 * DAY + 1 }), order)).toBe('date');
    expect(paymentMisfit(paid({ createdAt: PLACED - 300 * DAY }), order)).toBe('date');
  });
});

describe('misfitSentence', () => {
  it('says nothing when every payment fit', () => {
    expect(misfitSentence(noMisfits(), false)).toBeNull();
  });

  it('counts the payments and says why, in plain words', () => {
    expect(misfitSentence({ currency: 1, amount: 2, date: 0 }, false)).toBe(
      "3 payments did not fit the order of their number and were not joined to it: 1 in another currency than the order and not taken within 2 days of it, 2 for more than the order's total. " +
        "They are kept, and join another shop's order of that number that fits them once that shop's orders are imported.",
    );
    expect(misfitSentence({ currency: 0, amount: 0, date: 1 }, true)).toBe(
      '1 payment did not fit the order of its number and was not joined to it: 1 dated more than 2 days before the order or more than 92 days after it. ' +
        'It is kept, joined to no order: check that the file is from the shop chosen.',
    );
  });
});

describe('misfitHistoryLine', () => {
  it('says nothing when every payment fit', () => {
    expect(misfitHistoryLine(noMisfits())).toBeNull();
  });

  it('says how many payments named an order they did not fit, that they were not joined, and why', () => {
    expect(misfitHistoryLine({ currency: 0, amount: 3, date: 9 })).toBe(
      "12 payments named an order they did not fit: not joined (3 for more than the order's total, 9 dated more than 2 days before the order or more than 92 days after it)",
    );
    expect(misfitHistoryLine({ currency: 1, amount: 0, date: 0 })).toBe(
      '1 payment named an order it did not fit: not joined (1 in another currency than the order and not taken within 2 days of it)',
    );
  });
});

describe('misfitFigures', () => {
  it('says nothing of a payment that fits', () => {
    expect(misfitFigures(paid(), order)).toBeNull();
  });

  it('gives the amount against the order’s total', () => {
    expect(misfitFigures(paid({ amountMinor: 7000 }), order)).toEqual({ why: 'amount', text: "amount: €70.00, more than the order's total of €59.90" });
  });

  it('gives how far before or after the order a payment was taken, in tenths of a day, never rounded into the window', () => {
    expect(misfitFigures(paid({ createdAt: PLACED + 122 * DAY }), order)).toEqual({
      why: 'date',
      text: 'date: taken 122 days after the order; it fits from 2 days before the order to 92 days after it',
    });
    expect(misfitFigures(paid({ createdAt: PLACED - 2.5 * DAY }), order)?.text).toBe(
      'date: taken 2.5 days before the order; it fits from 2 days before the order to 92 days after it',
    );
    expect(misfitFigures(paid({ createdAt: PLACED + 92 * DAY + 1 }), order)?.text).toBe(
      'date: taken more than 92 days after the order; it fits from 2 days before the order to 92 days after it',
    );
  });

  it('gives both currencies and how far from the order a charge in another currency was taken', () => {
    expect(misfitFigures(paid({ currency: 'gbp', createdAt: PLACED + 10 * DAY }), order)).toEqual({
      why: 'currency',
      text: 'currency: GBP, the order EUR, and taken 10 days after the order; another currency fits only within 2 days of the order',
    });
  });
});
