// Stripe names a charge's dispute twice: on the charge's row of its payments export (kept as
// `<charge>/dispute`) and in its disputes export (`dp_…`). An analyst who answered the inquiry on
// the first record, whose chargeback then arrived as a `dp_…` record the cache had not held, must
// see the chargeback's deadline: the step logged under the other id answered the inquiry only.
// The new-stage rule compares the deadline with the one the case had when the step was logged: the
// import that created `dp_…` replaced no deadline, so it is the derived record's, under its own id
// (found by the review of d1b56b0/145023a, where 'submitted' hid the chargeback).
import { expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { derivedDisputeId, disputesWithWorkflow } from '../../../shared/disputes/standing';

const day = (d: number) => Date.UTC(2026, 4, d);
const inquiry: Dispute & { stamp: { importId: number } } = {
  id: derivedDisputeId('ch_1'),
  provider: 'stripe',
  paymentId: 'ch_1',
  orderKey: 'shopify:#1002',
  network: 'visa',
  reasonCode: 'fraudulent',
  amountMinor: 12000,
  currency: 'EUR',
  openedAt: day(1),
  dueAt: day(20),
  status: 'new',
  stamp: { importId: 1 },
};
// The disputes export, imported on 2 June, first names the dispute: a chargeback due 22 June.
const chargeback = { ...inquiry, id: 'dp_1', dueAt: day(53), status: 'new' as const, stamp: { importId: 2 } };
const imports: Record<number, number> = { 1: day(2), 2: day(33) };
const events = [{ disputeId: inquiry.id, kind: 'status', status: 'submitted' as const, at: day(10) }];
// As dueWhenLogged reads the undo data: the derived record was not written since; dp_1 was created.
const dueWhenLogged = () => undefined;

it('a chargeback first imported under its dp_ id after the inquiry was answered shows as needing a response', () => {
  const { disputes } = disputesWithWorkflow([inquiry, chargeback], events, (id) => imports[id], dueWhenLogged);
  expect(disputes.map((d) => d.id)).toEqual(['dp_1']);
  expect(disputes[0]!.status).toBe('new');
});

it('a step logged on the charge’s dispute stands when the dp_ record brings no later deadline', () => {
  const same = { ...chargeback, dueAt: inquiry.dueAt };
  const { disputes } = disputesWithWorkflow([inquiry, same], events, (id) => imports[id], dueWhenLogged);
  expect(disputes[0]!.status).toBe('submitted');
});
