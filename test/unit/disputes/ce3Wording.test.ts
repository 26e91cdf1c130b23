// Why a Visa 10.4 dispute does not qualify for CE 3.0, in words: none qualifying is said as none
// ("only 0 earlier undisputed orders … qualify" read as a count of nothing), one as one.
import { describe, expect, it } from 'vitest';
import { ce3Check } from '../../../shared/disputes/ce3';
import { orderKey, type Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
const base = { cardFingerprint: 'fp_ce3', ip: '203.0.113.9', deviceId: 'dev-ce3', customerId: 'c-1', status: 'fulfilled' as const };
const disputed = order({ ...base, externalId: '#900', createdAt: NOW });
const prior = (id: string, fields: Partial<Order> = {}) => order({ ...base, externalId: id, createdAt: NOW - 200 * DAY, ...fields });
const dispute = {
  id: 'dp_1',
  provider: 'stripe',
  paymentId: 'ch_1',
  orderKey: orderKey(disputed),
  network: 'visa' as const,
  reasonCode: '10.4',
  amountMinor: 100,
  currency: 'EUR',
  openedAt: NOW + 10 * DAY,
  dueAt: NOW + 30 * DAY,
  status: 'new' as const,
};

describe('CE 3.0: why not eligible', () => {
  it('says no earlier order qualifies when none does', () => {
    expect(ce3Check(dispute, [disputed], new Set()).why).toBe('no earlier undisputed order on the same card qualifies; CE 3.0 needs two');
  });

  it('says only one qualifies when one does', () => {
    expect(ce3Check(dispute, [disputed, prior('#1')], new Set()).why).toBe('only 1 earlier undisputed order on the same card qualifies; CE 3.0 needs two');
  });
});
