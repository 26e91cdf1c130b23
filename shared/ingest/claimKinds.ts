// Which kind of refund claim a row is: read from a claims file's kind column, or, in PayPal's case
// report, from the case type and reason that tell a buyer's claim from a card chargeback.
import { CLAIM_KINDS, CLAIM_KIND_LABEL, type ClaimKind } from '../disputes/claims';

const fold = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Words a marketplace's export or an analyst's sheet uses for each kind, folded (case, spaces and punctuation aside). */
const KIND_WORDS: Record<string, ClaimKind> = {
  atoz: 'amazon-a-to-z',
  atozclaim: 'amazon-a-to-z',
  atozguarantee: 'amazon-a-to-z',
  atozguaranteeclaim: 'amazon-a-to-z',
  amazonatoz: 'amazon-a-to-z',
  amazonatozclaim: 'amazon-a-to-z',
  azclaim: 'amazon-a-to-z',
  safet: 'amazon-safe-t',
  safetclaim: 'amazon-safe-t',
  amazonsafet: 'amazon-safe-t',
  amazonsafetclaim: 'amazon-safe-t',
  inr: 'paypal-inr',
  itemnotreceived: 'paypal-inr',
  notreceived: 'paypal-inr',
  nonreceipt: 'paypal-inr',
  paypalinr: 'paypal-inr',
  snad: 'paypal-snad',
  notasdescribed: 'paypal-snad',
  significantlynotasdescribed: 'paypal-snad',
  itemnotasdescribed: 'paypal-snad',
  paypalsnad: 'paypal-snad',
  return: 'marketplace-return',
  returndispute: 'marketplace-return',
  returnrequest: 'marketplace-return',
  marketplacereturn: 'marketplace-return',
};
for (const k of CLAIM_KINDS) {
  KIND_WORDS[fold(k)] = k;
  KIND_WORDS[fold(CLAIM_KIND_LABEL[k])] = k;
}

/** The kind a claims file's cell names (`A-to-z`, `SAFE-T`, `INR`, `paypal-snad`, the app's own labels); null when it names none. */
export function claimKindOf(raw: string): ClaimKind | null {
  return KIND_WORDS[fold(raw)] ?? null;
}

/** The values `claimKindOf` reads, for a problem's reason. */
export const CLAIM_KIND_EXAMPLES = 'A-to-z, SAFE-T, INR (not received), SNAD (not as described) or Return';

/**
 * PayPal's case report lists the buyer's cases in PayPal's Resolution Center beside the card
 * chargebacks. Case type `Dispute` is a buyer's complaint still between buyer and seller, `Claim` the
 * same case escalated to PayPal under the same case id; both are the seller's to answer to PayPal,
 * not to a card network, so with a reason of item not received or not as described they are refund
 * claims. `Chargeback`, `Bank Return` and `Unauthorized Claim` (fraud) stay disputes. Case types per
 * PayPal's Case Report help (paypalobjects.com/en_US/vhelp/servicemanagement_help/rep_disputereport.htm)
 * and the Case Report Specification 8.0.1's revision history; reasons as PayPal's dispute
 * notifications name them (non_receipt, not_as_described), read 2026-12-03.
 */
export function paypalClaimKind(caseType: string, reason: string): ClaimKind | null {
  const type = fold(caseType);
  if (type !== 'claim' && type !== 'dispute') return null;
  const r = fold(reason);
  if (r === 'nonreceipt' || r === 'itemnotreceived' || r === 'merchandisenotreceived' || r === 'inr') return 'paypal-inr';
  if (r === 'notasdescribed' || r === 'significantlynotasdescribed' || r === 'itemnotasdescribed' || r === 'snad') return 'paypal-snad';
  return null;
}
