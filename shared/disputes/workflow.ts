// A dispute's workflow: which status may follow which, and the evidence to gather by reason family.
import type { DisputeStatus } from '../domain/dispute';
import type { ReasonFamily } from './reasonCodes';

export const NEXT_STATUS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  new: ['gathering_evidence', 'accepted'],
  gathering_evidence: ['submitted', 'accepted'],
  submitted: ['won', 'lost'],
  won: [],
  lost: [],
  accepted: [],
};

export const STATUS_LABEL: Record<DisputeStatus, string> = {
  new: 'New',
  gathering_evidence: 'Gathering evidence',
  submitted: 'Submitted',
  won: 'Won',
  lost: 'Lost',
  accepted: 'Accepted (not contested)',
};

export function canMove(from: DisputeStatus, to: DisputeStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

const COMMON = ['Order confirmation and invoice', 'Customer communication'];

export const EVIDENCE: Record<ReasonFamily, readonly string[]> = {
  fraud: [
    'AVS and CVC check results',
    '3-D Secure authentication',
    'Proof of delivery to the billing address',
    'Earlier undisputed orders on the card (CE 3.0)',
    'IP address and device of the order',
    ...COMMON,
  ],
  consumer: [
    'Proof of delivery (tracking, signature)',
    'Product description as shown at purchase',
    'Refund and return policy accepted at checkout',
    'Returns or refunds already issued',
    ...COMMON,
  ],
  processing: ['Transaction receipt with amount and currency', 'Proof the charge is not a duplicate', 'Authorisation record', ...COMMON],
  authorisation: ['Authorisation approval code and date', 'Capture within the authorisation validity', ...COMMON],
  unknown: ['Proof of delivery', ...COMMON],
};

/**
 * What moving a dispute to Submitted would override: evidence its family needs that is not ticked,
 * and a deadline already passed. Empty when nothing needs a reason; otherwise the move needs one,
 * and these words are logged with it.
 */
export function submitOverrides(d: { dueAt: number; evidence: readonly { item: string; checked: boolean }[] }, to: DisputeStatus, now: number): string[] {
  if (to !== 'submitted') return [];
  const out: string[] = [];
  const missing = d.evidence.filter((e) => !e.checked).length;
  if (missing > 0) out.push(`${missing} of ${d.evidence.length} evidence items missing`);
  if (d.dueAt && d.dueAt < now) out.push(`after the deadline of ${new Date(d.dueAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return out;
}
