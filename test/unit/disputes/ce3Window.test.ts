// Visa CE 3.0 counts calendar days: prior transactions "processed more than 119 calendar days and
// fewer than 366 calendar days prior to the disputed transaction processing date" (Stripe support,
// "How does Stripe support Visa Compelling Evidence 3.0?", quoting Visa's criteria; Perseus' and
// Acqra's summaries of the April 2023 rule likewise say calendar days, counted to the dispute date;
// read 2026-12-06). A prior placed 365 calendar days before at an earlier hour of the day is in the
// window, though more than 365 × 24 hours have passed; one 120 days before at a later hour likewise.
import { describe, expect, it } from 'vitest';
import { ce3Check } from '../../../shared/disputes/ce3';
import { orderKey, type Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
// The disputed order: 1 November 2026, 09:00 UTC; the dispute the same day at 18:00.
const placed = Date.UTC(2026, 10, 1, 9);
const base = { cardFingerprint: 'fp_ce3', ip: '203.0.113.9', deviceId: 'dev-ce3', customerId: 'c-1', status: 'fulfilled' as const };
const disputedOrder = order({ ...base, externalId: '#900', createdAt: placed });
const prior = (id: string, createdAt: number, fields: Partial<Order> = {}) => order({ ...base, externalId: id, createdAt, ...fields });
const dispute = {
  id: 'dp_1',
  provider: 'stripe',
  paymentId: 'ch_1',
  orderKey: orderKey(disputedOrder),
  network: 'visa' as const,
  reasonCode: '10.4',
  amountMinor: 100,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 10, 1, 18),
  dueAt: Date.UTC(2026, 10, 21),
  status: 'new' as const,
};

describe('Visa CE 3.0 window', () => {
  it('counts calendar days: 365 and 120 days before by the date count at any hour, 366 and 119 do not', () => {
    const history = [
      disputedOrder,
      // 1 November 2025 at 01:00 UTC: 365 calendar days before, though 365 days and 8 hours elapsed.
      prior('#365', Date.UTC(2025, 10, 1, 1)),
      // 4 July 2026 at 23:00 UTC: 120 calendar days before, though only 119 days and 10 hours elapsed.
      prior('#120', Date.UTC(2026, 6, 4, 23)),
      // 31 October 2025 at 23:00 UTC: 366 calendar days before, though only 365 days and 10 hours elapsed.
      prior('#366', Date.UTC(2025, 9, 31, 23)),
      prior('#119', Date.UTC(2026, 6, 5, 0, 30)),
    ];
    const result = ce3Check(dispute, history, new Set([orderKey(disputedOrder)]));
    expect(result.priors.map((p) => p.orderKey)).toEqual(['shopify:#365', 'shopify:#120']);
    expect(result.qualifies).toBe(true);
    expect(placed - Date.UTC(2025, 10, 1, 1)).toBeGreaterThan(365 * DAY);
  });
});
