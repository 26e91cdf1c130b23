// A case the analyst marked won can come back: Mastercard's flow runs Chargeback Reversed, then the
// issuer's Pre-Arbitration and a 2nd chargeback (docs.adyen.com/risk-management/chargeback-guidelines/
// mastercard-chargebacks, read 2026-12-06); the next export names the case again with a new stage
// and a later deadline. The import already keeps such a reopened case from hiding behind an outcome
// the export gave (writePlan.ts, keepsOutcome); the outcome the analyst logged must not hide it
// either, or the pre-arbitration's deadline passes unseen. An outcome logged after what the cache
// last heard from the provider still stands over the provider's older word.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputesWithWorkflow } from '../../../shared/disputes/standing';

const day = (d: number) => Date.UTC(2026, 4, d);
const base: Dispute & { stamp: { importId: number } } = {
  id: '8836000000009902',
  provider: 'adyen',
  paymentId: '8836000000000202',
  orderKey: 'shopify:#1002',
  network: 'mastercard',
  reasonCode: '4853',
  amountMinor: 12000,
  currency: 'EUR',
  openedAt: day(1),
  dueAt: day(20),
  status: 'submitted',
  stamp: { importId: 1 },
};
const imports: Record<number, number> = { 1: day(2), 2: day(33) };
const importedAt = (id: number) => imports[id];
const events = [
  { disputeId: base.id, kind: 'status', status: 'submitted' as const, at: day(10) },
  { disputeId: base.id, kind: 'status', status: 'won' as const, at: day(28) },
];

describe('an outcome logged in the app, then the case reopened by the provider', () => {
  it('a pre-arbitration imported after the logged win, due later, shows as open with its deadline', () => {
    // Imported on 2 June: a new stage, due 22 June.
    const reopened = { ...base, status: 'new' as const, dueAt: day(53), stamp: { importId: 2 } };
    const { disputes } = disputesWithWorkflow([reopened], events, importedAt);
    expect(disputes[0]!.status).toBe('new');
  });

  it('the logged win stands over what the provider said before it', () => {
    const { disputes } = disputesWithWorkflow([base], events, importedAt);
    expect(disputes[0]!.status).toBe('won');
  });
});

// A report that dates each record (Adyen's Record Date, kept as statusAt) says when the provider
// gave the state: that, not a deadline compared with another, tells a reopened case from the
// provider's older word imported late.
describe('the provider dates its state (statusAt)', () => {
  it('a record dated after the logged win reopens the case, even without a later deadline (the stage gives none)', () => {
    const reopened = { ...base, status: 'new' as const, dueAt: 0, statusAt: day(31), stamp: { importId: 2 } };
    expect(disputesWithWorkflow([reopened], events, importedAt).disputes[0]!.status).toBe('new');
  });

  it('a record dated before the logged win, imported after it with a later deadline, does not reopen it', () => {
    // The chargeback stage's record (dated 25 May, due 22 June) read only on 2 June, after the win was logged on 28 May.
    const older = { ...base, status: 'new' as const, dueAt: day(53), statusAt: day(25), stamp: { importId: 2 } };
    expect(disputesWithWorkflow([older], events, importedAt).disputes[0]!.status).toBe('won');
  });
});

// An inquiry answered in the app (submitted), then raised as a chargeback: the export names the
// case again, needing a response by a new, later deadline. The step the analyst logged answered the
// inquiry; shown over the chargeback it hides the new deadline behind "submitted".
describe('a step logged on the inquiry, then the chargeback', () => {
  const inquiry = {
    ...base,
    id: 'du_1',
    provider: 'stripe' as const,
    network: 'visa' as const,
    reasonCode: 'fraudulent',
    status: 'new' as const,
    dueAt: day(12),
  };
  const answered = [{ disputeId: 'du_1', kind: 'status', status: 'submitted' as const, at: day(8) }];
  // What the case was due by when each step was logged: the inquiry's deadline, replaced on 2 June.
  const dueThen = (id: string, at: number) => (id === 'du_1' && at < day(33) ? day(12) : undefined);

  it('the chargeback imported after it, due later, shows as needing a response', () => {
    const chargeback = { ...inquiry, status: 'new' as const, dueAt: day(40), stamp: { importId: 2 } };
    expect(disputesWithWorkflow([chargeback], answered, importedAt, dueThen).disputes[0]!.status).toBe('new');
  });

  it('the same case written again with its deadline (a comment row, a team re-apply) stays submitted', () => {
    const again = { ...inquiry, stamp: { importId: 2 } };
    expect(disputesWithWorkflow([again], answered, importedAt, dueThen).disputes[0]!.status).toBe('submitted');
  });

  it('a step logged after the chargeback arrived stands', () => {
    const chargeback = { ...inquiry, status: 'new' as const, dueAt: day(40), stamp: { importId: 2 } };
    const later = [...answered, { disputeId: 'du_1', kind: 'status', status: 'gathering_evidence' as const, at: day(34) }];
    expect(disputesWithWorkflow([chargeback], later, importedAt, dueThen).disputes[0]!.status).toBe('gathering_evidence');
  });
});
