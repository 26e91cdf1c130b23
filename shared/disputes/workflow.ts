// A dispute's workflow: which status may follow which, and the evidence to gather by reason family.
import { isDecided, type DisputeStage, type DisputeStatus } from '../domain/dispute';
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

/**
 * Why no response goes out for the case, or null while one may: accepted, the case is given up
 * (until a mistaken accept is corrected); a fraud report (TC40, SAFE) asks for no answer at all.
 * Nothing is gathered or built for a response that is not sent: the evidence checklist and the
 * evidence pack are closed, and the sentence says why (after "No evidence pack: ").
 */
export function noResponse(d: { status: DisputeStatus; stage?: DisputeStage }): string | null {
  if (d.stage === 'fraud_report') return 'a fraud report asks for no answer, and nothing is sent';
  if (d.status === 'accepted') return 'the dispute was accepted and nothing is sent';
  return null;
}

/** Whether no response goes out for the case (noResponse says why). */
export const responseClosed = (d: { status: DisputeStatus; stage?: DisputeStage }): boolean => noResponse(d) !== null;

/** Still to be answered (new or gathering evidence) and its deadline to respond has passed at `now`. */
export function pastDeadline(d: { status: DisputeStatus; dueAt: number }, now: number): boolean {
  return (d.status === 'new' || d.status === 'gathering_evidence') && d.dueAt > 0 && d.dueAt < now;
}

/**
 * The moves a dispute is offered at `now`. Past its deadline an answer can no longer be sent in
 * time, so gathering evidence is no longer offered: the analyst accepts it, or records what the
 * network decided (won or lost; left unanswered, the network finds for the cardholder). Submitting
 * late stays possible from gathering evidence (Stripe takes evidence past due and flags it
 * `past_due`; the network need not read it), and only through the submit guard, which asks why.
 */
export function movesAt(d: { status: DisputeStatus; dueAt: number; stage?: DisputeStage }, now: number): readonly DisputeStatus[] {
  // An issuer's fraud report (TC40, SAFE) takes no money back and asks nothing: there is nothing to
  // gather, submit or accept ("accept and give up the amount" would be untrue of it).
  if (d.stage === 'fraud_report') return [];
  if (!pastDeadline(d, now)) return NEXT_STATUS[d.status];
  return d.status === 'gathering_evidence' ? ['accepted', 'won', 'lost', 'submitted'] : ['accepted', 'won', 'lost'];
}

/**
 * Where a dispute the analyst recorded as accepted goes back to when that record was a mistake, or
 * null when it cannot. Accepting at Stripe or Adyen is final, and a provider's export that says the
 * case is decided (accepted, or lost as Stripe shows an accepted dispute) is that fact: no way back.
 * The app's own record is the analyst's word and can be wrong (the wrong row, a misclick): left
 * standing it would drop a case whose deadline still runs from the deadline list, and no later export
 * could bring it back (a logged outcome stands over the provider's open status). So an accept the
 * analyst logged, while the provider's status is still open, can be corrected, with a reason, back to
 * the status it was accepted from; the accept stays in the append-only history and the correction is
 * a step logged after it. `provider`: the status the provider's export gives; `logged`: the status
 * events logged for the dispute, oldest first.
 */
export function acceptCorrection(provider: DisputeStatus, logged: readonly DisputeStatus[]): DisputeStatus | null {
  if (logged.at(-1) !== 'accepted' || isDecided(provider)) return null;
  // Back to the open step logged just before the accept. Any other step there (an answer, an
  // outcome) belonged to an earlier stage: an inquiry answered, then raised to the chargeback that
  // was accepted. Going back to "submitted" would claim an answer to the chargeback nobody sent and
  // drop it from the deadline list, so the provider's own status stands instead.
  const before = logged.at(-2);
  return before === 'new' || before === 'gathering_evidence' ? before : provider;
}

/** The statuses logged for a case (a dispute or a refund claim), oldest first, from its workflow events newest first. */
export function loggedStatuses(events: readonly { kind: string; status?: DisputeStatus }[]): DisputeStatus[] {
  return events.flatMap((e) => (e.kind === 'status' && e.status ? [e.status] : [])).reverse();
}

/** Correcting an accept is logged with the analyst's reason; without one nothing changes. */
export const CORRECTION_NEEDS_REASON = 'Correcting an accept needs a reason; nothing was changed';

/** The history note of a correction of a mistaken accept: what it corrects, and why. */
export const correctionNote = (reason: string): string => `correction: recorded as accepted by mistake — ${reason}`;

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
