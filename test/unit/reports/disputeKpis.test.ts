// Dispute KPIs on seven hand-made disputes; every figure worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeKpis } from '../../../shared/reports/disputeKpis';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);
const d = (id: string, fields: Partial<Dispute>): Dispute => ({ id, provider: 'stripe', paymentId: id, orderKey: '', network: 'visa', reasonCode: '10.4', amountMinor: 1000, currency: 'EUR', openedAt: T + DAY, dueAt: T + 20 * DAY, status: 'new', ...fields });

describe('dispute KPIs', () => {
  const list = [
    d('a', { status: 'won', amountMinor: 5000 }), // fraud, visa, answered (won counts as answered)
    d('b', { status: 'lost', amountMinor: 1000 }), // fraud, visa
    d('c', { status: 'lost', amountMinor: 3000, network: 'mastercard', reasonCode: '4853' }), // consumer
    d('d', { status: 'accepted', amountMinor: 2000, reasonCode: '13.1' }), // consumer, not answered
    d('e', { status: 'submitted', amountMinor: 1000, reasonCode: '13.1' }), // submitted late (see below)
    d('f', { status: 'new', dueAt: 0, amountMinor: 500 }), // no response allowed
    d('g', { status: 'won', openedAt: T + 40 * DAY }), // outside the period
  ];
  const k = disputeKpis(list, T, T + 30 * DAY, new Map([['e', T + 21 * DAY]]));

  it('counts the period: opened, value, answered in time, outcomes and win rates', () => {
    expect(k.all).toEqual({
      opened: 6,
      openedValueMinor: 12_500,
      respondable: 5, // f allows no response
      respondedInTime: 3, // a, b and c were decided; e was submitted a day after its due date; d was accepted
      won: 1,
      lost: 2,
      accepted: 1,
      winRate: 1 / 3,
      winRateByValue: 5000 / 9000,
    });
  });

  it('splits by reason family and network', () => {
    expect(k.byFamily.fraud).toMatchObject({ opened: 3, won: 1, lost: 1, winRate: 0.5 });
    expect(k.byFamily.consumer).toMatchObject({ opened: 3, won: 0, lost: 1, accepted: 1, winRate: 0 });
    expect(k.byNetwork.mastercard).toMatchObject({ opened: 1, lost: 1, winRateByValue: 0 });
    expect(k.currency).toBe('EUR');
  });
});
