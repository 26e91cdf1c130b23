// Card-network programme months against the schemes' own rules.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import { DEFAULT_THRESHOLDS, programmeMonthsOf, thresholdsApplied } from '../../../shared/reports/programmes';
import { ORDER_STATUSES } from '../../../shared/domain/order';

const dispute = (i: number, network: Dispute['network'], openedAt: number): Dispute => ({
  id: `dp_${network}_${i}`,
  provider: 'stripe',
  paymentId: `ch_${network}_${i}`,
  orderKey: `shopify:#${network}${i}`,
  network,
  reasonCode: network === 'visa' ? '10.4' : '4837',
  amountMinor: 5000,
  currency: 'EUR',
  openedAt,
  dueAt: 0,
  status: 'new',
});

/** n settled (paid) card orders of one brand spread over a UTC month, as the cache's columns. */
function columns(batches: { brand: string; year: number; month: number; n: number }[]) {
  const createdAt: number[] = [];
  const brand: number[] = [];
  const labels: string[] = [];
  for (const b of batches) {
    let c = labels.indexOf(b.brand);
    if (c < 0) c = labels.push(b.brand) - 1;
    for (let i = 0; i < b.n; i++) {
      createdAt.push(Date.UTC(b.year, b.month - 1, 1 + (i % 28), 12));
      brand.push(c);
    }
  }
  const paid = ORDER_STATUSES.indexOf('paid' as Order['status']);
  return { count: createdAt.length, createdAt, status: createdAt.map(() => paid), live: createdAt.map(() => 1), brand, brandLabels: labels };
}

describe('review: Visa VAMP merchant thresholds by date', () => {
  // Source: Checkout.com, "What are the thresholds for disputes and fraud under Visa's VAMP?" — merchant
  // excessive ratio >= 2.20 % from June 2025 (through 31 March 2026), >= 1.50 % from 1 April 2026 (global
  // excluding MENA), merchants with more than 1,500 fraud + disputes a month.
  it('October 2025 at 2.0 % (1,600 of 80,000) is under the 2.2 % merchant threshold in force then', () => {
    const disputes = Array.from({ length: 1600 }, (_, i) => dispute(i, 'visa', Date.UTC(2025, 9, 1 + (i % 28), 10)));
    const months = programmeMonthsOf(columns([{ brand: 'visa', year: 2025, month: 10, n: 80_000 }]), disputes);
    const vamp = months.find((m) => m.programme === 'visa-vamp' && m.month === '2025-10')!;
    expect(vamp.ratio).toBeCloseTo(0.02, 6);
    expect(vamp.state).not.toBe('over');
  });

  it('April 2026 at the same 2.0 % is over the 1.5 % threshold', () => {
    const disputes = Array.from({ length: 1600 }, (_, i) => dispute(i, 'visa', Date.UTC(2026, 3, 1 + (i % 28), 10)));
    const months = programmeMonthsOf(columns([{ brand: 'visa', year: 2026, month: 4, n: 80_000 }]), disputes);
    const vamp = months.find((m) => m.programme === 'visa-vamp' && m.month === '2026-04')!;
    expect(vamp.state).toBe('over');
  });
});

describe('the thresholds a report says it applied', () => {
  const visa = (m: string) => ({ programme: 'visa-vamp' as const, month: m });
  const ratios = (months: { programme: 'visa-vamp'; month: string }[]) => thresholdsApplied(months, DEFAULT_THRESHOLDS).map((t) => t.ratio);

  it('are the rows in force in its months: 2.20 % until March 2026, 1.50 % from April, both across the change', () => {
    expect(ratios([visa('2026-11')])).toEqual([0.015]);
    expect(ratios([visa('2025-10')])).toEqual([0.022]);
    expect(ratios([visa('2026-03'), visa('2026-04')])).toEqual([0.022, 0.015]);
    expect(ratios([])).toEqual([]);
  });
});

describe('review: a programme month without transactions to divide by', () => {
  // Mastercard ECM: chargebacks in the month / Mastercard transactions of the previous month (Mastercard
  // Security Rules and Procedures, Excessive Chargeback Program, 1.5 % and 100 chargebacks). With no
  // transactions of the previous month in the data the ratio cannot be computed: it is not 0 % and "OK".
  it('150 Mastercard chargebacks in February with no January transactions in the cache are not "0 %, OK"', () => {
    const disputes = Array.from({ length: 150 }, (_, i) => dispute(i, 'mastercard', Date.UTC(2026, 1, 1 + (i % 28), 10)));
    const months = programmeMonthsOf(columns([{ brand: 'mastercard', year: 2026, month: 2, n: 5000 }]), disputes);
    const ecm = months.find((m) => m.programme === 'mastercard-ecm' && m.month === '2026-02')!;
    expect(ecm.numerator).toBe(150);
    expect(ecm.denominator).toBe(0);
    expect(ecm.ratio).toBeNull();
    expect(ecm.state).not.toBe('ok');
  });
});
