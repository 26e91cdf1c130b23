// The analyst moves a dispute to Submitted when the evidence goes out; the network decides later and
// the provider's next export says won or lost. That outcome must show: the workflow's earlier step
// (submitted) cannot stand over a decision taken after it (won and lost are final in NEXT_STATUS).
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputesWithWorkflow } from '../../../shared/disputes/standing';
import { disputeKpis } from '../../../shared/reports/disputeKpis';

const base: Dispute & { stamp: { importId: number } } = {
  id: 'dp_1PqRsT',
  provider: 'stripe',
  paymentId: 'ch_3PqRsT',
  orderKey: 'shopify:#1001',
  network: 'visa',
  reasonCode: 'fraudulent',
  amountMinor: 8900,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 4, 2),
  dueAt: Date.UTC(2026, 4, 20),
  status: 'new',
  stamp: { importId: 1 },
};

describe('an outcome from a later export over the workflow step before it', () => {
  it('gathering evidence, then submitted in the app; the next Stripe disputes export says lost', () => {
    const events = [
      { disputeId: 'dp_1PqRsT', kind: 'status', status: 'gathering_evidence' as const },
      { disputeId: 'dp_1PqRsT', kind: 'status', status: 'submitted' as const },
    ];
    const afterExport = { ...base, status: 'lost' as const, stamp: { importId: 2 } };
    const { disputes } = disputesWithWorkflow([afterExport], events);
    expect(disputes[0]!.status).toBe('lost');
    const kpis = disputeKpis(disputes, Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1));
    expect({ won: kpis.all.won, lost: kpis.all.lost, winRate: kpis.all.winRate }).toEqual({ won: 0, lost: 1, winRate: 0 });
  });
});
