// Which case a claim names: the same key on every laptop for the same order, ring or dispute, so
// "claimed by Ana" on one laptop is the same case on the next. Chargebacks and refund claims share
// the dispute subject and are told apart by a prefix, since their ids come from different systems.
import type { ClaimSubject } from './messages';

export interface CaseRef {
  subject: ClaimSubject;
  key: string;
}

export const caseOf = {
  /** An order by its key (`source:externalId`). */
  order: (orderKey: string): CaseRef => ({ subject: 'order', key: orderKey }),
  /** A ring by its id, named after its alphabetically first order (stable across re-links). */
  ring: (ringId: string): CaseRef => ({ subject: 'ring', key: ringId }),
  /** A PSP chargeback by the PSP's dispute id. */
  chargeback: (disputeId: string): CaseRef => ({ subject: 'dispute', key: `chargeback:${disputeId}` }),
  /** A marketplace refund claim (A-to-z, PayPal case…) by its reference. */
  refundClaim: (claimId: string): CaseRef => ({ subject: 'dispute', key: `refund-claim:${claimId}` }),
};

/** One string per case, for maps of claims. */
export function caseId(c: CaseRef): string {
  return `${c.subject}\u0000${c.key}`;
}
